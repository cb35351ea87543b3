// The missing-table rule (server/src/engine/rules/missing-table.ts) on the real samples and mutations of them.
import assert from 'node:assert/strict';
import { readSample } from '../../helpers';
import { mine, one, spliceLines, lineIndex, model, settle } from './helpers';

describe('structure rules on mutations of seed 002', () => {
  const text = readSample('002');

  it('deleting table 三 but keeping its heading: missing-table on part 三, whose fix inserts a blank table', () => {
    const from = lineIndex(text, '三、收到和处理政府信息公开申请情况') + 1;
    const to = lineIndex(text, '四、政府信息公开行政复议、行政诉讼情况');
    const mutated = spliceLines(text, from, to - from);
    const f = one(mutated, 'missing-table');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /table 三 \(applications\) in part 三/);
    assert.equal(f.fixes[0].preferred, false);
    const fixed = settle(mutated, f);
    const t = model(fixed).tables.applications!;
    assert.equal(t.encoding, 'pipe-cells', 'the encoding of the report\'s other tables');
    assert.ok(Object.values(t.rows).every(r => Object.values(r.cells).every(c => c.value === 0)));
    assert.deepEqual(mine(fixed), []);
  });
});
