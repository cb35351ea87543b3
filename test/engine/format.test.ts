// Format Document (engine/format.ts) on every sample and crawled web page, in every
// encoding the samples bring plus Markdown and tab-separated rows made by formatting
// itself, with LF and CRLF: the prose and the cells are the same before and after,
// formatting twice is formatting once, and findings other than layout ones do not change.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ReportDocument, TABLE_IDS, applyEdits, check as checkDoc, formatEdits, formatText, type Report, type TableStyle } from '../../server/src/engine';
import { findingCodes } from '../../server/src/engine/format';
import { isWide } from '../../server/src/engine/render/width';
import { FIXTURES, readSample, sampleNames } from '../helpers';

const webNames = () => readdirSync(path.join(FIXTURES, 'web')).filter(f => f.endsWith('.txt')).sort();
const inputs = (): [string, string][] => [
  ...sampleNames().map((n): [string, string] => [n, readSample(n)]),
  ...webNames().map((n): [string, string] => [`web/${n}`, readFileSync(path.join(FIXTURES, 'web', n), 'utf8')]),
];

const tablesOf = (r: Report) => [...TABLE_IDS.map(id => r.tables[id]!).filter(Boolean), ...r.extraTables];
const isDebris = (line: string) => /[|-]/.test(line) && /^[\s|:\-]*$/.test(line);

/** The text outside the tables, heading numberings left out, without whitespace: the prose as written. */
function prose(text: string): string {
  const doc = new ReportDocument(text);
  const skip = new Set<number>();
  const numbering = new Map<number, [number, number]>();
  for (const r of doc.model.reports) {
    for (const t of tablesOf(r)) {
      let first = t.range.start.line, last = t.range.end.line;
      while (first > 0 && isDebris(doc.line(first - 1))) first--;
      while (last + 1 < doc.lineCount && isDebris(doc.line(last + 1))) last++;
      for (let i = first; i <= last; i++) skip.add(i);
    }
    for (const p of r.parts) {
      const m = /^([一二三四五六七八九十]|[0-9０-９]{1,2})[ \t\u3000]*([、.．，,])/.exec(p.text);
      if (m) numbering.set(p.range.start.line, [p.range.start.character, p.range.start.character + m[0].length]);
    }
  }
  let out = '';
  for (let i = 0; i < doc.lineCount; i++) {
    if (skip.has(i)) continue;
    let line = doc.line(i);
    const n = numbering.get(i);
    if (n) line = line.slice(0, n[0]) + line.slice(n[1]);
    out += line;
  }
  return out.replace(/[\s\u00a0\u3000]/g, '');
}

/** Every cell of every table, as written and as read: the numbers the report states. */
function cells(text: string): string[] {
  const out: string[] = [];
  new ReportDocument(text).model.reports.forEach((r, i) => {
    for (const t of tablesOf(r)) for (const row of Object.values(t.rows)) for (const c of Object.values(row.cells)) {
      out.push(`${i} ${t.id} ${row.id} ${c.column} ${c.text} ${c.value}`);
    }
  });
  return out.sort();
}

const digitRuns = (s: string) => (s.match(/[0-9０-９]+/g) ?? []).sort();
/** Every finding's code, layout ones included. */
const check = (text: string) => checkDoc(new ReportDocument(text)).map(f => f.code);
const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

/** The samples' encodings, and Markdown and tab-separated rows made from them. */
function variants(text: string): [string, string][] {
  return [['as written', text], ['crlf', crlf(text)], ['markdown', formatText(text, { tables: 'markdown' })], ['tabs', formatText(text, { tables: 'tabs' })]];
}

describe('Format Document keeps what the report says', () => {
  for (const [name, original] of inputs()) {
    for (const [variant, text] of variants(original)) {
      for (const style of ['markdown', 'tabs'] as TableStyle[]) {
        it(`${name} (${variant}) → ${style}`, () => {
          const out = formatText(text, { tables: style });
          assert.equal(prose(out), prose(text), 'the prose changed');
          assert.deepEqual(digitRuns(prose(out)), digitRuns(prose(text)));
          assert.deepEqual(cells(out), cells(text), 'a cell changed');
          assert.equal(formatText(out, { tables: style }), out, 'formatting twice differs from once');
          assert.equal(findingCodes(new ReportDocument(out)), findingCodes(new ReportDocument(text)));
          // The edits the server sends give the same text.
          const doc = new ReportDocument(text);
          assert.equal(applyEdits(text, formatEdits(doc, { tables: style })), out);
        });
      }
    }
  }
});

describe('Format Document rewrites the layout', () => {
  it('every table of the cell-per-line, pipe-cell and TSV samples ends in the chosen encoding', () => {
    for (const prefix of ['001', '003', '004', '11_', '12_']) {
      for (const [style, encoding] of [['markdown', 'markdown'], ['tabs', 'tsv']] as const) {
        const r = new ReportDocument(formatText(readSample(prefix), { tables: style })).model.reports[0];
        assert.deepEqual(TABLE_IDS.map(id => r.tables[id]?.encoding), [encoding, encoding, encoding], `${prefix} ${style}`);
      }
    }
  });

  it('a web page of one line becomes paragraphs and tables', () => {
    const text = readFileSync(path.join(FIXTURES, 'web', 'w21_pingtan_jjf_2019.txt'), 'utf8');
    const out = formatText(text);
    assert.ok(new ReportDocument(text).segmented);
    assert.ok(!new ReportDocument(out).segmented, 'still a web line');
    const r = new ReportDocument(out).model.reports[0];
    assert.deepEqual(TABLE_IDS.map(id => r.tables[id]?.encoding), ['markdown', 'markdown', 'markdown']);
  });

  it('part numbering becomes the template\'s, the wording stays', () => {
    const text = readSample('001').replace(/^(\s*)三、/m, '$13. ').replace(/^(\s*)五、/m, '$1５．');
    assert.ok(check(text).includes('part-numbering'));
    const out = formatText(text);
    assert.match(out, /^\s*三、收到和处理政府信息公开申请情况/m);
    const parts = new ReportDocument(out).model.reports[0].parts;
    assert.ok(parts.every(p => p.standardNumbering), parts.map(p => p.text).join(' / '));
    assert.ok(check(out).every(c => c !== 'part-numbering'));
  });

  it('a numbering that names another part is left alone (not layout)', () => {
    const text = readSample('001').replace(/^(\s*)三、/m, '$17.');
    assert.match(text, /^\s*7\./m);
    assert.match(formatText(text), /^\s*7\./m);
  });

  it('range formatting rewrites only the table in the range', () => {
    const text = readSample('001');
    const doc = new ReportDocument(text);
    const t = doc.model.reports[0].tables.applications!;
    const edits = formatEdits(doc, { range: { start: { line: t.range.start.line + 2, character: 0 }, end: { line: t.range.start.line + 2, character: 0 } } });
    const r = new ReportDocument(applyEdits(text, edits)).model.reports[0];
    assert.deepEqual(TABLE_IDS.map(id => r.tables[id]?.encoding), ['tab-cells', 'markdown', 'tab-cells']);
  });

  it('a table that cannot be rewritten whole is left as written', () => {
    // A stray number in table 二: it would be lost, so the table stays.
    const text = readSample('001');
    const t = new ReportDocument(text).model.reports[0].tables.proactive!;
    const lines = text.split('\n');
    lines.splice(t.range.start.line + 3, 0, '\t12345');
    const mutated = lines.join('\n');
    const out = formatText(mutated);
    assert.equal(new ReportDocument(out).model.reports[0].tables.proactive!.encoding, 'tab-cells');
    assert.ok(out.includes('12345'));
  });

  it('Markdown columns line up exactly: every row has as many wide and narrow characters before each pipe', () => {
    for (const name of sampleNames()) {
      const out = formatText(readSample(name), { tables: 'markdown' });
      const rows = out.split('\n').filter(l => l.startsWith('|') && !/^[|\s:\-]*$/.test(l));
      const byTable: string[][] = [];
      let prev = -2;
      out.split('\n').forEach((l, i) => {
        if (!rows.includes(l)) return;
        if (i !== prev + 1 && i !== prev + 2) byTable.push([]);
        byTable[byTable.length - 1].push(l);
        prev = i;
      });
      for (const table of byTable) {
        const shape = (l: string) => {
          const out: string[] = [];
          let w = 0, n = 0;
          for (const ch of l) {
            if (ch === '|') out.push(`${w}/${n}`);
            if (isWide(ch.codePointAt(0)!)) w++; else n++;
          }
          return out.join(' ');
        };
        const shapes = new Set(table.map(shape));
        assert.equal(shapes.size, 1, `${name}: ${[...shapes].join(' ≠ ')}`);
      }
    }
  });
});
