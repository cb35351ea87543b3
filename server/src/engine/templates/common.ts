// Declarations both generations share: the six parts, table 三's columns and first rows,
// and table 四. Each generation file adds what differs.
import type { z } from 'zod';
import type { ColumnDecl, GroupDecl, PartDecl, RowDecl, TableDecl } from './schema';

/** Declarations are written in the schema's input form: defaults may be left out. */
type In<S extends z.ZodType> = z.input<S>;

export const parts: In<typeof PartDecl>[] = [
  { number: 1, numeral: '一', heading: '总体情况', keywords: ['总体情况', '基本情况', '概述'] },
  { number: 2, numeral: '二', heading: '主动公开政府信息情况', keywords: ['主动公开'] },
  { number: 3, numeral: '三', heading: '收到和处理政府信息公开申请情况', keywords: ['收到和处理', '依申请公开', '处理政府信息公开申请'] },
  { number: 4, numeral: '四', heading: '政府信息公开行政复议、行政诉讼情况', keywords: ['行政复议', '行政诉讼'] },
  {
    number: 5, numeral: '五', heading: '存在的主要问题及改进情况',
    variants: ['政府信息公开工作存在的主要问题及改进情况', '存在的问题及下一步打算', '政府信息公开工作存在主要问题及改进情况'],
    keywords: ['存在的主要问题', '存在主要问题', '存在的问题', '主要问题', '改进情况', '下一步打算'],
  },
  { number: 6, numeral: '六', heading: '其他需要报告的事项', keywords: ['其他需要报告', '需要报告的事项', '其他事项'] },
];

// ── Table 三 (applications) ────────────────────────────────────────────────────────
const LEGAL = '法人或其他组织';
export const applicationColumns: In<typeof ColumnDecl>[] = [
  { id: 'natural_person', label: '自然人' },
  { id: 'commercial', label: '商业企业', group: LEGAL },
  { id: 'research', label: '科研机构', group: LEGAL },
  { id: 'nonprofit', label: '社会公益组织', group: LEGAL },
  { id: 'legal_service', label: '法律服务机构', group: LEGAL },
  { id: 'other_org', label: '其他', group: LEGAL },
  { id: 'total', label: '总计' },
];
export const applicantColumnIds = applicationColumns.filter(c => c.id !== 'total').map(c => c.id);

export const applicationGroups: In<typeof GroupDecl>[] = [
  { id: 'results', label: '三、本年度办理结果' },
  { id: 'refused', label: '（三）不予公开', parent: 'results' },
  { id: 'unavailable', label: '（四）无法提供', parent: 'results' },
  { id: 'not_processed', label: '（五）不予处理', parent: 'results' },
];

/** Rows up to and including （五）; （六）, （七） and 四 differ or follow per generation. */
export const applicationRowsHead: In<typeof RowDecl>[] = [
  { id: 'new', label: '一、本年新收政府信息公开申请数量' },
  { id: 'carried_over', label: '二、上年结转政府信息公开申请数量' },
  { id: 'granted', label: '（一）予以公开', group: 'results' },
  { id: 'partly_granted', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', variants: ['（二）部分公开'], group: 'results' },
  { id: 'refused.state_secret', label: '1.属于国家秘密', group: 'refused' },
  { id: 'refused.prohibited_by_law', label: '2.其他法律行政法规禁止公开', group: 'refused' },
  { id: 'refused.three_safeties', label: '3.危及“三安全一稳定”', group: 'refused' },
  { id: 'refused.third_party', label: '4.保护第三方合法权益', group: 'refused' },
  { id: 'refused.internal_affairs', label: '5.属于三类内部事务信息', group: 'refused' },
  { id: 'refused.process_info', label: '6.属于四类过程性信息', group: 'refused' },
  { id: 'refused.enforcement_file', label: '7.属于行政执法案卷', group: 'refused' },
  { id: 'refused.query_matter', label: '8.属于行政查询事项', group: 'refused' },
  { id: 'unavailable.not_held', label: '1.本机关不掌握相关政府信息', group: 'unavailable' },
  { id: 'unavailable.needs_creation', label: '2.没有现成信息需要另行制作', group: 'unavailable' },
  { id: 'unavailable.unclear', label: '3.补正后申请内容仍不明确', group: 'unavailable' },
  { id: 'not_processed.complaint', label: '1.信访举报投诉类申请', group: 'not_processed' },
  { id: 'not_processed.repeated', label: '2.重复申请', group: 'not_processed' },
  { id: 'not_processed.publication', label: '3.要求提供公开出版物', group: 'not_processed' },
  { id: 'not_processed.excessive', label: '4.无正当理由大量反复申请', group: 'not_processed' },
  { id: 'not_processed.confirmation', label: '5.要求行政机关确认或重新出具已获取信息', group: 'not_processed' },
];
export const applicationRowsTail: In<typeof RowDecl>[] = [
  { id: 'results_total', label: '（七）总计', group: 'results' },
  { id: 'carried_forward', label: '四、结转下年度继续办理' },
];

export const applicationHeaderLabels = [
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  '申请人情况',
  LEGAL,
];

/** Rows whose sum is （七）总计, before the generation-specific （六）. */
export const resultRowsHead = applicationRowsHead.filter(r => r.group).map(r => r.id);

// ── Table 四 (review_litigation): identical in both generations ─────────────────────
const outcomes: [string, string][] = [
  ['upheld', '结果维持'], ['corrected', '结果纠正'], ['other', '其他结果'], ['pending', '尚未审结'], ['total', '总计'],
];
const reviewGroups: [string, string][] = [
  ['review', '行政复议'], ['suit_direct', '未经复议直接起诉'], ['suit_after_review', '复议后起诉'],
];
export const reviewLitigation: In<typeof TableDecl> = {
  id: 'review_litigation',
  part: 4,
  name: '表四',
  headerLabels: ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
  groups: [],
  blocks: [{
    id: 'review_litigation',
    label: null,
    columns: reviewGroups.flatMap(([g, gl]) => outcomes.map(([o, ol]) => ({ id: `${g}.${o}`, label: ol, group: gl }))),
    // The table has one data row and no row label.
    rows: [{ id: 'cases', label: null }],
  }],
};

export const reviewIdentities = reviewGroups.map(([g]) => ({
  code: 'review-total', table: 'review_litigation' as const, forEach: 'row' as const,
  lhs: [`${g}.total`], rhs: outcomes.filter(([o]) => o !== 'total').map(([o]) => `${g}.${o}`), solveFor: `${g}.total`,
}));

/** Table 三's identities, given the rows that make up （七）总计. */
export function applicationIdentities(resultRows: string[]) {
  return [
    { code: 'row-total', table: 'applications' as const, forEach: 'row' as const, lhs: ['total'], rhs: applicantColumnIds, solveFor: 'total' },
    { code: 'results-total', table: 'applications' as const, forEach: 'column' as const, lhs: ['results_total'], rhs: resultRows, solveFor: 'results_total' },
    // 一 + 二 = （七）总计 + 四: the note printed in the table header.
    { code: 'balance', table: 'applications' as const, forEach: 'column' as const, lhs: ['new', 'carried_over'], rhs: ['results_total', 'carried_forward'], solveFor: 'carried_forward' },
  ];
}

export const proactiveHeaderLabels = ['信息内容'];
