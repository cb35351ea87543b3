// When the written total satisfies another identity it is part of, the tool suspects an
// addend rather than the total: the finding links to every addend of the identity that
// fails (related information), so the user can find the wrong one without reading 19 rows.
import assert from 'node:assert/strict';
import { ReportDocument, check, type Table } from '../../server/src/engine';
import { readSample, setCell } from '../helpers';

const resultsTotal = (text: string, locale: 'en' | 'zh-cn' = 'en') =>
  check(new ReportDocument(text), { locale }).filter(f => f.code === 'results-total');

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
