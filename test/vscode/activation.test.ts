import * as assert from 'assert';
import * as vscode from 'vscode';
import type { NianbaoApi } from '../../client/src/core';
import { activeExtension, EXTENSION_ID, LANGUAGE_ID, openReport, testHost, waitFor } from './util';

describe('activation', () => {
  it('opening a workspace report file gives it the nianbao language and activates the extension', async () => {
    const { document } = await openReport('000_84d930cebacf0df8');
    assert.strictEqual(document.uri.path.split('/').pop(), '坎市镇2020年政府信息公开工作年度报告.txt');
    // The language comes from contributes.languages[].filenamePatterns (`*年度报告*.txt`).
    const languageId = () => vscode.workspace.textDocuments.find(d => d.uri.toString() === document.uri.toString())?.languageId;
    await waitFor(`languageId ${LANGUAGE_ID}`, () => languageId() === LANGUAGE_ID, 10_000)
      .catch(() => assert.strictEqual(languageId(), LANGUAGE_ID));
    const ext = await activeExtension();
    assert.strictEqual(ext.id, EXTENSION_ID);
    // For docs/performance.md (a number, not a pass/fail): activate() to the server being ready.
    const api = ext.exports as NianbaoApi;
    await api.ready;
    console.log(`[activation] language server ready ${api.startupMs()?.toFixed(0)} ms after activate()`);
  });

  // VS Code runs the tests in the extension host the extension runs in: what this host is,
  // is where the extension ran. The web pass (NIANBAO_TEST_HOST=web) must not fall back to Node.
  it(`runs in the ${testHost() === 'web' ? 'web worker' : 'Node'} extension host, its language server in ${testHost() === 'web' ? 'a web worker (dist/web/server.js)' : 'Node (dist/server.js)'}`, async () => {
    await openReport('003');
    const ext = await activeExtension();
    const api = ext.exports as NianbaoApi;
    await api.ready;
    const scope = globalThis as { process?: unknown; importScripts?: unknown };
    const runtime = (api.client.initializeResult?.capabilities.experimental as { runtime?: string } | undefined)?.runtime;
    if (testHost() === 'web') {
      assert.strictEqual(typeof scope.process, 'undefined', 'no Node `process` in this host');
      assert.strictEqual(typeof scope.importScripts, 'function', 'this host is a worker');
      assert.strictEqual(ext.extensionKind, vscode.ExtensionKind.UI, 'the extension runs beside the UI, not on the server');
      assert.strictEqual(runtime, 'web worker', 'the language server says it runs in a web worker');
    } else {
      assert.strictEqual(typeof scope.process, 'object');
      assert.strictEqual(ext.extensionKind, vscode.ExtensionKind.Workspace, 'the extension runs on the server');
      assert.strictEqual(runtime, 'node', 'the language server says it runs in Node');
    }
  });
});
