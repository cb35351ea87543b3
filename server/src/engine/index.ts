// The engine's facade: what the language server, the CLI and tests call.
export { ReportDocument, type TextChange } from './document';
export type * from './model';
export { TEMPLATES, GENERATIONS, TABLE_IDS, tableDecl, rowsOf, generationForYear, type Generation, type TableId, type Identity, type CellRef } from './templates';
export { toJson } from './json';
