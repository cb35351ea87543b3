// The cross-year rule (server/src/engine/rules/cross-year.ts) on the real samples and mutations of them.
import assert from 'node:assert/strict';
import { ReportDocument, applyEdits } from '../../../server/src/engine';
import { findings, readSample, setCell } from '../../helpers';
import { textAt } from './helpers';

describe('cross-year', () => {
  /** Corpus 12 relabelled as the 2023 report of the same body, agreeing with 2024's 二 and 现行有效件数. */
  function lastYear(): string {
    let text = readSample('12').replace(/2024/g, '2023');
    for (const [column, v] of [['natural_person', '34'], ['total', '34']] as const) text = setCell(text, 'applications', 'carried_forward', column, v);
    text = setCell(text, 'proactive', 'regulations', 'in_force', '10');
    text = setCell(text, 'proactive', 'normative_documents', 'in_force', '84');
    return text;
  }

  it('corpus 12 (2024) with a consistent 2023 report at hand: silent; without peers: silent', () => {
    const peer = new ReportDocument(lastYear());
    assert.equal(peer.model.reports[0].year, 2023);
    assert.deepEqual(findings(readSample('12'), 'cross-year', { peers: [peer] }).found, []);
    assert.deepEqual(findings(readSample('12'), 'cross-year').found, []);
  });

  it('last year carried 30 forward, this year says 34 carried over: a warning per column, and the copy fix', () => {
    let prev = setCell(lastYear(), 'applications', 'carried_forward', 'natural_person', '30');
    prev = setCell(prev, 'applications', 'carried_forward', 'total', '30');
    const peers = [new ReportDocument(prev)];
    const { doc, found } = findings(readSample('12'), 'cross-year', { peers });
    assert.deepEqual(found.map(f => f.cells![0].column), ['natural_person', 'total']);
    assert.ok(found.every(f => f.severity === 'warning'));
    assert.match(found[0].message, /「二、上年结转政府信息公开申请数量」, column 「自然人」 is 34, but last year's report \(2023\) carried 30 forward/);
    assert.equal(textAt(doc, found[0]), '34');
    const fix = found[0].fixes[0];
    assert.equal(fix.preferred, false);
    const fixed = applyEdits(readSample('12'), fix.edits);
    assert.deepEqual(findings(fixed, 'cross-year', { peers }).found, []);
    assert.equal(applyEdits(fixed, findings(fixed, 'cross-year', { peers }).found.flatMap(f => f.fixes[0].edits)), fixed);
  });

  it('现行有效件数: last year\'s 11 + 1 制发 − 0 废止 = 12, not the 11 written: information', () => {
    const prev = setCell(lastYear(), 'proactive', 'regulations', 'in_force', '11');
    const { found } = findings(readSample('12'), 'cross-year', { peers: [new ReportDocument(prev)] });
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'information');
    assert.match(found[0].message, /is 11, but last year's 11 \+ 1 issued − 0 repealed = 12/);
  });

  it('another body\'s 2023 report (洪泽区, corpus 11) or the same body\'s 2022 report is not compared', () => {
    assert.deepEqual(findings(readSample('12'), 'cross-year', { peers: [new ReportDocument(readSample('11'))] }).found, []);
    const twoYearsBack = setCell(lastYear().replace(/2023/g, '2022'), 'applications', 'carried_forward', 'total', '1');
    assert.deepEqual(findings(readSample('12'), 'cross-year', { peers: [new ReportDocument(twoYearsBack)] }).found, []);
  });
});
