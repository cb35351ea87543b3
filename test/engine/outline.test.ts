// The outline, folding ranges and inlay hints on every real report: the shapes an editor
// rejects (a selection outside its symbol, a child outside its parent) never occur.
import assert from 'node:assert/strict';
import { ReportDocument, documentSymbols, foldingRanges, inlayHints, type OutlineSymbol, type Range, type Table } from '../../server/src/engine';
import { toAlignedMarkdown } from '../../server/src/engine/render';
import { readSample, sampleNames } from '../helpers';

const open = (name: string) => new ReportDocument(readSample(name));
const le = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const inside = (inner: Range, outer: Range) => le(outer.start, inner.start) && le(inner.end, outer.end);

function flatten(symbols: OutlineSymbol[]): OutlineSymbol[] {
  return symbols.flatMap(s => [s, ...flatten(s.children)]);
}

describe('outline', () => {
  it('seed 002: one report, its six parts, the three tables in parts 二, 三 and 四', () => {
    const [report, ...rest] = documentSymbols(open('002'), 'en');
    assert.equal(rest.length, 0);
    assert.equal(report.name, 'Annual report 2020');
    assert.equal(report.detail, '2019 template');
    assert.deepEqual(report.children.map(p => [p.name, p.children.map(t => t.name)]), [
      ['一、总体情况', []],
      ['二、主动公开政府信息情况', ['表二（2019）']],
      ['三、收到和处理政府信息公开申请情况', ['表三（2019）']],
      ['四、政府信息公开行政复议、行政诉讼情况', ['表四（2019）']],
      ['五、政府信息公开工作存在的主要问题及改进情况', []],
      ['六、其他需要报告的事项', []],
    ]);
  });

  it('seed 004 (part 六 missing) and corpus 01 (2021) name what they hold', () => {
    const parts004 = documentSymbols(open('004'), 'zh-cn')[0].children;
    assert.equal(parts004.filter(s => s.kind === 'part').length, 5);
    const tables01 = flatten(documentSymbols(open('01_'), 'en')).filter(s => s.kind === 'table').map(s => s.name);
    assert.deepEqual(tables01, ['表二（2021）', '表三（2021）', '表四（2021）']);
  });

  for (const name of sampleNames()) {
    it(`${name}: every selection lies in its symbol, every child in its parent; folds are real ranges`, () => {
      const doc = open(name);
      const walk = (s: OutlineSymbol) => {
        assert.ok(inside(s.selectionRange, s.range), `${s.name}: selection outside the symbol`);
        for (const c of s.children) {
          assert.ok(inside(c.range, s.range), `${c.name} outside ${s.name}`);
          walk(c);
        }
      };
      const symbols = documentSymbols(doc, 'en');
      assert.ok(symbols.length >= 1);
      symbols.forEach(walk);
      const folds = foldingRanges(doc);
      assert.ok(folds.some(f => f.kind === 'part') && folds.some(f => f.kind === 'table'));
      for (const f of folds) assert.ok(f.startLine < f.endLine && f.endLine < doc.lineCount, JSON.stringify(f));
    });
  }

  it('names how each table is written in the user\'s words, never the model\'s encoding names', () => {
    const internal = /pipe-cells|tab-cells|\btsv\b|\blayout\b|\bplain\b|\bweb\b/;
    const seen = new Map<string, Set<string>>();
    for (const name of sampleNames()) {
      const doc = open(name);
      for (const locale of ['en', 'zh-cn'] as const) {
        for (const s of flatten(documentSymbols(doc, locale)).filter(s => s.kind === 'table')) {
          assert.ok(s.detail && !internal.test(s.detail), `${name} ${locale}: ${s.detail}`);
          if (locale === 'zh-cn') assert.match(s.detail, /[\u4e00-\u9fff]/, `${name}: ${s.detail}`);
          const encoding = (doc.model.reports[0].tables.applications as Table | undefined)?.encoding ?? '';
          seen.set(encoding, (seen.get(encoding) ?? new Set()).add(s.detail));
        }
      }
    }
    // The samples hold several encodings: the test saw more than one of them.
    assert.ok(seen.size >= 3, [...seen.keys()].join());
  });

  it('folds seed 002 part by part, each ending before the next heading', () => {
    const parts = foldingRanges(open('002')).filter(f => f.kind === 'part');
    assert.deepEqual(parts.map(f => f.startLine), [2, 39, 110, 334, 372, 381]);
    for (let i = 0; i + 1 < parts.length; i++) assert.ok(parts[i].endLine < parts[i + 1].startLine);
  });

  it('an empty or non-report document has no outline', () => {
    assert.deepEqual(documentSymbols(new ReportDocument(''), 'en'), []);
    assert.deepEqual(documentSymbols(new ReportDocument('今天天气很好。\n明天也是。\n'), 'en'), []);
    assert.deepEqual(foldingRanges(new ReportDocument('')), []);
  });
});

describe('inlay hints', () => {
  it('name the column before each number of a one-cell-per-line table (seed 002, pipe-cells)', () => {
    const hints = inlayHints(open('002'), { start: { line: 317, character: 0 }, end: { line: 324, character: 0 } });
    assert.deepEqual(hints.map(h => [h.position.line, h.position.character, h.label]), [
      [318, 0, '自然人'], [319, 0, '商业企业'], [320, 0, '科研机构'], [321, 0, '社会公益组织'], [322, 0, '法律服务机构'], [323, 0, '其他'], [324, 0, '总计'],
    ]);
    assert.equal(hints[0].tooltip, '（七）总计 × 自然人');
  });

  it('also for blank cells (seed 001, tab-cells), and for table 四 with its group', () => {
    const doc = open('001');
    const t = doc.model.reports[0].tables.review_litigation as Table;
    const all = inlayHints(doc);
    const blank = Object.values(t.rows.cases.cells).find(c => c.kind === 'blank')!;
    assert.ok(all.some(h => h.position.line === blank.range.start.line && h.position.character === blank.range.start.character));
    assert.ok(all.some(h => h.label === '行政复议·结果维持'));
  });

  it('none for row-per-line encodings (corpus 01, pdftotext -layout): the header is on screen', () => {
    assert.deepEqual(inlayHints(open('01_')), []);
  });

  it('Markdown tables only when asked', () => {
    const doc = open('002');
    const edit = toAlignedMarkdown(doc, doc.model.reports[0].tables.applications as Table);
    doc.update([{ range: edit.range, text: edit.newText }]);
    assert.equal((doc.model.reports[0].tables.applications as Table).encoding, 'markdown');
    const md = doc.model.reports[0].tables.applications!.range;
    assert.deepEqual(inlayHints(doc, md), []);
    const hints = inlayHints(doc, md, { markdownTables: true });
    assert.equal(hints.length, 23 * 7, 'the 23 data rows of the 2019 table 三, 7 columns each');
  });
});
