// What the node and browser entry points share: everything but how the server is started.
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { CONFIG_SECTION, DETECT_REQUEST, SETTINGS_REQUEST, STATUS_NOTIFICATION, type SettingsResult, type StatusParams } from '../../server/src/lsp/protocol';
import { CLIENT_COMMANDS, registerCommands } from './commands';
import { Detection, LANGUAGE_ID } from './detection';
import { ReportStatus } from './status';
import { TABLE_VIEW_COMMAND, TableView, type TableViewApi } from './tableview/panel';

export const CLIENT_ID = 'nianbao';

/** What activate() returns: for tests and for other extensions. */
export interface NianbaoApi {
  client: BaseLanguageClient;
  /** Settles once the language server is running. */
  ready: Promise<void>;
  commands: typeof CLIENT_COMMANDS;
  /** The settings as the server validated them, and the problems it found (empty when all are valid). */
  settings(): Promise<SettingsResult>;
  /** The server's last status notification for a document. */
  status(uri: vscode.Uri | string): StatusParams | undefined;
  /** Offers or switches a document per nianbao.detect; true when it was switched. */
  detect(document: vscode.TextDocument): Promise<boolean>;
  /** The server's answer: does the text hold a report? */
  looksLikeReport(text: string): Promise<boolean>;
  /** Milliseconds from activate() to the language server being ready (undefined until then). */
  startupMs(): number | undefined;
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

/** A plain-text document is sent for detection up to this length: a report's signature is near its start. */
const DETECT_MAX_CHARS = 2_000_000;

export function activateCore(context: vscode.ExtensionContext, createClient: ClientFactory): NianbaoApi {
  const started = performance.now();
  let startupMs: number | undefined;
  const status = new ReportStatus();
  // Whether a text is a report is the server's to say (it knows the templates); asked once the server is up.
  const looksLikeReport = async (text: string) => {
    await ready;
    return client.sendRequest(DETECT_REQUEST, { text: text.slice(0, DETECT_MAX_CHARS) });
  };
  const detection = new Detection(context, looksLikeReport);
  context.subscriptions.push(status, detection);

  const client = createClient(CLIENT_ID, vscode.l10n.t('政府信息公开年报 language server'), {
    // Every nianbao document, saved or not; fix-all on save (source.fixAll.nianbao) rides on this.
    documentSelector: [{ language: LANGUAGE_ID }],
    // The server pulls nianbao.* with workspace/configuration; this tells it when to pull again.
    synchronize: { configurationSection: CONFIG_SECTION },
  });
  context.subscriptions.push(client.onNotification(STATUS_NOTIFICATION, p => status.update(p)));
  // The server publishes diagnostics for every version it checks (the status only when it
  // changed): the table view follows the diagnostics, so a number typed that changes no count still shows.
  context.subscriptions.push(vscode.languages.onDidChangeDiagnostics(e => { for (const u of e.uris) tableView.checked(u.toString()); }));
  const ready = client.start();
  ready.then(() => {
    startupMs = performance.now() - started;
    client.outputChannel.appendLine(`nianbao: language server ready ${startupMs.toFixed(0)} ms after activation`);
  }, () => undefined);
  const tableView = new TableView(context, client, ready);
  context.subscriptions.push(tableView, vscode.commands.registerCommand(TABLE_VIEW_COMMAND, (uri?: unknown) => tableView.open(uri instanceof vscode.Uri ? uri : undefined)));
  ready.catch(e => void vscode.window.showErrorMessage(
    vscode.l10n.t('The 政府信息公开年报 language server did not start: {0}', e instanceof Error ? e.message : String(e)),
  ));

  registerCommands(context, { client, ready });

  return {
    client, ready, commands: CLIENT_COMMANDS,
    settings: async () => { await ready; return client.sendRequest(SETTINGS_REQUEST); },
    status: uri => status.get(uri),
    detect: d => detection.consider(d),
    looksLikeReport,
    startupMs: () => startupMs,
    tableView: tableView.api(),
  };
}
