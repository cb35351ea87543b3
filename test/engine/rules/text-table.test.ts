// The text-table rule (server/src/engine/rules/text-table.ts) on the real samples and mutations of them.
import assert from 'node:assert/strict';
import { applyEdits, check } from '../../../server/src/engine';
import { findings, readSample, sampleNames, setCell } from '../../helpers';
import { replaceOnce, textAt } from './helpers';

describe('text-table', () => {
  it('stays silent on every sample: corpus 01 and 12 agree in 14 numbers, seed 002 in 3, 02 and 11 in 1', () => {
    for (const name of sampleNames()) assert.deepEqual(findings(readSample(name), 'text-table').found, [], name);
  });

  it('corpus 01, prose 3119 → 3120: one warning at the prose number naming the cell and both values', () => {
    const text = replaceOnce(readSample('01'), '申请 3119 件', '申请 3120 件');
    const { doc, found } = findings(text, 'text-table');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
    assert.equal(textAt(doc, found[0]), '3120');
    assert.equal(found[0].range.start.line, 30);
    assert.deepEqual(found[0].cells, [{ table: 'applications', row: 'new', column: 'total' }]);
    assert.match(found[0].message, /The text says 3120 applications received, but the table has 3119 \(row 「一、本年新收政府信息公开申请数量」, column 「总计」\)/);
    const zh = check(doc, { locale: 'zh-cn' }).find(f => f.code === 'text-table')!;
    assert.match(zh.message, /正文称本年新收申请 3120 件，但表格为 3119 件/);
    // The fix writes the table's number; applying it silences the rule.
    const fixed = applyEdits(text, found[0].fixes[0].edits);
    assert.equal(found[0].fixes[0].preferred, false);
    assert.deepEqual(findings(fixed, 'text-table').found, []);
  });

  it('corpus 01, table cell 一 总计 3119 → 3118: the finding stands at the prose 3119', () => {
    const text = setCell(readSample('01'), 'applications', 'new', 'total', '3118');
    const { doc, found } = findings(text, 'text-table');
    assert.equal(found.length, 1);
    assert.equal(textAt(doc, found[0]), '3119');
    assert.match(found[0].message, /says 3119 .* table has 3118/);
  });

  it('corpus 01, 行政复议 结果维持 72 → 73 and 行政诉讼 46 → 47: table 四 cells, 诉讼 as the sum of both kinds of suit', () => {
    let text = replaceOnce(readSample('01'), '结果维持 72 件', '结果维持 73 件');
    let { found } = findings(text, 'text-table');
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].cells, [{ table: 'review_litigation', row: 'cases', column: 'review.upheld' }]);
    assert.match(found[0].message, /says 73 reviews upheld, but the table has 72/);
    text = replaceOnce(readSample('01'), '行政诉讼 46 件', '行政诉讼 47 件');
    ({ found } = findings(text, 'text-table'));
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].cells?.map(c => c.column), ['suit_direct.total', 'suit_after_review.total']);
    assert.match(found[0].message, /says 47 lawsuits .* table has 46 \(the sum of .*未经复议直接起诉·总计.*复议后起诉·总计/);
  });

  it('seed 002, prose 共收到…申请25件 → 26, and "予以公开"答复数14件 → 15: one finding each', () => {
    let { found } = findings(replaceOnce(readSample('002'), '共收到政府信息公开申请25件', '共收到政府信息公开申请26件'), 'text-table');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /26 applications received, but the table has 25/);
    ({ found } = findings(replaceOnce(readSample('002'), '答复数14件', '答复数15件'), 'text-table'));
    assert.equal(found.length, 1);
    assert.match(found[0].message, /15 applications granted .* table has 14/);
  });

  it('seed 002, "…行政复议1件，均获维持" while table 四 has 1 结果纠正: the claim is flagged', () => {
    const text = readSample('002').replace(/^3\.政府信息公开行政复议、行政诉讼情况。.*$/m, '3.政府信息公开行政复议、行政诉讼情况。2020年,因政府信息公开被申请行政复议1件,均获维持。');
    const { doc, found } = findings(text, 'text-table');
    assert.equal(found.length, 1);
    assert.equal(textAt(doc, found[0]), '均获维持');
    assert.deepEqual(found[0].cells, [{ table: 'review_litigation', row: 'cases', column: 'review.corrected' }]);
    assert.match(found[0].message, /all cases were upheld .*行政复议·结果纠正」 = 1/);
  });
});
