// The missing-row-label rule (server/src/engine/rules/missing-row-label.ts) on the real samples and mutations of them.
import assert from 'node:assert/strict';
import { readSample } from '../../helpers';
import { mine, one, spliceLines, lineIndex, model, values, settle } from './helpers';

describe('structure rules on the samples', () => {

  it('seed 000: the numbers of 1.属于国家秘密 without their label; the trailing empty cell is not a cell-count error', () => {
    const text = readSample('000');
    const f = one(text, 'missing-row-label');
    assert.match(f.message, /「（三）不予公开·1\.属于国家秘密」/);
    assert.ok(f.cells?.every(c => c.row === 'refused.state_secret') && f.cells.length === 7);
    assert.deepEqual(mine(text, 'cell-count'), []);
    assert.deepEqual(mine(text).map(x => x.code).sort(), ['missing-row-label', 'part-heading']);
  });

  it('seed 000: the lost label is written back as a tab cell before the numbers, and the numbers stay put', () => {
    const text = readSample('000');
    const f = one(text, 'missing-row-label');
    assert.equal(f.fixes[0].preferred, true, 'both neighbours are labelled');
    assert.equal(f.fixes[0].edits[0].newText, '\t1.属于国家秘密\n');
    const fixed = settle(text, f);
    const row = model(fixed).tables.applications!.rows['refused.state_secret'];
    assert.equal(row.label?.how, 'exact');
    assert.deepEqual(values(fixed), values(text));
  });
});

describe('structure rules on mutations of seed 002', () => {
  const text = readSample('002');

  it('a lost label in pipe cells: missing-row-label, and the fix restores the text exactly', () => {
    const at = lineIndex(text, '1.属于国家秘密 |');
    const mutated = spliceLines(text, at, 1);
    const f = one(mutated, 'missing-row-label');
    assert.equal(f.fixes[0].edits[0].newText, '1.属于国家秘密 |\n');
    assert.equal(settle(mutated, f), text);
  });
});

describe('structure rules on other mutations', () => {

  it('a lost label in a row-per-line table (seed 004, tab-separated): reported, but no fix rather than a guess', () => {
    const text = readSample('004');
    const at = text.split('\n').findIndex(l => l.includes('1.属于国家秘密'));
    const mutated = spliceLines(text, at, 1, text.split('\n')[at].replace('1.属于国家秘密', ''));
    const found = mine(mutated, 'missing-row-label');
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].fixes, []);
  });
});
