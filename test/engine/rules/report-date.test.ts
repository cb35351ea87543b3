// The report-date rule (server/src/engine/rules/report-date.ts) on the real samples and mutations of them.
import assert from 'node:assert/strict';
import { findings, readSample, sampleNames } from '../../helpers';
import { replaceOnce, textAt } from './helpers';

describe('report-date', () => {
  it('stays silent on every sample (000 signed 2021年1月15日, 002 2021年1月29日, 003 2022年1月17日)', () => {
    for (const name of sampleNames()) assert.deepEqual(findings(readSample(name), 'report-date').found, [], name);
  });

  it('corpus 01 with a 2023 统计期限: a warning on the period, pointing at the title\'s 2024', () => {
    const text = replaceOnce(readSample('01'), '自 2024 年 1 月 1 日至 2024 年 12 月 31 日', '自 2023 年 1 月 1 日至 2023 年 12 月 31 日');
    const { doc, found } = findings(text, 'report-date');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
    assert.equal(textAt(doc, found[0]), '2023 年 1 月 1 日至 2023 年 12 月 31 日');
    assert.match(found[0].message, /statistics period .* is not the year 2024 the title names/);
    assert.equal(found[0].related?.length, 1);
  });

  it('seed 000 signed within its own year (2020年12月15日): a warning', () => {
    const { doc, found } = findings(replaceOnce(readSample('000'), '2021年1月15日', '2020年12月15日'), 'report-date');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
    assert.equal(textAt(doc, found[0]), '2020年12月15日');
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
