// Content detection (server/src/lsp/detect.ts, which the client asks through
// nianbao/looksLikeReport): every real report is
// recognised whatever its encoding; text that merely talks about reports is not.
import assert from 'node:assert/strict';
import { looksLikeReport, reportSignature, TABLE_SIGNATURES } from '../../server/src/lsp/detect';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, readSample, sampleNames } from '../helpers';

/** Drops every line that matches. */
const without = (text: string, drop: RegExp) => text.split('\n').filter(l => !drop.test(l)).join('\n');

describe('report detection (nianbao/looksLikeReport)', () => {
  for (const name of sampleNames()) {
    it(`recognises ${name}`, () => {
      const text = readSample(name);
      assert.ok(looksLikeReport(text), JSON.stringify(reportSignature(text)));
      assert.ok(looksLikeReport(text.replace(/\n/g, '\r\n')), 'CRLF line ends');
    });
  }

  it('recognises the crawled web pages, each report on one line (not the pre-2019 one, which has no table)', () => {
    const dir = path.join(FIXTURES, 'web');
    for (const name of readdirSync(dir).filter(f => f.endsWith('.txt'))) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      assert.equal(looksLikeReport(text), !name.startsWith('w40'), `${name}: ${JSON.stringify(reportSignature(text))}`);
    }
  });

  it('takes its table labels from the templates, both generations', () => {
    assert.ok(TABLE_SIGNATURES.includes('第二十条第(一)项'));
    assert.ok(TABLE_SIGNATURES.includes('本年新收政府信息公开申请数量'));
    // short labels (规章, 总计) are everywhere in prose: they are not signatures
    assert.ok(TABLE_SIGNATURES.every(l => l.length >= 8));
  });

  it('leaves a note that mentions 年度报告 alone', () => {
    const note = [
      '# 周五例会记录',
      '',
      '一、本周工作',
      '1. 催办2023年政府信息公开工作年度报告，下周三前报送。',
      '2. 整理主动公开目录。',
      '二、下周安排',
      '核对年度报告中的数据。',
    ].join('\n');
    assert.equal(looksLikeReport(note), false);
  });

  it('leaves an outline with the part headings but no table alone', () => {
    const outline = ['年报提纲', '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '待补充。'].join('\n');
    assert.equal(looksLikeReport(outline), false);
  });

  it('needs two part headings besides the tables', () => {
    const text = readSample('002');
    const headingsGone = without(text, /^\s*[一二三四五六]、\S*(总体情况|主动公开政府信息情况|收到和处理|行政复议、行政诉讼情况|存在的主要问题|其他需要报告)/);
    assert.equal(reportSignature(headingsGone).parts.length, 0);
    assert.equal(looksLikeReport(headingsGone), false);
    const oneHeadingLeft = `一、总体情况\n${headingsGone}`;
    assert.equal(looksLikeReport(oneHeadingLeft), false);
    assert.equal(looksLikeReport(`二、主动公开政府信息情况\n${oneHeadingLeft}`), true);
  });

  it('finds labels that a PDF extraction spaced out', () => {
    const text = ['一、总体情况', '二、主动公开政府信息情况', '一 、本 年 新 收 政 府 信 息 公 开 申 请 数 量   3   0   3'].join('\n');
    assert.equal(looksLikeReport(text), true);
  });
});
