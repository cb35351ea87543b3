// The missing-row rule (server/src/engine/rules/missing-row.ts) on the real samples and mutations of them.
import assert from 'node:assert/strict';
import { readSample } from '../../helpers';
import { one, spliceLines, lineIndex } from './helpers';

describe('structure rules on mutations of seed 002', () => {
  const text = readSample('002');

  it('a row deleted (label and numbers): missing-row names it and where it belongs', () => {
    const at = lineIndex(text, '7.属于行政执法案卷 |');
    const f = one(spliceLines(text, at, 8), 'missing-row');
    assert.match(f.message, /「（三）不予公开·7\.属于行政执法案卷」 is missing\. It belongs after 「（三）不予公开·6\.属于四类过程性信息」/);
    assert.equal(f.fixes.length, 0);
  });
});
