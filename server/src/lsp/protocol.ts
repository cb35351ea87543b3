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

/** workspace/executeCommand commands the server implements (it applies edits via workspace/applyEdit). */
export const COMMANDS = {
  /** args: [uri] — recompute every total in the document. */
  recomputeAll: 'nianbao.server.recomputeAll',
  /** args: [uri, position] — rewrite the table at the position in the aligned Markdown encoding. */
  convertToMarkdown: 'nianbao.server.convertToMarkdown',
} as const;

/** The configuration section the server pulls with workspace/configuration. */
export const CONFIG_SECTION = 'nianbao';
