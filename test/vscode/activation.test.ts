import * as assert from 'assert';
import * as vscode from 'vscode';
import type { NianbaoApi } from '../../client/src/core';
import { activeExtension, EXTENSION_ID, LANGUAGE_ID, openReport, waitFor } from './util';

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
});
