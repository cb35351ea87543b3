// The part-order rule (server/src/engine/rules/part-order.ts) on the real samples and mutations of them.
import assert from 'node:assert/strict';
import { readSample } from '../../helpers';
import { mine, lineIndex } from './helpers';

describe('structure rules on mutations of seed 002', () => {
  const text = readSample('002');

  it('part 四 moved before part 三: one part-order warning, not one per part', () => {
    const l3 = lineIndex(text, '三、收到和处理政府信息公开申请情况');
    const l4 = lineIndex(text, '四、政府信息公开行政复议、行政诉讼情况');
    const l5 = lineIndex(text, '五、政府信息公开工作存在的主要问题及改进情况');
    const lines = text.split('\n');
    const moved = [...lines.slice(0, l3), ...lines.slice(l4, l5), ...lines.slice(l3, l4), ...lines.slice(l5)].join('\n');
    const found = mine(moved, 'part-order');
    assert.equal(found.length, 1, found.map(f => f.message).join(' | '));
    assert.match(found[0].message, /part (三|四)/);
    assert.deepEqual(mine(moved, 'missing-part'), []);
  });
});
