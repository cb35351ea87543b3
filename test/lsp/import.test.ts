// nianbao/import over the wire: the node server (dist/server.js) imports a PDF with the
// importer bundle it loads on demand; the browser bundle (dist/web/server.js) passes UTF-8
// text through and says a PDF needs the desktop. Bad requests get an answer, not a crash.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ReportDocument } from '../../server/src/engine';
import { IMPORT_REQUEST, type ImportParams, type ImportResponse } from '../../server/src/lsp/protocol';
import { FIXTURES, ROOT, cellsOf, readSample, renderModel } from '../helpers';
import { Client } from './lsp-client';

const pdf = (name: string): ImportParams => ({ fileName: name, base64: readFileSync(path.join(FIXTURES, 'import', name)).toString('base64') });

describe('language server: nianbao/import', function () {
  this.timeout(60_000);
  let client: Client;
  before(async () => { client = await Client.start({ locale: 'zh-cn', debounceMs: 20 }); });
  after(async () => { assert.equal(await client.stop(), 0); });

  it('imports a PDF cell for cell, with its notes in the UI language', async () => {
    const r = await client.conn.sendRequest(IMPORT_REQUEST, pdf('03_hongze_district_2024.pdf'));
    assert.equal(r.ok, true, r.reason);
    assert.equal(r.encoding, 'pdf');
    assert.match(r.notes!.join(''), /读取了 5 页/);
    const golden = readFileSync(path.join(FIXTURES, 'golden', '03_hongze_district_2024_pdfraw.golden'), 'utf8');
    assert.equal(cellsOf(renderModel(new ReportDocument(r.text!).model)), cellsOf(golden));
  });

  it('refuses a scanned PDF with its reason, and keeps serving', async () => {
    const r = await client.conn.sendRequest(IMPORT_REQUEST, pdf('scanned.pdf'));
    assert.deepEqual([r.ok, /没有文字层/.test(r.reason ?? '')], [false, true]);
    const bad = await client.conn.sendRequest(IMPORT_REQUEST, { fileName: 3 } as unknown as ImportParams);
    assert.equal(bad.ok, false);
    const again = await client.conn.sendRequest(IMPORT_REQUEST, { fileName: 'r.txt', base64: Buffer.from(readSample('002')).toString('base64') });
    assert.equal(again.text, readSample('002'));
  });
});

describe('language server (browser bundle): nianbao/import', () => {
  it('passes UTF-8 text through, and says a PDF is imported on the desktop', async () => {
    const sent: { id?: number; result?: ImportResponse }[] = [];
    const port = { onmessage: null as null | ((e: { data: unknown }) => void), addEventListener() {}, postMessage(m: { id?: number }) { sent.push(m); } };
    new Function('self', readFileSync(path.join(ROOT, 'dist', 'web', 'server.js'), 'utf8'))(port);
    const ask = async (id: number, method: string, params: unknown) => {
      port.onmessage!({ data: { jsonrpc: '2.0', id, method, params } });
      for (let i = 0; i < 200 && !sent.some(m => m.id === id); i++) await new Promise(r => setTimeout(r, 10));
      return sent.find(m => m.id === id)?.result;
    };
    await ask(1, 'initialize', { processId: null, rootUri: null, locale: 'en', capabilities: {} });
    const text = await ask(2, IMPORT_REQUEST.method, { fileName: 'r.txt', base64: Buffer.from(readSample('002')).toString('base64') });
    assert.equal(text?.text, readSample('002'));
    const p = await ask(3, IMPORT_REQUEST.method, pdf('02_hongze_district_2023.pdf'));
    assert.equal(p?.ok, false);
    assert.match(p?.reason ?? '', /PDF files are imported by the desktop version of VS Code/);
    await ask(4, 'shutdown', null);
  });
});
