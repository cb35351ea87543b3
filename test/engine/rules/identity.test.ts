// The identity rules together (server/src/engine/rules/identity.ts). A row read with doubt
// (model.ts Doubt) turns a failing identity through it into a warning about the reading, whose
// fix is never preferred nor applied by fix-all (the property over every sample and encoding is
// in test/fuzz/doubt.ts). When the written total satisfies another identity it is part of, the
// finding suspects an addend and links to every addend of the identity that fails.
import assert from 'node:assert/strict';
import { ReportDocument, applyEdits, check, fixAll, toJson, type Table } from '../../../server/src/engine';
import { readSample, setCell } from '../../helpers';
import { droppedCell, resultsTotal } from './helpers';

describe('rows read with doubt', () => {
  it('a cell lost in a cell-per-line row: the row is read with doubt, and balance reports the doubt, not an error', () => {
    const text = droppedCell();
    const doc = new ReportDocument(text);
    const t = doc.model.reports[0].tables.applications!;
    assert.equal(t.rows.new.doubt?.reason, 'too-few-cells');
    const arithmetic = check(doc, { locale: 'en' }).filter(f => ['balance', 'results-total', 'row-total', 'review-total'].includes(f.code));
    const throughNew = arithmetic.filter(f => f.cells?.some(c => c.row === 'new'));
    assert.ok(throughNew.length > 0, 'the slid cells break identities');
    for (const f of throughNew) {
      assert.equal(f.severity, 'warning', f.message);
      assert.match(f.message, /does not hold as the table was read .* but row 「一、本年新收政府信息公开申请数量」 was read with doubt: it has fewer cells than columns/);
      assert.doesNotMatch(f.message, /written \d+, but/);
      assert.ok(f.fixes.every(x => !x.preferred), 'no preferred fix');
      assert.ok(f.related?.some(r => r.range.start.line === t.rows.new.range.start.line), 'points at the row');
    }
    // Seed 002's own errors, through rows read without doubt, stay errors.
    assert.ok(arithmetic.some(f => f.severity === 'error' && !f.cells?.some(c => c.row === 'new')));
  });

  it('in Chinese too', () => {
    const f = check(new ReportDocument(droppedCell()), { locale: 'zh-cn' }).find(x => x.code === 'balance' && x.severity === 'warning');
    assert.match(f!.message, /按读取结果，.*不成立.*但「一、本年新收政府信息公开申请数量」行的读取存在疑问：单元格少于列数/);
  });

  it('fix-all recomputes nothing through a row read with doubt', () => {
    const text = droppedCell();
    const doc = new ReportDocument(text);
    const all = fixAll(doc, check(doc, { locale: 'en' }), 'en');
    const after = new ReportDocument(applyEdits(text, all.edits));
    const before = doc.model.reports[0].tables.applications!;
    const now = after.model.reports[0].tables.applications!;
    // The totals the balance identity would solve for (（七）总计 and 四 of every column) are left alone.
    for (const row of ['results_total', 'carried_forward']) {
      for (const [col, c] of Object.entries(before.rows[row].cells)) {
        const computedBy = check(doc, { locale: 'en' }).some(f => f.code === 'balance' && f.cells?.some(x => x.row === row && x.column === col));
        if (computedBy) assert.equal(now.rows[row].cells[col].value, c.value, `${row}.${col}`);
      }
    }
  });

  it('the parse JSON lists the rows read with doubt and why; a sample read cleanly lists none', () => {
    const json = toJson(new ReportDocument(droppedCell()).model) as { tables: { applications: { doubts?: Record<string, { reason: string }> } } };
    assert.equal(json.tables.applications.doubts?.new.reason, 'too-few-cells');
    const clean = toJson(new ReportDocument(readSample('01')).model) as { tables: Record<string, { doubts?: unknown } | null> };
    for (const t of Object.values(clean.tables)) assert.equal(t?.doubts, undefined);
  });
});

describe('suspect addends', () => {
  it('seed 002 （七）总计 × 自然人 (23; the addends make 20, 一 + 二 = （七）总计 + 四 holds): every addend linked, with its value', () => {
    const text = readSample('002');
    const doc = new ReportDocument(text);
    const t = doc.model.reports[0].tables.applications as Table;
    for (const locale of ['en', 'zh-cn'] as const) {
      const [f] = resultsTotal(text, locale);
      assert.deepEqual(f.range, t.rows.results_total.cells.natural_person.range);
      const addends = Object.values(t.rows).filter(r => r.id !== 'results_total' && /^(granted|partly_granted|refused|unavailable|not_processed|other)/.test(r.id) && r.cells.natural_person);
      assert.equal(addends.length, 19);
      assert.deepEqual(f.related?.map(r => r.range), addends.map(r => r.cells.natural_person.range));
      f.related!.forEach((r, k) => assert.ok(r.message.endsWith(addends[k].cells.natural_person.text), r.message));
      assert.match(f.related![0].message, locale === 'en' ? /^addend row 「（一）予以公开」, column 「自然人」: 11$/ : /^加数「（一）予以公开」行「自然人」列：11$/);
    }
  });

  it('a total no other identity confirms (corpus 01, （七）总计 × 总计 3050 → 3053) links nothing: the total is the suspect', () => {
    const found = resultsTotal(setCell(readSample('01_'), 'applications', 'results_total', 'total', '3053'));
    assert.ok(found.length >= 1);
    for (const f of found) {
      assert.doesNotMatch(f.message, /satisfies/);
      assert.equal(f.related, undefined);
    }
  });
});
