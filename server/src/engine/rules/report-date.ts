// report-date: the title year, the 统计期限 sentence and the signature date disagree about
// the report year; or the signature date is past 条例 第四十九条's deadline.
import { fmt, type Msg } from '../i18n';
import type { DateFound, Range, Report, Finding } from '../model';
import type { Rule } from './types';
import { bodyNames } from '../body';

const M = {
  period: {
    en: 'The statistics period ({from} – {to}) is not the year {year} the {source} names: it should run from {year}年1月1日 to {year}年12月31日.',
    'zh-cn': '统计期限（{from}至{to}）与{source}的 {year} 年不符：应为 {year}年1月1日至 {year}年12月31日。',
  },
  signatureEarly: {
    en: 'The report is dated {date}, within or before the year {year} it reports on; a report is dated in the following year.',
    'zh-cn': '报告落款日期 {date} 在所报告的 {year} 年度之内或之前；年度报告应在次年发布。',
  },
  signatureLate: {
    en: 'The report is dated {date}, past the deadline of 条例 第四十九条 for a report on {year}: {deadline} ({kind}, assumed because {why}).',
    'zh-cn': '报告落款日期 {date} 晚于《条例》第四十九条规定的 {year} 年度报告发布期限 {deadline}（按{kind}认定，因为{why}）。',
  },
  publishedEarly: {
    en: 'The page was published on {date}, within or before the year {year} it reports on; a report is published in the following year.',
    'zh-cn': '网页发布时间 {date} 在所报告的 {year} 年度之内或之前；年度报告应在次年发布。',
  },
  publishedLate: {
    en: 'The page was published on {date} and the report is not dated: past the deadline of 条例 第四十九条 for a report on {year}: {deadline} ({kind}, assumed because {why}).',
    'zh-cn': '网页发布时间 {date}（报告无落款日期）晚于《条例》第四十九条规定的 {year} 年度报告发布期限 {deadline}（按{kind}认定，因为{why}）。',
  },
  government: { en: 'a government\'s own report', 'zh-cn': '本级人民政府年度报告' },
  department: { en: 'a department\'s report', 'zh-cn': '部门年度报告' },
  whyGov: { en: '「{name}」 names a 人民政府', 'zh-cn': '「{name}」为人民政府' },
  whyDept: { en: 'neither the title nor the signature names a 人民政府', 'zh-cn': '标题和落款均未出现“人民政府”' },
  sourceTitle: { en: 'title', 'zh-cn': '标题' },
  sourceSignature: { en: 'signature date', 'zh-cn': '落款日期' },
  related: { en: 'the title says {year}', 'zh-cn': '标题为 {year} 年' },
} satisfies Record<string, Msg>;

const doc: Msg = {
  en: 'A report on year N covers 1月1日–12月31日 of N (the 统计期限 sentence), says N in its title, and is dated in N+1: by 1月31日 for a department, by 3月31日 for a people\'s government\'s own report (条例 第四十九条). A period, title or date that disagrees usually means last year\'s report was copied and not fully updated. Contradictions are warnings; a late date is information, naming which deadline was assumed (人民政府 in the title or signature → a government\'s own report). A crawled web page that is not dated is judged by its 发布时间 instead.',
  'zh-cn': 'N 年度报告的统计期限应为 N 年1月1日至12月31日，标题应写 N 年，落款日期应在 N+1 年：部门报告不晚于1月31日，人民政府本级报告不晚于3月31日（《条例》第四十九条）。期限、标题、日期不一致，通常是沿用上年报告未改全。相互矛盾为警告；发布晚于期限为提示，并说明按哪种期限认定（标题或落款出现“人民政府”即按本级政府报告）。抓取的网页若无落款日期，则以其发布时间判断。',
};

const fmtDate = (d: DateFound) => d.text;

/** The title's year and where it is written. */
function titleYear(report: Report): { year: number; range: Range } | undefined {
  const t = report.title;
  if (!t) return undefined;
  const m = /((?:19|20)\d\d)\s*年/.exec(t.text.normalize('NFKC'));
  if (!m) return undefined;
  const start = { line: t.range.start.line, character: t.range.start.character + m.index };
  return { year: Number(m[1]), range: { start, end: { line: start.line, character: start.character + 4 } } };
}

const rule: Rule = {
  code: 'report-date',
  severity: 'warning',
  doc,
  check(ctx) {
    const { locale, report } = ctx;
    const out: Finding[] = [];
    const title = titleYear(report);
    const sig = report.dates.signature;
    // The year to compare against: the title's, else the one the signature implies.
    const year = title?.year ?? (sig ? sig.year - 1 : undefined);
    const source = title ? M.sourceTitle : M.sourceSignature;
    const period = report.dates.period;
    if (period && year !== undefined) {
      const { from, to } = period;
      const right = from.year === year && from.month === 1 && from.day === 1 && to.year === year && to.month === 12 && to.day === 31;
      if (!right) {
        out.push({
          code: rule.code, severity: 'warning', fixes: [],
          range: { start: from.range.start, end: to.range.end },
          message: fmt(M.period, locale, { from: fmtDate(from), to: fmtDate(to), year, source: fmt(source, locale) }),
          related: title ? [{ range: title.range, message: fmt(M.related, locale, { year: title.year }) }] : undefined,
        });
      }
    }
    const reportYear = title?.year ?? (report.yearSource === 'period' ? report.year : undefined);
    // An undated web page's report: its 发布时间 stands in for the signature.
    const dated = sig ?? report.dates.published;
    const [early, lateMsg] = sig ? [M.signatureEarly, M.signatureLate] : [M.publishedEarly, M.publishedLate];
    if (dated && reportYear !== undefined && dated.month && dated.day) {
      const sig = { ...dated, month: dated.month, day: dated.day };
      if (sig.year <= reportYear) {
        out.push({
          code: rule.code, severity: 'warning', fixes: [], range: sig.range,
          message: fmt(early, locale, { date: fmtDate(sig), year: reportYear }),
          related: title ? [{ range: title.range, message: fmt(M.related, locale, { year: title.year }) }] : undefined,
        });
      } else {
        const name = bodyNames(ctx).find(n => n.includes('人民政府'));
        const government = name !== undefined;
        const [month, day] = government ? [3, 31] : [1, 31];
        const late = sig.year > reportYear + 1 || sig.month > month || (sig.month === month && sig.day > day);
        if (late) {
          out.push({
            code: rule.code, severity: 'information', fixes: [], range: sig.range,
            message: fmt(lateMsg, locale, {
              date: fmtDate(sig), year: reportYear, deadline: `${reportYear + 1}年${month}月${day}日`,
              kind: fmt(government ? M.government : M.department, locale),
              why: government ? fmt(M.whyGov, locale, { name: name! }) : fmt(M.whyDept, locale),
            }),
          });
        }
      }
    }
    return out;
  },
};

export default rule;
