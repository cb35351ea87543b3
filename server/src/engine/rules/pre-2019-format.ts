// pre-2019-format: a report on a year before 2019 follows the older format (概述 …
// 统计表, no 第二十条 tables), not one of the two templates. It gets this one finding and is
// not checked against a template: missing parts and tables would only be noise.
import { fmt, type Msg } from '../i18n';
import type { Report } from '../model';
import type { Rule } from './types';

/** The first year the templates cover: 国办公开办函〔2019〕60号 prescribes reports on 2019 on. */
const FIRST_TEMPLATE_YEAR = 2019;

/** Whether the report is on a year before the templates (then only this rule runs on it, see check.ts). */
export const predatesTemplates = (report: Report): boolean => report.year !== undefined && report.year < FIRST_TEMPLATE_YEAR;

const M = {
  older: {
    en: 'This is a report on {year}, before the 2019 template (国办公开办函〔2019〕60号) prescribed the six parts and three tables: its older format (概述 … 统计表) is neither the 2019 nor the 2021 template, so its parts, tables and totals are not checked against a template.',
    'zh-cn': '本报告是 {year} 年度的报告，早于 2019 年模板（国办公开办函〔2019〕60号）规定六个部分和三张统计表：其旧格式（概述……统计表）既非 2019 年模板也非 2021 年模板，因此不按模板检查其部分、表格和合计。',
  },
} satisfies Record<string, Msg>;

const doc: Msg = {
  en: 'The report is on a year before 2019 (by its title, statistics period or signature). Such reports follow the format of the years before the 2019 template (概述, then parts on proactive disclosure, applications, reviews, problems, and a 统计表 of 指标名称 · 计量单位 · 数量), not one of the two templates: reading them against a template would only report missing parts and tables that the format never had. The report gets this one finding instead and no other rule runs on it. No fix is offered: an old report is what it is.',
  'zh-cn': '报告所述年度早于 2019 年（依据标题、统计期限或落款）。此类报告采用 2019 年模板之前的格式（概述，然后是主动公开、依申请公开、行政复议、问题等部分，以及由指标名称、计量单位、数量组成的统计表），而不是两种模板之一：按模板检查只会报告该格式本来就没有的部分和表格。因此只给出本条提示，不再运行其他规则。不提供修复：旧报告本就如此。',
};

const rule: Rule = {
  code: 'pre-2019-format',
  severity: 'warning',
  doc,
  check(ctx) {
    const { report } = ctx;
    if (!predatesTemplates(report)) return [];
    const range = report.title?.range ?? { start: report.range.start, end: report.range.start };
    return [{ code: rule.code, severity: rule.severity, message: fmt(M.older, ctx.locale, { year: report.year! }), range, fixes: [] }];
  },
};

export default rule;
