// flattened-ambiguous: a row whose cells are one run of digits (crawled web text that lost
// its separators) that admits several splits, or none that keeps the row's identities.
// Nothing is read from such a run: choosing one split would invent numbers.
import { columnLabel, formula, splitText, tableName, rowTitle } from '../describe';
import { fmt, list, type Msg } from '../i18n';
import { tablesOf, type Table, type Unsplit, type Finding } from '../model';
import { rowIdentities } from '../parse/flattened';
import { rowsOf, tableDecl } from '../templates';
import type { Rule, RuleContext } from './types';

const M = {
  several: {
    en: 'In {table}, {row}: the digits 「{run}」 look like {cells} cells run together, but {count} splits fit the template{identities}, {lead} {examples}; they differ in {columns}. Nothing was read from the run: write the cells apart as the source has them.',
    'zh-cn': '{table}：{row}的数字「{run}」像是 {cells} 个单元格连在了一起，但有 {count} 种拆分都符合模板{identities}，{lead} {examples}，分歧在{columns}。未从中读取任何数字：请按原件把单元格分开书写。',
  },
  severalBare: {
    en: 'In {table}, {row}: the digits 「{run}」 look like {cells} cells run together, but {count} splits fit the template{identities}. Nothing was read from the run: write the cells apart as the source has them.',
    'zh-cn': '{table}：{row}的数字「{run}」像是 {cells} 个单元格连在了一起，但有 {count} 种拆分都符合模板{identities}。未从中读取任何数字：请按原件把单元格分开书写。',
  },
  forExample: { en: 'for example', 'zh-cn': '例如' },
  namely: { en: 'namely', 'zh-cn': '即' },
  countless: { en: 'more than can be counted', 'zh-cn': '多到无法计数的' },
  withIdentities: { en: ' and the row\'s identities', 'zh-cn': '及本行的勾稽关系' },
  none: {
    en: 'In {table}, {row}: the digits 「{run}」 look like {cells} cells run together, but no split of them keeps {identities}: a digit is wrong or missing. Nothing was read from the run: write the cells apart as the source has them.',
    'zh-cn': '{table}：{row}的数字「{run}」像是 {cells} 个单元格连在了一起，但任何拆分都不满足{identities}：有数字写错或缺失。未从中读取任何数字：请按原件把单元格分开书写。',
  },
  noneNoIdentity: {
    en: 'In {table}, {row}: the digits 「{run}」 look like {cells} cells run together, but they cannot be split into {cells} numbers. Nothing was read from the run.',
    'zh-cn': '{table}：{row}的数字「{run}」像是 {cells} 个单元格连在了一起，但无法拆分为 {cells} 个数字。未从中读取任何数字。',
  },
  row: { en: 'row 「{row}」', 'zh-cn': '「{row}」行' },
  dataRow: { en: 'the data row', 'zh-cn': '数据行' },
} satisfies Record<string, Msg>;

const doc: Msg = {
  en: 'A row\'s cells are one run of digits, as in text crawled from web pages that lost the separators between cells (规范性文件898989 for 89 | 89 | 89), and the run cannot be split with certainty: several splits give each cell at least one digit, start no number with 0 and keep the row\'s identities (corpus 01\'s 表四 row run together has three), or no split keeps them. Nothing is read from the run — picking one split would invent numbers — so the row also lacks its cells (cell-count); the finding lists up to three splits that fit. Where exactly one split fits, the cells are recovered instead (recovered-cells). No fix is offered: only the source can say where the cells end.',
  'zh-cn': '某行的单元格是一串连在一起的数字（从网页抓取的文本丢失了单元格之间的分隔，如 89 | 89 | 89 变成“规范性文件898989”），且无法确定如何拆分：有多种拆分都能使每个单元格至少一位数字、数字不以 0 开头并满足本行的勾稽关系（语料 01 的表四整行连写时有三种），或者没有任何拆分满足。此时不读取任何数字——任选一种拆分就是编造数字——因此该行同时缺少单元格（cell-count）；本条列出最多三种符合的拆分。若恰有一种拆分符合，则会恢复这些单元格（recovered-cells）。不提供修复：单元格在哪里断开，只有原件能说明。',
};

/** The columns in which the splits shown disagree. */
function differing(t: Table, u: Unsplit): string[] {
  const columns = rowsOf(tableDecl(t.generation, t.id)).get(u.row)?.columns ?? [];
  return columns.filter((_, k) => u.examples.some(s => s[k] !== u.examples[0][k])).map(c => columnLabel(t.generation, t.id, u.row, c.id));
}

function finding(ctx: RuleContext, t: Table, u: Unsplit): Finding {
  const label = rowsOf(tableDecl(t.generation, t.id)).get(u.row)?.row.label;
  const ids = rowIdentities(t.generation, t.id, u.row).map(i => formula(t.generation, i));
  const args = {
    table: tableName(t.id, ctx.locale), run: u.run,
    cells: rowsOf(tableDecl(t.generation, t.id)).get(u.row)?.columns.length ?? 0,
    row: label ? fmt(M.row, ctx.locale, { row: rowTitle(t.generation, t.id, u.row) }) : fmt(M.dataRow, ctx.locale),
    identities: list(ids, ctx.locale),
  };
  let message: string;
  if (u.count === 0) message = fmt(ids.length ? M.none : M.noneNoIdentity, ctx.locale, args);
  else {
    message = fmt(u.examples.length > 1 ? M.several : M.severalBare, ctx.locale, {
      ...args,
      count: Number.isFinite(u.count) ? u.count : fmt(M.countless, ctx.locale),
      identities: ids.length ? fmt(M.withIdentities, ctx.locale) : '',
      lead: fmt(u.count > u.examples.length ? M.forExample : M.namely, ctx.locale),
      columns: list(differing(t, u).map(c => `「${c}」`), ctx.locale),
      examples: u.examples.map(s => `「${splitText(s)}」`).join(ctx.locale === 'zh-cn' ? '；' : '; '),
    });
  }
  return { code: rule.code, severity: rule.severity, message, range: u.range, fixes: [] };
}

const rule: Rule = {
  code: 'flattened-ambiguous',
  severity: 'warning',
  doc,
  check(ctx) {
    const out: Finding[] = [];
    for (const t of tablesOf(ctx.report)) for (const u of t.unsplit) out.push(finding(ctx, t, u));
    return out;
  },
};

export default rule;
