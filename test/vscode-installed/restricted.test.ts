// Restricted Mode (issue 15, item 9) with nianbao installed as a user installs it. VS Code never
// disables an extension under development, so here the extension under development is only
// this test runner (test/vscode-installed/package.json); nianbao is the .vsix that `npm run
// package` makes, installed into the host's extensions folder (scripts/pack-test-vsix.mjs),
// and the folder opens untrusted (scripts/run-vscode-tests.mjs, NIANBAO_TEST_TRUST=untrusted).
// The negative control is the same package with package.json's `capabilities` removed,
// installed beside it as nianbao.nianbao-undeclared: VS Code must have disabled that one, so
// what keeps nianbao enabled here is its declaration.
// Seen (2026-12-06, code-server 4.100.3 = VS Code 1.100.3): packed from a package.json without
// `capabilities`, nianbao itself fails here ("nianbao.nianbao is not enabled in the untrusted
// folder"; the report opens as plaintext); with the folder trusted instead (no
// NIANBAO_TEST_TRUST), the copy fails the last test ("nianbao.nianbao-undeclared is enabled"):
// it is disabled by the untrusted folder, not by anything else in the copy.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, activeExtension, openReport, testEnv, waitForDiagnostics } from '../vscode/util';

const UNDECLARED_ID = 'nianbao.nianbao-undeclared';

/** Installed extension id -> its folder, as the host's extensions folder lists them (extensions.json). */
function installed(): Map<string, string> {
  const dir = testEnv('NIANBAO_TEST_EXTENSIONS_DIR');
  if (!dir) throw new Error('NIANBAO_TEST_EXTENSIONS_DIR is not set: run the suite through scripts/run-vscode-tests.mjs');
  const list: { identifier: { id: string }; relativeLocation: string }[] = JSON.parse(fs.readFileSync(path.join(dir, 'extensions.json'), 'utf8'));
  return new Map(list.map(e => [e.identifier.id.toLowerCase(), fs.realpathSync(path.join(dir, e.relativeLocation))]));
}

/** An installed extension's package.json, less what installing adds (__metadata: install time, size). */
function manifest(folder: string) {
  const { __metadata: _, ...packaged } = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8'));
  return packaged;
}

describe('Restricted Mode, nianbao installed (not under development)', () => {
  it('the folder is untrusted, and nianbao is the installed package, running in the workspace host', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'the host opened the folder without trusting it');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not enabled in the untrusted folder`);
    assert.strictEqual(fs.realpathSync(ext.extensionPath), installed().get(EXTENSION_ID), 'loaded from the extensions folder');
    assert.strictEqual(ext.extensionKind, vscode.ExtensionKind.Workspace);
  });

  it('it activates on a report and gives its findings', async () => {
    // Corpus 02's 表四 总计 cells are 0 where the parts give 11 and 5.
    const { document } = await openReport('02_hongze_district_2023_pdflayout');
    assert.strictEqual(document.languageId, 'nianbao');
    const ext = await activeExtension();
    assert.strictEqual(ext.isActive, true);
    const codes = (await waitForDiagnostics(document.uri, d => d.some(x => x.source === 'nianbao'), 30_000))
      .map(x => String(typeof x.code === 'object' ? x.code.value : x.code));
    assert.ok(codes.includes('review-total'), codes.join(' '));
  });

  it('the same package without the capabilities declaration, installed beside it, is disabled', () => {
    const folders = installed();
    const undeclared = folders.get(UNDECLARED_ID);
    assert.ok(undeclared, `${UNDECLARED_ID} is installed (${[...folders.keys()].join(', ')})`);
    // Only the name and the declaration tell the two apart.
    const { name: _a, capabilities, ...declaredRest } = manifest(folders.get(EXTENSION_ID)!);
    const { name: _b, capabilities: none, ...undeclaredRest } = manifest(undeclared);
    assert.ok(capabilities?.untrustedWorkspaces?.supported);
    assert.strictEqual(none, undefined);
    assert.deepStrictEqual(undeclaredRest, declaredRest);
    assert.ok(!vscode.extensions.getExtension(UNDECLARED_ID), `${UNDECLARED_ID} is enabled in the untrusted folder`);
  });
});
