// The part-heading rule (server/src/engine/rules/part-heading.ts) on the real samples and mutations of them.
import assert from 'node:assert/strict';
import { readSample } from '../../helpers';
import { one, spliceLines, lineIndex, settle } from './helpers';

describe('structure rules on mutations of seed 002', () => {
  const text = readSample('002');

  it('a heading with a slip of wording: part-heading, restored to the template\'s wording', () => {
    const at = lineIndex(text, '三、收到和处理政府信息公开申请情况');
    const mutated = spliceLines(text, at, 1, '三、收到和处理政府信息公开申请的情况');
    const f = one(mutated, 'part-heading');
    assert.match(f.message, /Check for a slip of wording/);
    assert.equal(settle(mutated, f), text);
  });
});
