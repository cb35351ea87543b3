// Running the rules over a document: one context per report, severities from settings.
import type { ReportDocument } from './document';
import { localeOf, type Locale } from './i18n';
import { generationForYear, type Generation } from './templates';
import { RULES, type Finding, type Rule, type RuleContext, type Severity } from './rules';
import { tablesOf } from './rules/cells';
import { sourcesOf } from './assemble';
import { verifiedCellFixes } from './fixes/verify';
import type { Table } from './model';

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
const ids = new WeakMap<object, number>();
let nextId = 1;
const idOf = (o: object) => ids.get(o) ?? (ids.set(o, nextId), nextId++);

export function contexts(doc: ReportDocument, options: CheckOptions = {}): RuleContext[] {
  const locale = localeOf(options.locale);
  const model = doc.model;
  return model.reports.map((report, reportIndex) => ({
    doc, model, report, reportIndex, locale, peers: options.peers ?? [],
    templateSetting: options.template && options.template !== 'auto' ? options.template : undefined,
    // The override setting; else what the report year calls for; else what the tables use.
    expected: options.template && options.template !== 'auto' ? options.template : report.year ? generationForYear(report.year) : report.template,
  }));
}

/**
 * Findings per report, cached on the parsed sections behind it: an edit re-checks only
 * the report whose sections it changed (sections are reused objects when untouched).
 * Cached in document order (a stable sort of the rules' output).
 */
const cache = new WeakMap<object, { sources: readonly object[]; key: string; findings: Finding[] }>();

const before = (a: Finding, b: Finding) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

function checkReport(ctx: RuleContext, options: CheckOptions, optionsKey: string): Finding[] {
  const sources = sourcesOf(ctx.report);
  // Neither the index nor the generation can hold '|', so the key is unambiguous.
  const key = `${ctx.reportIndex}|${ctx.expected}|${optionsKey}`;
  const hit = sources.length ? cache.get(sources[0]) : undefined;
  if (hit && hit.key === key && hit.sources.length === sources.length && hit.sources.every((s, i) => s === sources[i])) return hit.findings;
  const findings = runRules(ctx, options, key).sort(before);
  if (sources.length) cache.set(sources[0], { sources, key, findings });
  return findings;
}

/** All findings for a document, in document order. A rule that throws is reported, not fatal. */
export function check(doc: ReportDocument, options: CheckOptions = {}): Finding[] {
  const all = contexts(doc, options);
  if (!all.length) return [];
  // What the cache key needs from the options, built once rather than once per report.
  const optionsKey = JSON.stringify([all[0].locale, options.severity ?? {}, all[0].peers.map(p => idOf(p.model))]);
  const out: Finding[] = [];
  // Each report's findings are sorted; reports follow one another, so the whole list is
  // too unless a report's first finding comes before the previous report's last. Then a
  // stable sort gives the same order as sorting the rules' output.
  let sorted = true;
  let last: Finding | undefined;
  for (const ctx of all) {
    const found = checkReport(ctx, options, optionsKey);
    if (!found.length) continue;
    if (last && before(last, found[0]) > 0) sorted = false;
    last = found[found.length - 1];
    for (const f of found) out.push(f);
  }
  return sorted ? out : out.sort(before);
}

/** A rule's findings with the severity the settings give it. A rule that throws is reported, not fatal. */
function run(rule: Rule, sev: Severity, ctx: RuleContext, go: () => Finding[]): Finding[] {
  let found: Finding[];
  try { found = go(); } catch (e) {
    found = [{ code: 'internal-error', severity: 'error', message: `${rule.code}: ${(e as Error).message}`, range: ctx.report.range, fixes: [] }];
  }
  // Set in place (the rule's findings are its own): a copy would compute lazy fixes now.
  if (sev !== rule.severity) for (const f of found) f.severity = sev;
  return found;
}

/**
 * Findings of the table rules per table, by rule code, cached on the table object: a table
 * is a new object whenever its lines change or move. The key holds what else they read.
 */
const tableCache = new WeakMap<Table, { key: string; byRule: Map<string, Finding[]> }>();

function tableFindings(ctx: RuleContext, t: Table, options: CheckOptions, reportKey: string): Map<string, Finding[]> {
  // Whether the table is the report's own or a pasted duplicate changes its fixes' reach.
  const key = `${reportKey}|${ctx.report.tables[t.id] === t}`;
  const hit = tableCache.get(t);
  if (hit && hit.key === key) return hit.byRule;
  const byRule = new Map<string, Finding[]>();
  for (const rule of RULES) {
    const sev = options.severity?.[rule.code] ?? rule.severity;
    if (sev === 'off' || !rule.checkTable) continue;
    const found = run(rule, sev, ctx, () => rule.checkTable!(ctx, t));
    byRule.set(rule.code, found.map(f => verifiedCellFixes(ctx, t, f)));
  }
  tableCache.set(t, { key, byRule });
  return byRule;
}

function runRules(ctx: RuleContext, options: CheckOptions, reportKey: string): Finding[] {
  const tables = tablesOf(ctx.report).map(t => tableFindings(ctx, t, options, reportKey));
  const out: Finding[] = [];
  for (const rule of RULES) {
    const sev = options.severity?.[rule.code] ?? rule.severity;
    if (sev === 'off') continue;
    if (rule.checkTable) for (const t of tables) for (const f of t.get(rule.code) ?? []) out.push(f);
    if (rule.check) for (const f of run(rule, sev, ctx, () => rule.check!(ctx))) out.push(f);
  }
  return out;
}
