// A minimal LSP client for the server tests: spawns the REAL built server (dist/server.js
// --stdio), records what it sends, and answers the requests a client must answer.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  ApplyWorkspaceEditRequest, ConfigurationRequest, ExitNotification, InitializeRequest, InitializedNotification,
  CodeActionRequest, CodeActionResolveRequest, PublishDiagnosticsNotification, RegistrationRequest, ShowMessageNotification, ShutdownRequest,
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, DidChangeConfigurationNotification,
  type ApplyWorkspaceEditParams, type ClientCapabilities, type CodeAction, type CodeActionParams, type InitializeResult, type ProtocolConnection,
  type PublishDiagnosticsParams, type RegistrationParams, type ShowMessageParams, type TextDocumentContentChangeEvent, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { applyEdits } from '../../server/src/engine';
import { STATUS_NOTIFICATION, type StatusParams } from '../../server/src/lsp/protocol';
import { ROOT, SAMPLES, readSample, sampleByPrefix } from '../helpers';

export const SERVER = path.join(ROOT, 'dist', 'server.js');

export const sampleUri = (prefix: string) => pathToFileURL(path.join(SAMPLES, sampleByPrefix(prefix))).href;

export interface StartOptions {
  locale: string;
  /** What the client answers to workspace/configuration for `nianbao`. */
  settings?: unknown;
  debounceMs?: number;
  capabilities?: ClientCapabilities;
}

export const CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } },
  textDocument: {
    publishDiagnostics: { versionSupport: true },
    // As VS Code: actions are listed without their edit, which codeAction/resolve fills in.
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, resolveSupport: { properties: ['edit'] }, dataSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
};

export class Client {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly applied: ApplyWorkspaceEditParams[] = [];
  readonly statuses: StatusParams[] = [];
  /** What the server asked to register (client/registerCapability). */
  readonly registrations: RegistrationParams[] = [];
  readonly texts = new Map<string, { text: string; version: number }>();
  stderr = '';
  exitCode: number | null = null;
  settings: unknown;
  initializeResult!: InitializeResult;
  private waiters: (() => void)[] = [];

  private constructor(readonly proc: ChildProcess, readonly conn: ProtocolConnection) {}

  static async start(o: StartOptions): Promise<Client> {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const c = new Client(proc, conn);
    c.settings = o.settings ?? {};
    proc.stderr!.on('data', d => { c.stderr += String(d); });
    proc.on('exit', code => { c.exitCode = code ?? -1; c.wake(); });
    conn.onNotification(PublishDiagnosticsNotification.type, p => { c.published.push(p); c.wake(); });
    conn.onNotification(ShowMessageNotification.type, p => { c.messages.push(p); c.wake(); });
    conn.onNotification(STATUS_NOTIFICATION, (p: StatusParams) => { c.statuses.push(p); c.wake(); });
    conn.onRequest(ConfigurationRequest.type, p => p.items.map(i => (i.section === 'nianbao' ? c.settings : null)));
    conn.onRequest(RegistrationRequest.type, p => { c.registrations.push(p); c.wake(); });
    conn.onRequest(ApplyWorkspaceEditRequest.type, p => { c.applied.push(p); c.wake(); return { applied: true }; });
    conn.listen();
    c.initializeResult = await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri: null, locale: o.locale, capabilities: o.capabilities ?? CAPABILITIES,
      initializationOptions: { debounceMs: o.debounceMs ?? 20 },
    });
    await conn.sendNotification(InitializedNotification.type, {});
    return c;
  }

  private wake() { const w = this.waiters; this.waiters = []; w.forEach(f => f()); }

  /** Resolves when `probe` returns a value (checked now and after every message). */
  waitFor<T>(probe: () => T | undefined, what: string, ms = 10000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr}`)), ms);
      const check = () => {
        const v = probe();
        if (v !== undefined) { clearTimeout(timer); resolve(v); } else this.waiters.push(check);
      };
      check();
    });
  }

  /** The next diagnostics published for `uri` at `version` (or later). */
  diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.waitFor(() => [...this.published].reverse().find(p => p.uri === uri && (p.version ?? -1) >= version), `diagnostics of ${uri} v${version}`);
  }

  async open(uri: string, text: string, languageId = 'nianbao'): Promise<void> {
    this.texts.set(uri, { text, version: 1 });
    await this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  openSample(prefix: string): Promise<void> { return this.open(sampleUri(prefix), readSample(prefix)); }

  /** Sends incremental changes (ranges against the text as it is before each change); returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const doc = this.texts.get(uri)!;
    let text = doc.text;
    for (const ch of changes) text = 'range' in ch ? applyEdits(text, [{ range: ch.range, newText: ch.text }]) : ch.text;
    const version = doc.version + 1;
    this.texts.set(uri, { text, version });
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Applies a workspace edit the server returned, as the editor would: incremental changes, last edit first. */
  applyWorkspaceEdit(uri: string, edit: WorkspaceEdit): Promise<number> {
    const edits: TextEdit[] = edit.changes?.[uri]
      ?? (edit.documentChanges ?? []).flatMap(d => ('textDocument' in d && d.textDocument.uri === uri ? d.edits as TextEdit[] : []));
    const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    return this.change(uri, sorted.map(e => ({ range: e.range, text: e.newText })));
  }

  text(uri: string): string { return this.texts.get(uri)!.text; }

  /** textDocument/codeAction: the actions as listed (no edit when the client resolves them). */
  async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    return ((await this.conn.sendRequest(CodeActionRequest.type, params)) ?? []) as CodeAction[];
  }

  /** The edit of a listed action: its own, else codeAction/resolve's (as an editor does when one is chosen). */
  async editOf(action: CodeAction): Promise<WorkspaceEdit> {
    const edit = action.edit ?? (await this.conn.sendRequest(CodeActionResolveRequest.type, action)).edit;
    if (!edit) throw new Error(`no edit for ${action.title}`);
    return edit;
  }

  async configure(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { nianbao: settings } });
  }

  /** shutdown + exit, then waits for the process to end; returns its exit code. */
  async stop(): Promise<number> {
    if (this.exitCode === null) {
      await this.conn.sendRequest(ShutdownRequest.type).catch(() => undefined);
      await this.conn.sendNotification(ExitNotification.type).catch(() => undefined);
      const code = await this.waitFor(() => this.exitCode ?? undefined, 'server exit').catch(() => { this.proc.kill(); return -1; });
      this.conn.dispose();
      return code;
    }
    this.conn.dispose();
    return this.exitCode;
  }
}
