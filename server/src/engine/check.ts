// Running the rules over a document: one context per report, severities from settings.
import type { ReportDocument } from './document';
import { localeOf, type Locale } from './i18n';
import { generationForYear, type Generation } from './templates';
import { RULES, type Rule, type RuleContext } from './rules';
import { sourcesOf } from './assemble';
import { verifiedCellFixes } from './fixes/verify';
import { once } from './lazy';
import { movedBy, rootOf } from './moved';
import { moveFinding, shapeOf, type Shape } from './move-findings';
import pre2019, { predatesTemplates } from './rules/pre-2019-format';
import { tablesOf, type DocumentModel, type Report, type Table, type Finding, type Severity } from './model';
import { byStart } from './text/range';
import { findingsByReport, findingsByTable, modelIds, type CachedFindings } from './cache';
import type { PlacedSection } from './parse/section';

/** Findings and, once they were moved, how each is moved (move-findings.ts). */
interface Moved { findings: readonly Finding[]; shapes?: readonly Shape[] }

export interface CheckOptions {
  locale?: Locale | string;
  /** Per rule code: a severity, or 'off'. */
  severity?: Record<string, Severity | 'off'>;
  /** The template generation to expect: 'auto' (the report's own) or a fixed one. */
  template?: 'auto' | Generation;
  /** Other reports at hand (open documents, the same folder): cross-year rules compare with them. */
  peers?: readonly ReportDocument[];
}

/** A stable number per peer model, so caches can tell whether the peers changed. */
let nextId = 1;
const idOf = (m: DocumentModel) => modelIds.get(m) ?? (modelIds.set(m, nextId), nextId++);

/** The generation a report should use: the override setting; else what its year calls for; else what its tables use. */
function expectedOf(report: Report, options: CheckOptions): Generation {
  return options.template && options.template !== 'auto' ? options.template : report.year ? generationForYear(report.year) : report.template;
}

function contextOf(doc: ReportDocument, model: DocumentModel, report: Report, reportIndex: number, options: CheckOptions): RuleContext {
  return {
    doc, model, report, reportIndex, locale: localeOf(options.locale), peers: options.peers ?? [],
    templateSetting: options.template && options.template !== 'auto' ? options.template : undefined,
    expected: expectedOf(report, options),
  };
}

export function contexts(doc: ReportDocument, options: CheckOptions = {}): RuleContext[] {
  const model = doc.model;
  return model.reports.map((report, reportIndex) => contextOf(doc, model, report, reportIndex, options));
}

/** Codes whose messages name line numbers: a report holding one is checked again when it moves. */
const NAMES_LINES = new Set(RULES.filter(r => r.messagesNameLines).map(r => r.code));
/** A rule's place in the registry: findings at one position come in this order. */
const RULE_INDEX = new Map(RULES.map((r, i) => [r.code, i]));

/**
 * Findings per report, cached on the parsed sections behind it: an edit re-checks only
 * the report whose sections it changed (sections are reused objects when untouched).
 * A report whose sections only moved (lines inserted or deleted above it) gets its
 * findings moved (moved.ts). Cached in document order (a stable sort of the rules' output).
 */
function checkReport(doc: ReportDocument, model: DocumentModel, report: Report, reportIndex: number, options: CheckOptions, optionsKey: string): readonly Finding[] {
  const sources = sourcesOf(report);
  const expected = expectedOf(report, options);
  const hit = sources.length ? findingsByReport.get(rootOf(sources[0])) : undefined;
  const moved = hit && hit.reportIndex === reportIndex && hit.expected === expected && hit.optionsKey === optionsKey ? movedBy(sources, hit.sources) : undefined;
  // The common case on a keystroke (every report but one): nothing allocated. The rest is
  // a function of its own, so its closures' context is not made for every report.
  return moved === 0 ? hit!.findings : recheck(doc, model, report, reportIndex, options, optionsKey, sources, expected, moved !== undefined ? hit : undefined, moved);
}

/** checkReport() for a report not found unchanged: its cached findings moved, or the rules run. */
function recheck(doc: ReportDocument, model: DocumentModel, report: Report, reportIndex: number, options: CheckOptions, optionsKey: string,
  sources: readonly PlacedSection[], expected: Generation, hit: CachedFindings | undefined, moved: number | undefined): readonly Finding[] {
  // Neither the index nor the generation can hold '|', so the table rules' key is unambiguous.
  const rerun = () => runRules(contextOf(doc, model, report, reportIndex, options), options, `${reportIndex}|${expected}|${optionsKey}`).sort(byStart);
  // A context only for a report that is checked: on a keystroke, one of them.
  const { findings, shapes } = hit && moved !== undefined
    ? moveFindings(hit.findings, hit.shapes ??= hit.findings.map(shapeOf), moved, once(rerun), () => runRules(contextOf(doc, model, report, reportIndex, options), options, '', r => NAMES_LINES.has(r.code)))
    : { findings: rerun(), shapes: undefined };
  if (sources.length) findingsByReport.set(rootOf(sources[0]), { sources, reportIndex, expected, optionsKey, findings, shapes });
  return findings;
}

/**
 * The findings of a report that moved `delta` lines, with their shapes. Those of rules
 * whose messages name line numbers are found again (`naming`: cheap rules about the
 * report's parts), the others moved; merged in the order a full check gives (by
 * position, then rule). Their fixes come from `fresh()`, a check of the report as it
 * stands now (the same findings, in the same order), when first read.
 */
function moveFindings(findings: readonly Finding[], shapes: readonly Shape[], delta: number, fresh: () => Finding[], naming: () => Finding[]): Moved {
  if (!findings.some(f => NAMES_LINES.has(f.code))) {
    const out: Finding[] = new Array(findings.length);
    for (let i = 0; i < findings.length; i++) out[i] = moveFinding(findings[i], shapes[i], delta, i, fresh);
    return { findings: out, shapes };
  }
  // A rule that threw (its finding has no rule's code) cannot be placed in the merge.
  if (findings.some(f => !RULE_INDEX.has(f.code))) return { findings: fresh() };
  const again = naming().sort(byStart);
  const out: Finding[] = [], outShapes: Shape[] = [];
  let a = 0;
  const push = (f: Finding, shape: Shape) => { out.push(f); outShapes.push(shape); };
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    if (NAMES_LINES.has(f.code)) continue;
    // `again` stands where the report is now, `f` where it was: compare with f moved.
    const movedStart = (g: Finding) => g.range.start.line - (f.range.start.line + delta) || g.range.start.character - f.range.start.character;
    while (a < again.length && (movedStart(again[a]) || RULE_INDEX.get(again[a].code)! - RULE_INDEX.get(f.code)!) < 0) push(again[a], shapeOf(again[a++]));
    push(moveFinding(f, shapes[i], delta, out.length, fresh), shapes[i]);
  }
  while (a < again.length) push(again[a], shapeOf(again[a++]));
  return { findings: out, shapes: outShapes };
}

/** All findings for a document, in document order. A rule that throws is reported, not fatal. */
export function check(doc: ReportDocument, options: CheckOptions = {}): Finding[] {
  // checkInSteps() without its yields: a keystroke's check walks every report of a compilation.
  const model = doc.model;
  if (!model.reports.length) return [];
  const optionsKey = optionsKeyOf(options);
  const perReport: (readonly Finding[])[] = new Array(model.reports.length);
  for (let i = 0; i < model.reports.length; i++) perReport[i] = checkReport(doc, model, model.reports[i], i, options, optionsKey);
  return joined(perReport);
}

/**
 * check() one report at a time: it yields after each, so a caller can answer other requests
 * while a compilation of thousands of reports is checked (a checked report is cached: a
 * check started again after an edit redoes only what changed).
 */
export function* checkInSteps(doc: ReportDocument, options: CheckOptions = {}): Generator<void, Finding[], void> {
  const model = doc.model;
  if (!model.reports.length) return [];
  const optionsKey = optionsKeyOf(options);
  const perReport: (readonly Finding[])[] = new Array(model.reports.length);
  for (let i = 0; i < model.reports.length; i++) {
    if (i) yield;
    perReport[i] = checkReport(doc, model, model.reports[i], i, options, optionsKey);
  }
  return joined(perReport);
}

/** What the cache key needs from the options, built once per check rather than once per report. */
function optionsKeyOf(options: CheckOptions): string {
  return JSON.stringify([localeOf(options.locale), options.severity ?? {}, (options.peers ?? []).map(p => idOf(p.model))]);
}

/**
 * The reports' findings as one list. Each report's findings are sorted; reports follow one
 * another, so the whole list is too unless a report's first finding comes before the
 * previous report's last. Then a stable sort gives the same order as sorting the rules'
 * output. Sized once: this runs on every keystroke, over every report of a compilation.
 */
function joined(perReport: readonly (readonly Finding[])[]): Finding[] {
  let total = 0;
  for (const found of perReport) total += found.length;
  const out: Finding[] = new Array(total);
  let n = 0, sorted = true;
  for (const found of perReport) {
    if (!found.length) continue;
    if (n && byStart(out[n - 1], found[0]) > 0) sorted = false;
    for (const f of found) out[n++] = f;
  }
  return sorted ? out : out.sort(byStart);
}

/**
 * A rule's findings, with the severity the settings give the rule when they give one: then
 * every finding has it, even one the rule reports at another severity than its default (the
 * fee note of template-generation is information). A rule that throws is reported, not fatal.
 */
function run(rule: Rule, set: Severity | undefined, ctx: RuleContext, go: () => Finding[]): Finding[] {
  let found: Finding[];
  try { found = go(); } catch (e) {
    found = [{ code: 'internal-error', severity: 'error', message: `${rule.code}: ${(e as Error).message}`, range: ctx.report.range, fixes: [] }];
  }
  return set ? found.map(f => f.severity === set ? f : withSeverity(f, set)) : found;
}

/**
 * The finding with another severity: a new object (findings are cached and shared), its
 * keys in the same order and its fixes, if lazy, still computed only when first read.
 */
function withSeverity(f: Finding, severity: Severity): Finding {
  const own = Object.getOwnPropertyDescriptors(f);
  return Object.defineProperties({}, { ...own, severity: { ...own.severity, value: severity } }) as Finding;
}

/**
 * Findings of the table rules per table, by rule code, cached on the table object: a table
 * is a new object whenever its lines change or move. The key holds what else they read.
 */

function tableFindings(ctx: RuleContext, t: Table, options: CheckOptions, reportKey: string): ReadonlyMap<string, readonly Finding[]> {
  // Whether the table is the report's own or a pasted duplicate changes its fixes' reach.
  const key = `${reportKey}|${ctx.report.tables[t.id] === t}`;
  const hit = findingsByTable.get(t);
  if (hit && hit.key === key) return hit.byRule;
  const byRule = new Map<string, Finding[]>();
  for (const rule of RULES) {
    const set = options.severity?.[rule.code];
    if (set === 'off' || !rule.checkTable) continue;
    const found = run(rule, set, ctx, () => rule.checkTable!(ctx, t));
    byRule.set(rule.code, found.map(f => verifiedCellFixes(ctx, t, f)));
  }
  findingsByTable.set(t, { key, byRule });
  return byRule;
}

/** The rules' findings for a report (only the rules `only` takes, when given: report rules, no table ones). */
function runRules(ctx: RuleContext, options: CheckOptions, reportKey: string, only?: (rule: Rule) => boolean): Finding[] {
  // A report before the templates gets its one finding and nothing else (rules/pre-2019-format.ts).
  if (predatesTemplates(ctx.report)) {
    if (only && !only(pre2019)) return [];
    const set = options.severity?.[pre2019.code];
    return set === 'off' ? [] : run(pre2019, set, ctx, () => pre2019.check!(ctx));
  }
  const tables = only ? [] : tablesOf(ctx.report).map(t => tableFindings(ctx, t, options, reportKey));
  const out: Finding[] = [];
  for (const rule of RULES) {
    const set = options.severity?.[rule.code];
    if (set === 'off' || (only && !only(rule))) continue;
    if (rule.checkTable) for (const t of tables) for (const f of t.get(rule.code) ?? []) out.push(f);
    if (rule.check) for (const f of run(rule, set, ctx, () => rule.check!(ctx))) out.push(f);
  }
  return out;
}
