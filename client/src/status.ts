// The language status item of nianbao documents: template generation, year, and ✓ or the
// number of balance errors, from the server's STATUS_NOTIFICATION after each check.
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol';
import { LANGUAGE_ID } from './detection';

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
    const status = uri && this.byUri.get(uri.toString());
    const item = this.item;
    if (!status) {
      item.busy = true;
      item.text = vscode.l10n.t('Checking…');
      item.detail = undefined;
      item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    item.busy = false;
    if (!status.reports.length) {
      item.text = vscode.l10n.t('No report found');
      item.detail = undefined;
      item.severity = vscode.LanguageStatusSeverity.Warning;
      return;
    }
    item.text = status.reports.map(describe).join(' | ');
    const errors = status.reports.reduce((n, r) => n + r.errors, 0);
    const warnings = status.reports.reduce((n, r) => n + r.warnings, 0);
    item.detail = vscode.l10n.t('{0} errors, {1} warnings', errors, warnings);
    item.severity = status.reports.some(r => r.balanceErrors > 0) ? vscode.LanguageStatusSeverity.Error
      : errors ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  dispose() {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

function describe(r: StatusParams['reports'][number]): string {
  const template = vscode.l10n.t('{0} template', r.template);
  const year = r.year === null ? vscode.l10n.t('year unknown') : vscode.l10n.t('year {0}', String(r.year));
  const balance = r.balanceErrors === 0 ? '✓' : `$(error) ${vscode.l10n.t('{0} balance errors', r.balanceErrors)}`;
  return `${template} · ${year} · ${balance}`;
}
