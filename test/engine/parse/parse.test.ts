// The parser on the facts the spec states about the real reports, and on edits of them.
import assert from 'node:assert/strict';
import { ReportDocument } from '../../../server/src/engine';
import { classifyHeading } from '../../../server/src/engine/parse/headings';
import { classifyLabel } from '../../../server/src/engine/parse/labels';
import { readSample } from '../../helpers';

const parse = (text: string) => new ReportDocument(text).model;
const only = (text: string) => { const m = parse(text); assert.equal(m.reports.length, 1); return m.reports[0]; };
const values = (t: { rows: Record<string, { cells: Record<string, { value: number | null }> }> } | undefined, row: string) =>
  Object.values(t!.rows[row].cells).map(c => c.value);

describe('parts', () => {
  it('finds all six parts of seed 002 and none of the row labels that look like headings', () => {
    const r = only(readSample('002'));
    assert.deepEqual(r.parts.map(p => p.number), [1, 2, 3, 4, 5, 6]);
  });
  it('reads 5、 as part 五 with non-standard numbering, and keeps the stray 五 after 六 (seed 001)', () => {
    const r = only(readSample('001'));
    assert.deepEqual(r.parts.map(p => [p.number, p.standardNumbering]), [[1, true], [2, true], [3, true], [4, true], [5, false], [6, true], [5, true]]);
  });
  it('notices that seed 004 has no part 六 and reads its variant 五 heading', () => {
    const r = only(readSample('004'));
    assert.deepEqual(r.parts.map(p => p.number), [1, 2, 3, 4, 5]);
    assert.equal(r.parts[4].how, 'variant');
  });
  it('tolerates indentation, U+3000, Markdown marks and variant wording; rejects table row labels', () => {
    assert.equal(classifyHeading('\u3000\u3000三、收到和处理政府信息公开申请情况')?.number, 3);
    assert.equal(classifyHeading('## 二、主动公开政府信息情况')?.number, 2);
    assert.equal(classifyHeading('一、2019 年联财镇政府信息公开总体情况')?.number, 1);
    assert.equal(classifyHeading('四、结转下年度继续办理'), undefined);
    assert.equal(classifyHeading('一、本年新收政府信息公开申请数量'), undefined);
    assert.equal(classifyHeading('三、本年度办理结果'), undefined);
    assert.equal(classifyHeading('1.收到依申请公开的情况。2020年,共收到政府信息公开申请25件'), undefined);
  });
});

describe('tables', () => {
  it('puts seed 000\'s numbers under the lost 1.属于国家秘密 label on refused.state_secret', () => {
    const t = only(readSample('000')).tables.applications!;
    assert.equal(t.rows['refused.state_secret'].label, undefined);
    assert.equal(Object.keys(t.rows['refused.state_secret'].cells).length, 7);
    assert.equal(t.rows['refused.prohibited_by_law'].label?.how, 'exact');
  });
  it('reads seed 002 (pipe cells): 一 and （七）总计 as written', () => {
    const t = only(readSample('002')).tables.applications!;
    assert.deepEqual(values(t, 'new'), [20, 5, 0, 0, 0, 0, 25]);
    assert.deepEqual(values(t, 'results_total'), [23, 5, 0, 0, 0, 0, 28]);
  });
  it('detects seed 003 as 2021 with a blank 总计 in row 四', () => {
    const r = only(readSample('003'));
    assert.equal(r.template, '2021');
    const cf = r.tables.applications!.rows.carried_forward.cells.total;
    assert.equal(cf.kind, 'blank');
    assert.equal(cf.value, null);
  });
  it('reads a typo label tolerantly and says how (corpus 02: 2.其他法律行政止公开)', () => {
    const t = only(readSample('02_')).tables.applications!;
    assert.equal(t.rows['refused.prohibited_by_law'].label?.how, 'fuzzy');
    assert.equal(t.rows['refused.prohibited_by_law'].label?.canonical, '2.其他法律行政法规禁止公开');
  });
  it('reads the columns-as-paragraphs layout of plain pdftotext (corpus 03)', () => {
    const t = only(readSample('03_')).tables.applications!;
    assert.deepEqual(values(t, 'unavailable.not_held'), [31, 0, 0, 0, 0, 0, 31]);
    assert.deepEqual(values(t, 'results_total'), [95, 0, 0, 0, 0, 0, 95]);
  });
  it('tells generations apart per table: corpus 02 has a 2021 table 二 and a 2019 table 三', () => {
    const r = only(readSample('02_'));
    assert.equal(r.tables.proactive!.generation, '2021');
    assert.equal(r.tables.applications!.generation, '2019');
  });
  it('reads a Markdown pipe table', () => {
    const md = ['四、政府信息公开行政复议、行政诉讼情况', '', '| 行政复议 | | | | | 行政诉讼 |', '|---|---|---|---|---|---|',
      '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 |', '| 1 | 2 | 0 | 0 | 3 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |'].join('\n');
    const t = only(md).tables.review_litigation!;
    assert.equal(t.encoding, 'markdown');
    assert.deepEqual(values(t, 'cases').slice(0, 5), [1, 2, 0, 0, 3]);
  });
  it('matches labels written with ASCII brackets, spaces and 顿号', () => {
    assert.equal(classifyLabel('(二) 部分公开（区分处理的，只计这一情形，不计其他情形）').matches[0]?.entry.id, 'partly_granted');
    assert.equal(classifyLabel('第二十条 第(一)项').matches[0]?.entry.id, 'art20_1');
    assert.equal(classifyLabel('1、本机关不掌握相关政府信息').matches[0]?.entry.id, 'unavailable.not_held');
  });
  it('never guesses between two labels that fit equally', () => {
    assert.deepEqual(classifyLabel('2.其他').matches, []);
  });
});

describe('report facts', () => {
  it('reads the year from the title, the statistics period and the signature', () => {
    const r = only(readSample('000'));
    assert.equal(r.year, 2020);
    assert.equal(r.dates.signature?.text, '2021年1月15日');
    assert.equal(r.dates.period?.to.month, 12);
    assert.equal(only(readSample('003')).yearSource, 'signature');
  });
  it('splits a compilation of reports into reports, each with its own tables', () => {
    const m = parse(readSample('002') + '\n' + readSample('01_') + '\n' + readSample('004'));
    assert.equal(m.reports.length, 3);
    assert.deepEqual(m.reports.map(r => r.year), [2020, 2024, 2019]);
    assert.deepEqual(values(m.reports[1].tables.applications, 'carried_forward'), [103, 0, 0, 0, 0, 0, 103]);
  });
  it('parses whatever is there in a partial report', () => {
    const lines = readSample('002').split('\n');
    const r = only(lines.slice(0, 200).join('\n'));
    assert.ok(r.tables.applications!.rows.new);
    assert.equal(r.tables.review_litigation, undefined);
  });
  it('survives empty, binary-looking and CRLF input', () => {
    assert.equal(parse('').reports.length, 1);
    assert.ok(parse('\u0000\u0001\u0002\uFFFD'.repeat(100)));
    const crlf = only(readSample('002').replace(/\n/g, '\r\n'));
    assert.deepEqual(values(crlf.tables.applications, 'new'), [20, 5, 0, 0, 0, 0, 25]);
  });
});
