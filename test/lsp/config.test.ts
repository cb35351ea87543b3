// The language server reads a document's .nianbao.json (from its folder up), over the VS Code
// settings key by key: a rule the file turns off is off in the editor, a severity it writes
// wins over the setting, and a broken file is reported once with its line.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { readSample } from '../helpers';
import { CAPABILITIES, Client } from './lsp-client';

const codes = (ds: Diagnostic[], code: string) => ds.filter(d => d.code === code);

describe('language server with .nianbao.json', () => {
  let client: Client;
  let tmp: string;
  before(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'nianbao-server-config-'));
    client = await Client.start({
      locale: 'en', debounceMs: 20, settings: { severity: { 'results-total': 'warning', 'blank-cell': 'off' } },
      capabilities: { ...CAPABILITIES, workspace: { ...CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    rmSync(tmp, { recursive: true, force: true });
  });

  it('turns off what the file turns off; the settings apply to what it leaves out', async () => {
    const text = readSample('002');
    const plain = pathToFileURL(path.join(tmp, 'plain', '2020年报.txt')).href;
    await client.open(plain, text);
    const without = (await client.diagnosticsFor(plain, 1)).diagnostics;
    assert.deepEqual(codes(without, 'results-total').map(d => d.severity), [2, 2], 'the setting makes them warnings');

    const dir = path.join(tmp, 'team');
    mkdirSync(path.join(dir, 'sub'), { recursive: true });
    writeFileSync(path.join(dir, '.nianbao.json'), '{\n  // CI and editor alike\n  "severity": { "results-total": "off", "template-generation": "error" }\n}\n');
    const configured = pathToFileURL(path.join(dir, 'sub', '2020年报.txt')).href;
    await client.open(configured, text);
    const withFile = (await client.diagnosticsFor(configured, 1)).diagnostics;
    assert.deepEqual(codes(withFile, 'results-total'), []);
    assert.deepEqual(codes(withFile, 'blank-cell'), [], 'the setting still applies to a rule the file leaves out');
    for (const d of codes(withFile, 'template-generation')) assert.equal(d.severity, 1);
    assert.deepEqual(withFile.filter(d => d.code !== 'template-generation').map(d => d.code), without.filter(d => d.code !== 'results-total' && d.code !== 'template-generation').map(d => d.code));
  });

  it('reports a broken file once, with its line, and checks with the settings alone', async () => {
    const dir = path.join(tmp, 'broken');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, '.nianbao.json'), '{\n  "severity": {\n    "results-total": "of"\n  }\n}\n');
    const uri = pathToFileURL(path.join(dir, '2020年报.txt')).href;
    await client.open(uri, readSample('002'));
    const ds = (await client.diagnosticsFor(uri, 1)).diagnostics;
    assert.deepEqual(codes(ds, 'results-total').map(d => d.severity), [2, 2]);
    const shown = await client.waitFor(() => client.messages.find(m => m.message.includes('.nianbao.json:3')), 'the configuration problem');
    assert.match(shown.message, /severity\.results-total/);
  });

  it('watches .nianbao.json: an edited file applies to the open reports at once, without an edit of theirs', async () => {
    const watched = await client.waitFor(() => client.registrations.flatMap(r => r.registrations)
      .find(r => r.method === DidChangeWatchedFilesNotification.method), 'the file watcher registration');
    const globs = (watched.registerOptions as { watchers: { globPattern: string }[] }).watchers.map(w => w.globPattern);
    assert.ok(globs.includes('**/.nianbao.json'), globs.join(' '));

    const dir = path.join(tmp, 'edited');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, '.nianbao.json');
    writeFileSync(file, '{ "severity": { "results-total": "off" } }\n');
    const uri = pathToFileURL(path.join(dir, '2020年报.txt')).href;
    await client.open(uri, readSample('002'));
    assert.deepEqual(codes((await client.diagnosticsFor(uri, 1)).diagnostics, 'results-total'), []);

    const before = client.published.length;
    writeFileSync(file, '{ "severity": { "results-total": "error" } }\n');
    await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(file).href, type: FileChangeType.Changed }] });
    const again = await client.waitFor(() => client.published.slice(before).find(p => p.uri === uri), 'diagnostics after the file changed');
    assert.equal(again.version, 1, 'the report itself did not change');
    assert.deepEqual(codes(again.diagnostics, 'results-total').map(d => d.severity), [1, 1]);
  });
});
