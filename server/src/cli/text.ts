// The text format of `nianbao check`: one line per finding (`path:line:col  severity  code
// message`, 1-based, the form editors and problem matchers link), a summary line per file
// and a total line.
import { fmt, visible, type Locale, type Msg } from '../engine/i18n';
import type { Finding } from '../engine';
import { isFailed, severityWord, type CheckedFile, type FileResult } from './results';

const M = {
  ok: { en: 'no problems', 'zh-cn': '未发现问题' },
  error: { en: '{n} error{s}', 'zh-cn': '{n} 个错误' },
  warning: { en: '{n} warning{s}', 'zh-cn': '{n} 个警告' },
  note: { en: '{n} note{s}', 'zh-cn': '{n} 个提示' },
  template: { en: 'template {generation}', 'zh-cn': '{generation} 版模板' },
  reports: { en: '{n} reports', 'zh-cn': '{n} 份报告' },
  fixable: { en: '{n} fixable with --fix', 'zh-cn': '{n} 个可用 --fix 修复' },
  fixed: { en: 'fixed with {n} edit{s}', 'zh-cn': '已修复（{n} 处修改）' },
  files: { en: '{n} file{s}', 'zh-cn': '{n} 个文件' },
  total: { en: '{files}, {errors}, {warnings}, {notes}', 'zh-cn': '{files}，{errors}，{warnings}，{notes}' },
  withProblems: { en: '{n} with problems', 'zh-cn': '{n} 个有问题' },
  filesFixed: { en: '{n} fixed', 'zh-cn': '{n} 个已修复' },
  notChecked: { en: '{n} not checked', 'zh-cn': '{n} 个未能检查' },
  skipped: { en: '{n} skipped as not reports', 'zh-cn': '{n} 个不是年报，已跳过' },
  morePlaces: { en: '… and {n} more place{s} (--format json lists all)', 'zh-cn': '……另有 {n} 处（--format json 列出全部）' },
  more: { en: '… and {n} more {code} finding{s} like these, to line {last} (--format json lists all)', 'zh-cn': '……另有 {n} 个同类 {code} 问题，至第 {last} 行（--format json 列出全部）' },
  sep: { en: ', ', 'zh-cn': '，' },
  imported: { en: 'imported from {from}', 'zh-cn': '由 {from} 导入' },
  notRewritten: { en: 'imported from {from}: --fix does not rewrite it (nianbao import writes its text)', 'zh-cn': '由 {from} 导入：--fix 不改写此文件（可用 nianbao import 导出文本）' },
  source: { en: ' ({where})', 'zh-cn': '（{where}）' },
  parens: { en: ' ({list})', 'zh-cn': '（{list}）' },
} satisfies Record<string, Msg>;

/** A path or message on one line of output: line ends and tabs as \n \r \t, invisible and control characters as \u escapes. */
export const oneLine = (s: string) => visible(s.replace(/[\n\r\t]/g, c => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t')));

/** A message on one output line: its line ends joined, invisible characters escaped. */
const flat = (message: string) => visible(message.replace(/\s*[\r\n]+\s*/g, ' '));

const count = (msg: Msg, n: number, locale: Locale) => fmt(msg, locale, { n, s: n === 1 ? '' : 's' });

type Word = 'error' | 'warning' | 'note';
const tally = (findings: Finding[]) => {
  const t: Record<Word, number> = { error: 0, warning: 0, note: 0 };
  for (const f of findings) t[severityWord(f)]++;
  return t;
};

/** More findings of one code in one file than this are shown as their first few and a count. */
const RUN_LIMIT = 8;
const RUN_SHOWN = 5;
/** A finding's related places (the addends of a sum that fails, the first of two headings) shown under it. */
const RELATED_SHOWN = 3;

/**
 * One file's lines: its findings, aligned, then its summary line. A code with many findings
 * in one file (a whole table left blank) shows its first few and one line for the rest, so
 * a batch stays readable; JSON and SARIF list them all.
 */
export function fileText(r: CheckedFile, locale: Locale): string {
  // Each finding's place among its code's: one pass (a copy or a search per finding is
  // quadratic on a file with tens of thousands of findings).
  const perCode = new Map<string, Finding[]>();
  const nth = new Array<number>(r.findings.length);
  r.findings.forEach((f, i) => {
    let same = perCode.get(f.code);
    if (!same) perCode.set(f.code, (same = []));
    nth[i] = same.length;
    same.push(f);
  });
  const file = oneLine(r.path);
  const loc = (f: Finding) => `${file}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
  const shown: { f: Finding; nth: number }[] = [];
  r.findings.forEach((f, i) => { if (perCode.get(f.code)!.length <= RUN_LIMIT || nth[i] < RUN_SHOWN) shown.push({ f, nth: nth[i] }); });
  let locWidth = 0, codeWidth = 0;
  for (const { f } of shown) { locWidth = Math.max(locWidth, loc(f).length); codeWidth = Math.max(codeWidth, f.code.length); }
  const where = new Map(r.imported ? r.findings.map((f, i) => [f, r.imported!.sources[i]] as const) : []);
  const line = (f: Finding, message: string) =>
    `${loc(f).padEnd(locWidth)}  ${severityWord(f).padEnd(7)}  ${f.code.padEnd(codeWidth)}  ${message}` +
    (where.get(f) ? fmt(M.source, locale, { where: where.get(f)! }) : '');
  // Related places go under their finding, indented, each `path:line:col  message` so a
  // terminal links it; an imported file's lines are the imported text's, so they name none.
  const related = (f: Finding) => {
    const places = f.related ?? [];
    const out = places.slice(0, RELATED_SHOWN).map(p =>
      `    ${r.imported ? '' : `${file}:${p.range.start.line + 1}:${p.range.start.character + 1}  `}${flat(p.message)}`);
    const rest = places.length - RELATED_SHOWN;
    if (rest > 0) out.push(`    ${count(M.morePlaces, rest, locale)}`);
    return out;
  };
  const lines: string[] = [];
  for (const { f, nth: k } of shown) {
    lines.push(line(f, flat(f.message)), ...related(f));
    const same = perCode.get(f.code)!;
    if (same.length > RUN_LIMIT && k === RUN_SHOWN - 1) {
      const rest = same.length - RUN_SHOWN;
      const last = same[same.length - 1].range.start.line + 1;
      lines.push(line(same[RUN_SHOWN], fmt(M.more, locale, { n: rest, s: rest === 1 ? '' : 's', code: f.code, last })));
    }
  }
  const notes = (r.imported?.notes ?? []).map(n => `  ${oneLine(n)}`);
  return [...lines, `${file}  ${summary(r, locale)}`, ...notes].join('\n') + '\n';
}

function summary(r: CheckedFile, locale: Locale): string {
  const t = tally(r.findings);
  const parts: string[] = [];
  if (r.fixed) parts.push(count(M.fixed, r.fixed, locale));
  if (r.imported) parts.push(fmt(r.fixed === 0 ? M.notRewritten : M.imported, locale, { from: r.imported.from.toUpperCase() }));
  const counts = (['error', 'warning', 'note'] as const).filter(w => t[w]).map(w => count(M[w], t[w], locale));
  parts.push(counts.length ? counts.join(fmt(M.sep, locale)) : fmt(M.ok, locale));
  const fixable = r.findings.filter(f => f.fixes.some(x => x.preferred)).length;
  if (fixable && !r.imported) parts.push(count(M.fixable, fixable, locale));
  parts.push(fmt(M.template, locale, { generation: r.template }));
  if (r.reports > 1) parts.push(count(M.reports, r.reports, locale));
  return parts.join(' · ');
}

/** `N files, N errors, N warnings, N notes`, then how many files had problems, were fixed or failed. */
export function totalText(results: FileResult[], locale: Locale): string {
  const checked = results.filter((r): r is CheckedFile => !isFailed(r));
  const t = tally(checked.flatMap(r => r.findings));
  let line = fmt(M.total, locale, {
    files: count(M.files, checked.length, locale), errors: count(M.error, t.error, locale),
    warnings: count(M.warning, t.warning, locale), notes: count(M.note, t.note, locale),
  });
  const failed = results.filter(isFailed);
  const extra = [
    [M.withProblems, checked.filter(r => r.findings.length).length],
    [M.filesFixed, checked.filter(r => r.fixed).length],
    [M.notChecked, failed.filter(r => !r.skipped).length],
    [M.skipped, failed.filter(r => r.skipped).length],
  ] as const;
  const said = extra.filter(([, n]) => n > 0).map(([m, n]) => count(m, n, locale));
  if (said.length) line += fmt(M.parens, locale, { list: said.join(fmt(M.sep, locale)) });
  return line;
}
