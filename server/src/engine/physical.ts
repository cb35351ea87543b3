// The facade's positions. Inside the engine a web line is several logical lines
// (document.ts); what the facade hands out (findings, fixes' edits, hovers, symbols,
// folds, inlay hints, the JSON model) and takes in (a hover's position, a code action's
// range, findings coming back from the editor) is physical: positions in the text as the
// editor and the CLI have it. A document with no web line maps nothing (same objects).
import type { ReportDocument } from './document';
import type { Building, DocumentModel, Position, Range, Edit, Finding, Fix } from './model';
import { check as checkLogical, checkInSteps as checkInStepsLogical, type CheckOptions } from './check';
import { quickFixes as quickFixesLogical, fixAll as fixAllLogical, type Action } from './actions';
import { hover as hoverLogical, type HoverPeers } from './hover';
import { documentSymbols as symbolsLogical, foldingRanges as foldsLogical, type Fold, type OutlineSymbol } from './symbols';
import { inlayHints as inlayLogical, type InlayHintData, type InlayOptions } from './inlay';
import { recomputeEdits as recomputeLogical } from './fixes/recompute';
import { toJson as toJsonLogical } from './json';
import { lazyFixes } from './lazy';
import type { Identity } from './templates';
import type { Table } from './model';
import type { Locale } from './i18n';

type Way = (r: Range) => Range;

const mapEdits = (edits: readonly Edit[], way: Way): Edit[] => edits.map(e => ({ range: way(e.range), newText: e.newText }));
const mapFix = (fix: Fix, way: Way): Fix => ({ ...fix, edits: mapEdits(fix.edits, way) });

/** The finding with its ranges (and, when first read, its fixes' edits) mapped. */
function mapFinding(f: Finding, way: Way): Finding {
  const out: Building<Omit<Finding, 'fixes'>> = { code: f.code, severity: f.severity, message: f.message, range: way(f.range) };
  if (f.cells) out.cells = f.cells;
  if (f.related) out.related = f.related.map(r => ({ range: way(r.range), message: r.message }));
  return lazyFixes(out, () => f.fixes.map(x => mapFix(x, way)));
}

const toPhysical = (doc: ReportDocument): Way => r => doc.physicalRange(r);
const toLogical = (doc: ReportDocument): Way => r => doc.logicalRange(r);

/** All findings for a document, in document order, at physical positions. */
export function check(doc: ReportDocument, options: CheckOptions = {}): Finding[] {
  const found = checkLogical(doc, options);
  return doc.segmented ? found.map(f => mapFinding(f, toPhysical(doc))) : found;
}

/** check() one report at a time (see check.ts), its findings at physical positions. */
export function* checkInSteps(doc: ReportDocument, options: CheckOptions = {}): Generator<void, Finding[], void> {
  const found = yield* checkInStepsLogical(doc, options);
  return doc.segmented ? found.map(f => mapFinding(f, toPhysical(doc))) : found;
}

/** Runs an action builder on logical findings; the actions come back physical, naming the findings given. */
function withLogical(doc: ReportDocument, findings: Finding[], build: (logical: Finding[]) => Action[]): Action[] {
  const back = new Map<Finding, Finding>();
  const logical = findings.map(f => { const l = mapFinding(f, toLogical(doc)); back.set(l, f); return l; });
  return build(logical).map(a => ({ ...a, edits: mapEdits(a.edits, toPhysical(doc)), findings: a.findings.map(f => back.get(f) ?? f) }));
}

/** Quick fixes for the findings at `range` (physical). */
export function quickFixes(doc: ReportDocument, findings: Finding[], range: Range, localeTag?: string): Action[] {
  if (!doc.segmented) return quickFixesLogical(doc, findings, range, localeTag);
  return withLogical(doc, findings, logical => quickFixesLogical(doc, logical, doc.logicalRange(range), localeTag));
}

/** Fix-all: every preferred fix that does not overlap another, plus recomputed totals. */
export function fixAll(doc: ReportDocument, findings: Finding[], localeTag?: string): Action {
  if (!doc.segmented) return fixAllLogical(doc, findings, localeTag);
  return withLogical(doc, findings, logical => [fixAllLogical(doc, logical, localeTag)])[0];
}

export function recomputeEdits(doc: ReportDocument, filter: (report: number, table: Table, i: Identity) => boolean): Edit[] {
  const edits = recomputeLogical(doc, filter);
  return doc.segmented ? mapEdits(edits, toPhysical(doc)) : edits;
}

export function hover(doc: ReportDocument, position: Position, locale: Locale, peers: HoverPeers = {}): string | undefined {
  return hoverLogical(doc, doc.logicalPosition(position), locale, peers);
}

export function documentSymbols(doc: ReportDocument, locale: Locale): OutlineSymbol[] {
  const symbols = symbolsLogical(doc, locale);
  if (!doc.segmented) return symbols;
  const map = (s: OutlineSymbol): OutlineSymbol => ({ ...s, range: doc.physicalRange(s.range), selectionRange: doc.physicalRange(s.selectionRange), children: s.children.map(map) });
  return symbols.map(map);
}

/** Folds over physical lines: those that fall within one line (a web report) are dropped. */
export function foldingRanges(doc: ReportDocument): Fold[] {
  const folds = foldsLogical(doc);
  if (!doc.segmented) return folds;
  const line = (l: number) => doc.physicalPosition({ line: l, character: 0 }).line;
  return folds.map(f => ({ ...f, startLine: line(f.startLine), endLine: line(f.endLine) })).filter(f => f.endLine > f.startLine);
}

export function inlayHints(doc: ReportDocument, range?: Range, options: InlayOptions = {}): InlayHintData[] {
  if (!doc.segmented) return inlayLogical(doc, range, options);
  return inlayLogical(doc, range && doc.logicalRange(range), options).map(h => ({ ...h, position: doc.physicalPosition(h.position) }));
}

/** Every range-shaped object in a JSON value mapped to physical positions. */
function mapRanges(value: unknown, doc: ReportDocument): unknown {
  if (Array.isArray(value)) return value.map(v => mapRanges(v, doc));
  if (!value || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  if (isPosition(o.start) && isPosition(o.end) && Object.keys(o).length === 2) return doc.physicalRange(o as unknown as Range);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) out[k] = mapRanges(o[k], doc);
  return out;
}
const isPosition = (p: unknown): p is Position => !!p && typeof (p as Position).line === 'number' && typeof (p as Position).character === 'number';

/** The model as JSON (`nianbao parse`); with the document, at physical positions. */
export function toJson(model: DocumentModel, doc?: ReportDocument) {
  const json = toJsonLogical(model);
  return doc?.segmented ? (mapRanges(json, doc) as typeof json) : json;
}
