// The table view (年报表格): a webview beside the editor showing the active report's tables
// as grids. Its data comes from the language server (TABLE_VIEW_REQUEST) after each check;
// the webview gets the whole grid once and then only the cells that changed (patch.ts).
import * as vscode from 'vscode';
import { HoverRequest, type BaseLanguageClient } from 'vscode-languageclient';
import { TABLE_VIEW_REQUEST, type TableViewParams, type TableViewResult } from '../../../server/src/lsp/protocol';
import { LANGUAGE_ID } from '../detection';
import { forWebview, updateFor, type ViewUpdate } from './patch';

export const TABLE_VIEW_COMMAND = 'nianbao.showTableView';

/** One update as sent to the webview, and how it was applied there. */
export interface UpdateStat { type: 'full' | 'patch'; cells: number; bytes: number; requestMs: number; applyMs?: number }

/** What the webview reports back from its DOM when probed. */
export interface ProbeResult {
  uri: string;
  /** Keys of the cells marked with a finding on them, with the marker's text. */
  marked: { key: string; severity: string; label: string }[];
  states: Record<string, number>;
  tables: string[];
  headerCells: number;
}

/** For tests: drives the real webview through the same messages its DOM sends. */
export interface TableViewApi {
  open(uri?: vscode.Uri): Promise<boolean>;
  /** The report shown, once the webview has rendered it. */
  shownUri(): string | undefined;
  probe(): Promise<ProbeResult>;
  /** Clicks a cell's element in the webview; resolves once the editor's selection moved. */
  click(key: string): Promise<vscode.Selection | undefined>;
  stats(): UpdateStat[];
  /** Presses a key on a cell in the webview; resolves with the key of the cell focused after it. */
  press(key: string, name: string): Promise<string | null>;
  /** Focuses a cell in the webview (its tooltip opens). */
  focus(key: string): Promise<boolean>;
}

export class TableView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private data: TableViewResult | undefined;
  private uri: string | undefined;
  private ready = false;
  private pending: Promise<void> = Promise.resolve();
  private readonly waiting = new Map<string, (value: unknown) => void>();
  private readonly statsList: UpdateStat[] = [];
  private readonly item = vscode.languages.createLanguageStatusItem('nianbao.tableView', { language: LANGUAGE_ID });
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext, private readonly client: BaseLanguageClient, private readonly started: Promise<void>) {
    this.item.name = vscode.l10n.t('Report tables');
    this.item.text = `$(table) ${vscode.l10n.t('Report tables')}`;
    this.item.command = { title: vscode.l10n.t('Show the tables'), command: TABLE_VIEW_COMMAND };
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(e => { if (e?.document.languageId === LANGUAGE_ID) this.follow(e.document.uri.toString()); }),
    );
  }

  /** Opens (or shows) the view on a report: the given one, else the active editor's. */
  async open(uri?: vscode.Uri): Promise<boolean> {
    const target = uri?.toString() ?? this.activeReport();
    if (!target) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a 政府信息公开年报 document in the editor first.'));
      return false;
    }
    if (!this.panel) this.create();
    else this.panel.reveal(vscode.ViewColumn.Beside, true);
    this.follow(target);
    return true;
  }

  /** The server checked a document: refresh if it is the one shown. */
  checked(uri: string) {
    if (this.panel && uri === this.uri) this.refresh();
  }

  api(): TableViewApi {
    return {
      open: uri => this.open(uri),
      shownUri: () => (this.ready && this.data?.uri === this.uri ? this.uri : undefined),
      probe: () => this.ask('probe', {}) as Promise<ProbeResult>,
      click: async key => {
        const editor = this.editorFor(this.uri);
        const before = editor?.selection;
        const moved = new Promise<vscode.Selection | undefined>(resolve => {
          const sub = vscode.window.onDidChangeTextEditorSelection(e => {
            if (e.textEditor.document.uri.toString() !== this.uri) return;
            sub.dispose();
            resolve(e.selections[0]);
          });
          setTimeout(() => { sub.dispose(); resolve(undefined); }, 10_000);
        });
        await this.ask('click', { key });
        const selection = await moved;
        return selection ?? (before && this.editorFor(this.uri)?.selection);
      },
      stats: () => [...this.statsList],
      focus: key => this.ask('focus', { key }) as Promise<boolean>,
      press: (key, name) => this.ask('press', { key, name }) as Promise<string | null>,
    };
  }

  private activeReport(): string | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    return doc?.languageId === LANGUAGE_ID ? doc.uri.toString() : undefined;
  }

  private editorFor(uri: string | undefined): vscode.TextEditor | undefined {
    return vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === uri);
  }

  private follow(uri: string) {
    if (!this.panel || uri === this.uri) return;
    this.uri = uri;
    this.data = undefined;
    this.refresh();
  }

  private create() {
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel('nianbao.tableView', vscode.l10n.t('Report tables'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [media], retainContextWhenHidden: true });
    this.panel = panel;
    this.ready = false;
    panel.webview.html = html(panel.webview, media);
    panel.webview.onDidReceiveMessage(m => this.received(m), undefined, this.subscriptions);
    panel.onDidDispose(() => { this.panel = undefined; this.data = undefined; this.uri = undefined; this.ready = false; }, undefined, this.subscriptions);
  }

  /** Requests the shown report's tables and sends the webview what changed; one at a time. */
  private refresh() {
    this.pending = this.pending.then(() => this.update()).catch(e => console.error('nianbao table view:', e));
  }

  private async update() {
    const uri = this.uri;
    if (!this.panel || !uri || !this.ready) return;
    await this.started;
    const t0 = Date.now();
    const params: TableViewParams = { uri };
    const next = await this.client.sendRequest(TABLE_VIEW_REQUEST, params);
    if (!next || uri !== this.uri || !this.panel) return;
    const requestMs = Date.now() - t0;
    const update: ViewUpdate | undefined = updateFor(this.data, next);
    this.data = next;
    if (!update) return;
    const bytes = JSON.stringify(update).length;
    const cells = update.type === 'full' ? Object.keys(update.data.cells).length : Object.keys(update.cells).length;
    this.statsList.push({ type: update.type, cells, bytes, requestMs });
    if (this.statsList.length > 200) this.statsList.shift();
    void this.panel.webview.postMessage(update);
  }

  private async received(m: { type?: string; key?: string; id?: string; [k: string]: unknown }) {
    switch (m?.type) {
      case 'ready':
        this.ready = true;
        if (this.data) void this.panel?.webview.postMessage({ type: 'full', data: forWebview(this.data) });
        else this.refresh();
        return;
      case 'reveal':
        if (typeof m.key === 'string') await this.reveal(m.key);
        return;
      case 'hover':
        if (typeof m.key === 'string') void this.hover(m.key);
        return;
      case 'applied': {
        const last = this.statsList[this.statsList.length - 1];
        if (last && typeof m.ms === 'number') last.applyMs = m.ms;
        return;
      }
      case 'answer':
        if (typeof m.id === 'string') { this.waiting.get(m.id)?.(m.value); this.waiting.delete(m.id); }
        return;
    }
  }

  /** Sends the webview a request and resolves with its answer (tests). */
  private ask(type: string, body: Record<string, unknown>): Promise<unknown> {
    const id = `${Date.now()}-${Math.random()}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.waiting.delete(id); reject(new Error(`the table view did not answer ${type}`)); }, 10_000);
      this.waiting.set(id, v => { clearTimeout(timer); resolve(v); });
      void this.panel?.webview.postMessage({ type, id, ...body });
    });
  }

  /** Selects a cell's text in the source, in the editor column it is shown in (else beside the view). */
  private async reveal(key: string) {
    const cell = this.data?.cells[key];
    if (!cell?.range || !this.uri) return;
    const range = new vscode.Range(cell.range.start.line, cell.range.start.character, cell.range.end.line, cell.range.end.character);
    const existing = this.editorFor(this.uri);
    const doc = existing?.document ?? await vscode.workspace.openTextDocument(vscode.Uri.parse(this.uri));
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: existing?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false, selection: range });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** The language server's hover at a cell (a total's formula with its addends), for the webview's tooltip. */
  private async hover(key: string) {
    const cell = this.data?.cells[key];
    if (!cell?.range || !this.uri) return;
    const result = await this.client.sendRequest(HoverRequest.type, { textDocument: { uri: this.uri }, position: cell.range.start });
    const contents = result?.contents;
    const markdown = contents && typeof contents === 'object' && 'value' in contents && !Array.isArray(contents) ? contents.value : '';
    void this.panel?.webview.postMessage({ type: 'hover', key, markdown });
  }

  dispose() {
    this.panel?.dispose();
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

function html(webview: vscode.Webview, media: vscode.Uri): string {
  const nonce = Array.from({ length: 32 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'tableview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'tableview.css'));
  const lang = vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}'; img-src 'none'; font-src 'none'; connect-src 'none';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>${vscode.l10n.t('Report tables')}</title>
</head>
<body>
<main id="root" aria-live="polite"></main>
<div id="tip" role="tooltip" hidden></div>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
