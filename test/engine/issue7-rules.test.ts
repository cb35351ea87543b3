// Issue 7's rules on the real samples and mutations of them: text-table, report-date,
// template-generation's 信息处理费 note, cross-year.
import assert from 'node:assert/strict';
import { ReportDocument, applyEdits, check, type Finding } from '../../server/src/engine';
import { proseFacts } from '../../server/src/engine/prose';
import { findings, readSample, sampleNames, setCell } from '../helpers';

/** Replaces the one occurrence of `from` (asserting there is exactly one). */
function replaceOnce(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `exactly one ${JSON.stringify(from)}`);
  return text.replace(from, to);
}
const at = (doc: ReportDocument, f: Finding) => doc.getTextIn(f.range);

describe('prose numbers (prose.ts)', () => {
  it('corpus 01: every quantity of part 一 is read, across line breaks and spaced numbers, at the digits', () => {
    const doc = new ReportDocument(readSample('01'));
    const facts = proseFacts(doc, doc.model.reports[0]);
    assert.deepEqual(facts.numbers.map(n => `${n.quantity}=${n.value}`), [
      'new=3119', 'answered=3050', 'carried_over=34', 'carried_forward=103', 'review.total=351',
      'review.upheld=72', 'review.corrected=64', 'review.other=178', 'review.pending=37',
      'suit.total=46', 'suit.upheld=25', 'suit.corrected=5', 'suit.other=9', 'suit.pending=7']);
    for (const n of facts.numbers) assert.equal(doc.getTextIn(n.range), String(n.value));
    // 答复 wraps: "答\n复 3050 件" — the number's range is on the second line.
    const answered = facts.numbers.find(n => n.quantity === 'answered')!;
    assert.equal(answered.range.start.line, 31);
  });

  it('corpus 03: "区政府办代表区政府受理…17件" is one office\'s share, not the table\'s 95: not read', () => {
    const doc = new ReportDocument(readSample('03'));
    assert.deepEqual(proseFacts(doc, doc.model.reports[0]).numbers, []);
  });
});

describe('text-table', () => {
  it('stays silent on every sample: corpus 01 and 12 agree in 14 numbers, seed 002 in 3, 02 and 11 in 1', () => {
    for (const name of sampleNames()) assert.deepEqual(findings(readSample(name), 'text-table').found, [], name);
  });

  it('corpus 01, prose 3119 → 3120: one warning at the prose number naming the cell and both values', () => {
    const text = replaceOnce(readSample('01'), '申请 3119 件', '申请 3120 件');
    const { doc, found } = findings(text, 'text-table');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
    assert.equal(at(doc, found[0]), '3120');
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
    assert.equal(at(doc, found[0]), '3119');
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
    assert.equal(at(doc, found[0]), '均获维持');
    assert.deepEqual(found[0].cells, [{ table: 'review_litigation', row: 'cases', column: 'review.corrected' }]);
    assert.match(found[0].message, /all cases were upheld .*行政复议·结果纠正」 = 1/);
  });
});

describe('report-date', () => {
  it('stays silent on every sample (000 signed 2021年1月15日, 002 2021年1月29日, 003 2022年1月17日)', () => {
    for (const name of sampleNames()) assert.deepEqual(findings(readSample(name), 'report-date').found, [], name);
  });

  it('corpus 01 with a 2023 统计期限: a warning on the period, pointing at the title\'s 2024', () => {
    const text = replaceOnce(readSample('01'), '自 2024 年 1 月 1 日至 2024 年 12 月 31 日', '自 2023 年 1 月 1 日至 2023 年 12 月 31 日');
    const { doc, found } = findings(text, 'report-date');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
    assert.equal(at(doc, found[0]), '2023 年 1 月 1 日至 2023 年 12 月 31 日');
    assert.match(found[0].message, /statistics period .* is not the year 2024 the title names/);
    assert.equal(found[0].related?.length, 1);
  });

  it('seed 000 signed within its own year (2020年12月15日): a warning', () => {
    const { doc, found } = findings(replaceOnce(readSample('000'), '2021年1月15日', '2020年12月15日'), 'report-date');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
    assert.equal(at(doc, found[0]), '2020年12月15日');
    assert.match(found[0].message, /within or before the year 2020/);
  });

  it('the 第四十九条 deadline: 3月31日 assumed for 坎市镇人民政府, 1月31日 for a department; which one is said', () => {
    // Signed 2021年3月2日 by 坎市镇人民政府: a government's own report, in time.
    const march = replaceOnce(readSample('000'), '2021年1月15日', '2021年3月2日');
    assert.deepEqual(findings(march, 'report-date').found, []);
    // The same date signed by a department: late.
    const dept = replaceOnce(march, '坎市镇人民政府\n', '坎市镇财政所\n');
    const { found } = findings(dept, 'report-date');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'information');
    assert.match(found[0].message, /dated 2021年3月2日, past the deadline .* 2021年1月31日 \(a department's report, assumed because neither the title nor the signature names a 人民政府\)/);
    // A government signing 2021年4月2日: late too, and the government's deadline is named.
    const { found: gov } = findings(replaceOnce(readSample('000'), '2021年1月15日', '2021年4月2日'), 'report-date', { locale: 'zh-cn' });
    assert.equal(gov.length, 1);
    assert.match(gov[0].message, /2021年3月31日（按本级人民政府年度报告认定，因为「坎市镇人民政府」为人民政府）/);
  });
});

describe('template-generation: 信息处理费 in part 六 (2021+)', () => {
  const fee = (f: Finding) => /信息处理费/.test(f.message);
  it('seed 003 (2021) says only 无其他需要说明的事项: one information note on part 六', () => {
    const { doc, found } = findings(readSample('003'), 'template-generation');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'information');
    assert.equal(found[0].range.start.line, doc.model.reports[0].parts.find(p => p.number === 6)!.range.start.line);
    assert.match(found[0].message, /Part 六 does not mention 信息处理费/);
  });

  it('corpus 01, 02, 03, 11, 12 report it (01 across a line break); 2019 reports are not asked', () => {
    for (const name of ['01', '02', '03', '11', '12', '000', '001', '002', '004']) assert.deepEqual(findings(readSample(name), 'template-generation').found.filter(fee), [], name);
  });

  it('corpus 12 with part 六 emptied: the note appears', () => {
    const text = readSample('12').replace(/^2024 年，市政府严格落实.*$/m, '无。');
    assert.equal(findings(text, 'template-generation').found.filter(fee).length, 1);
  });
});

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
    assert.equal(at(doc, found[0]), '34');
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
