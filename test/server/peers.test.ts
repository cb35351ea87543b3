// Other open reports are peers: with last year's report of the same body open, this year's
// 二、上年结转 is compared with last year's 四 (cross-year).
import assert from 'node:assert/strict';
import { ReportDocument, applyEdits } from '../../server/src/engine';
import { readSample } from '../helpers';
import { Client } from './lsp-client';

/** Corpus 12 relabelled as the same body's 2023 report, which carried 30 applications forward. */
function lastYear(): string {
  let text = readSample('12').replace(/2024/g, '2023');
  const set = (column: string, v: string) => {
    const cell = new ReportDocument(text).model.reports[0].tables.applications!.rows.carried_forward.cells[column];
    text = applyEdits(text, [{ range: cell.range, newText: v }]);
  };
  set('natural_person', '30');
  set('total', '30');
  return text;
}

describe('language server: open reports are peers', () => {
  let client: Client;
  before(async () => { client = await Client.start({ locale: 'en', debounceMs: 10 }); });
  after(async () => { assert.equal(await client.stop(), 0); });

  it('reports cross-year on this year\'s report once last year\'s is open', async () => {
    await client.open('file:///peers/2023年政府信息公开工作年度报告.txt', lastYear());
    const thisYear = 'file:///peers/2024年政府信息公开工作年度报告.txt';
    await client.open(thisYear, readSample('12'));
    const { diagnostics } = await client.diagnosticsFor(thisYear, 1);
    const cross = diagnostics.filter(d => d.code === 'cross-year');
    assert.ok(cross.length >= 1, JSON.stringify(diagnostics.map(d => d.code)));
    // 二、上年结转 自然人 is 34 this year; last year carried 30 forward.
    assert.ok(cross.some(d => /\b30\b/.test(String(d.message)) && /34/.test(String(d.message))), cross.map(d => d.message).join('\n'));
  });
});
