// Offers the nianbao language for plain-text and Markdown documents that carry a report's
// signature (the server says which: server/src/lsp/detect.ts), as nianbao.detect says: ask,
// always, or never.
import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../../server/src/lsp/protocol';

export const LANGUAGE_ID = 'nianbao';
const CANDIDATE_LANGUAGES = new Set(['plaintext', 'markdown']);
/** Documents a person edits; not output panes, diffs of git objects, settings and the like. */
const SCHEMES = new Set(['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-test-web']);
const NEVER_KEY = 'nianbao.detect.never';
const RETYPE_DELAY_MS = 800;

type DetectMode = 'ask' | 'always' | 'never';
/** nianbao.detect; a value that is none of the three is the default (the server reports it as invalid). */
function detectMode(): DetectMode {
  const v = vscode.workspace.getConfiguration(CONFIG_SECTION).get<unknown>('detect');
  return v === 'always' || v === 'never' ? v : 'ask';
}

export class Detection implements vscode.Disposable {
  /** Documents already switched, offered or declined this session: asked once at most. */
  private readonly settled = new Set<string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext, private readonly looksLikeReport: (text: string) => Promise<boolean>) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument(d => void this.consider(d)),
      // A report pasted into an untitled document is detected once typing pauses.
      vscode.workspace.onDidChangeTextDocument(e => this.later(e.document)),
      vscode.workspace.onDidCloseTextDocument(d => this.closed(d)),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration('nianbao.detect')) this.considerOpen();
      }),
    );
    this.considerOpen();
  }

  private considerOpen() {
    for (const d of vscode.workspace.textDocuments) void this.consider(d);
  }

  private isCandidate(d: vscode.TextDocument): boolean {
    const key = d.uri.toString();
    return CANDIDATE_LANGUAGES.has(d.languageId) && SCHEMES.has(d.uri.scheme)
      && !this.settled.has(key) && !this.neverList().includes(key);
  }

  private later(d: vscode.TextDocument) {
    if (!this.isCandidate(d) || detectMode() === 'never') return;
    const key = d.uri.toString();
    this.cancel(key);
    this.timers.set(key, setTimeout(() => { this.timers.delete(key); void this.consider(d); }, RETYPE_DELAY_MS));
  }

  /**
   * Untitled names (Untitled-1) are reused for new documents, so an untitled document's
   * decision ends with it. A language switch closes and reopens the document in one go:
   * that is not an end.
   */
  private closed(d: vscode.TextDocument) {
    const key = d.uri.toString();
    this.cancel(key);
    if (d.uri.scheme !== 'untitled') return;
    setTimeout(() => {
      if (!vscode.workspace.textDocuments.some(x => x.uri.toString() === key)) this.settled.delete(key);
    }, 0);
  }

  private cancel(key: string) {
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
  }

  /** Resolves with true when the document was switched to the nianbao language. */
  async consider(d: vscode.TextDocument): Promise<boolean> {
    // Once a nianbao document, a person who switches it back to plain text means it.
    if (d.languageId === LANGUAGE_ID) this.settled.add(d.uri.toString());
    const mode = detectMode();
    if (mode === 'never' || d.isClosed || !this.isCandidate(d)) return false;
    const report = await this.looksLikeReport(d.getText()).catch(() => false);
    // Asked again meanwhile (an open, then a pause in typing): answered once.
    if (!report || d.isClosed || !this.isCandidate(d)) return false;
    const key = d.uri.toString();
    this.settled.add(key);
    if (mode === 'always') return this.switch(d);

    const use = vscode.l10n.t('Use 政府信息公开年报 mode');
    const notNow = vscode.l10n.t('Not now');
    const never = vscode.l10n.t('Never for this file');
    const name = d.uri.path.split('/').pop() || d.uri.toString();
    // An untitled document's name is reused by later ones: "never" cannot stick to it.
    const choices = d.isUntitled ? [use, notNow] : [use, notNow, never];
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('{0} looks like a government information disclosure annual report. Check it as one?', name),
      ...choices,
    );
    if (choice === use) return this.switch(d);
    if (choice === never) await this.context.workspaceState.update(NEVER_KEY, [...this.neverList(), key]);
    return false;
  }

  private async switch(d: vscode.TextDocument): Promise<boolean> {
    if (d.isClosed) return false;
    await vscode.languages.setTextDocumentLanguage(d, LANGUAGE_ID);
    return true;
  }

  private neverList(): string[] {
    return this.context.workspaceState.get<string[]>(NEVER_KEY, []);
  }

  dispose() {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const s of this.subscriptions) s.dispose();
  }
}
