// template-generation: a table laid out on the wrong template generation for the report
// (the year's, or the one the `nianbao.template` setting fixes), or a report whose tables
// mix the generations (corpus 02: 2021 table 二 with the 2019 single （六） row in table 三).
import { rowLabel, columnLabel, tableName } from '../describe';
import { fmt, list, type Locale, type Msg } from '../i18n';
import { tablesOf, type Range, type Table, type Finding } from '../model';
import { TEMPLATES, generationForYear, rowsOf, tableDecl, type Generation } from '../templates';
import type { Rule, RuleContext } from './types';

const M = {
  follows: {
    en: '{table} follows the {gen} template ({by}; {marks}).',
    'zh-cn': '{table}采用的是 {gen} 版模板（{by}；{marks}）。',
  },
  year: {
    en: ' A report on {year} should use the {expected} template ({expectedBy}), prescribed for {years}.',
    'zh-cn': '{year} 年度报告应采用 {expected} 版模板（{expectedBy}），该版适用于{years}。',
  },
  setting: {
    en: ' The nianbao.template setting asks for the {expected} template ({expectedBy}).',
    'zh-cn': '设置 nianbao.template 要求采用 {expected} 版模板（{expectedBy}）。',
  },
  mixed: {
    en: ' The report mixes generations: the {otherGen} template is used by {others}.',
    'zh-cn': '同一报告混用了两版模板：{others}采用的是 {otherGen} 版模板。',
  },
  related: { en: '{table} follows the {gen} template', 'zh-cn': '{table}采用 {gen} 版模板' },
  mark: { en: 'its 「{label}」', 'zh-cn': '含「{label}」' },
  yearsFrom: { en: 'reports on {from} and later', 'zh-cn': '{from} 年度及以后的报告' },
  yearsSpan: { en: 'reports on {from}–{to}', 'zh-cn': '{from}—{to} 年度报告' },
  noFee: {
    en: 'Part 六 does not mention {words}: {years} ({by}) report the information processing fees collected, even when none were (全年收取信息处理费 0 元).',
    'zh-cn': '第六部分未提及{words}：{years}（{by}）应报告信息处理费收取情况，未收取的也应说明（如“全年收取信息处理费 0 元”）。',
  },
} satisfies Record<string, Msg>;

const doc: Msg = {
  en: 'Reports on 2019 and 2020 use the tables of 国办公开办函〔2019〕60号; reports on 2021 and later use those of 国办公开办函〔2021〕30号, which changed table 二 (本年制发件数 · 本年废止件数 · 现行有效件数, fees in 万元) and split table 三\'s （六）其他处理 into three rows. A table of the wrong generation for the report year, or a report mixing the two (a 2021 table 二 with the 2019 single （六） row), cannot be compared or compiled with other reports of its year. The expected generation is the report year\'s, unless the nianbao.template setting fixes one. A 2021+ report whose part 六 says nothing of 信息处理费 gets an information note: the 2021 template asks for the fees collected.',
  'zh-cn': '2019、2020 年度报告使用国办公开办函〔2019〕60号规定的表格；2021 年度及以后的报告使用国办公开办函〔2021〕30号规定的表格，后者修改了表二（本年制发件数、本年废止件数、现行有效件数，收费金额以万元计），并把表三“（六）其他处理”拆分为三行。表格所用模板与报告年度不符，或同一报告混用两版（如 2021 版表二配 2019 版只有一行的（六）），都无法与同年度其他报告比较和汇总。应采用的模板按报告年度确定，除非设置 nianbao.template 指定了模板。2021 年度及以后的报告第六部分未提及信息处理费的，给出提示：2021 版模板要求报告信息处理费收取情况。',
};

/** Information, not a warning: the template asks for it, but no number is wrong without it. */
const FEE_SEVERITY = 'information';

const short = (s: string) => (s.length > 14 ? `${s.slice(0, 13)}…` : s);

/**
 * What marks a table as its generation rather than `other`, in labels: written rows only its
 * generation has (2019's （六）其他处理), else, when its labels name its generation more than
 * `other`, columns only it has. Undefined when nothing does (table 四 is the same in both).
 */
function marks(t: Table, other: Generation): string[] | undefined {
  if (t.generation === other) return undefined;
  const theirs = rowsOf(tableDecl(other, t.id));
  const written = Object.values(t.rows).filter(r => Object.values(r.cells).some(c => c.kind !== 'blank'));
  const ownRows = written.filter(r => !theirs.has(r.id)).map(r => rowLabel(t.generation, t.id, r.id));
  if (ownRows.length) return ownRows;
  if (t.generationEvidence[t.generation] <= (t.generationEvidence[other] ?? 0)) return undefined;
  const labels = new Set<string>();
  for (const r of written) {
    for (const c of Object.keys(r.cells)) {
      if (!theirs.get(r.id)?.columns.some(x => x.id === c)) labels.add(columnLabel(t.generation, t.id, r.id, c));
    }
  }
  // Else rows both have that `other` labels differently (a renamed row).
  if (!labels.size) for (const r of written) if (theirs.has(r.id) && theirs.get(r.id)!.row.label !== rowLabel(t.generation, t.id, r.id)) labels.add(rowLabel(t.generation, t.id, r.id));
  return [...labels];
}

/** The generation the report should use, and why. */
function expectation(ctx: RuleContext): { gen: Generation; why: 'setting' | 'year' | 'tables' } {
  if (ctx.templateSetting) return { gen: ctx.templateSetting, why: 'setting' };
  if (ctx.report.year !== undefined) return { gen: generationForYear(ctx.report.year), why: 'year' };
  return { gen: ctx.report.template, why: 'tables' };
}

function yearsOf(gen: Generation, locale: Locale): string {
  const { from, to } = TEMPLATES[gen].years;
  return to === undefined ? fmt(M.yearsFrom, locale, { from }) : fmt(M.yearsSpan, locale, { from, to });
}

/** The table's first line: where its header stands. */
function headLine(ctx: RuleContext, t: Table): Range {
  const { line, character } = t.range.start;
  return { start: { line, character }, end: { line, character: Math.max(character, ctx.doc.line(line).length) } };
}

const rule: Rule = {
  code: 'template-generation',
  severity: 'warning',
  doc,
  check(ctx) {
    const { locale } = ctx;
    const expected = expectation(ctx);
    const all = tablesOf(ctx.report);
    // A table of the expected generation is marked as such against the generation of the others.
    const against = (t: Table) => t.generation !== expected.gen ? expected.gen : all.find(x => x.generation !== t.generation)?.generation ?? t.generation;
    const tables = all
      .map(t => ({ t, marks: marks(t, against(t)) }))
      .filter((x): x is { t: Table; marks: string[] } => x.marks !== undefined);
    const out: Finding[] = [];
    for (const { t, marks: m } of tables) {
      if (t.generation === expected.gen) continue;
      const gen = t.generation;
      let message = fmt(M.follows, locale, {
        table: tableName(t.id, locale), gen, by: TEMPLATES[gen].prescribedBy,
        marks: list(m.slice(0, 3).map(label => fmt(M.mark, locale, { label: short(label) })), locale),
      });
      const want = { expected: expected.gen, expectedBy: TEMPLATES[expected.gen].prescribedBy };
      if (expected.why === 'year') message += fmt(M.year, locale, { ...want, year: ctx.report.year!, years: yearsOf(expected.gen, locale) });
      if (expected.why === 'setting') message += fmt(M.setting, locale, want);
      const others = tables.filter(x => x.t.generation !== gen);
      if (others.length) {
        message += fmt(M.mixed, locale, {
          others: list([...new Set(others.map(x => tableName(x.t.id, locale)))], locale), otherGen: others[0].t.generation,
        });
      }
      out.push({
        code: rule.code, severity: rule.severity, message, range: headLine(ctx, t), fixes: [],
        related: others.map(x => ({ range: headLine(ctx, x.t), message: fmt(M.related, locale, { table: tableName(x.t.id, locale), gen: x.t.generation }) })),
      });
    }
    out.push(...feeNote(ctx));
    return out;
  },
};

/**
 * A report whose generation (the expected one, or its year's) asks part 六 to mention
 * something (2021: 信息处理费) and whose part 六 does not (seed 003: only 无其他需要说明的事项).
 */
function feeNote(ctx: RuleContext): Finding[] {
  const { report } = ctx;
  const gen = [ctx.expected, ...(report.year !== undefined ? [generationForYear(report.year)] : [])].find(g => TEMPLATES[g].part6Mentions.length);
  const part = report.parts.find(p => p.number === 6);
  if (!gen || !part) return [];
  const words = TEMPLATES[gen].part6Mentions;
  const body = ctx.doc.getTextIn({ start: part.range.start, end: { line: part.bodyRange.end.line, character: ctx.doc.line(part.bodyRange.end.line).length } });
  const compact = body.replace(/[\s\u3000]/g, '');
  if (words.some(w => compact.includes(w))) return [];
  const message = fmt(M.noFee, ctx.locale, { words: list(words, ctx.locale), years: yearsOf(gen, ctx.locale), by: TEMPLATES[gen].prescribedBy });
  return [{ code: rule.code, severity: FEE_SEVERITY, message, range: part.range, fixes: [] }];
}

export default rule;
