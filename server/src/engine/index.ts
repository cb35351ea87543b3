// The engine's facade: what the language server, the CLI and tests call.
export { ReportDocument, type TextChange } from './document';
export type * from './model';
export { TEMPLATES, GENERATIONS, TABLE_IDS, tableDecl, rowsOf, generationForYear, type Generation, type TableId, type Identity, type CellRef } from './templates';
export { toJson } from './json';
export { check, checkInSteps, contexts, type CheckOptions } from './check';
export { quickFixes, fixAll, type Action } from './actions';
export { RULES, type Rule, type Finding, type Fix, type Edit, type Severity, type RuleContext } from './rules';
export { applyEdits } from './fixes/apply';
export { localeOf, type Locale } from './i18n';
export { hover, type HoverPeers } from './hover';
export { PeerFiles, wantedKeys, type PeerFile } from './peers';
export { documentSymbols, foldingRanges, type OutlineSymbol, type Fold } from './symbols';
export { inlayHints, type InlayHintData, type InlayOptions } from './inlay';
export { recomputeEdits } from './fixes/recompute';
