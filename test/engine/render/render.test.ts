// The renderers, judged by the engine: every rendering of every standard table parses back
// to a complete table of its generation holding exactly the values rendered; converting a
// real report's table to aligned Markdown keeps every cell as written.
import assert from 'node:assert/strict';
import { ReportDocument, TEMPLATES, GENERATIONS, TABLE_IDS, applyEdits, check, tableDecl, type Encoding, type Generation, type TableId, type Table } from '../../../server/src/engine';
import { displayWidth, escapeSnippet, renderSnippetTable, renderTable, toAlignedMarkdown, type Values } from '../../../server/src/engine/render';
import { readSample, sampleNames } from '../../helpers';

const ENCODINGS: Encoding[] = ['markdown', 'tab-cells', 'pipe-cells', 'tsv', 'layout', 'plain'];
/** What a rendering in an encoding reads back as: PDF encodings are written as Markdown. */
const readsAs = (e: Encoding): Encoding => (e === 'layout' || e === 'plain' ? 'markdown' : e);

/** A minimal report around one table: a title naming a year of the generation, and the table's part heading. */
function wrapTable(gen: Generation, table: TableId, body: string): string {
  const part = TEMPLATES[gen].parts.find(p => p.number === tableDecl(gen, table).part)!;
  return `${TEMPLATES[gen].years.from}年政府信息公开工作年度报告\n${part.numeral}、${part.heading}\n${body}\n`;
}

function parseWrapped(gen: Generation, table: TableId, body: string) {
  const doc = new ReportDocument(wrapTable(gen, table, body));
  const reports = doc.model.reports;
  assert.equal(reports.length, 1, 'one report');
  const t = reports[0].tables[table];
  assert.ok(t, `${table} found`);
  assert.deepEqual(reports[0].extraTables, [], 'no second table');
  return { doc, table: t };
}

/** Every template cell, in template order. */
function templateCells(gen: Generation, table: TableId): { row: string; column: string; kind: string }[] {
  return tableDecl(gen, table).blocks.flatMap(b => b.rows.flatMap(r => b.columns.map(c => ({ row: r.id, column: c.id, kind: c.kind }))));
}

/** Asserts the table is complete and holds `expected(row, column)` (null: a blank cell). */
function assertHolds(t: Table, gen: Generation, expected: (row: string, column: string) => number | null) {
  assert.equal(t.generation, gen, 'generation');
  assert.deepEqual(t.unplaced, [], 'nothing unplaced');
  const decl = tableDecl(gen, t.id);
  assert.deepEqual(Object.keys(t.rows), decl.blocks.flatMap(b => b.rows.map(r => r.id)), 'every template row, in order');
  for (const b of decl.blocks) for (const r of b.rows) {
    const row = t.rows[r.id];
    assert.deepEqual(Object.keys(row.cells), b.columns.map(c => c.id), `${r.id}: every cell`);
    if (r.label) assert.equal(row.label?.canonical, r.label, `${r.id}: its label`);
    for (const c of b.columns) {
      const want = expected(r.id, c.id);
      const cell = row.cells[c.id];
      assert.equal(cell.value, want, `${r.id}.${c.id}`);
      assert.equal(cell.kind, want === null ? 'blank' : 'number', `${r.id}.${c.id} kind`);
    }
  }
}

/** A different value in every cell (decimals in amount columns), so a cell in the wrong slot shows. */
function distinct(gen: Generation, table: TableId): (row: string, column: string) => number {
  const m = new Map(templateCells(gen, table).map((c, i) => [`${c.row}|${c.column}`, c.kind === 'amount' ? i + 1.5 : i + 1]));
  return (row, column) => m.get(`${row}|${column}`)!;
}

const arithmeticCodes = (gen: Generation) => new Set(TEMPLATES[gen].identities.map(i => i.code));

describe('display width', () => {
  it('counts CJK and full-width characters as two columns, ASCII and curly quotes as one', () => {
    assert.equal(displayWidth('规章'), 4);
    assert.equal(displayWidth('（一）予以公开'), 14);
    assert.equal(displayWidth('本年增/减'), 9);
    assert.equal(displayWidth('3.危及“三安全一稳定”'), 2 + 2 * 8 + 2);
    assert.equal(displayWidth('6834.335元'), 10);
    assert.equal(displayWidth(''), 0);
  });
  it('measures by Unicode East Asian Width (get-east-asian-width): Hangul, kana, full-width forms and emoji wide; combining marks and zero-width characters take none', () => {
    assert.equal(displayWidth('한국'), 4);
    assert.equal(displayWidth('カナ'), 4);
    assert.equal(displayWidth('ＡＢ１２'), 8);
    assert.equal(displayWidth('ｱｲ'), 2, 'half-width katakana');
    assert.equal(displayWidth('😀'), 2);
    assert.equal(displayWidth('e\u0301'), 1);
    assert.equal(displayWidth('a\u200bb'), 2);
    assert.equal(displayWidth('\u3000'), 2, 'the ideographic space in pdftotext lines');
    assert.equal(displayWidth('—“”'), 3, 'ambiguous: narrow, as editors draw them');
  });
});

describe('renderTable round trip through the engine', () => {
  for (const gen of GENERATIONS) for (const table of TABLE_IDS) for (const encoding of ENCODINGS) {
    describe(`${gen} ${table} ${encoding}`, () => {
      it('zeros: a complete table, all zeros, no arithmetic findings', () => {
        const { doc, table: t } = parseWrapped(gen, table, renderTable(gen, table, encoding));
        assert.equal(t.encoding, readsAs(encoding));
        assertHolds(t, gen, () => 0);
        const codes = arithmeticCodes(gen);
        assert.deepEqual(check(doc, { locale: 'en' }).filter(f => codes.has(f.code)).map(f => f.message), []);
      });
      it('a different value in every cell: each lands in its own slot', () => {
        const v = distinct(gen, table);
        const { table: t } = parseWrapped(gen, table, renderTable(gen, table, encoding, v));
        assertHolds(t, gen, v);
      });
    });
  }
});

describe('blank cells (null values)', () => {
  /** A blank in every third cell, staggered from row to row; `keepFirst` keeps each row's first value. */
  const blanks = (gen: Generation, table: TableId, keepFirst = false): Values => {
    const v = distinct(gen, table);
    const decl = tableDecl(gen, table);
    const at = new Map(decl.blocks.flatMap(b => b.rows.map(r => b.columns.map((c, ci) => [`${r.id}|${c.id}`, ci] as const))).flat());
    const rowIndex = new Map(decl.blocks.flatMap(b => b.rows).map((r, i) => [r.id, i]));
    return (row, column) => {
      const ci = at.get(`${row}|${column}`)!;
      return (rowIndex.get(row)! + ci) % 3 === 0 && !(keepFirst && ci === 0) ? null : v(row, column);
    };
  };
  const roundTrip = (gen: Generation, table: TableId, encoding: Encoding, values: Values) => () => {
    const { table: t } = parseWrapped(gen, table, renderTable(gen, table, encoding, values));
    assertHolds(t, gen, (r, c) => values(r, c) ?? null);
  };

  // A row narrower than the table (2019 表二 行政事业性收费: 2 of 3 value columns) with its
  // FIRST value blank (`| 行政事业性收费 |  | 5 |  |`) is read by position.
  for (const gen of GENERATIONS) for (const table of TABLE_IDS) for (const encoding of ['markdown', 'tab-cells', 'tsv'] as Encoding[]) {
    it(`${gen} ${table} ${encoding}: blank cells read back blank, the others in place`, roundTrip(gen, table, encoding, blanks(gen, table)));
  }
  it('2019 表二 in Markdown and TSV: blanks after a row\'s first value read back blank', () => {
    for (const encoding of ['markdown', 'tsv'] as Encoding[]) roundTrip('2019', 'proactive', encoding, blanks('2019', 'proactive', true))();
  });
  // Pipe cells write a blank as a pipe-only line (seed 003's blank 总计).
  for (const gen of GENERATIONS) for (const table of TABLE_IDS) {
    it(`${gen} ${table} pipe-cells: blanks after a row's first value read back blank`, roundTrip(gen, table, 'pipe-cells', blanks(gen, table, true)));
    // A pipe-only line right after a row's label is its first cell, left blank.
    it(`${gen} ${table} pipe-cells: a blank first value reads back blank`, roundTrip(gen, table, 'pipe-cells', blanks(gen, table)));
  }
  it('an all-blank table in Markdown reads back complete and blank (表二, 表三)', () => {
    for (const gen of GENERATIONS) for (const table of ['proactive', 'applications'] as TableId[]) roundTrip(gen, table, 'markdown', () => null)();
  });
  // A Markdown row of blank cells only (`|   |   | … |`) is a row of blank cells, not a separator.
  it('an all-blank 表四 in Markdown reads back with 15 blank cells', () => {
    for (const gen of GENERATIONS) roundTrip(gen, 'review_litigation', 'markdown', () => null)();
  });
});

describe('the aligned Markdown encoding', () => {
  it('aligns every pipe at the same display column, CJK counted double', () => {
    for (const gen of GENERATIONS) for (const table of TABLE_IDS) {
      const lines = renderTable(gen, table, 'markdown', distinct(gen, table)).split('\n');
      const pipes = (line: string) => {
        const at: number[] = [];
        let col = 0;
        for (const ch of line) { if (ch === '|') at.push(col); col += displayWidth(ch); }
        return at;
      };
      const first = pipes(lines[0]);
      assert.ok(first.length >= 2);
      lines.forEach((l, i) => assert.deepEqual(pipes(l), first, `${gen} ${table} line ${i + 1}: ${l}`));
    }
  });
  it('writes the template labels: block, group and header rows', () => {
    const t2 = renderTable('2019', 'proactive', 'markdown');
    assert.match(t2, /^\| 第二十条第（一）项 +\|/);
    assert.match(t2, /\| 信息内容 +\| +本年新制作数量 \|/);
    assert.match(t2, /\| 第二十条第（九）项 /);
    const t3 = renderTable('2021', 'applications', 'markdown');
    assert.match(t3, /^\| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） +\| 申请人情况 \|/);
    assert.match(t3, /\n\| 三、本年度办理结果 +\|( +\|){7}\n\| （一）予以公开 /);
    assert.match(t3, /\n\| （六）其他处理 +\|( +\|){7}\n\| 1\.申请人无正当理由逾期不补正/);
    assert.match(t3, /\| +自然人 \| 法人或其他组织 \|/);
    const t4 = renderTable('2021', 'review_litigation', 'markdown').split('\n');
    assert.deepEqual(t4[0].split('|').map(s => s.trim()).filter(Boolean), ['行政复议', '行政诉讼']);
    assert.deepEqual(t4[2].split('|').map(s => s.trim()).filter(Boolean), ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉']);
    assert.equal(t4.length, 5);
  });
  it('right-aligns the number columns', () => {
    const lines = renderTable('2021', 'applications', 'markdown', () => 7).split('\n');
    assert.match(lines[1], /^\| -+ \|( -+: \|){7}$/);
    assert.match(lines[4], /^\| 一、本年新收政府信息公开申请数量 +\|( +7 \|){7}$/);
  });
});

describe('renderSnippetTable', () => {
  /** Expands a snippet body with every placeholder at its default. */
  const expand = (s: string) => s.replace(/\$\{\d+:((?:\\.|[^\\}])*)\}|\\(.)/g, (_m, def: string | undefined, esc: string | undefined) =>
    def !== undefined ? def.replace(/\\(.)/g, '$1') : esc!);
  it('makes every value cell a tab stop, numbered in order, and expands to the plain rendering', () => {
    for (const gen of GENERATIONS) for (const table of TABLE_IDS) {
      const { text, nextStop } = renderSnippetTable(gen, table, { firstStop: 5 });
      const stops = [...text.matchAll(/\$\{(\d+):0\}/g)].map(m => Number(m[1]));
      const cells = templateCells(gen, table).length;
      assert.deepEqual(stops, Array.from({ length: cells }, (_, i) => i + 5));
      assert.equal(nextStop, 5 + cells);
      assert.equal(expand(text), renderTable(gen, table, 'markdown'));
    }
  });
  it('escapes $, } and \\ in snippet text', () => {
    assert.equal(escapeSnippet('a$b}c\\d'), 'a\\$b\\}c\\\\d');
    const { text } = renderSnippetTable('2021', 'applications', { values: (r, c) => (r === 'new' && c === 'total' ? 12 : undefined) });
    assert.match(text, /\$\{\d+:12\} \|$/m);
  });
});

describe('toAlignedMarkdown on the real reports', () => {
  const cellsOf = (t: Table) => Object.fromEntries(Object.values(t.rows).map(r =>
    [r.id, Object.values(r.cells).map(c => ({ column: c.column, kind: c.kind, text: c.text, value: c.value }))]));

  function convert(sample: string, reportIndex: number, id: TableId) {
    const text = readSample(sample);
    const doc = new ReportDocument(text);
    const before = doc.model.reports[reportIndex];
    const out = applyEdits(text, [toAlignedMarkdown(doc, before.tables[id]!)]);
    const after = new ReportDocument(out);
    return { text, out, before, after: after.model.reports[reportIndex], doc: after };
  }

  for (const sample of sampleNames()) {
    const reports = new ReportDocument(readSample(sample)).model.reports;
    reports.forEach((report, ri) => {
      for (const id of Object.keys(report.tables) as TableId[]) {
        it(`${sample} ${id}: the same cells, now Markdown; the other tables untouched; idempotent`, () => {
          const { out, before, after, doc } = convert(sample, ri, id);
          const t = after.tables[id]!;
          assert.equal(t.encoding, 'markdown');
          assert.equal(t.generation, before.tables[id]!.generation);
          assert.deepEqual(cellsOf(t), cellsOf(before.tables[id]!));
          for (const other of TABLE_IDS.filter(x => x !== id && before.tables[x])) {
            assert.deepEqual(cellsOf(after.tables[other]!), cellsOf(before.tables[other]!), other);
          }
          assert.deepEqual(after.parts.map(p => p.number), before.parts.map(p => p.number));
          assert.equal(applyEdits(out, [toAlignedMarkdown(doc, t)]), out);
        });
      }
    });
  }

  it('seed 002: 表二 keeps its signed and unit-bearing cells as written (-156, 6834.335元)', () => {
    const { out, after } = convert('002', 0, 'proactive');
    assert.match(out, /\| 行政许可 +\| +885 \| +-156 \| +12550 \|/);
    assert.match(out, /\| 政府集中采购 +\| +264 \| +6834\.335元 \| +\|/);
    assert.equal(after.tables.proactive!.rows.procurement.cells.procurement_amount.unit, '元');
  });
  it('seed 003: the blank 总计 of row 四 stays blank', () => {
    const { out, after } = convert('003', 0, 'applications');
    assert.match(out, /\| 四、结转下年度继续办理 +(\| +0 ){6}\| +\|/);
    assert.equal(after.tables.applications!.rows.carried_forward.cells.total.kind, 'blank');
  });
  it('corpus 01 (pdftotext -layout): 表三 becomes one Markdown table with its real numbers', () => {
    const { out } = convert('01_', 0, 'applications');
    assert.match(out, /\n\n\| （本列数据的勾稽关系为/);
    assert.match(out, /\| （七）总计 +\| +2932 \| +53 \| +0 \| +0 \| +61 \| +4 \| +3050 \|\n\| 四、结转下年度继续办理 /);
  });
  it('keeps the document\'s CRLF line breaks', () => {
    const text = readSample('002').replace(/\n/g, '\r\n');
    const doc = new ReportDocument(text);
    const edit = toAlignedMarkdown(doc, doc.model.reports[0].tables.review_litigation!);
    assert.ok(edit.newText.includes('\r\n'));
    assert.ok(!/[^\r]\n/.test(edit.newText));
  });
});
