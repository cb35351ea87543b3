// Roll-up (汇总): a city office sums its departments' tables into its own report. Pure:
// parsed documents in, a new document's text and notes out. Every label comes from the
// templates; the tables are written in the aligned Markdown encoding.
import { check } from './check';
import { tableName } from './describe';
import type { ReportDocument } from './document';
import { fmt, type Locale, type Msg } from './i18n';
import { evaluate, identitiesOf, valuesOf } from './identities';
import type { Report } from './model';
import { encode } from './render/encode';
import { layoutOf } from './render/layout';
import { isExact, roundSum } from './text/number';
import { TABLE_IDS, TEMPLATES, rowsOf, tableDecl, type Generation, type TableId } from './templates';

export interface RollupInput { path: string; doc: ReportDocument }

export interface RollupNote {
  path: string;
  /** Why this input's numbers are doubtful: its errors, tables missing, identities failing. */
  problems: string[];
}

export type RollupResult =
  | { ok: true; generation: Generation; text: string; notes: RollupNote[] }
  | { ok: false; reason: string };

const M = {
  none: { en: 'No reports to roll up.', 'zh-cn': '没有可汇总的报告。' },
  noReport: { en: '{path} holds no report.', 'zh-cn': '{path} 中没有报告。' },
  mixed: {
    en: 'The reports use different template generations and cannot be summed: {groups}. Roll up reports of one generation (2019: reports on 2019–2020; 2021: reports on 2021 and later).',
    'zh-cn': '所选报告使用的模板版本不同，无法汇总：{groups}。请只汇总同一版本的报告（2019 版：2019—2020 年度；2021 版：2021 年度及以后）。',
  },
  group: { en: '{gen}: {paths}', 'zh-cn': '{gen} 版：{paths}' },
  title: { en: '政府信息公开工作年度报告（汇总）', 'zh-cn': '政府信息公开工作年度报告（汇总）' },
  sources: { en: 'Summed from: {paths}.', 'zh-cn': '汇总自：{paths}。' },
  missingTable: { en: '{table} is missing: counted as 0.', 'zh-cn': '缺少{table}：按 0 计。' },
  blanks: { en: '{table}: {count} blank or non-numeric cell(s) counted as 0.', 'zh-cn': '{table}：{count} 个空白或非数字单元格按 0 计。' },
  identity: { en: '{table}: {count} identity(ies) do not hold, so the sum will not either.', 'zh-cn': '{table}：{count} 处勾稽关系不成立，汇总结果也不会成立。' },
  noUnit: { en: '{table}: an amount written without a unit ({text}) was taken as 元.', 'zh-cn': '{table}：未注明单位的金额（{text}）按元计。' },
  error: { en: 'line {line}: {message}', 'zh-cn': '第 {line} 行：{message}' },
  tooLarge: {
    en: 'The sum of {table} × {cell} is too large to be counted exactly (above 9007199254740991); nothing was summed.',
    'zh-cn': '{table}「{cell}」的合计过大，无法精确计算（超过 9007199254740991），未进行汇总。',
  },
} satisfies Record<string, Msg>;

/** Money in 元: 2019's 采购总金额 names no unit, reports write 元 or 万元. */
const TO_YUAN: Record<string, number> = { 元: 1, 万元: 10000 };

/** The generation of a report: its tables' (what is summed), else the year's. */
const generationOf = (r: Report): Generation => r.template;

export function rollup(models: readonly RollupInput[], locale: Locale): RollupResult {
  if (!models.length) return { ok: false, reason: fmt(M.none, locale) };
  const inputs: { path: string; doc: ReportDocument; report: Report }[] = [];
  for (const m of models) {
    const report = m.doc.model.reports[0];
    if (!report) return { ok: false, reason: fmt(M.noReport, locale, { path: m.path }) };
    inputs.push({ ...m, report });
  }
  const gens = [...new Set(inputs.map(i => generationOf(i.report)))];
  if (gens.length > 1) {
    const groups = gens.map(gen => fmt(M.group, locale, { gen, paths: inputs.filter(i => generationOf(i.report) === gen).map(i => i.path).join(', ') }));
    return { ok: false, reason: fmt(M.mixed, locale, { groups: groups.join('; ') }) };
  }
  const gen = gens[0];

  const sums = new Map<string, number>();
  const notes: RollupNote[] = inputs.map(i => ({ path: i.path, problems: problemsOf(i.doc, i.report, gen, locale) }));
  for (const { report } of inputs) {
    for (const id of TABLE_IDS) {
      const t = report.tables[id];
      if (!t) continue;
      for (const [rowId, info] of rowsOf(tableDecl(gen, id))) {
        for (const col of info.columns) {
          const cell = t.rows[rowId]?.cells[col.id];
          if (!cell || cell.value === null) continue;
          const factor = info.columns.find(c => c.id === col.id)?.unitAmbiguous && cell.unit ? TO_YUAN[cell.unit] ?? 1 : 1;
          const key = `${id}|${rowId}|${col.id}`;
          const sum = round((sums.get(key) ?? 0) + cell.value * factor);
          // Past 2^53 a double rounds silently: a rolled-up report must not carry a rounded count.
          if (!isExact(sum)) return { ok: false, reason: fmt(M.tooLarge, locale, { table: tableName(id, locale), cell: `${rowId} × ${col.id}` }) };
          sums.set(key, sum);
        }
      }
    }
  }

  const text = renderRollup(gen, sums, inputs.map(i => i.path), locale);
  return { ok: true, generation: gen, text, notes };
}

const round = roundSum;

function renderRollup(gen: Generation, sums: Map<string, number>, paths: string[], locale: Locale): string {
  const t = TEMPLATES[gen];
  const part = (n: number) => { const p = t.parts.find(x => x.number === n)!; return `${p.numeral}、${p.heading}`; };
  const tableOfPart: Partial<Record<number, TableId>> = { 2: 'proactive', 3: 'applications', 4: 'review_litigation' };
  const out = [fmt(M.title, locale), '', fmt(M.sources, locale, { paths: paths.join(', ') }), ''];
  for (let n = 1; n <= 6; n++) {
    out.push(part(n), '');
    const id = tableOfPart[n];
    if (!id) continue;
    const decl = tableDecl(gen, id);
    const value = (row: string, column: string) => {
      const v = sums.get(`${id}|${row}|${column}`) ?? 0;
      const ambiguous = rowsOf(decl).get(row)?.columns.find(c => c.id === column)?.unitAmbiguous;
      return ambiguous ? `${v}元` : String(v);
    };
    out.push(encode(layoutOf(gen, id), 'markdown', value), '');
  }
  return out.join('\n');
}

/** What makes an input's numbers doubtful: errors the checks report, missing tables, blanks. */
function problemsOf(doc: ReportDocument, report: Report, gen: Generation, locale: Locale): string[] {
  const problems: string[] = [];
  for (const id of TABLE_IDS) {
    const t = report.tables[id];
    if (!t) { problems.push(fmt(M.missingTable, locale, { table: tableName(id, locale) })); continue; }
    let blanks = 0;
    for (const [rowId, info] of rowsOf(tableDecl(gen, id))) {
      for (const col of info.columns) {
        const cell = t.rows[rowId]?.cells[col.id];
        if (typeof cell?.value !== 'number') blanks++;
        else if (col.unitAmbiguous && !cell.unit && cell.value !== 0) problems.push(fmt(M.noUnit, locale, { table: tableName(id, locale), text: cell.text }));
      }
    }
    if (blanks) problems.push(fmt(M.blanks, locale, { table: tableName(id, locale), count: blanks }));
    const v = valuesOf(t);
    const failing = identitiesOf(t).filter(i => evaluate(i, v)?.holds === false).length;
    if (failing) problems.push(fmt(M.identity, locale, { table: tableName(id, locale), count: failing }));
  }
  for (const f of check(doc, { locale }).filter(f => f.severity === 'error')) {
    problems.push(fmt(M.error, locale, { line: f.range.start.line + 1, message: f.message }));
  }
  return problems;
}
