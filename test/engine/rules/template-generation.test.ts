// The template-generation rule (server/src/engine/rules/template-generation.ts) on the real samples and mutations of them.
import assert from 'node:assert/strict';
import { check, type Finding } from '../../../server/src/engine';
import { findings, readSample } from '../../helpers';
import { tablesOf } from './helpers';

describe('template-generation', () => {
  for (const name of ['02', '03', '11']) {
    it(`corpus ${name}: the 2019 table 三 in a 2021-generation report is named, with both generations`, () => {
      const { doc, found } = findings(readSample(name), 'template-generation');
      assert.equal(found.length, 1);
      assert.equal(found[0].severity, 'warning');
      assert.deepEqual(tablesOf(found[0]), ['三']);
      assert.match(found[0].message, /follows the 2019 template .*「（六）其他处理」.*should use the 2021 template.*mixes generations: the 2021 template is used by table 二/);
      // The finding stands on table 三's first line; table 二 is pointed to.
      const t3 = doc.model.reports[0].tables.applications!;
      assert.equal(found[0].range.start.line, t3.range.start.line);
      assert.deepEqual(found[0].related?.map(r => r.range.start.line), [doc.model.reports[0].tables.proactive!.range.start.line]);
      const zh = check(doc, { locale: 'zh-cn' }).find(f => f.code === 'template-generation')!;
      assert.match(zh.message, /^表三（依申请公开）采用的是 2019 版模板.*应采用 2021 版模板.*混用了两版模板：表二（主动公开）采用的是 2021 版模板/);
    });
  }

  it('reports whose tables match their year have none: seeds 000–004, corpus 01 and 12', () => {
    // (Seed 003's part 六 omits 信息处理费: that note is the same rule's, tested with issue 7's rules.)
    for (const name of ['000', '001', '002', '003', '004', '01', '12']) {
      assert.deepEqual(findings(readSample(name), 'template-generation').found.filter(f => !/信息处理费/.test(f.message)), [], name);
    }
  });

  it('a report on 2022 laid out on the 2019 tables: tables 二 and 三 are wrong for the year, table 四 is the same in both', () => {
    const text = readSample('004').replace('隆德县联财镇 2019 年政府信息公开工作年度报告', '隆德县联财镇 2022 年政府信息公开工作年度报告');
    const { doc, found } = findings(text, 'template-generation');
    assert.equal(doc.model.reports[0].year, 2022);
    assert.deepEqual(found.map(tablesOf).flat(), ['二', '三']);
    for (const f of found) {
      assert.match(f.message, /follows the 2019 template.*A report on 2022 should use the 2021 template/);
      assert.doesNotMatch(f.message, /mixes/);
    }
  });

  it('the nianbao.template setting overrides the year', () => {
    // Seed 002 (2020, 2019 tables) checked against 2021.
    let found = findings(readSample('002'), 'template-generation', { template: '2021' }).found;
    assert.deepEqual(found.map(tablesOf).flat(), ['二', '三']);
    assert.match(found[0].message, /The nianbao.template setting asks for the 2021 template/);
    // Corpus 02 checked against 2019: now table 二 is the odd one out.
    found = findings(readSample('02'), 'template-generation', { template: '2019' }).found;
    assert.deepEqual(found.map(tablesOf).flat(), ['二']);
    assert.match(found[0].message, /follows the 2021 template.*setting asks for the 2019 template.*the 2019 template is used by table 三/);
    assert.deepEqual(findings(readSample('02'), 'template-generation', { template: 'auto' }).found.map(tablesOf).flat(), ['三']);
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
