// 年报：导入 PDF/Word/网页/表格…: a file the server's importers read (PDF …) opens as a new,
// unsaved nianbao document named after it, in its folder: nothing is written until the
// user saves (an import never replaces a file), and Save proposes the place beside the
// source. The import runs in the language server; this side only reads the bytes.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { IMPORT_FORMATS_REQUEST, IMPORT_REQUEST, type ImportParams } from '../../server/src/lsp/protocol';
import { LANGUAGE_ID } from './detection';

export interface ImportedDocument { document: vscode.TextDocument; encoding: string; notes: string[] }

export async function importReport(client: BaseLanguageClient, target?: unknown): Promise<ImportedDocument | undefined> {
  const uri = target instanceof vscode.Uri ? target : typeof target === 'string' ? vscode.Uri.parse(target) : (await vscode.window.showOpenDialog({
    canSelectMany: false, openLabel: vscode.l10n.t('Import'),
    filters: { [vscode.l10n.t('Published reports')]: (await client.sendRequest(IMPORT_FORMATS_REQUEST)).extensions.map(e => e.slice(1)) },
  }))?.[0];
  if (!uri) return undefined;
  const bytes = await vscode.workspace.fs.readFile(uri);
  const name = uri.path.split('/').pop() ?? 'report';
  const params: ImportParams = { fileName: name, base64: toBase64(bytes) };
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing {0}…', name) },
    () => client.sendRequest(IMPORT_REQUEST, params),
  );
  if (!result.ok || result.text === undefined) throw new Error(vscode.l10n.t('cannot import {0}: {1}', name, result.reason ?? ''));
  // The language first, so the text arrives in a nianbao document (no "switch mode?" offer).
  const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(await untitledBeside(uri)), LANGUAGE_ID);
  const editor = await vscode.window.showTextDocument(document);
  await editor.edit(e => e.insert(new vscode.Position(0, 0), result.text!));
  const notes = result.notes ?? [];
  // The notes once, as the document opens; they are not kept in the text.
  void vscode.window.showInformationMessage(vscode.l10n.t('Imported {0} ({1}).', name, result.encoding ?? '') + (notes.length ? ' ' + notes.join(' ') : ''));
  return { document: editor.document, encoding: result.encoding ?? '', notes };
}

/** An untitled document that Save puts beside the source: report.pdf → report.md (report 2.md … if taken). */
async function untitledBeside(source: vscode.Uri): Promise<vscode.Uri> {
  const dir = vscode.Uri.joinPath(source, '..');
  const base = (source.path.split('/').pop() ?? 'report').replace(/\.[^.]*$/, '');
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(dir, `${base}${n === 1 ? '' : ` ${n}`}.md`);
    const taken = vscode.workspace.textDocuments.some(d => d.uri.path === candidate.path)
      || await vscode.workspace.fs.stat(candidate).then(() => true, () => false);
    if (!taken) return candidate.with({ scheme: 'untitled' });
  }
}

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
