// What the client and the server say to each other beyond standard LSP.
// Both sides import this file, so names cannot drift.

/** Server → client notification after each check of a document. */
export const STATUS_NOTIFICATION = 'nianbao/status';
export interface StatusParams {
  uri: string;
  /** Per report in the document (usually one). */
  reports: { template: '2019' | '2021'; year: number | null; balanceErrors: number; errors: number; warnings: number }[];
}

/** Client → server request: a summary of the findings of a document, for the "check summary" command. */
export const SUMMARY_REQUEST = 'nianbao/summary';
export interface SummaryParams { uri: string }
export interface SummaryResult {
  /** Markdown, in the UI language. */
  markdown: string;
  counts: Record<string, number>;
}

/** Client → server request: a standard table rendered for insertion (VS Code snippet syntax). */
export const RENDER_TABLE_REQUEST = 'nianbao/renderTable';
export interface RenderTableParams { uri: string; generation: '2019' | '2021' | 'auto'; table: 'proactive' | 'applications' | 'review_litigation' }
export interface RenderTableResult { snippet: string }

/** Client → server request: roll up (汇总) several reports of one generation into a new report. */
export const ROLLUP_REQUEST = 'nianbao/rollup';
/** The reports' texts travel with the request: the server may run where files cannot be read (the web). */
export interface RollupParams { reports: { path: string; text: string }[] }
/** ok: the new report's text and notes on doubtful inputs; otherwise the reason it was refused. */
export interface RollupResponse {
  ok: boolean;
  generation?: '2019' | '2021';
  text?: string;
  notes?: { path: string; problems: string[] }[];
  reason?: string;
}

/**
 * Client → server request: import a file (PDF …) as report text. The bytes travel with the
 * request (base64): the server may run where files cannot be read (the web), and the
 * importers run in the server, never in the client.
 */
export const IMPORT_REQUEST = 'nianbao/import';
export interface ImportParams { fileName: string; base64: string }
/** ok: the report text, how the file was read and the notes (in the UI language); otherwise why it could not be. */
export interface ImportResponse { ok: boolean; text?: string; encoding?: string; notes?: string[]; reason?: string }

/** Node server only: the reports at `paths` (files or folders) exported to `out` (`nianbao export`). */
export const EXPORT_REQUEST = 'nianbao/export';
export interface ExportParams { paths: string[]; out: string; format: 'xlsx' | 'csv'; /** The findings' language (VS Code's). */ locale?: string }
/** ok: how many reports and findings were written; files that could not be read are named in `errors`. */
export interface ExportResponse { ok: boolean; reports?: number; findings?: number; errors?: string[]; reason?: string }

/** workspace/executeCommand commands the server implements (it applies edits via workspace/applyEdit). */
export const COMMANDS = {
  /** args: [uri] — recompute every total in the document. */
  recomputeAll: 'nianbao.server.recomputeAll',
  /** args: [uri, position] — rewrite the table at the position in the aligned Markdown encoding. */
  convertToMarkdown: 'nianbao.server.convertToMarkdown',
} as const;

/** The configuration section the server pulls with workspace/configuration. */
export const CONFIG_SECTION = 'nianbao';
