// The editor snippets: the committed file is what the generator makes from the templates
// now, and every snippet, typed out with its defaults, is a report (or table) the engine
// reads as complete and balanced.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ReportDocument, TEMPLATES, TABLE_IDS, check, tableDecl, type Generation, type Table, type TableId } from '../../../server/src/engine';
import { buildSnippets, snippetsFileText, type Snippet } from '../../../server/src/engine/render/snippets';
import { currentGeneration } from '../../../server/src/engine/templates';
import { ROOT } from '../../helpers';

const CURRENT = currentGeneration();

const FILE = path.join(ROOT, 'snippets', 'nianbao.code-snippets');

/** A snippet body as inserted when every placeholder keeps its default. */
const expand = (body: string[]) => body.join('\n').replace(/\$\{\d+:((?:\\.|[^\\}])*)\}|\\(.)/g, (_m, def: string | undefined, esc: string | undefined) =>
  def !== undefined ? def.replace(/\\(.)/g, '$1') : esc!);
const stopsOf = (body: string[]) => [...body.join('\n').matchAll(/\$\{(\d+):/g)].map(m => Number(m[1]));

const snippets = buildSnippets();
const byPrefix = (prefix: string): Snippet => {
  const hits = Object.values(snippets).filter(s => s.prefix.includes(prefix));
  assert.equal(hits.length, 1, `one snippet for ${prefix}`);
  return hits[0];
};

/** Asserts a parsed table is complete, all zeros, of the generation. */
function assertZeroTable(t: Table | undefined, gen: Generation, id: TableId) {
  assert.ok(t, `${id} found`);
  assert.equal(t.generation, gen, `${id} generation`);
  assert.equal(t.encoding, 'markdown');
  assert.deepEqual(t.unplaced, [], `${id}: nothing unplaced`);
  for (const b of tableDecl(gen, id).blocks) for (const r of b.rows) {
    assert.deepEqual(Object.values(t.rows[r.id]?.cells ?? {}).map(c => [c.column, c.value]), b.columns.map(c => [c.id, 0]), `${id}.${r.id}`);
  }
}

const ARITHMETIC = new Set(Object.values(TEMPLATES).flatMap(t => t.identities.map(i => i.code)));

describe('snippets file', () => {
  it('is what scripts/gen-snippets.mjs makes from the templates now', () => {
    assert.equal(readFileSync(FILE, 'utf8'), snippetsFileText(), 'run: node scripts/gen-snippets.mjs');
  });
  it('gives every snippet prefixes, a body and a Chinese description; no prefix is shared', () => {
    const parsed = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, Snippet>;
    const seen = new Set<string>();
    for (const [name, s] of Object.entries(parsed)) {
      assert.ok(s.prefix.length && s.body.length, name);
      assert.match(s.description, /[\u4e00-\u9fff]/, name);
      for (const p of s.prefix) { assert.ok(!seen.has(p), `prefix ${p} used twice`); seen.add(p); }
    }
  });
  it('answers the prefixes a clerk types, in Chinese and pinyin initials', () => {
    const current = (id: TableId) => expand(byPrefix(tableDecl(CURRENT, id).name).body);
    assert.equal(CURRENT, '2021');
    for (const [zh, py, id] of [['表二', 'b2', 'proactive'], ['表三', 'b3', 'applications'], ['表四', 'b4', 'review_litigation']] as const) {
      assert.equal(byPrefix(py), byPrefix(zh));
      assert.equal(byPrefix(`${zh}2021`), byPrefix(zh));
      assert.notEqual(byPrefix(`${zh}2019`), byPrefix(zh));
      assert.ok(current(id).includes(tableDecl('2021', id).blocks[0].columns[0].label));
    }
    assert.match(expand(byPrefix('表二2019').body), /本年新制作数量/);
    assert.equal(byPrefix('nb'), byPrefix('年报'));
    assert.equal(byPrefix('tjqx'), byPrefix('统计期限'));
    assert.equal(byPrefix('lk'), byPrefix('落款'));
  });
});

describe('table snippets parse as complete, balanced tables', () => {
  for (const gen of Object.keys(TEMPLATES) as Generation[]) for (const id of TABLE_IDS) {
    it(`${gen} ${id}`, () => {
      const s = byPrefix(`${tableDecl(gen, id).name}${gen}`);
      const cells = tableDecl(gen, id).blocks.reduce((n, b) => n + b.rows.length * b.columns.length, 0);
      assert.deepEqual(stopsOf(s.body), Array.from({ length: cells }, (_, i) => i + 1), 'one tab stop a cell, in order');
      const part = TEMPLATES[gen].parts.find(p => p.number === tableDecl(gen, id).part)!;
      const doc = new ReportDocument(`${TEMPLATES[gen].years.from}年政府信息公开工作年度报告\n${part.numeral}、${part.heading}\n\n${expand(s.body)}\n`);
      const report = doc.model.reports[0];
      assertZeroTable(report.tables[id], gen, id);
      assert.deepEqual(check(doc, { locale: 'zh-cn' }).filter(f => ARITHMETIC.has(f.code)).map(f => f.message), []);
    });
  }
});

describe('the report skeleton', () => {
  const s = byPrefix('年报');
  const text = expand(s.body);
  const doc = new ReportDocument(text);

  it('is one report of the current template: title year, six standard parts, three tables', () => {
    assert.equal(doc.model.reports.length, 1);
    const r = doc.model.reports[0];
    assert.equal(r.template, CURRENT);
    assert.equal(r.year, 2024);
    assert.deepEqual(r.parts.map(p => [p.number, p.how, p.standardNumbering]), [1, 2, 3, 4, 5, 6].map(n => [n, 'exact', true]));
    for (const id of TABLE_IDS) assertZeroTable(r.tables[id], CURRENT, id);
    assert.deepEqual(r.extraTables, []);
  });
  it('states the statistics period and signs with a date of the following year', () => {
    const { period, signature } = doc.model.reports[0].dates;
    assert.deepEqual([period?.from.year, period?.from.month, period?.from.day], [2024, 1, 1]);
    assert.deepEqual([period?.to.year, period?.to.month, period?.to.day], [2024, 12, 31]);
    assert.equal(signature?.year, 2025);
  });
  it('draws no missing-part, missing-table or arithmetic finding', () => {
    const bad = check(doc, { locale: 'zh-cn' }).filter(f => f.code.startsWith('missing-') || ARITHMETIC.has(f.code));
    assert.deepEqual(bad.map(f => `${f.code}: ${f.message}`), []);
  });
  it('mirrors the body name and the year, and numbers every other stop once', () => {
    const stops = stopsOf(s.body);
    assert.equal(stops.filter(n => n === 1).length, 2, 'body name: title and signature');
    assert.equal(stops.filter(n => n === 2).length, 3, 'year: title and both ends of the period');
    const rest = stops.filter(n => n > 2);
    assert.deepEqual(rest, Array.from({ length: rest.length }, (_, i) => i + 3));
  });
  it('mentions in part 六 what the current template asks for', () => {
    for (const m of TEMPLATES[CURRENT].part6Mentions) assert.ok(text.slice(text.indexOf('六、')).includes(m), m);
  });
});

describe('statistics period and signature snippets', () => {
  it('the 统计期限 sentence gives the report its period and year', () => {
    const r = new ReportDocument(`${expand(byPrefix('统计期限').body)}\n一、总体情况\n正文。\n`).model.reports[0];
    assert.equal(r.dates.period?.to.month, 12);
    assert.equal(r.year, 2024);
    assert.equal(r.yearSource, 'period');
  });
  it('the 落款 block after part 六 is read as the signature date', () => {
    const r = new ReportDocument(`六、其他需要报告的事项\n无。\n\n${expand(byPrefix('落款').body)}\n`).model.reports[0];
    assert.equal(r.dates.signature?.text, '2025年1月31日');
  });
});
