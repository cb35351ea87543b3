// What the node and browser entry points share: everything but how the server is started.
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { CONFIG_SECTION, STATUS_NOTIFICATION, type StatusParams } from '../../server/src/lsp/protocol';
import type { Settings } from '../../server/src/settings';
import { CLIENT_COMMANDS, registerCommands } from './commands';
import { Detection, LANGUAGE_ID } from './detection';
import { looksLikeReport } from './detect';
import { SettingsWatcher } from './settings';
import { ReportStatus } from './status';
import { TABLE_VIEW_COMMAND, TableView, type TableViewApi } from './tableview/panel';

export const CLIENT_ID = 'nianbao';

/** What activate() returns: for tests and for other extensions. */
export interface NianbaoApi {
  client: BaseLanguageClient;
  /** Settles once the language server is running. */
  ready: Promise<void>;
  commands: typeof CLIENT_COMMANDS;
  /** The settings as validated, and the problems found in them (empty when all are valid). */
  settings(): { settings: Settings; problems: string[] };
  /** The server's last status notification for a document. */
  status(uri: vscode.Uri | string): StatusParams | undefined;
  /** Offers or switches a document per nianbao.detect; true when it was switched. */
  detect(document: vscode.TextDocument): Promise<boolean>;
  looksLikeReport(text: string): boolean;
  /** The table view (年报表格), driven through its webview. */
  tableView: TableViewApi;
}

/** Stops the language server; what deactivate() returns. */
export async function stopClient(api: NianbaoApi | undefined): Promise<void> {
  try {
    await api?.client.stop();
  } catch {
    // It never started: nothing to stop.
  }
}

export type ClientFactory = (id: string, name: string, options: LanguageClientOptions) => BaseLanguageClient;

export function activateCore(context: vscode.ExtensionContext, createClient: ClientFactory): NianbaoApi {
  const settings = new SettingsWatcher();
  const status = new ReportStatus();
  const detection = new Detection(context, settings);
  context.subscriptions.push(settings, status, detection);

  const client = createClient(CLIENT_ID, vscode.l10n.t('政府信息公开年报 language server'), {
    // Every nianbao document, saved or not; fix-all on save (source.fixAll.nianbao) rides on this.
    documentSelector: [{ language: LANGUAGE_ID }],
    // The server pulls nianbao.* with workspace/configuration; this tells it when to pull again.
    synchronize: { configurationSection: CONFIG_SECTION },
  });
  context.subscriptions.push(client.onNotification(STATUS_NOTIFICATION, (p: StatusParams) => status.update(p)));
  // The server publishes diagnostics for every version it checks (the status only when it
  // changed): the table view follows the diagnostics, so a number typed that changes no count still shows.
  context.subscriptions.push(vscode.languages.onDidChangeDiagnostics(e => { for (const u of e.uris) tableView.checked(u.toString()); }));
  const ready = client.start();
  const tableView = new TableView(context, client, ready);
  context.subscriptions.push(tableView, vscode.commands.registerCommand(TABLE_VIEW_COMMAND, (uri?: unknown) => tableView.open(uri instanceof vscode.Uri ? uri : undefined)));
  ready.catch(e => void vscode.window.showErrorMessage(
    vscode.l10n.t('The 政府信息公开年报 language server did not start: {0}', e instanceof Error ? e.message : String(e)),
  ));

  registerCommands(context, { client, ready, status, settings });

  return {
    client, ready, commands: CLIENT_COMMANDS,
    settings: () => ({ settings: settings.current, problems: settings.problems }),
    status: uri => status.get(uri),
    detect: d => detection.consider(d),
    looksLikeReport,
    tableView: tableView.api(),
  };
}
