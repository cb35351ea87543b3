// The cell-count rule (server/src/engine/rules/cell-count.ts) on the real samples and mutations of them.
import assert from 'node:assert/strict';
import { ReportDocument, check } from '../../../server/src/engine';
import { readSample, readWeb } from '../../helpers';
import { one, spliceLines, lineIndex } from './helpers';

describe('structure rules on other mutations', () => {

  it('a lost cell in tab cells (seed 000): cell-count names the columns without a cell', () => {
    const text = readSample('000');
    const at = lineIndex(text, '\t一、本年新收政府信息公开申请数量');
    const f = one(spliceLines(text, at + 1, 1), 'cell-count');
    assert.match(f.message, /「一、本年新收政府信息公开申请数量」 has only 6 of its 7 cells; no cell was found for 「总计」/);
  });

  it('an extra cell that holds a number (seed 004, tab-separated) is a cell-count error naming it', () => {
    const text = readSample('004');
    const at = text.split('\n').findIndex(l => l.includes('1.属于国家秘密'));
    const mutated = spliceLines(text, at, 1, `${text.split('\n')[at]}\t5`);
    const f = one(mutated, 'cell-count');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /「（三）不予公开·1\.属于国家秘密」 has 8 cells, but the template has 7 columns; 「5」/);
  });

  it('a lost cell in table 四 (seed 004, tab-separated): cell-count on the data row, naming the last column', () => {
    const text = readSample('004');
    const lines = text.split('\n');
    const at = lines.findIndex(l => /^0(\t0){14}$/.test(l));
    const f = one(spliceLines(text, at, 1, lines[at].slice(2)), 'cell-count');
    assert.match(f.message, /In table 四 \(review and litigation\), the data row has only 14 of its 15 cells; no cell was found for 「复议后起诉·总计」/);
  });

  it('a crawled row whose digits ran together (web w10): cell-count says they ran together, not that a cell was lost', () => {
    const findings = check(new ReportDocument(readWeb('w10')), { locale: 'en' });
    const counts = findings.filter(f => f.code === 'cell-count');
    const runs = findings.filter(f => f.code === 'flattened-ambiguous');
    assert.equal(counts.length, runs.length, 'one cell-count per row whose run could not be split');
    for (const [i, f] of counts.entries()) {
      const run = /the digits 「([^」]+)」/.exec(runs[i].message)![1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      assert.match(f.message, new RegExp(`has only 0 of its \\d cells: its digits 「${run}」 run together and cannot be split with certainty \\(flattened-ambiguous\\), so nothing was read for 「`));
      assert.doesNotMatch(f.message, /wrong columns/);
    }
  });
});
