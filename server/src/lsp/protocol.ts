// What the client and the server say to each other beyond standard LSP: every request and
// notification declared once, with its parameter and result types, and imported by both
// sides (the client through nothing else of the server: a test keeps engine modules and zod
// out of its bundle). Types from the engine are imported as types only.
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { Generation, TableId } from '../engine/templates';
import type { SettingsResult } from '../settings';

export type { Generation, TableId, SettingsResult };

/** Server → client notification after each check of a document. */
export interface StatusParams {
  uri: string;
  /** Per report in the document (usually one). */
  reports: { template: Generation; year: number | null; balanceErrors: number; errors: number; warnings: number }[];
}
export const STATUS_NOTIFICATION = new NotificationType<StatusParams>('nianbao/status');

/** Client → server request: a summary of the findings of a document, for the "check summary" command. */
export interface SummaryParams { uri: string }
export interface SummaryResult {
  /** Markdown, in the UI language. */
  markdown: string;
  counts: Record<string, number>;
}
export const SUMMARY_REQUEST = new RequestType<SummaryParams, SummaryResult | null, void>('nianbao/summary');

/** Client → server request: a standard table rendered for insertion (VS Code snippet syntax). */
export interface RenderTableParams { uri: string; generation: Generation | 'auto'; table: 'proactive' | 'applications' | 'review_litigation' }
export interface RenderTableResult { snippet: string }
export const RENDER_TABLE_REQUEST = new RequestType<RenderTableParams, RenderTableResult | null, void>('nianbao/renderTable');

/** Client → server request: roll up (汇总) several reports of one generation into a new report. */
/** The reports' texts travel with the request: the server may run where files cannot be read (the web). */
export interface RollupParams { reports: { path: string; text: string }[] }
/** ok: the new report's text and notes on doubtful inputs; otherwise the reason it was refused. */
export interface RollupResponse {
  ok: boolean;
  generation?: Generation;
  text?: string;
  notes?: { path: string; problems: string[] }[];
  reason?: string;
}
export const ROLLUP_REQUEST = new RequestType<RollupParams, RollupResponse | null, void>('nianbao/rollup');

/**
 * Client → server request: import a file (PDF …) as report text. The bytes travel with the
 * request (base64): the server may run where files cannot be read (the web), and the
 * importers run in the server, never in the client.
 */
export interface ImportParams { fileName: string; base64: string }
/** ok: the report text, how the file was read and the notes (in the UI language); otherwise why it could not be. */
export interface ImportResponse { ok: boolean; text?: string; encoding?: string; notes?: string[]; reason?: string }
export const IMPORT_REQUEST = new RequestType<ImportParams, ImportResponse, void>('nianbao/import');

/** Client → server request: the file extensions the importers read (`.pdf` …), for the client's file picker. */
export const IMPORT_FORMATS_REQUEST = new RequestType0<{ extensions: string[] }, void>('nianbao/importFormats');

/** Node server only: the reports at `paths` (files or folders) exported to `out` (`nianbao export`). */
export interface ExportParams { paths: string[]; out: string; format: 'xlsx' | 'csv'; /** The findings' language (VS Code's). */ locale?: string }
/** ok: how many reports and findings were written; files that could not be read are named in `errors`. */
export interface ExportResponse { ok: boolean; reports?: number; findings?: number; errors?: string[]; reason?: string }
export const EXPORT_REQUEST = new RequestType<ExportParams, ExportResponse, void>('nianbao/export');

/** workspace/executeCommand commands the server implements (it applies edits via workspace/applyEdit). */
export const COMMANDS = {
  /** args: [uri] — recompute every total in the document. */
  recomputeAll: 'nianbao.server.recomputeAll',
  /** args: [uri, position] — rewrite the table at the position in the aligned Markdown encoding. */
  convertToMarkdown: 'nianbao.server.convertToMarkdown',
} as const;

/** The configuration section the server pulls with workspace/configuration. */
export const CONFIG_SECTION = 'nianbao';

/**
 * Client → server request: a document's standard tables as grids for the table view
 * (client/src/tableview): the template's header rows with their spans, and every value cell
 * with its text, state, source range and findings. The grid's shape depends only on the
 * generations and tables present (`shape`), so the client can send a webview only the cells
 * that changed while the shape stays the same.
 */
export interface TableViewParams { uri: string }
export type TableViewGridCell =
  | { kind: 'label'; text: string; colspan?: number; rowspan?: number; header?: boolean }
  | { kind: 'value'; key: string };
export interface TableViewGrid {
  id: 'proactive' | 'applications' | 'review_litigation';
  title: string;
  /** The table was not found in the report: every cell is unread. */
  absent: boolean;
  width: number;
  rows: { kind: 'block' | 'header' | 'group' | 'data'; cells: TableViewGridCell[] }[];
}
export interface TableViewCell {
  /** number: a value; blank: left empty or a placeholder; text: words where a number belongs; unread: no cell was read. */
  state: 'number' | 'blank' | 'text' | 'unread';
  text: string;
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** A total some identity solves for. */
  total?: boolean;
  /** Its name in words (「（七）总计」×「自然人」), for tooltips and screen readers. */
  name: string;
  /** primary: the finding is on this cell (its diagnostic's range); otherwise the cell is one of the terms it involves. */
  findings?: { severity: 'error' | 'warning' | 'information' | 'hint'; code: string; message: string; primary: boolean }[];
}
export interface TableViewResult {
  uri: string;
  /** Changes whenever the grids' structure does; equal shapes mean only `cells` differ. */
  shape: string;
  /** UI strings in the server's locale. */
  labels: Record<'blank' | 'unread' | 'absent' | 'noReport' | 'total' | 'template' | 'year' | 'yearUnknown' | 'findings' | 'source', string>;
  reports: { template: Generation; year: number | null; tables: TableViewGrid[] }[];
  /** By key `<report>:<table>:<row>:<column>`. */
  cells: Record<string, TableViewCell>;
}
export const TABLE_VIEW_REQUEST = new RequestType<TableViewParams, TableViewResult | null, void>('nianbao/tableView');

/**
 * Client → server request: does this text (a plain-text or Markdown document's) hold a
 * report? The client offers the nianbao language when it does (nianbao.detect).
 */
export interface DetectParams { text: string }
export const DETECT_REQUEST = new RequestType<DetectParams, boolean, void>('nianbao/looksLikeReport');

/**
 * Client → server request: the standard tables a person may insert in a document, grouped by
 * template generation, the document's own generation first (else the nianbao.template
 * setting's, else the one for last year's reports); labels in the UI language.
 */
export interface TableChoicesParams { uri: string }
export interface TableChoices {
  groups: { generation: Generation; title: string; tables: { table: TableId; label: string; description: string }[] }[];
}
export const TABLE_CHOICES_REQUEST = new RequestType<TableChoicesParams, TableChoices, void>('nianbao/tableChoices');

/** Client → server request: the nianbao.* settings as the server validated them, and the problems it found (it reports them to the user itself). */
export const SETTINGS_REQUEST = new RequestType0<SettingsResult, void>('nianbao/settings');

/**
 * Where this worker's scripts are, as the client says (client/src/browser.ts): VS Code starts
 * workers from a blob, so `location` does not tell, and a remote's resource URL may carry the
 * path in its query, so an importer's URL is not relative to the server's.
 */
export interface WorkerUrls {
  server: string;
  /** An importer's URL is `${importer[0]}${module}${importer[1]}`. */
  importer?: [string, string];
}
