// Numbers quoted in the prose (server/src/engine/prose.ts), which text-table compares with the tables.
import assert from 'node:assert/strict';
import { ReportDocument } from '../../server/src/engine';
import { proseFacts } from '../../server/src/engine/prose';
import { readSample } from '../helpers';

describe('prose numbers (prose.ts)', () => {
  it('corpus 01: every quantity of part 一 is read, across line breaks and spaced numbers, at the digits', () => {
    const doc = new ReportDocument(readSample('01'));
    const facts = proseFacts(doc, doc.model.reports[0]);
    assert.deepEqual(facts.numbers.map(n => `${n.quantity}=${n.value}`), [
      'new=3119', 'answered=3050', 'carried_over=34', 'carried_forward=103', 'review.total=351',
      'review.upheld=72', 'review.corrected=64', 'review.other=178', 'review.pending=37',
      'suit.total=46', 'suit.upheld=25', 'suit.corrected=5', 'suit.other=9', 'suit.pending=7']);
    for (const n of facts.numbers) assert.equal(doc.getTextIn(n.range), String(n.value));
    // 答复 wraps: "答\n复 3050 件" — the number's range is on the second line.
    const answered = facts.numbers.find(n => n.quantity === 'answered')!;
    assert.equal(answered.range.start.line, 31);
  });

  it('corpus 03: "区政府办代表区政府受理…17件" is one office\'s share, not the table\'s 95: not read', () => {
    const doc = new ReportDocument(readSample('03'));
    assert.deepEqual(proseFacts(doc, doc.model.reports[0]).numbers, []);
  });
});
