// The negative-count rule (server/src/engine/rules/negative-count.ts) on the real samples and mutations of them.
import assert from 'node:assert/strict';
import { ReportDocument, applyEdits } from '../../../server/src/engine';
import { cellOf, findings, readSample, sampleNames, setCell } from '../../helpers';

describe('negative-count', () => {
  it('the samples\' signed 本年增/减 (seed 002: -156) is not a finding', () => {
    for (const name of sampleNames()) assert.deepEqual(findings(readSample(name), 'negative-count').found, [], name);
    assert.equal(cellOf(new ReportDocument(readSample('002')), 'proactive', 'licensing', 'change').value, -156);
  });

  it('-3 in table 三 is an error with no fix: the sign is not plainly a slip', () => {
    const text = setCell(readSample('002'), 'applications', 'partly_granted', 'commercial', '-3');
    const { found } = findings(text, 'negative-count');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'error');
    assert.match(found[0].message, /column 「商业企业」 is -3: counts and amounts cannot be negative/);
    assert.deepEqual(found[0].fixes, []);
  });

  it('a negative 上一年项目数量 is an error though its neighbour 本年增/减 may be signed', () => {
    const text = setCell(readSample('002'), 'proactive', 'licensing', 'previous_items', '-885');
    assert.deepEqual(findings(text, 'negative-count').found.map(f => f.cells![0].column), ['previous_items']);
  });

  it('when the row total shows the sign is a slip, removing it is offered and restores the report', () => {
    const original = readSample('002');
    const text = setCell(original, 'applications', 'partly_granted', 'commercial', '-1');
    const { found } = findings(text, 'negative-count');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /Without the minus sign 总计 = 自然人/);
    const [fix] = found[0].fixes;
    assert.equal(fix.preferred, false);
    const fixed = applyEdits(text, fix.edits);
    assert.equal(fixed, original);
    assert.deepEqual(findings(fixed, 'negative-count').found, []);
  });
});
