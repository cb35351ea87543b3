// Recovering flattened rows in whole documents: a real sample with the separators of one
// row removed, so that its numbers run together, parsed as a whole. Unique splits give back
// exactly the written numbers (marked recovered, reported, checked like any other cell);
// ambiguous runs are refused and reported; nothing else in the document changes.
import { tooLargeToRead } from '../../../server/src/engine/text/number';
import assert from 'node:assert/strict';
import { ReportDocument, applyEdits, check, hover, type Table, type TableId } from '../../../server/src/engine';
import { splitDigitRun, rowConstraints } from '../../../server/src/engine/parse/flattened';
import { readSample, renderModel, sampleNames } from '../../helpers';

const CODES = ['recovered-cells', 'flattened-ambiguous'];

/** The sample with the numbers of `line` run together (and, if asked, stuck to the label). */
function flatten(text: string, line: number, glue = false): string {
  const lines = text.split('\n');
  const m = /^(.*?)((?:\d+[ \t|]+)+\d+)(\s*\|?\s*)$/.exec(lines[line]);
  assert.ok(m, `line ${line + 1} has no numbers apart: ${JSON.stringify(lines[line])}`);
  const head = glue ? m[1].replace(/[ \t|]+$/, '') : m[1];
  lines[line] = head + m[2].replace(/[ \t|]+/g, '') + m[3];
  return lines.join('\n');
}

const table = (doc: ReportDocument, id: TableId) => doc.model.reports[0].tables[id]!;
const written = (t: Table, row: string) => Object.values(t.rows[row].cells).map(c => c.value);
const lineOf = (t: Table, row: string) => t.rows[row].range.start.line;
const ofCode = (doc: ReportDocument, code: string) => check(doc, { locale: 'en' }).filter(f => f.code === code);

/** Rows on one line each, with every cell a plain count: the rows a crawl can run together. */
function flattenable(name: string): { table: TableId; row: string; line: number; values: number[] }[] {
  const doc = new ReportDocument(readSample(name));
  const out: { table: TableId; row: string; line: number; values: number[] }[] = [];
  for (const id of ['applications', 'review_litigation'] as const) {
    const t = table(doc, id);
    for (const row of Object.values(t.rows)) {
      const cells = Object.values(row.cells);
      if (cells.length < 2 || cells.some(c => c.kind !== 'number' || !/^\d+$/.test(c.text))) continue;
      if (cells.some(c => c.range.start.line !== row.range.end.line)) continue;
      out.push({ table: id, row: row.id, line: cells[0].range.start.line, values: cells.map(c => c.value!) });
    }
  }
  return out;
}

describe('flattened rows in whole documents', () => {
  it('no sample has a flattened row: both rules are silent on all ten', () => {
    for (const name of sampleNames()) {
      const doc = new ReportDocument(readSample(name));
      assert.deepEqual(check(doc, { locale: 'en' }).filter(f => CODES.includes(f.code)), [], name);
      for (const t of Object.values(doc.model.reports[0].tables)) assert.deepEqual(t!.unsplit, [], name);
    }
  });

  for (const name of ['01', '02', '004']) {
    it(`${name}: every table 三 and 四 row run together is recovered exactly or refused, and nothing else changes`, () => {
      const text = readSample(name);
      const before = new ReportDocument(text);
      let recovered = 0;
      let refused = 0;
      for (const { table: id, row, line, values } of flattenable(name)) {
        const gen = table(before, id).generation;
        const splits = splitDigitRun(values.join(''), values.length, rowConstraints(gen, id, row));
        const doc = new ReportDocument(flatten(text, line));
        const t = table(doc, id);
        const where = `${name} ${id}.${row}`;
        if (splits.length === 1) {
          recovered++;
          assert.deepEqual(written(t, row), values, where);
          assert.ok(Object.values(t.rows[row].cells).every(c => c.recovered), where);
          const f = ofCode(doc, 'recovered-cells');
          assert.equal(f.length, 1, where);
          assert.equal(f[0].severity, 'information');
          assert.equal(f[0].cells!.length, values.length);
          assert.deepEqual(ofCode(doc, 'cell-count'), [], where);
          // The model reads as before: the same numbers in the same cells.
          assert.equal(renderModel(doc.model), renderModel(before.model), where);
        } else {
          refused++;
          // A row that breaks its own identities (corpus 02's 表四) has no split at all.
          const broken = !rowConstraints(gen, id, row)(values);
          assert.ok(splits.length > 1 || (broken && !splits.length), `${where}: the written row is a split`);
          assert.ok(!Object.values(t.rows[row].cells).some(c => c.recovered), where);
          // A run too long to be one exact number stays one cell, unread (not-a-number says why).
          const run = values.join('');
          assert.deepEqual(written(t, row), [tooLargeToRead(run) ? null : Number(run)], `${where}: the run stays one cell, as without recovery`);
          assert.equal(Object.values(t.rows[row].cells)[0].text, run, where);
          const f = ofCode(doc, 'flattened-ambiguous');
          assert.equal(f.length, 1, where);
          assert.match(f[0].message, splits.length ? new RegExp(`${splits.length} splits fit`) : /no split of them keeps/);
          assert.equal(ofCode(doc, 'recovered-cells').length, 0, where);
        }
      }
      assert.ok(recovered > 0, `${name}: recovered ${recovered}`);
      if (name === '01') assert.ok(refused > 0, `${name}: refused ${refused}`);
    });
  }

  it('corpus 01\'s table 四 row run together is refused: three splits listed, no cell recovered, cell-count still says the row is short', () => {
    const text = readSample('01');
    const line = lineOf(table(new ReportDocument(text), 'review_litigation'), 'cases');
    const doc = new ReportDocument(flatten(text, line));
    const t = table(doc, 'review_litigation');
    // One cell holding the whole run, unread: 26 digits are no exact number.
    assert.deepEqual(written(t, 'cases'), [null]);
    assert.equal(t.rows.cases.cells['review.upheld'].text, '72641783735113481261211620');
    assert.equal(t.unsplit.length, 1);
    assert.equal(t.unsplit[0].count, 3);
    assert.equal(t.unsplit[0].examples.length, 3);
    const [f] = ofCode(doc, 'flattened-ambiguous');
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /3 splits fit/);
    assert.ok(f.message.includes('72 | 64 | 178 | 37 | 351 | 13 | 4 | 8 | 1 | 26 | 12 | 1 | 1 | 6 | 20'));
    assert.match(f.message, /they differ in 「复议后起诉·结果维持」/);
    assert.ok(!f.message.includes('「行政复议·结果维持」'), 'the first two groups are not in doubt');
    assert.equal(ofCode(doc, 'cell-count').length, 1);
    const zh = check(doc, { locale: 'zh-cn' }).find(x => x.code === 'flattened-ambiguous')!;
    assert.match(zh.message, /有 3 种拆分都符合模板及本行的勾稽关系，即/);
  });

  it('01 row 一 run together (300153006143119) has one split: recovered, and the hover says it was the row total that decided', () => {
    const text = readSample('01');
    const line = lineOf(table(new ReportDocument(text), 'applications'), 'new');
    const doc = new ReportDocument(flatten(text, line));
    const row = table(doc, 'applications').rows.new;
    assert.deepEqual(Object.values(row.cells).map(c => c.text), ['3001', '53', '0', '0', '61', '4', '3119']);
    const cell = row.cells.total;
    assert.equal(doc.getTextIn(cell.range), '3119');
    assert.equal(cell.recovered!.run, '300153006143119');
    assert.deepEqual(cell.recovered!.decisive, ['row-total:applications:row:new:total']);
    const [f] = ofCode(doc, 'recovered-cells');
    assert.match(f.message, /the digits 「300153006143119」 run 7 cells together\. They were read as 3001 \| 53 \| 0 \| 0 \| 61 \| 4 \| 3119, the only split that keeps 总计 = 自然人/);
    const md = hover(doc, cell.range.start, 'en')!;
    assert.match(md, /Recovered from the digit run 「300153006143119」, which ran 7 cells together/);
    assert.match(md, /the only split that keeps 总计 = 自然人/);
    assert.match(hover(doc, cell.range.start, 'zh-cn')!, /由连写的数字「300153006143119」恢复/);
    // The fix writes the cells apart; the document then reads the same numbers, not recovered.
    const fixed = new ReportDocument(applyEdits(doc.getText(), f.fixes[0].edits));
    assert.equal(f.fixes[0].preferred, false);
    assert.deepEqual(written(table(fixed, 'applications'), 'new'), [3001, 53, 0, 0, 61, 4, 3119]);
    assert.ok(!Object.values(table(fixed, 'applications').rows.new.cells).some(c => c.recovered));
    assert.deepEqual(ofCode(fixed, 'recovered-cells'), []);
  });

  it('a digit run stuck to its label is read apart from it: 004 规范性文件000, 01 行政许可447228', () => {
    const text004 = readSample('004');
    const doc = new ReportDocument(flatten(text004, lineOf(table(new ReportDocument(text004), 'proactive'), 'normative_documents'), true));
    const t = table(doc, 'proactive');
    assert.equal(t.rows.normative_documents.label!.text, '规范性文件');
    assert.deepEqual(written(t, 'normative_documents'), [0, 0, 0]);
    const [f] = ofCode(doc, 'recovered-cells');
    assert.match(f.message, /the only split of its 3 digits into 3 cells/);
    assert.equal(applyEdits(doc.getText(), f.fixes[0].edits).split('\n')[f.range.start.line], '规范性文件  0  0  0');

    const text01 = readSample('01');
    const lines = text01.split('\n');
    const at = lines.findIndex(l => l.startsWith('行政许可'));
    lines[at] = '行政许可447228';
    const doc01 = new ReportDocument(lines.join('\n'));
    const licensing = table(doc01, 'proactive').rows.licensing;
    assert.equal(licensing.label!.how, 'exact');
    assert.deepEqual(Object.values(licensing.cells).map(c => c.value), [447228]);
    const [g] = ofCode(doc01, 'recovered-cells');
    assert.match(g.message, /the number 「447228」 stands against the label/);
    assert.deepEqual(ofCode(doc01, 'cell-count'), []);
  });

  it('a pipe-cells table 四 (seed 002) written as one line recovers its fifteen cells', () => {
    const text = readSample('002');
    const t0 = table(new ReportDocument(text), 'review_litigation');
    const cells = Object.values(t0.rows.cases.cells);
    const lines = text.split('\n');
    const first = cells[0].range.start.line;
    const last = cells[cells.length - 1].range.start.line;
    lines.splice(first, last - first + 1, cells.map(c => c.text).join('') + ' |');
    const doc = new ReportDocument(lines.join('\n'));
    const t = table(doc, 'review_litigation');
    assert.deepEqual(written(t, 'cases'), cells.map(c => c.value));
    assert.ok(Object.values(t.rows.cases.cells).every(c => c.recovered));
    assert.equal(ofCode(doc, 'recovered-cells').length, 1);
    assert.deepEqual(ofCode(doc, 'review-total'), []);
  });

  it('recovered cells take part in the column identities: a broken 一 fires balance, whose fix rewrites the recovered 四', () => {
    const text = readSample('01');
    const t0 = table(new ReportDocument(text), 'applications');
    const flat = flatten(text, lineOf(t0, 'carried_forward'));
    const lines = flat.split('\n');
    // 一 × 自然人 3001 → 3002: 一 + 二 = （七）总计 + 四 now fails in that column.
    const newLine = lineOf(t0, 'new');
    lines[newLine] = lines[newLine].replace('3001', '3002');
    const doc = new ReportDocument(lines.join('\n'));
    const t = table(doc, 'applications');
    assert.ok(t.rows.carried_forward.cells.natural_person.recovered);
    const balance = ofCode(doc, 'balance').filter(f => f.cells?.some(c => c.row === 'carried_forward' && c.column === 'natural_person'));
    assert.ok(balance.length >= 1, 'balance names the recovered cell');
    // row-total fires on the broken row 一, not on the recovered one.
    const rowTotal = ofCode(doc, 'row-total');
    assert.deepEqual(rowTotal.map(f => f.range.start.line), [newLine]);
    // A fix writing into the recovered 四 rewrites its run cell by cell, so it cannot split differently.
    const fix = balance.flatMap(f => f.fixes).find(x => x.edits.some(e => e.range.start.line === lineOf(t0, 'carried_forward')));
    assert.ok(fix, JSON.stringify(balance.map(f => f.fixes)));
    const after = new ReportDocument(applyEdits(doc.getText(), fix.edits));
    const row = table(after, 'applications').rows.carried_forward;
    assert.equal(Object.keys(row.cells).length, 7);
    assert.ok(!Object.values(row.cells).some(c => c.recovered));
    assert.equal(row.cells.natural_person.value, t.rows.carried_forward.cells.natural_person.value! + 1);
  });

  it('a flattened row whose total is wrong has no split: refused, nothing invented', () => {
    const text = readSample('01');
    const t0 = table(new ReportDocument(text), 'applications');
    const lines = flatten(text, lineOf(t0, 'carried_over')).split('\n');
    const line = lineOf(t0, 'carried_over');
    lines[line] = lines[line].replace(/34$/, '35');
    const doc = new ReportDocument(lines.join('\n'));
    const t = table(doc, 'applications');
    assert.ok(!Object.values(t.rows.carried_over.cells).some(c => c.recovered));
    const [f] = ofCode(doc, 'flattened-ambiguous');
    assert.match(f.message, /no split of them keeps 总计 = 自然人/);
    assert.deepEqual(ofCode(doc, 'recovered-cells'), []);
  });

  it('editing a row into a run and back, incrementally, equals a fresh parse', () => {
    const text = readSample('01');
    const line = lineOf(table(new ReportDocument(text), 'applications'), 'new');
    const doc = new ReportDocument(text);
    const original = text.split('\n')[line];
    const flat = flatten(text, line).split('\n')[line];
    doc.update([{ range: { start: { line, character: 0 }, end: { line, character: original.length } }, text: flat }]);
    assert.deepEqual(doc.model, new ReportDocument(doc.getText()).model);
    assert.ok(table(doc, 'applications').rows.new.cells.total.recovered);
    doc.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n\n' }]);
    assert.deepEqual(doc.model, new ReportDocument(doc.getText()).model);
    assert.equal(table(doc, 'applications').rows.new.cells.total.recovered!.range.start.line, line + 2);
    doc.update([{ range: { start: { line: line + 2, character: 0 }, end: { line: line + 2, character: flat.length } }, text: original }]);
    assert.deepEqual(doc.model, new ReportDocument(doc.getText()).model);
    assert.ok(!table(doc, 'applications').rows.new.cells.total.recovered);
  });
});
