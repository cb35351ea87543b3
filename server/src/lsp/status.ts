// What the client's status item and "check summary" command show, built from one check.
import { TEMPLATES, GENERATIONS, fromTemplates, isReport, type Finding, type Locale, type ReportDocument } from '../engine';
import { fmt, type Msg } from '../engine/i18n';
import type { StatusParams, SummaryResult } from './protocol';

const M = {
  noReport: { en: 'No report found in this document.', 'zh-cn': '本文档中未找到年度报告。' },
  report: { en: 'Report {n}', 'zh-cn': '第 {n} 份报告' },
  heading: { en: '{template} template · year {year}', 'zh-cn': '{template}版模板 · {year}年度' },
  unknownYear: { en: 'unknown', 'zh-cn': '未知' },
  counts: { en: '{errors}, {warnings}, {others}', 'zh-cn': '{errors}，{warnings}，{others}' },
  error: { en: '1 error', 'zh-cn': '错误 1 个' },
  errors: { en: '{n} errors', 'zh-cn': '错误 {n} 个' },
  warning: { en: '1 warning', 'zh-cn': '警告 1 个' },
  warnings: { en: '{n} warnings', 'zh-cn': '警告 {n} 个' },
  other: { en: '1 other note', 'zh-cn': '其他提示 1 个' },
  others: { en: '{n} other notes', 'zh-cn': '其他提示 {n} 个' },
  clean: { en: 'No problems found. ✓', 'zh-cn': '未发现问题。✓' },
  line: { en: 'line {line}', 'zh-cn': '第 {line} 行' },
} satisfies Record<string, Msg>;

/** A count in words: one is singular in English. */
const count = (n: number, one: Msg, many: Msg, locale: Locale) => fmt(n === 1 ? one : many, locale, { n });

/** The arithmetic (勾稽) rule codes: every code an identity of a template carries. */
const identityCodes = fromTemplates(() => new Set(GENERATIONS.flatMap(g => TEMPLATES[g].derived.identities.map(i => i.code))));

/** Reports worth talking about: those with part headings or standard tables. */
function reportsOf(doc: ReportDocument) {
  return doc.model.reports.filter(isReport);
}

/** Findings grouped by the report they fall in (reports are consecutive line ranges). */
function byReport(doc: ReportDocument, findings: Finding[]) {
  const reports = reportsOf(doc);
  const groups = reports.map(() => [] as Finding[]);
  for (const f of findings) {
    // The last report starting at or before the finding (binary search: a compilation has thousands).
    let lo = 0, hi = reports.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (reports[mid].range.start.line <= f.range.start.line) lo = mid; else hi = mid - 1;
    }
    groups[lo]?.push(f);
  }
  return reports.map((report, i) => ({ report, findings: groups[i] }));
}

export function statusOf(uri: string, doc: ReportDocument, findings: Finding[]): StatusParams {
  return {
    uri,
    reports: byReport(doc, findings).map(({ report, findings: fs }) => ({
      template: report.template,
      year: report.year ?? null,
      balanceErrors: fs.filter(f => identityCodes().has(f.code)).length,
      errors: fs.filter(f => f.severity === 'error').length,
      warnings: fs.filter(f => f.severity === 'warning').length,
    })),
  };
}

export function summaryOf(doc: ReportDocument, findings: Finding[], locale: Locale): SummaryResult {
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.code] = (counts[f.code] ?? 0) + 1;
  const groups = byReport(doc, findings);
  if (!groups.length) return { markdown: M.noReport[locale], counts };
  const out: string[] = [];
  groups.forEach(({ report, findings: fs }, i) => {
    const heading = fmt(M.heading, locale, { template: report.template, year: report.year ?? M.unknownYear[locale] });
    out.push(`### ${groups.length > 1 ? `${fmt(M.report, locale, { n: i + 1 })} · ` : ''}${heading}`, '');
    const errors = fs.filter(f => f.severity === 'error').length;
    const warnings = fs.filter(f => f.severity === 'warning').length;
    const counts = {
      errors: count(errors, M.error, M.errors, locale),
      warnings: count(warnings, M.warning, M.warnings, locale),
      others: count(fs.length - errors - warnings, M.other, M.others, locale),
    };
    out.push(fs.length ? fmt(M.counts, locale, counts) : M.clean[locale], '');
    for (const f of fs) out.push(`- **${f.code}** (${fmt(M.line, locale, { line: f.range.start.line + 1 })}): ${f.message.replace(/\n/g, ' ')}`);
    out.push('');
  });
  return { markdown: out.join('\n').trimEnd() + '\n', counts };
}
