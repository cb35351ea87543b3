// The engine's facade: what the language server, the CLI and tests call.
export { ReportDocument, type TextChange } from './document';
export type * from './model';
export { tablesOf, isReport } from './model';
export { TEMPLATES, GENERATIONS, TABLE_IDS, tableDecl, rowsOf, generationForYear, currentGeneration, isGeneration, registerTemplate, fromTemplates, type Generation, type TableId, type Identity, type CellRef } from './templates';
// What takes or gives positions comes from physical.ts: web text is read as logical lines
// inside the engine, and every position out here is one in the text as written.
export { toJson, check, checkInSteps, quickFixes, fixAll, hover, documentSymbols, foldingRanges, inlayHints, recomputeEdits } from './physical';
export { contexts, type CheckOptions } from './check';
export { fixAllTitle, type Action } from './actions';
export { RULES, type Rule, type RuleContext } from './rules';
export { applyEdits } from './edits/apply';
export { localeOf, type Locale } from './i18n';
export { type HoverPeers } from './hover';
export { PeerFiles, wantedKeys, type PeerFile } from './peers';
export { type OutlineSymbol, type Fold } from './symbols';
export { type InlayHintData, type InlayOptions } from './inlay';
export { formatEdits, formatText, type FormatOptions, type TableStyle } from './format';
