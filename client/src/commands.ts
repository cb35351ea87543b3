// The contributed commands. Each also runs programmatically (arguments instead of pickers)
// and resolves with something a test can check; undefined when it did nothing.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type BaseLanguageClient } from 'vscode-languageclient';
import {
  COMMANDS, RENDER_TABLE_REQUEST, ROLLUP_REQUEST, SUMMARY_REQUEST, TABLE_CHOICES_REQUEST,
  type Generation, type RenderTableParams, type RollupResponse, type SummaryParams, type SummaryResult, type TableChoices, type TableId,
} from '../../server/src/lsp/protocol';
import { LANGUAGE_ID } from './detection';
import { importReport } from './import';
import { exportTables } from './export';
import { SUMMARY_COMMAND } from './status';

export const CLIENT_COMMANDS = {
  recomputeAll: 'nianbao.recomputeAll',
  insertTable: 'nianbao.insertTable',
  convertToMarkdown: 'nianbao.convertToMarkdown',
  showSummary: SUMMARY_COMMAND,
  rollup: 'nianbao.rollup',
  importFile: 'nianbao.importFile',
  exportTables: 'nianbao.exportTables',
} as const;

export interface InsertedTable { table: TableId; generation: Generation; snippet: string }

interface Deps {
  client: BaseLanguageClient;
  /** Settles once the client has started. */
  ready: Promise<void>;
}

export function registerCommands(context: vscode.ExtensionContext, deps: Deps) {
  const summaries = new SummaryDocuments();
  const register = <A extends unknown[], R>(id: string, run: (...args: A) => Promise<R | undefined>) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, async (...args: A) => {
      try {
        await deps.ready;
        return await run(...args);
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('nianbao: {0}', e instanceof Error ? e.message : String(e)));
        return undefined;
      }
    }));
  const executeOnServer = (command: string, args: unknown[]) =>
    deps.client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });

  register(CLIENT_COMMANDS.recomputeAll, async (uri?: vscode.Uri | string) => {
    const doc = await reportDocument(uri);
    if (!doc) return undefined;
    return (await executeOnServer(COMMANDS.recomputeAll, [doc.uri.toString()])) ?? null;
  });

  register(CLIENT_COMMANDS.convertToMarkdown, async (uri?: vscode.Uri | string, position?: vscode.Position) => {
    const doc = await reportDocument(uri);
    if (!doc) return undefined;
    const editor = vscode.window.visibleTextEditors.find(e => e.document === doc);
    const at = position instanceof vscode.Position ? position : editor?.selection.active;
    if (!at) return undefined;
    return (await executeOnServer(COMMANDS.convertToMarkdown, [doc.uri.toString(), { line: at.line, character: at.character }])) ?? null;
  });

  // From a menu the first argument is the editor's URI: only a table id skips the picker.
  register(CLIENT_COMMANDS.insertTable, async (table?: unknown, generation?: unknown): Promise<InsertedTable | undefined> => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== LANGUAGE_ID) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a 政府信息公开年报 document in the editor first.'));
      return undefined;
    }
    // What may be inserted, the document's own generation first: the server knows the templates.
    const choices = await deps.client.sendRequest(TABLE_CHOICES_REQUEST, { uri: editor.document.uri.toString() });
    const named = choices.groups.find(g => g.generation === generation);
    const preferred = named ?? choices.groups[0];
    if (!preferred) return undefined;
    const choice = preferred.tables.some(t => t.table === table)
      ? { table: table as TableId, generation: preferred.generation }
      : await pickTable(named ? { groups: [named, ...choices.groups.filter(g => g !== named)] } : choices);
    if (!choice) return undefined;
    const params: RenderTableParams = { uri: editor.document.uri.toString(), ...choice };
    const rendered = await deps.client.sendRequest(RENDER_TABLE_REQUEST, params);
    if (!rendered) throw new Error(vscode.l10n.t('the server could not render that table.'));
    const { snippet } = rendered;
    // A table starts on a line of its own.
    const at = editor.selection.active;
    const prefix = editor.document.lineAt(at.line).text.slice(0, at.character).trim() ? '\n' : '';
    const inserted = await editor.insertSnippet(new vscode.SnippetString(prefix + snippet));
    return inserted ? { ...choice, snippet } : undefined;
  });

  // 汇总: sum the chosen reports' tables into a new, balanced report in an untitled editor.
  register(CLIENT_COMMANDS.rollup, async (files?: vscode.Uri[]): Promise<RollupResponse | undefined> => {
    const uris = files?.length ? files : await vscode.window.showOpenDialog({
      canSelectMany: true, openLabel: vscode.l10n.t('Roll up'), filters: { [vscode.l10n.t('Reports')]: ['txt', 'md', 'nianbao'] },
    });
    if (!uris?.length) return undefined;
    const reports = await Promise.all(uris.map(async uri => ({
      path: vscode.workspace.asRelativePath(uri), text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)),
    })));
    const result = await deps.client.sendRequest(ROLLUP_REQUEST, { reports });
    if (!result) return undefined;
    if (!result.ok || result.text === undefined) { void vscode.window.showErrorMessage(result.reason ?? ''); return result; }
    const notes = (result.notes ?? []).flatMap(n => n.problems.map(p => `- ${n.path}: ${p}`));
    const content = notes.length ? `${result.text}\n\n<!-- ${vscode.l10n.t('Notes on the inputs')}:\n${notes.join('\n')}\n-->\n` : result.text;
    const doc = await vscode.workspace.openTextDocument({ language: 'nianbao', content });
    await vscode.window.showTextDocument(doc);
    return result;
  });

  // From the explorer's context menu the argument is the file's URI; from the palette, a file is picked.
  register(CLIENT_COMMANDS.importFile, (uri?: unknown) => importReport(deps.client, uri));
  register(CLIENT_COMMANDS.exportTables, (target?: unknown, out?: unknown) => exportTables(deps.client, target, out));

  register(CLIENT_COMMANDS.showSummary, async (uri?: vscode.Uri | string): Promise<SummaryResult | undefined> => {
    const doc = await reportDocument(uri);
    if (!doc) return undefined;
    const params: SummaryParams = { uri: doc.uri.toString() };
    const result = await deps.client.sendRequest(SUMMARY_REQUEST, params);
    if (!result) throw new Error(vscode.l10n.t('the server has no summary for this document yet.'));
    await summaries.show(doc, result.markdown);
    return result;
  });

  context.subscriptions.push(summaries);
}

/** The nianbao document a command acts on: the one named, else the active editor's. */
async function reportDocument(uri?: unknown): Promise<vscode.TextDocument | undefined> {
  const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri instanceof vscode.Uri ? uri : undefined;
  const doc = target
    ? vscode.workspace.textDocuments.find(d => d.uri.toString() === target.toString()) ?? await vscode.workspace.openTextDocument(target)
    : vscode.window.activeTextEditor?.document;
  if (doc?.languageId === LANGUAGE_ID) return doc;
  void vscode.window.showWarningMessage(vscode.l10n.t('Open a 政府信息公开年报 document in the editor first.'));
  return undefined;
}

type TablePick = vscode.QuickPickItem & { table: TableId; generation: Generation };

async function pickTable(choices: TableChoices): Promise<{ table: TableId; generation: Generation } | undefined> {
  const items: (TablePick | vscode.QuickPickItem)[] = choices.groups.flatMap(group => [
    { label: group.title, kind: vscode.QuickPickItemKind.Separator },
    ...group.tables.map((t): TablePick => ({ label: t.label, description: t.description, table: t.table, generation: group.generation })),
  ]);
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Insert which standard table?') });
  return picked && 'table' in picked ? { table: picked.table, generation: picked.generation } : undefined;
}

/** Read-only Markdown documents holding check summaries, shown in the Markdown preview. */
class SummaryDocuments implements vscode.Disposable {
  static readonly scheme = 'nianbao-summary';
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(SummaryDocuments.scheme, {
    onDidChange: this.changed.event,
    provideTextDocumentContent: uri => this.texts.get(uri.toString()) ?? '',
  });

  async show(source: vscode.TextDocument, markdown: string) {
    const name = source.uri.path.split('/').pop() || 'report';
    const uri = vscode.Uri.from({
      scheme: SummaryDocuments.scheme,
      path: `/${vscode.l10n.t('Check summary')} - ${name.replace(/\.[^.]*$/, '')}.md`,
      query: source.uri.toString(),
    });
    this.texts.set(uri.toString(), markdown);
    this.changed.fire(uri);
    try {
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    } catch {
      // No Markdown extension: the source reads well enough.
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }
  }

  dispose() {
    this.registration.dispose();
    this.changed.dispose();
  }
}
