// The language server on web text (encoding W): the whole report on one line. Every
// position it publishes or takes (diagnostics, hovers, code actions and their edits, the
// outline) is a position in that line, as the editor has it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CodeActionRequest, DocumentSymbolRequest, HoverRequest, type CodeAction, type DocumentSymbol, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { FIXTURES } from '../helpers';
import { Client } from './lsp-client';

const FILE = path.join(FIXTURES, 'web', 'w13_pingtan_gaj_2021.txt');
const uri = 'file:///web/w13_pingtan_gaj_2021.txt';
const REPORT_LINE = 9;

describe('language server on web text', () => {
  let client: Client;
  before(async () => { client = await Client.start({ locale: 'en', debounceMs: 20 }); });
  after(async () => { assert.equal(await client.stop(), 0); });

  it('publishes w13\'s balance errors in the long line; hover and a quick fix work there', async () => {
    // （七）总计's 总计 made 2: a row-total error inside the glued run 1000002.
    const text = readFileSync(FILE, 'utf8').replace('（七）总计1000001', '（七）总计1000002');
    await client.open(uri, text);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    const line = text.split('\n')[REPORT_LINE];
    for (const d of diagnostics) assert.equal(d.range.start.line, REPORT_LINE, String(d.code));
    assert.equal(diagnostics.filter(d => d.code === 'balance').length, 2);
    const rowTotal = diagnostics.filter(d => d.code === 'row-total');
    assert.equal(rowTotal.length, 1);
    assert.equal(line.slice(rowTotal[0].range.start.character, rowTotal[0].range.end.character), '2');

    const h = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: rowTotal[0].range.start });
    assert.match((h?.contents as MarkupContent).value, /总计/);

    const actions = (await client.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: rowTotal[0].range, context: { diagnostics: rowTotal, only: ['quickfix'] },
    })) as CodeAction[];
    const fix = actions.find(a => /to 1$/.test(a.title));
    assert.ok(fix, actions.map(a => a.title).join(' · '));
    const after = await client.applyWorkspaceEdit(uri, await client.editOf(fix));
    assert.ok(client.text(uri).split('\n')[REPORT_LINE].includes('（七）总计1 0 0 0 0 0 1四、结转下年度继续办理'));
    const next = await client.diagnosticsFor(uri, after);
    assert.equal(next.diagnostics.filter(d => d.code === 'row-total').length, 0);

    const symbols = (await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const parts = symbols[0].children ?? [];
    assert.equal(parts.length, 6);
    for (const p of parts) assert.equal(p.selectionRange.start.line, REPORT_LINE);
  });
});
