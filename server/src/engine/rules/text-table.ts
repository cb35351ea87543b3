// text-table: a number the prose quotes (applications received, answered, carried over,
// 行政复议 and 行政诉讼 counts and outcomes) that the table contradicts, and "均获维持"
// where the table has cases pending or corrected. The reading is prose.ts's.
import { cellName } from '../describe';
import { fmt, list, type Msg } from '../i18n';
import type { Range, Finding } from '../model';
import { proseFacts, tableValue, type QuantityId } from '../prose';
import type { CellRef } from '../templates';
import type { Rule, RuleContext } from './types';

const QUANTITY: Record<QuantityId, Msg> = {
  new: { en: 'applications received', 'zh-cn': '本年新收申请' },
  carried_over: { en: 'applications carried over from last year', 'zh-cn': '上年结转申请' },
  carried_forward: { en: 'applications carried forward to next year', 'zh-cn': '结转下年度申请' },
  answered: { en: 'applications answered', 'zh-cn': '答复申请' },
  granted: { en: 'applications granted (予以公开)', 'zh-cn': '予以公开' },
  partly_granted: { en: 'applications partly granted (部分公开)', 'zh-cn': '部分公开' },
  refused: { en: 'applications refused (不予公开)', 'zh-cn': '不予公开' },
  'review.total': { en: 'administrative reviews (行政复议)', 'zh-cn': '行政复议' },
  'review.upheld': { en: 'reviews upheld', 'zh-cn': '行政复议结果维持' },
  'review.corrected': { en: 'reviews corrected', 'zh-cn': '行政复议结果纠正' },
  'review.other': { en: 'reviews with other results', 'zh-cn': '行政复议其他结果' },
  'review.pending': { en: 'reviews pending', 'zh-cn': '行政复议尚未审结' },
  'suit.total': { en: 'lawsuits (行政诉讼)', 'zh-cn': '行政诉讼' },
  'suit.upheld': { en: 'lawsuits upheld', 'zh-cn': '行政诉讼结果维持' },
  'suit.corrected': { en: 'lawsuits corrected', 'zh-cn': '行政诉讼结果纠正' },
  'suit.other': { en: 'lawsuits with other results', 'zh-cn': '行政诉讼其他结果' },
  'suit.pending': { en: 'lawsuits pending', 'zh-cn': '行政诉讼尚未审结' },
};

const M = {
  differs: {
    en: 'The text says {value} {quantity}, but the table has {tableValue} ({cells}).',
    'zh-cn': '正文称{quantity} {value} 件，但表格为 {tableValue} 件（{cells}）。',
  },
  sum: { en: 'the sum of {cells}', 'zh-cn': '{cells}之和' },
  allUpheld: {
    en: 'The text says all cases were upheld (「{text}」), but the table has {cells}.',
    'zh-cn': '正文称「{text}」，但表格中{cells}。',
  },
  cellIs: { en: '{cell} = {value}', 'zh-cn': '{cell}为 {value}' },
  related: { en: 'the table\'s {cell}: {value}', 'zh-cn': '表格{cell}：{value}' },
  fix: { en: 'Write the table\'s {value} in the text', 'zh-cn': '正文改为表格的 {value}' },
} satisfies Record<string, Msg>;

const doc: Msg = {
  en: 'Numbers quoted in the prose — applications received, answered, carried over and forward, 予以公开 / 部分公开 / 不予公开, 行政复议 and 行政诉讼 counts and outcomes — should equal the tables\'; "均获维持" should not stand beside cases pending or corrected. Reviewers compare the two first. Only sentences that clearly name the quantity are read (行政诉讼 in the text is 未经复议直接起诉 + 复议后起诉 in table 四), so a silent report is not proof of agreement.',
  'zh-cn': '正文引用的数字——本年新收、答复、上年结转、结转下年度、予以公开/部分公开/不予公开，以及行政复议、行政诉讼的件数和结果——应与表格一致；表格有尚未审结或结果纠正的案件时，正文不应称“均获维持”。审核时首先核对这些数字。只读取明确指出数量的句子（正文的“行政诉讼”对应表四“未经复议直接起诉”与“复议后起诉”之和），因此没有提示并不等于完全一致。',
};

function cellRange(ctx: RuleContext, ref: CellRef): Range | undefined {
  return ctx.report.tables[ref.table]?.rows[ref.row]?.cells[ref.column]?.range;
}

function cellValue(ctx: RuleContext, ref: CellRef): number | undefined {
  const v = ctx.report.tables[ref.table]?.rows[ref.row]?.cells[ref.column]?.value;
  return typeof v === 'number' ? v : undefined;
}

const gen = (ctx: RuleContext, ref: CellRef) => ctx.report.tables[ref.table]?.generation ?? ctx.report.template;

function related(ctx: RuleContext, refs: CellRef[]) {
  return refs.flatMap(ref => {
    const range = cellRange(ctx, ref);
    return range ? [{ range, message: fmt(M.related, ctx.locale, { cell: cellName(gen(ctx, ref), ref, ctx.locale), value: cellValue(ctx, ref) ?? '' }) }] : [];
  });
}

const rule: Rule = {
  code: 'text-table',
  severity: 'warning',
  doc,
  check(ctx) {
    const { locale, report } = ctx;
    const facts = proseFacts(ctx.doc, report);
    const out: Finding[] = [];
    for (const n of facts.numbers) {
      const t = tableValue(report, n.quantity);
      if (!t || t.value === n.value) continue;
      const names = t.cells.map(ref => cellName(gen(ctx, ref), ref, locale));
      const cells = names.length === 1 ? names[0] : fmt(M.sum, locale, { cells: list(names, locale) });
      out.push({
        code: rule.code, severity: rule.severity, range: n.range, cells: t.cells,
        message: fmt(M.differs, locale, { value: n.value, quantity: fmt(QUANTITY[n.quantity], locale), tableValue: t.value, cells }),
        related: related(ctx, t.cells),
        fixes: [{ title: fmt(M.fix, locale, { value: t.value }), edits: [{ range: n.range, newText: String(t.value) }], preferred: false }],
      });
    }
    for (const claim of facts.allUpheld) {
      const bad = claim.groups.flatMap(g => (['corrected', 'other', 'pending'] as const).flatMap(o => {
        const t = tableValue(report, `${g}.${o}`);
        return t && t.value > 0 ? t.cells.filter(ref => (cellValue(ctx, ref) ?? 0) > 0) : [];
      }));
      if (!bad.length) continue;
      out.push({
        code: rule.code, severity: rule.severity, range: claim.range, cells: bad, fixes: [],
        message: fmt(M.allUpheld, locale, {
          text: ctx.doc.getTextIn(claim.range),
          cells: list(bad.map(ref => fmt(M.cellIs, locale, { cell: cellName(gen(ctx, ref), ref, locale), value: cellValue(ctx, ref)! })), locale),
        }),
        related: related(ctx, bad),
      });
    }
    return out;
  },
};

export default rule;
