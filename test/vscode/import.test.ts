// 年报：导入 PDF/Word/网页/表格… in a real VS Code: a published PDF (or a Word file) in the workspace opens
// as a new, unsaved nianbao document named after it, whose diagnostics are the engine's
// findings on the same report as text; the import's notes come with it; nothing is
// written beside the PDF until the user saves. The contributed defaults are in effect.
// In the web worker extension host (the web pass) the Word file is imported by the importer's
// web bundle in the server's worker, and a PDF is refused (it needs the desktop).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { ReportDocument, check } from '../../server/src/engine';
import type { NianbaoApi } from '../../client/src/core';
import type { ImportedDocument } from '../../client/src/import';
import { activeExtension, LANGUAGE_ID, openReport, readText, testHost, waitForDiagnostics } from './util';

const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' && d.code ? d.code.value : d.code ?? '');

describe('import a published report', function () {
  this.timeout(90_000);
  let api: NianbaoApi;
  let folder: vscode.Uri;
  let root: vscode.Uri;
  /** A file of the repository (the extension under development), read through VS Code. */
  const repoFile = (...segments: string[]) => vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, ...segments));
  const exists = (uri: vscode.Uri) => vscode.workspace.fs.stat(uri).then(() => true, () => false);

  before(async () => {
    await openReport('000');
    const ext = await activeExtension();
    api = ext.exports as NianbaoApi;
    await api.ready;
    root = ext.extensionUri;
    folder = vscode.workspace.workspaceFolders![0].uri;
  });

  // A published file of each kind, the sample report it holds, and an error that report has.
  const CASES = [
    { kind: 'a PDF', name: '洪泽区2023年报', ext: 'pdf', fixture: '02_hongze_district_2023.pdf', sample: '02_hongze_district_2023_pdflayout.txt', code: 'review-total', notes: true },
    { kind: 'a Word file', name: '漳平2020年报', ext: 'docx', fixture: 'zhangping-2020.docx', sample: '002_e246dbc8ebcc4636.txt', code: 'results-total', notes: false },
  ];
  for (const c of CASES) {
    if (c.ext === 'pdf' && testHost() === 'web') {
      it(`${c.kind} is refused in the browser (the desktop imports PDF), and no document opens`, async () => {
        const source = vscode.Uri.joinPath(folder, `${c.name}.${c.ext}`);
        await vscode.workspace.fs.writeFile(source, await repoFile('test', 'fixtures', 'import', c.fixture));
        const imported = await vscode.commands.executeCommand<ImportedDocument | undefined>(api.commands.importFile, source);
        assert.strictEqual(imported, undefined);
        assert.ok(!vscode.workspace.textDocuments.some(d => d.uri.scheme === 'untitled' && d.uri.path.endsWith(`${c.name}.md`)));
      });
      continue;
    }
    it(`${c.kind} opens as an unsaved nianbao document beside it, with the findings of the report as text`, async () => {
      const source = vscode.Uri.joinPath(folder, `${c.name}.${c.ext}`);
      await vscode.workspace.fs.writeFile(source, await repoFile('test', 'fixtures', 'import', c.fixture));
      const imported = await vscode.commands.executeCommand<ImportedDocument | undefined>(api.commands.importFile, source);
      assert.ok(imported, 'the command imported nothing');
      const doc = imported.document;
      assert.strictEqual(doc.languageId, LANGUAGE_ID);
      assert.strictEqual(doc.uri.scheme, 'untitled');
      assert.strictEqual(doc.uri.path, vscode.Uri.joinPath(folder, `${c.name}.md`).path);
      assert.ok(!await exists(vscode.Uri.joinPath(folder, `${c.name}.md`)), 'nothing is written before the user saves');
      assert.strictEqual(imported.encoding, c.ext);
      if (c.notes) assert.ok(imported.notes.length > 0, 'the import says what it did (pages read, tables joined)');

      const expected = check(new ReportDocument(await readText(vscode.Uri.joinPath(root, 'samples', c.sample))), { locale: 'en' });
      const want = expected.map(f => f.code).sort();
      const got = await waitForDiagnostics(doc.uri, ds => ds.map(codeOf).sort().join() === want.join(), 30_000)
        .catch(() => vscode.languages.getDiagnostics(doc.uri));
      assert.deepStrictEqual(got.map(codeOf).sort(), want);
      assert.strictEqual(got.filter(d => codeOf(d) === c.code).length, 2);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
  }

  it('a scanned PDF is refused with its reason, and no document opens', async () => {
    const scanned = vscode.Uri.joinPath(folder, 'scanned.pdf');
    await vscode.workspace.fs.writeFile(scanned, await repoFile('test', 'fixtures', 'import', 'scanned.pdf'));
    const before = vscode.workspace.textDocuments.length;
    const imported = await vscode.commands.executeCommand<ImportedDocument | undefined>(api.commands.importFile, scanned);
    assert.strictEqual(imported, undefined);
    assert.strictEqual(vscode.workspace.textDocuments.filter(d => d.uri.scheme === 'untitled' && d.uri.path.endsWith('scanned.md')).length, 0);
    assert.ok(vscode.workspace.textDocuments.length <= before + 1);
  });

  it('contributes files.autoGuessEncoding for nianbao documents', () => {
    const value = vscode.workspace.getConfiguration('files', { languageId: LANGUAGE_ID }).get<boolean>('autoGuessEncoding');
    assert.strictEqual(value, true);
  });
});
