// The unit rule (server/src/engine/rules/unit.ts) on the real samples and mutations of them.
import assert from 'node:assert/strict';
import { ReportDocument, applyEdits, check, fixAll } from '../../../server/src/engine';
import { cellOf, findings, readSample, sampleNames, setCell } from '../../helpers';

describe('unit', () => {
  it('seed 000: 采购总金额 75627.00 with no unit is ambiguous; the accepted units are named, nothing is guessed', () => {
    const { found } = findings(readSample('000'), 'unit');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
    assert.deepEqual(found[0].cells, [{ table: 'proactive', row: 'procurement', column: 'procurement_amount' }]);
    assert.match(found[0].message, /「政府集中采购」, column 「采购总金额」 is written 「75627.00」 with no unit.*accepted: 元, 万元/);
    assert.deepEqual(found[0].fixes, []);
    const zh = check(new ReportDocument(readSample('000')), { locale: 'zh-cn' }).find(f => f.code === 'unit')!;
    assert.match(zh.message, /「75627.00」，未注明单位.*可填：元、万元/);
  });

  it('no other sample has a unit problem: 0万元 (001), 6834.335元 (002), a bare 0 (004), 2021 fees in the declared 万元', () => {
    for (const name of sampleNames().filter(n => !n.startsWith('000'))) assert.deepEqual(findings(readSample(name), 'unit').found, [], name);
    assert.equal(cellOf(new ReportDocument(readSample('002')), 'proactive', 'procurement', 'procurement_amount').unit, '元');
    assert.equal(cellOf(new ReportDocument(readSample('01')), 'proactive', 'fees', 'fee_amount').unit, undefined);
  });

  it('元 in 2021\'s 万元 fee column: converting is offered (not unattended) and clears the warning', () => {
    const text = setCell(readSample('11'), 'proactive', 'fees', 'fee_amount', '6834.335元');
    const { found } = findings(text, 'unit');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /is written 「6834.335元」, but the column is declared in 万元. 6834.335元 is 0.6834335 万元/);
    const [fix] = found[0].fixes;
    assert.equal(fix.title, 'Convert to 万元: 0.6834335');
    assert.equal(fix.preferred, false);
    const doc = new ReportDocument(text);
    assert.deepEqual(fixAll(doc, check(doc, { locale: 'en' })).edits.filter(e => e.range.start.line === fix.edits[0].range.start.line), []);
    const fixed = applyEdits(text, fix.edits);
    assert.equal(cellOf(new ReportDocument(fixed), 'proactive', 'fees', 'fee_amount').value, 0.6834335);
    assert.deepEqual(findings(fixed, 'unit').found, []);
    assert.equal(fixed, setCell(readSample('11'), 'proactive', 'fees', 'fee_amount', '0.6834335'));
  });

  it('a money unit on a count column, or a count unit on an amount, contradicts the column', () => {
    let text = setCell(readSample('002'), 'proactive', 'licensing', 'previous_items', '885万元');
    let found = findings(text, 'unit').found;
    assert.equal(found.length, 1);
    assert.match(found[0].message, /「上一年项目数量」 is a count/);
    assert.deepEqual(found[0].fixes, []);
    text = setCell(readSample('002'), 'proactive', 'procurement', 'procurement_amount', '264个');
    found = findings(text, 'unit').found;
    assert.equal(found.length, 1);
    assert.match(found[0].message, /「采购总金额」 is an amount of money/);
    // A count unit on a count is how people write: 3件.
    text = setCell(readSample('002'), 'proactive', 'licensing', 'previous_items', '885件');
    assert.deepEqual(findings(text, 'unit').found, []);
  });
});
