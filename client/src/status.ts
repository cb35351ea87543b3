// The language status item of nianbao documents: template generation, year, and ✓ or the
// number of sums that do not add up, from the server's STATUS_NOTIFICATION after each
// check. Its wording is status-view.ts.
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol';
import { LANGUAGE_ID } from './detection';
import { statusView, type StatusView } from './status-view';

export const SUMMARY_COMMAND = 'nianbao.showSummary';

export class ReportStatus implements vscode.Disposable {
  private readonly byUri = new Map<string, StatusParams>();
  private readonly item = vscode.languages.createLanguageStatusItem('nianbao.report', { language: LANGUAGE_ID });
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item.name = vscode.l10n.t('Annual report check');
    this.item.command = { title: vscode.l10n.t('Show check summary'), command: SUMMARY_COMMAND };
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument(d => this.byUri.delete(d.uri.toString())),
    );
    this.render();
  }

  update(params: StatusParams) {
    this.byUri.set(params.uri, params);
    this.render();
  }

  /** The last status the server sent for a document. */
  get(uri: vscode.Uri | string): StatusParams | undefined {
    return this.byUri.get(uri.toString());
  }

  private render() {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const view = statusView(uri && this.byUri.get(uri.toString()), vscode.l10n);
    const item = this.item;
    item.busy = view.busy;
    item.text = view.text;
    item.detail = view.detail;
    item.accessibilityInformation = { label: view.accessibility };
    item.severity = SEVERITY[view.severity];
  }

  dispose() {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

const SEVERITY: Record<StatusView['severity'], vscode.LanguageStatusSeverity> = {
  information: vscode.LanguageStatusSeverity.Information,
  warning: vscode.LanguageStatusSeverity.Warning,
  error: vscode.LanguageStatusSeverity.Error,
};
