// Format Document over LSP: the built server answers textDocument/formatting and
// rangeFormatting with the engine's edits, in the encoding nianbao.format.tables names.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import ExcelJS from 'exceljs';
import { EXPORT_REQUEST, type ExportParams, type ExportResponse } from '../../server/src/lsp/protocol';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocumentFormattingRequest, DocumentRangeFormattingRequest, type TextEdit } from 'vscode-languageserver-protocol/node';
import { ReportDocument, TABLE_IDS, applyEdits, formatText } from '../../server/src/engine';
import { FIXTURES, SAMPLES, readSample, sampleByPrefix } from '../helpers';
import { Client, sampleUri } from './lsp-client';

const options = { tabSize: 4, insertSpaces: true };
const encodings = (text: string) => {
  const r = new ReportDocument(text).model.reports[0];
  return TABLE_IDS.map(id => r.tables[id]?.encoding);
};

describe('language server: Format Document', () => {
  let client: Client;
  before(async () => { client = await Client.start({ locale: 'zh-cn', debounceMs: 20 }); });
  after(async () => { assert.equal(await client.stop(), 0); });

  const format = (uri: string) => client.conn.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options }) as Promise<TextEdit[]>;

  it('announces document and range formatting', () => {
    const caps = client.initializeResult.capabilities;
    assert.equal(caps.documentFormattingProvider, true);
    assert.equal(caps.documentRangeFormattingProvider, true);
  });

  it('formats seed 001 as aligned Markdown by default; formatting again gives no edits', async () => {
    const uri = sampleUri('001');
    await client.openSample('001');
    const edits = await format(uri);
    assert.ok(edits.length >= 3);
    const text = applyEdits(readSample('001'), edits);
    assert.equal(text, formatText(readSample('001'), { tables: 'markdown' }));
    assert.deepEqual(encodings(text), ['markdown', 'markdown', 'markdown']);
    await client.applyWorkspaceEdit(uri, { changes: { [uri]: edits } });
    assert.deepEqual(await format(uri), []);
  });

  it('range formatting touches only the table in the range', async () => {
    await client.openSample('12_');
    const t = new ReportDocument(readSample('12_')).model.reports[0].tables.review_litigation!;
    const line = t.range.start.line + 1;
    const edits = await client.conn.sendRequest(DocumentRangeFormattingRequest.type, {
      textDocument: { uri: sampleUri('12_') }, options, range: { start: { line, character: 0 }, end: { line, character: 0 } },
    }) as TextEdit[];
    assert.equal(edits.length, 1);
    assert.deepEqual(encodings(applyEdits(readSample('12_'), edits)), ['tab-cells', 'tab-cells', 'markdown']);
  });

  it('cuts a web page of one line into lines', async () => {
    const file = path.join(FIXTURES, 'web', 'w21_pingtan_jjf_2019.txt');
    const text = readFileSync(file, 'utf8');
    const uri = pathToFileURL(file).href;
    await client.open(uri, text);
    const out = applyEdits(text, await format(uri));
    assert.equal(out, formatText(text));
    assert.ok(out.split('\n').length > text.split('\n').length + 50);
  });

  it('writes tab-separated rows when nianbao.format.tables is "tabs"', async () => {
    const uri = sampleUri('003');
    await client.openSample('003');
    await client.configure({ format: { tables: 'tabs' } });
    // The server pulls the settings after the notification: wait until they are in force.
    let text = '';
    for (let i = 0; i < 100 && !encodings(text || readSample('003')).every(e => e === 'tsv'); i++) {
      if (i) await new Promise(r => setTimeout(r, 50));
      text = applyEdits(readSample('003'), await format(uri));
    }
    assert.equal(text, formatText(readSample('003'), { tables: 'tabs' }));
  });
});

describe('language server: export (node)', () => {
  let client: Client;
  before(async () => { client = await Client.start({ locale: 'zh-cn', debounceMs: 20 }); });
  after(async () => { assert.equal(await client.stop(), 0); });

  it('exports a report to a workbook the client names, with the tables and the findings', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-lsp-export-'));
    try {
      const out = path.join(dir, 'x.xlsx');
      const sample = path.join(SAMPLES, sampleByPrefix('002'));
      const r = await client.conn.sendRequest(EXPORT_REQUEST, { paths: [sample], out, format: 'xlsx', locale: 'zh-cn' } satisfies ExportParams) as ExportResponse;
      assert.equal(r.ok, true, r.reason);
      assert.equal(r.reports, 1);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(out);
      const row = book.getWorksheet('年报')!.getRow(3);
      assert.equal(row.getCell(1).value, sample);
      assert.equal(row.getCell(6).value, false, 'seed 002 does not balance');
      assert.equal(book.getWorksheet('问题')!.rowCount - 2, r.findings);
      const missing = await client.conn.sendRequest(EXPORT_REQUEST, { paths: [path.join(dir, 'nope')], out, format: 'xlsx' }) as ExportResponse;
      assert.equal(missing.ok, false);
      assert.match(missing.reason ?? '', /no such file or folder/);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });
});
