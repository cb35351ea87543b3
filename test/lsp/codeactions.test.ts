// Code actions in two steps (server/src/lsp/codeactions.ts): the list a resolving client
// gets names the actions without their edits; codeAction/resolve computes the edit of the
// one chosen. Driven over LSP against the built server, on seed 002 with totals broken.
import assert from 'node:assert/strict';
import { CodeActionResolveRequest, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits } from '../../server/src/engine';
import { readSample } from '../helpers';
import { Client, sampleUri } from './lsp-client';

const SEED = '002';
const uri = sampleUri(SEED);
const at = (line: number, character: number, end = character + 2): Range => ({ start: { line, character }, end: { line, character: end } });
const codes = (ds: Diagnostic[], code: string) => ds.filter(d => d.code === code);
/** The text edits of a workspace edit on `uri`. */
const textEdits = (edit: NonNullable<CodeAction['edit']>): TextEdit[] =>
  edit.changes?.[uri] ?? (edit.documentChanges ?? []).flatMap(d => ('edits' in d && d.textDocument.uri === uri ? d.edits as TextEdit[] : []));

describe('code actions resolved on demand', () => {
  let client: Client;
  before(async () => {
    client = await Client.start({ locale: 'en', debounceMs: 20 });
    await client.openSample(SEED);
    await client.diagnosticsFor(uri, 1);
  });
  after(async () => { assert.equal(await client.stop(), 0); });

  /** Seed 002 with 一、本年新收 总计 25 made 27: one row-total finding at line 131. */
  async function brokenRowTotal(): Promise<{ version: number; diagnostic: Diagnostic }> {
    const original = readSample(SEED);
    let v = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 99999, character: 0 } }, text: original }]);
    await client.diagnosticsFor(uri, v);
    v = await client.change(uri, [{ range: at(131, 0), text: '27' }]);
    const { diagnostics } = await client.diagnosticsFor(uri, v);
    const rowTotal = codes(diagnostics, 'row-total');
    assert.equal(rowTotal.length, 1);
    return { version: v, diagnostic: rowTotal[0] };
  }

  it('lists quick fixes by title and kind only; resolve gives the edit, which fixes the finding; applied twice it changes nothing', async () => {
    const { diagnostic } = await brokenRowTotal();
    const actions = await client.codeActions({ textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
    assert.ok(actions.length >= 2, actions.map(a => a.title).join(' | '));
    for (const a of actions) {
      assert.equal(a.kind, 'quickfix');
      assert.equal(a.edit, undefined, `${a.title}: no edit in the list`);
      assert.ok(a.data, `${a.title}: carries what resolves it`);
    }
    const preferred = actions.filter(a => a.isPreferred);
    assert.equal(preferred.length, 1);
    assert.match(preferred[0].title, /Set row 「一、本年新收政府信息公开申请数量」, column 「总计」 to 25/);
    assert.deepEqual(preferred[0].diagnostics?.map(d => d.code), ['row-total']);

    const resolved = await client.conn.sendRequest(CodeActionResolveRequest.type, preferred[0]);
    assert.equal(resolved.title, preferred[0].title);
    const edits = textEdits(resolved.edit!);
    assert.deepEqual(edits.map(e => [e.range, e.newText]), [[at(131, 0), '25']]);

    const before = client.text(uri);
    const v = await client.applyWorkspaceEdit(uri, resolved.edit!);
    assert.equal(client.text(uri), readSample(SEED), 'the report is as it was before the total was broken');
    assert.equal(applyEdits(client.text(uri), edits), client.text(uri), 'applied twice: nothing more changes');
    assert.notEqual(before, client.text(uri));
    const next = await client.diagnosticsFor(uri, v);
    assert.equal(codes(next.diagnostics, 'row-total').length, 0, 'the row adds up again');
    const again = await client.codeActions({ textDocument: { uri }, range: diagnostic.range, context: { diagnostics: next.diagnostics.filter(d => d.range.start.line === 131), only: ['quickfix'] } });
    assert.ok(!again.some(a => a.title === preferred[0].title), 'the fix is no longer offered');
  });

  it('an action listed for an older version resolves to no edit', async () => {
    const { diagnostic } = await brokenRowTotal();
    const [first] = await client.codeActions({ textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
    assert.ok(first);
    await client.change(uri, [{ range: at(0, 0, 0), text: ' ' }]);
    const resolved = await client.conn.sendRequest(CodeActionResolveRequest.type, first);
    assert.equal(resolved.edit, undefined);
  });

  it('fix-all, listed without its edit or asked for by kind with it, restores every broken total', async () => {
    const original = readSample(SEED);
    let v = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 99999, character: 0 } }, text: original }]);
    await client.diagnosticsFor(uri, v);
    v = await client.change(uri, [{ range: at(361, 0, 1), text: '2' }, { range: at(150, 0), text: '15' }, { range: at(131, 0), text: '27' }]);
    await client.diagnosticsFor(uri, v);
    // Among all the actions at a place (the light bulb), fix-all is named only.
    const listed = (await client.codeActions({ textDocument: { uri }, range: at(0, 0, 0), context: { diagnostics: [] } })).filter(a => a.kind === 'source.fixAll.nianbao');
    assert.equal(listed.length, 1);
    assert.equal(listed[0].edit, undefined);
    // Asked for by kind (on save), it comes with its edit: the save need not wait for a resolve.
    const asked = await client.codeActions({ textDocument: { uri }, range: at(0, 0, 0), context: { diagnostics: [], only: ['source.fixAll.nianbao'] } });
    assert.equal(asked.length, 1);
    assert.ok(asked[0].edit);
    const resolved = await client.conn.sendRequest(CodeActionResolveRequest.type, listed[0]);
    assert.deepEqual(resolved.edit, asked[0].edit, 'resolving the listed one gives the same edit');
    v = await client.applyWorkspaceEdit(uri, resolved.edit!);
    assert.equal(client.text(uri), original);
    assert.equal(applyEdits(original, textEdits(resolved.edit!)), original, 'applied twice: nothing more changes');
  });

  it('a garbled or foreign action comes back as it was', async () => {
    const foreign: CodeAction = { title: 'not ours', data: { uri: 'file:///nowhere.txt', version: 1, kind: 'quickfix', findings: [0], index: 0, range: at(0, 0) } };
    assert.deepEqual(await client.conn.sendRequest(CodeActionResolveRequest.type, foreign), foreign);
    const garbled: CodeAction = { title: 'x', data: { uri, version: client.texts.get(uri)!.version, kind: 'quickfix', findings: ['a'], index: 'b' } };
    assert.deepEqual(await client.conn.sendRequest(CodeActionResolveRequest.type, garbled), garbled);
  });
});

describe('code actions for a client that cannot resolve them', () => {
  let client: Client;
  before(async () => {
    client = await Client.start({
      locale: 'en', debounceMs: 20,
      capabilities: { workspace: { workspaceEdit: { documentChanges: true } }, textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } } },
    });
    await client.openSample(SEED);
    await client.diagnosticsFor(uri, 1);
  });
  after(async () => { assert.equal(await client.stop(), 0); });

  it('gets every listed action with its edit', async () => {
    const v = await client.change(uri, [{ range: at(131, 0), text: '27' }]);
    const rowTotal = codes((await client.diagnosticsFor(uri, v)).diagnostics, 'row-total');
    const actions = await client.codeActions({ textDocument: { uri }, range: rowTotal[0].range, context: { diagnostics: rowTotal } });
    assert.ok(actions.length >= 2);
    for (const a of actions) assert.ok(a.edit, `${a.title} has its edit`);
    const preferred = actions.find(a => a.isPreferred)!;
    await client.applyWorkspaceEdit(uri, preferred.edit!);
    assert.equal(client.text(uri), readSample(SEED));
  });
});
