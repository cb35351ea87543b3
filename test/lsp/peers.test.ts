// Other open reports are peers: with last year's report of the same body open, this year's
// 二、上年结转 is compared with last year's 四 (cross-year); so are the report files in a
// file's folder that are not open.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, HoverRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { ReportDocument, applyEdits } from '../../server/src/engine';
import { cellOf, readSample, sampleByPrefix, setCell } from '../helpers';
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

  it('editing last year\'s open report re-checks this year\'s: the finding goes when last year\'s 四 is made to agree', async () => {
    const lastUri = 'file:///peers/2023年政府信息公开工作年度报告.txt';
    const thisYear = 'file:///peers/2024年政府信息公开工作年度报告.txt';
    // This year's 二 per column, written into last year's 四 by one edit each.
    const mine = new ReportDocument(readSample('12')).model.reports[0].tables.applications!.rows.carried_over.cells;
    const last = new ReportDocument(lastYear()).model.reports[0].tables.applications!.rows.carried_forward.cells;
    const edits = Object.keys(last).filter(c => mine[c]?.value !== null && last[c].text !== mine[c]?.text)
      .map(c => ({ range: last[c].range, newText: mine[c].text }));
    assert.ok(edits.length >= 2, 'last year\'s 四 differs from this year\'s 二 in several columns');
    const before = client.published.length;
    // Back to front, so each edit's range is still where it was.
    for (const e of edits.sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)) {
      await client.change(lastUri, [{ range: e.range, text: e.newText }]);
    }
    const republished = await client.waitFor(() => client.published.slice(before).reverse().find(p => p.uri === thisYear), 'this year\'s report re-checked');
    // (现行有效件数 is compared too; only the 二 ↔ 四 findings are about these cells.)
    assert.deepEqual(republished.diagnostics.filter(d => d.code === 'cross-year' && /carried/.test(String(d.message))).map(d => d.message), []);
  });
});

describe('language server: report files in the same folder are peers', () => {
  let client: Client;
  let dir: string;
  const LAST = sampleByPrefix('02_'), THIS = sampleByPrefix('03_');
  /** Corpus 02 (洪泽区 2023) with its 四 × 自然人 written as `v`. */
  const lastYearOf = (v: string) => setCell(readSample('02_'), 'applications', 'carried_forward', 'natural_person', v);
  const crossOf = (p: { diagnostics: Diagnostic[] }) => p.diagnostics.filter(d => d.code === 'cross-year');

  before(async () => { client = await Client.start({ locale: 'en', debounceMs: 10 }); });
  after(async () => { assert.equal(await client.stop(), 0); });
  beforeEach(() => { dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-peers-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('only this year\'s report is open (corpus 03); last year\'s file beside it: cross-year published, the hover shows both cells', async () => {
    writeFileSync(path.join(dir, LAST), lastYearOf('5'));
    writeFileSync(path.join(dir, THIS), readSample('03_'));
    const uri = pathToFileURL(path.join(dir, THIS)).href;
    await client.open(uri, readSample('03_'));
    const cross = crossOf(await client.diagnosticsFor(uri, 1));
    assert.equal(cross.length, 1, JSON.stringify(cross));
    assert.match(String(cross[0].message), /column 「自然人」 is 0, but last year's report \(2023\) carried 5 forward/);
    const h = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: cross[0].range.start });
    const md = (h?.contents as { value: string }).value;
    const line = cellOf(new ReportDocument(lastYearOf('5')), 'applications', 'carried_forward', 'natural_person').range.start.line + 1;
    assert.ok(md.includes(`**Last year's report**: \`${LAST}\``), md);
    assert.match(md, /This year \(2024\): \*\*0\*\*/);
    assert.ok(md.includes(`Last year: row 「四、结转下年度继续办理」, column 「自然人」, line ${line}: **5**`), md);
    assert.match(md, /✗ differs by -5/);
  });

  it('last year\'s file changed on disk (a file event): re-read, and the finding goes', async () => {
    writeFileSync(path.join(dir, LAST), lastYearOf('5'));
    const uri = pathToFileURL(path.join(dir, THIS)).href;
    await client.open(uri, readSample('03_'));
    assert.equal(crossOf(await client.diagnosticsFor(uri, 1)).length, 1);
    const before = client.published.length;
    writeFileSync(path.join(dir, LAST), lastYearOf('0'));
    await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(path.join(dir, LAST)).href, type: FileChangeType.Changed }] });
    const next = await client.waitFor(() => client.published.slice(before).find(p => p.uri === uri), 'diagnostics after the file event');
    assert.deepEqual(crossOf(next), []);
  });

  it('a folder holding only another body\'s report (洪泽区 → 涟水县): silent; an untitled document: no folder', async () => {
    writeFileSync(path.join(dir, LAST), lastYearOf('5').replace(/洪泽/g, '涟水'));
    const uri = pathToFileURL(path.join(dir, THIS)).href;
    await client.open(uri, readSample('03_'));
    assert.deepEqual(crossOf(await client.diagnosticsFor(uri, 1)), []);
    const untitled = 'untitled:Untitled-1';
    await client.open(untitled, readSample('03_'));
    assert.deepEqual(crossOf(await client.diagnosticsFor(untitled, 1)), []);
  });
});
