// Hovers on the cells cross-year compares: this year's value, last year's, and where last
// year's cell is (corpus 12 against itself relabelled as the 2023 report).
import assert from 'node:assert/strict';
import { ReportDocument, hover, type Position } from '../../server/src/engine';
import { cellOf, readSample, setCell } from '../helpers';

function lastYear(): string {
  let text = readSample('12').replace(/2024/g, '2023');
  for (const [column, v] of [['natural_person', '30'], ['total', '30']] as const) text = setCell(text, 'applications', 'carried_forward', column, v);
  return setCell(text, 'proactive', 'regulations', 'in_force', '11');
}

const at = (doc: ReportDocument, table: 'applications' | 'proactive', row: string, column: string): Position =>
  cellOf(doc, table, row, column).range.start;

describe('hover: cross-year', () => {
  const doc = new ReportDocument(readSample('12'));
  const peer = new ReportDocument(lastYear());
  const peers = { peers: [peer], nameOf: (d: ReportDocument) => (d === peer ? 'file:///reports/2023%E5%B9%B4%E6%8A%A5.txt' : undefined) };

  it('二、上年结转 × 自然人: this year\'s 34, last year\'s 30 in its 四 with the line, the file and title named', () => {
    const md = hover(doc, at(doc, 'applications', 'carried_over', 'natural_person'), 'en', peers)!;
    const section = md.split('\n---\n').pop()!;
    const line = cellOf(peer, 'applications', 'carried_forward', 'natural_person').range.start.line + 1;
    assert.match(section, /\*\*Last year's report\*\*: `2023年报\.txt` — 「.*2023.*」 \(2023\)/);
    assert.match(section, /This year \(2024\): \*\*34\*\*/);
    assert.ok(section.includes(`Last year: row 「四、结转下年度继续办理」, column 「自然人」, line ${line}: **30**`), section);
    assert.match(section, /✗ differs by 4/);
    // The cell's own explanation is still there, first.
    assert.match(md.split('\n---\n')[0], /自然人/);
  });

  it('says it in Chinese, and ✓ where the columns agree', () => {
    const md = hover(doc, at(doc, 'applications', 'carried_over', 'commercial'), 'zh-cn', peers)!;
    assert.match(md, /\*\*上年度报告\*\*：`2023年报\.txt`/);
    assert.match(md, /✓ 一致/);
  });

  it('现行有效件数: last year\'s 11 + 本年制发 − 本年废止 against the 11 written', () => {
    const md = hover(doc, at(doc, 'proactive', 'regulations', 'in_force'), 'en', peers)!;
    assert.match(md, /Last year's 11 \+ 1 issued − 0 repealed = \*\*12\*\*/);
    assert.match(md, /✗ differs by -1/);
  });

  it('no peers, another cell, or no name: no section, or the title alone', () => {
    const pos = at(doc, 'applications', 'carried_over', 'natural_person');
    assert.doesNotMatch(hover(doc, pos, 'en')!, /Last year/);
    assert.doesNotMatch(hover(doc, at(doc, 'applications', 'carried_forward', 'natural_person'), 'en', peers)!, /Last year/);
    assert.match(hover(doc, pos, 'en', { peers: [peer] })!, /\*\*Last year's report\*\*: 「.*」 \(2023\)/);
  });
});
