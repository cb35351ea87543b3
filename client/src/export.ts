// 年报：导出表格到 Excel…: the open report, or a folder the user picks, exported to a
// workbook (or csv) the user names. The server reads the files and writes the workbook
// (lsp/export-node.ts); this side only asks where from and where to.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { EXPORT_REQUEST, type ExportParams, type ExportResponse } from '../../server/src/lsp/protocol';

/** `target`: a file or folder (explorer menu, tests); `out`: the workbook (tests). */
export async function exportTables(client: BaseLanguageClient, target?: unknown, out?: unknown): Promise<ExportResponse | undefined> {
  let source = target instanceof vscode.Uri ? target : typeof target === 'string' ? vscode.Uri.file(target) : undefined;
  if (!source) {
    const active = vscode.window.activeTextEditor?.document;
    const current = active && active.uri.scheme === 'file' ? active.uri : undefined;
    const pickFolder = vscode.l10n.t('Choose a folder…');
    const choices = [...(current ? [vscode.l10n.t('The open report')] : []), pickFolder];
    const choice = choices.length === 1 ? pickFolder : await vscode.window.showQuickPick(choices, { placeHolder: vscode.l10n.t('Export which reports?') });
    if (!choice) return undefined;
    if (choice === pickFolder) {
      source = (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: vscode.l10n.t('Export') }))?.[0];
    } else {
      if (active?.isDirty) await active.save();
      source = current;
    }
  }
  if (!source) return undefined;
  const target2 = out instanceof vscode.Uri ? out : typeof out === 'string' ? vscode.Uri.file(out) : await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(source, '..', `${source.path.split('/').pop()?.replace(/\.[^.]*$/, '') ?? 'reports'}.xlsx`),
    filters: { Excel: ['xlsx'], CSV: ['csv'] },
  });
  if (!target2) return undefined;
  const params: ExportParams = {
    paths: [source.fsPath], out: target2.fsPath, format: target2.path.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx', locale: vscode.env.language,
  };
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting tables…') },
    () => client.sendRequest(EXPORT_REQUEST, params),
  );
  if (!result.ok) throw new Error(result.reason ?? '');
  const skipped = result.errors?.length ? ' ' + vscode.l10n.t('{0} files not read.', result.errors.length) : '';
  void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} reports and {1} findings to {2}.', result.reports ?? 0, result.findings ?? 0, target2.fsPath) + skipped);
  return result;
}
