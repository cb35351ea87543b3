// Restricted Mode (issue 15, item 9): the extension runs no workspace code, so it declares
// untrustedWorkspaces supported and works in an untrusted folder. These run in the second
// pass of scripts/run-vscode-tests.mjs, where the host opens the folder without trusting it
// (NIANBAO_TEST_TRUST=untrusted); in the ordinary (trusted) pass they are skipped.
// Limit: the host loads the extension from --extensionDevelopmentPath, and VS Code does not
// disable an extension under development in Restricted Mode, so these pass without the
// declaration too (seen); what they show is that everything works untrusted. The
// declaration itself is checked in test/project/package.test.ts.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeExtension, openReport, waitFor } from './util';

describe('Restricted Mode', () => {
  before(function () {
    if (process.env.NIANBAO_TEST_TRUST !== 'untrusted') this.skip();
  });

  it('the folder is untrusted, and the extension is active in it', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'the host opened the folder without trusting it');
    await openReport('02_hongze_district_2023_pdflayout');
    const ext = await activeExtension();
    assert.strictEqual(ext.isActive, true);
  });

  it('a report gets its findings', async () => {
    // Corpus 02's 表四 总计 cells are 0 where the parts give 11 and 5.
    const { document } = await openReport('02_hongze_district_2023_pdflayout');
    const codes = await waitFor('diagnostics', () => {
      const d = vscode.languages.getDiagnostics(document.uri);
      return d.length ? d.map(x => String(typeof x.code === 'object' ? x.code.value : x.code)) : undefined;
    }, 30_000);
    assert.ok(codes.includes('review-total'), codes.join(' '));
  });
});
