// The language server core, shared by the node and browser entry points: one
// ReportDocument per open document, updated incrementally; diagnostics after a short
// debounce, never for a stale version; every request answered from the engine facade.
import {
  CodeActionKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, MessageType, ShowMessageNotification, TextDocumentSyncKind,
  type CodeAction, type ClientCapabilities, type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver';
import {
  ReportDocument, check, checkInSteps, documentSymbols, foldingRanges, hover, inlayHints, localeOf, recomputeEdits,
  type CheckOptions, type Edit, type Finding, type Locale, type Position,
} from '../engine';
import { fmt, list, type Msg } from '../engine/i18n';
import { readSettings, type Settings } from '../settings';
import type { ConfigLookup } from '../config/find';
import {
  COMMANDS, CONFIG_SECTION, IMPORT_REQUEST, type ImportParams, type ImportResponse, RENDER_TABLE_REQUEST, ROLLUP_REQUEST, type RollupParams, type RollupResponse, STATUS_NOTIFICATION, SUMMARY_REQUEST,
  type RenderTableParams, type RenderTableResult, type SummaryParams, type SummaryResult,
  TABLE_VIEW_REQUEST, type TableViewParams, type TableViewResult,
  DETECT_REQUEST, type DetectParams, IMPORT_FORMATS_REQUEST, SETTINGS_REQUEST, TABLE_CHOICES_REQUEST, type TableChoices, type TableChoicesParams,
} from './protocol';
import { looksLikeReport } from './detect';
import { tableViewOf } from './tableview';
import { FIX_ALL_KIND, toDiagnostic, toDocumentSymbol, toFoldingRange, toInlayHint, workspaceEdit } from './convert';
import { statusOf, summaryOf } from './status';
import { codeActions, resolveCodeAction, type ActionHost } from './codeactions';
import { markdownTableEdit, snippetFor, tableChoices } from './tables';
import { rollup } from '../engine/rollup';
import { ServerPeers, peerView, type FolderReader } from './peers';
import { IMPORT_EXTENSIONS, importFile, ImportError, type LoadImporter } from '../import';
import { CONFIG_FILE, CONFIG_GLOB, REPORT_GLOB } from '../report-files';
import { registerFormatting } from './format';

/** How much longer than the debounce the other open reports wait to be checked again after a change in one. */
const PEER_PAUSE_MS = 300;

/** initializationOptions the server understands (all optional). */
export interface InitOptions {
  /** Delay between the last change and the check, in ms (tests use 0–50). Default 150. */
  debounceMs?: number;
  /** Settings for clients that cannot answer workspace/configuration. */
  settings?: unknown;
}

const M = {
  moreProblems: { en: 'and {n} more', 'zh-cn': '另有 {n} 处' },
  badConfig: { en: 'nianbao: configuration file not used: {problems}', 'zh-cn': 'nianbao：配置文件未生效：{problems}' },
  badSettings: { en: 'nianbao: invalid settings, defaults used instead: {list}', 'zh-cn': 'nianbao：设置无效，已改用默认值：{list}' },
  nothingToRecompute: { en: 'nianbao: every total that can be recomputed already adds up.', 'zh-cn': 'nianbao：可重新计算的合计均已正确。' },
  noTable: { en: 'nianbao: no table at the cursor.', 'zh-cn': 'nianbao：光标处没有表格。' },
  recompute: { en: 'Recompute every total', 'zh-cn': '重新计算所有合计' },
  convert: { en: 'Convert the table to Markdown', 'zh-cn': '将表格转换为 Markdown' },
} satisfies Record<string, Msg>;

/** Settings problems named in one message at most; the rest are counted. */
const PROBLEMS_SHOWN = 10;

interface Open {
  doc: ReportDocument;
  version: number;
  timer?: ReturnType<typeof setTimeout>;
  /** The check under way: a newer one (an edit, a peer's change) stops it between reports. */
  checking?: object;
  /** What was last published, so an unchanged result is not sent again. */
  sent?: { version: number; diagnostics: string; status: string };
  /** What other reports read of this one when it was last checked (see peerView). */
  view: string;
  /** The version whose view that is. */
  viewVersion?: number;
}

/** A check runs this long at most before it lets requests (hover, …) be answered. */
const SLICE_MS = 15;

const isPosition = (p: unknown): p is Position =>
  !!p && typeof (p as Position).line === 'number' && typeof (p as Position).character === 'number';

/** What an entry point provides beyond the connection. */
export interface ServerHost {
  /** Reads the folder beside a file:// document (node); without it only open documents are peers. */
  folder?: FolderReader;
  /** Loads an importer module (node: its bundle beside the server; browser: its web bundle). */
  loadImporter?: LoadImporter;
  /** In a browser, formats whose importer needs the desktop are refused with a message. */
  browser?: boolean;
  /** The .nianbao.json that applies to a document (node: found from its folder up); none without. */
  config?: (uri: string) => ConfigLookup;
}

export function startServer(connection: Connection, host: ServerHost = {}): void {
  const open = new Map<string, Open>();
  let locale: Locale = 'en';
  let debounceMs = 150;
  let settings: Settings = readSettings({}).settings;
  /** What was wrong with the settings last read (SETTINGS_REQUEST); the user is told once, when they are read. */
  let settingsProblems: string[] = [];
  let caps: ClientCapabilities = {};
  let pullsConfiguration = false;
  const peers = new ServerPeers(host.folder);

  /** Configuration files found broken, each told once (until it changes). */
  const configProblems = new Set<string>();
  /**
   * The settings for a document: what its .nianbao.json writes wins, key by key (severity
   * rule by rule), over the VS Code settings; those apply to everything the file leaves out.
   */
  function settingsFor(uri: string): Settings & { locale: Locale } {
    const { config, error } = host.config?.(uri) ?? {};
    if (error && !configProblems.has(error)) {
      configProblems.add(error);
      show(MessageType.Warning, fmt(M.badConfig, locale, { problems: error }));
    }
    if (!config) return { ...settings, locale };
    return {
      severity: { ...settings.severity, ...config.severity },
      template: config.template ?? settings.template,
      detect: config.detect ?? settings.detect,
      inlayHints: { ...settings.inlayHints, ...config.inlayHints },
      format: { ...settings.format, ...config.format },
      locale: config.locale ?? locale,
    };
  }

  /** Check options for one document: the settings, and as peers (cross-year) the other open reports and its folder's. */
  const options = (uri: string, entry: Open): CheckOptions => {
    const s = settingsFor(uri);
    return { locale: s.locale, severity: s.severity, template: s.template, peers: peers.of(uri, entry.doc, open) };
  };

  /** Runs a handler; a failure is logged and answered with `fallback`, never fatal. */
  function safe<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R): (...args: A) => R {
    return (...args: A) => {
      try { return fn(...args); } catch (e) {
        connection.console.error(`nianbao ${name}: ${(e as Error)?.stack ?? String(e)}`);
        return fallback;
      }
    };
  }

  /** Fire-and-forget: a rejected promise (a client that refuses a request) is logged, never fatal. */
  const fire = (p: Promise<unknown>) => { p.catch(e => connection.console.error(`nianbao: ${(e as Error)?.message ?? String(e)}`)); };
  /** window/showMessage: a notification; clients need not implement window/showMessageRequest. */
  const show = (type: MessageType, message: string) => fire(connection.sendNotification(ShowMessageNotification.type, { type, message }));

  // ── checking ──────────────────────────────────────────────────────────────────────
  /**
   * Notifications sent per key (diagnostics or status of one document): one in flight, and
   * at most the newest waiting. A client that stops reading holds up the one in flight;
   * older ones waiting are dropped rather than piled up in memory.
   */
  const outbox = new Map<string, { next?: () => Promise<void> }>();
  function sendLatest(key: string, send: () => Promise<void>) {
    const box = outbox.get(key);
    if (box) { box.next = send; return; }
    const mine: { next?: () => Promise<void> } = {};
    outbox.set(key, mine);
    const go = (s: () => Promise<void>) => {
      s().catch(e => connection.console.error(`nianbao: ${(e as Error)?.message ?? String(e)}`)).finally(() => {
        const next = mine.next;
        mine.next = undefined;
        if (next) go(next); else outbox.delete(key);
      });
    };
    go(send);
  }

  /** Checks a document in slices (requests are answered between them), then publishes what changed. */
  function publish(uri: string, entry: Open) {
    entry.timer = undefined;
    const version = entry.version;
    const token = {};
    entry.checking = token;
    const steps = checkInSteps(entry.doc, options(uri, entry));
    const step = safe('check', undefined, () => {
      // A newer check (an edit, a peer's change) or a closed document: this one is dropped.
      if (open.get(uri) !== entry || entry.checking !== token || entry.version !== version) return;
      const until = Date.now() + SLICE_MS;
      let r = steps.next();
      while (!r.done && Date.now() < until) r = steps.next();
      if (!r.done) { entry.timer = setTimeout(step, 0); return; }
      entry.checking = undefined;
      send(uri, entry, version, r.value);
    });
    step();
  }

  function send(uri: string, entry: Open, version: number, findings: Finding[]) {
    const diagnostics = findings.map((f, i) => toDiagnostic(f, uri, version, i));
    const status = statusOf(uri, entry.doc, findings);
    const [dJson, sJson] = [JSON.stringify(diagnostics), JSON.stringify(status)];
    const last = entry.sent;
    entry.sent = { version, diagnostics: dJson, status: sJson };
    if (!last || last.version !== version || last.diagnostics !== dJson) sendLatest(`d ${uri}`, () => connection.sendDiagnostics({ uri, version, diagnostics }));
    if (!last || last.status !== sJson) sendLatest(`s ${uri}`, () => connection.sendNotification(STATUS_NOTIFICATION, status));
    // The other open reports are checked again only when what they read of this one changed.
    if (entry.viewVersion !== version) {
      entry.viewVersion = version;
      const view = open.size > 1 || entry.view ? peerView(entry.doc) : '';
      if (view !== entry.view) { entry.view = view; recheckPeersOf(uri); }
    }
  }

  function schedule(uri: string, delay = debounceMs) {
    const entry = open.get(uri);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    entry.checking = undefined;
    entry.timer = setTimeout(safe('check', undefined, () => publish(uri, entry)), delay);
  }

  const recheckAll = () => { for (const uri of open.keys()) schedule(uri, 0); };

  /**
   * Open reports are each other's peers (cross-year): when what one offers them changes (it
   * opens, closes, or an edit changes its year, body or compared cells), the others are
   * checked again, after a longer pause than the changed one (a check already pending is
   * left as it is, so many changes make one check).
   */
  function recheckPeersOf(uri: string) {
    for (const [other, e] of open) if (other !== uri && !e.timer && !e.checking) schedule(other, debounceMs + PEER_PAUSE_MS);
  }

  // ── settings ──────────────────────────────────────────────────────────────────────
  const problemsShown = (problems: string[]) => problems.length <= PROBLEMS_SHOWN ? problems
    : [...problems.slice(0, PROBLEMS_SHOWN), fmt(M.moreProblems, locale, { n: problems.length - PROBLEMS_SHOWN })];

  function applySettings(raw: unknown) {
    const { settings: next, problems } = readSettings(raw);
    settings = next;
    settingsProblems = problems;
    if (problems.length) show(MessageType.Warning, fmt(M.badSettings, locale, { list: list(problemsShown(problems), locale) }));
    recheckAll();
    if (caps.workspace?.inlayHint?.refreshSupport) fire(connection.languages.inlayHint.refresh());
  }

  async function pullSettings() {
    try {
      applySettings(await connection.workspace.getConfiguration({ section: CONFIG_SECTION }));
    } catch (e) {
      connection.console.error(`nianbao settings: ${(e as Error)?.message ?? String(e)}`);
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    caps = params.capabilities ?? {};
    locale = localeOf(params.locale);
    const init = (params.initializationOptions ?? {}) as InitOptions;
    if (typeof init.debounceMs === 'number' && init.debounceMs >= 0) debounceMs = init.debounceMs;
    pullsConfiguration = !!caps.workspace?.configuration;
    if (init.settings !== undefined) {
      const { settings: s, problems } = readSettings(init.settings);
      settings = s;
      settingsProblems = problems;
      if (problems.length) connection.console.warn(problemsShown(problems).join('\n'));
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        documentSymbolProvider: { label: 'nianbao' },
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        inlayHintProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        executeCommandProvider: { commands: Object.values(COMMANDS) },
        // Where this server runs, as it sees itself: lets tests prove the web build ran in a worker.
        experimental: { runtime: typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope === 'function' ? 'web worker' : 'node' },
      },
      serverInfo: { name: 'nianbao' },
    };
  });

  connection.onInitialized(() => {
    if (caps.workspace?.didChangeConfiguration?.dynamicRegistration) {
      fire(connection.client.register(DidChangeConfigurationNotification.type, { section: CONFIG_SECTION }));
    }
    if (pullsConfiguration) fire(pullSettings());
    // Peers and configuration files on disk change: ask to hear of it (else peer listings are
    // re-read after a moment, and a changed .nianbao.json is read at a document's next check).
    const watchers = [...(host.folder ? [{ globPattern: REPORT_GLOB }] : []), ...(host.config ? [{ globPattern: CONFIG_GLOB }] : [])];
    if (watchers.length && caps.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      fire(connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }));
    }
  });

  connection.onDidChangeWatchedFiles(safe('watchedFiles', undefined, ({ changes }) => {
    const uris = (changes ?? []).map(c => c.uri).filter(u => typeof u === 'string');
    const isConfig = (u: string) => u.endsWith(`/${CONFIG_FILE}`);
    if (uris.some(isConfig)) {
      // Any open report may read it (it applies from its folder down): check them all again,
      // and tell a problem in it again.
      configProblems.clear();
      for (const uri of open.keys()) schedule(uri, 0);
    }
    const dirs = peers.changed(uris.filter(u => !isConfig(u)));
    for (const uri of open.keys()) if (dirs.has(peers.folderOf(uri) ?? '')) schedule(uri, 0);
  }));

  connection.onDidChangeConfiguration(safe('configuration', undefined, params => {
    if (pullsConfiguration) fire(pullSettings());
    else applySettings((params?.settings as Record<string, unknown> | undefined)?.[CONFIG_SECTION]);
  }));

  // ── documents ─────────────────────────────────────────────────────────────────────
  connection.onDidOpenTextDocument(safe('open', undefined, ({ textDocument: d }) => {
    // A document without a string URI can never be addressed again: keeping it would only
    // leave junk among every other document's peers.
    if (typeof d?.uri !== 'string') return;
    const prev = open.get(d.uri);
    if (prev?.timer) clearTimeout(prev.timer);
    open.set(d.uri, { doc: new ReportDocument(typeof d.text === 'string' ? d.text : ''), version: d.version, view: prev?.view ?? '' });
    // Its peers are checked again once its own check shows what it offers them (see send).
    schedule(d.uri);
  }));

  connection.onDidChangeTextDocument(safe('change', undefined, ({ textDocument, contentChanges }) => {
    const entry = open.get(textDocument.uri);
    if (!entry) return;
    // The engine's incremental path: only the touched sections are re-parsed.
    entry.doc.update(contentChanges.map(c => ('range' in c && c.range ? { range: c.range, text: c.text } : { text: c.text })));
    entry.version = textDocument.version;
    schedule(textDocument.uri);
  }));

  connection.onDidCloseTextDocument(safe('close', undefined, ({ textDocument }) => {
    const entry = open.get(textDocument.uri);
    if (entry?.timer) clearTimeout(entry.timer);
    open.delete(textDocument.uri);
    sendLatest(`d ${textDocument.uri}`, () => connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] }));
    if (entry?.view) recheckPeersOf(textDocument.uri);
  }));

  // ── features ──────────────────────────────────────────────────────────────────────
  connection.onHover(safe('hover', null, ({ textDocument, position }) => {
    const entry = open.get(textDocument.uri);
    if (!entry || !isPosition(position)) return null;
    const value = hover(entry.doc, position, locale, {
      peers: options(textDocument.uri, entry).peers, nameOf: d => peers.nameOf(d, open),
    });
    return value ? { contents: { kind: 'markdown', value } } : null;
  }));

  connection.onDocumentSymbol(safe('symbols', [], ({ textDocument }) => {
    const entry = open.get(textDocument.uri);
    return entry ? documentSymbols(entry.doc, locale).map(toDocumentSymbol) : [];
  }));

  connection.onFoldingRanges(safe('folding', [], ({ textDocument }) => {
    const entry = open.get(textDocument.uri);
    return entry ? foldingRanges(entry.doc).map(toFoldingRange) : [];
  }));

  connection.languages.inlayHint.on(safe('inlay', [], ({ textDocument, range }) => {
    const entry = open.get(textDocument.uri);
    const hints = settingsFor(textDocument.uri).inlayHints;
    if (!entry || !hints.enabled) return [];
    return inlayHints(entry.doc, range, { markdownTables: hints.markdownTables }).map(toInlayHint);
  }));

  registerFormatting(connection, uri => open.get(uri)?.doc, settingsFor, safe);

  const versioned = () => !!caps.workspace?.workspaceEdit?.documentChanges;
  const editFor = (uri: string, entry: Open, edits: readonly Edit[]) => workspaceEdit(uri, edits, entry.version, versioned());

  const actionHost: ActionHost = {
    doc: uri => open.get(uri),
    findings: uri => { const entry = open.get(uri); return entry ? check(entry.doc, options(uri, entry)) : []; },
    locale: () => locale,
    editFor: (uri, edits) => editFor(uri, open.get(uri)!, edits),
    resolves: () => !!caps.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit'),
  };
  connection.onCodeAction(safe('codeAction', [] as CodeAction[], params => codeActions(actionHost, params)));
  // A failure leaves the action as it came (no edit): never an error the editor shows.
  connection.onCodeActionResolve(action => safe('codeActionResolve', action, () => resolveCodeAction(actionHost, action))());

  connection.onExecuteCommand(safe('command', null, ({ command, arguments: args = [] }) => {
    const [uri, position] = args as unknown[];
    const entry = typeof uri === 'string' ? open.get(uri) : undefined;
    if (!entry || typeof uri !== 'string') return null;
    let edits: Edit[] | undefined;
    let label = '';
    if (command === COMMANDS.recomputeAll) {
      edits = recomputeEdits(entry.doc, () => true);
      label = fmt(M.recompute, locale);
      if (!edits.length) show(MessageType.Info, fmt(M.nothingToRecompute, locale));
    } else if (command === COMMANDS.convertToMarkdown && isPosition(position)) {
      const edit = markdownTableEdit(entry.doc, position);
      edits = edit ? [edit] : [];
      label = fmt(M.convert, locale);
      if (!edit) show(MessageType.Info, fmt(M.noTable, locale));
    }
    if (!edits) return null; // an unknown command, or arguments it cannot use
    if (!edits.length) return { applied: false, edits: 0 };
    // Answer with what happened, so a command's caller can tell (the client's commands return it).
    return connection.workspace.applyEdit({ label, edit: editFor(uri, entry, edits) })
      .then(r => ({ applied: r.applied, edits: edits!.length }), () => ({ applied: false, edits: edits!.length }));
  }));

  connection.onRequest(SUMMARY_REQUEST, safe('summary', null as SummaryResult | null, (params: SummaryParams) => {
    const entry = params && open.get(params.uri);
    return entry ? summaryOf(entry.doc, check(entry.doc, options(params.uri, entry)), locale) : null;
  }));

  connection.onRequest(TABLE_VIEW_REQUEST, safe('tableView', null as TableViewResult | null, (params: TableViewParams) => {
    const entry = params && open.get(params.uri);
    return entry ? tableViewOf(params.uri, entry.doc, check(entry.doc, options(params.uri, entry)), locale) : null;
  }));

  connection.onRequest(RENDER_TABLE_REQUEST, safe('renderTable', null as RenderTableResult | null, (params: RenderTableParams) => {
    if (!params) return null;
    const entry = open.get(params.uri);
    return snippetFor(entry?.doc, params);
  }));

  connection.onRequest(TABLE_CHOICES_REQUEST, safe('tableChoices', { groups: [] } as TableChoices, (params: TableChoicesParams) =>
    tableChoices(typeof params?.uri === 'string' ? open.get(params.uri)?.doc : undefined, settings.template, locale)));

  connection.onRequest(DETECT_REQUEST, safe('looksLikeReport', false, (params: DetectParams) => typeof params?.text === 'string' && looksLikeReport(params.text)));

  connection.onRequest(SETTINGS_REQUEST, () => ({ settings, problems: settingsProblems }));

  connection.onRequest(IMPORT_FORMATS_REQUEST, () => ({ extensions: [...IMPORT_EXTENSIONS] }));

  connection.onRequest(ROLLUP_REQUEST, safe('rollup', null as RollupResponse | null, (params: RollupParams): RollupResponse | null => {
    if (!params || !Array.isArray(params.reports)) return null;
    return rollup(params.reports.map(r => ({ path: String(r.path), doc: new ReportDocument(String(r.text)) })), locale);
  }));

  connection.onRequest(IMPORT_REQUEST, async (params: ImportParams): Promise<ImportResponse> => {
    if (!params || typeof params.base64 !== 'string' || typeof params.fileName !== 'string') return { ok: false, reason: 'bad request' };
    try {
      if (!host.loadImporter) throw new ImportError({ en: 'this server cannot import files', 'zh-cn': '此服务器无法导入文件' });
      const r = await importFile(fromBase64(params.base64), params.fileName, { load: host.loadImporter, browser: host.browser });
      return { ok: true, text: r.text, encoding: r.encoding, notes: r.notes.map(n => n[locale]) };
    } catch (e) {
      if (e instanceof ImportError) return { ok: false, reason: e.text[locale] };
      connection.console.error(`nianbao: import of ${params.fileName} failed: ${String((e as Error)?.stack ?? e)}`);
      return { ok: false, reason: String((e as Error)?.message ?? e) };
    }
  });

  connection.listen();
}

/** Base64 → bytes, in Node and in a browser worker alike. */
function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}
