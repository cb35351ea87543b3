// The part-numbering rule (server/src/engine/rules/part-numbering.ts) on the real samples and mutations of them.
import assert from 'node:assert/strict';
import { readSample } from '../../helpers';
import { mine, one, spliceLines, lineIndex, settle } from './helpers';

describe('structure rules on the samples', () => {

  it('seed 001: 5、 is renumbered 五、; the stray 五 after 六 is a duplicate, not a part-order storm', () => {
    const text = readSample('001');
    const num = one(text, 'part-numbering');
    assert.equal(num.range.start.line, lineIndex(text, '5、 存在的主要问题及改进情况'));
    assert.match(num.message, /「5、」.*「五、」/);
    assert.equal(num.fixes[0].preferred, true);
    const dup = one(text, 'duplicate-part');
    assert.equal(dup.range.start.line, text.split('\n').lastIndexOf('五、存在的主要问题及改进情况'));
    assert.equal(dup.fixes.length, 0);
    assert.equal(dup.related?.[0].range.start.line, num.range.start.line);
    assert.deepEqual(mine(text, 'part-order'), []);
    assert.deepEqual(mine(text, 'missing-part'), []);
    const fixed = settle(text, num);
    assert.equal(fixed.split('\n')[num.range.start.line], '五、存在的主要问题及改进情况');
    assert.equal(mine(fixed, 'duplicate-part').length, 1, 'the stray heading is still the second one');
  });
});

describe('structure rules on mutations of seed 002', () => {
  const text = readSample('002');

  it('二、 written 5、: part-numbering, renumbered back to 二、; no missing or duplicate part', () => {
    const at = lineIndex(text, '二、主动公开政府信息情况');
    const mutated = spliceLines(text, at, 1, '5、主动公开政府信息情况');
    const f = one(mutated, 'part-numbering');
    assert.match(f.message, /part 二 .*「5、」.*「二、」/);
    assert.deepEqual(mine(mutated).map(x => x.code), ['part-numbering']);
    assert.equal(settle(mutated, f), text);
  });

  it('二、 numbered 三、: part-numbering (by its wording it is part 二), no duplicate of part 三', () => {
    const at = lineIndex(text, '二、主动公开政府信息情况');
    const mutated = spliceLines(text, at, 1, '三、主动公开政府信息情况');
    const f = one(mutated, 'part-numbering');
    assert.deepEqual(mine(mutated).map(x => x.code), ['part-numbering']);
    assert.equal(settle(mutated, f), text);
  });
});
