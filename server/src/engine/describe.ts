// Naming rows, columns and cells in words a clerk understands: the template's own labels.
import { TEMPLATES, rowsOf, tableDecl, type CellRef, type Generation, type TableId } from './templates';
import { fmt, list, type Locale, type Msg } from './i18n';
import type { Recovered } from './model';

const TABLE_NAMES: Record<TableId, Record<Locale, string>> = {
  proactive: { 'zh-cn': '表二（主动公开）', en: 'table 二 (proactive disclosure)' },
  applications: { 'zh-cn': '表三（依申请公开）', en: 'table 三 (applications)' },
  review_litigation: { 'zh-cn': '表四（复议诉讼）', en: 'table 四 (review and litigation)' },
};

export const tableName = (t: TableId, locale: Locale) => TABLE_NAMES[t][locale];

/** A row's label as the template prints it (表四's single row: its table name). */
export function rowLabel(gen: Generation, table: TableId, row: string): string {
  const info = rowsOf(tableDecl(gen, table)).get(row);
  return info?.row.label ?? tableDecl(gen, table).name;
}

/** A column's label, with its group where one label repeats (表四: 行政复议·总计). */
export function columnLabel(gen: Generation, table: TableId, row: string, column: string): string {
  const col = rowsOf(tableDecl(gen, table)).get(row)?.columns.find(c => c.id === column);
  if (!col) return column;
  return col.group && table === 'review_litigation' ? `${col.group}·${col.label}` : col.label;
}

/** 「（七）总计」×「自然人」 */
export function cellName(gen: Generation, ref: CellRef, locale: Locale): string {
  const r = rowLabel(gen, ref.table, ref.row);
  const c = columnLabel(gen, ref.table, ref.row, ref.column);
  return locale === 'zh-cn' ? `「${r}」行「${c}」列` : `row 「${r}」, column 「${c}」`;
}

/** A row's short name in formulas: 一, （七）总计, （三）1. */
export function shortRow(gen: Generation, table: TableId, row: string): string {
  const decl = tableDecl(gen, table);
  const info = rowsOf(decl).get(row);
  const label = info?.row.label;
  if (!label) return decl.name;
  const own = /^([一二三四五六七八九十]+)、/.exec(label)?.[1] ?? /^(\d+)\./.exec(label)?.[1];
  const paren = /^（[一二三四五六七八九十]）/.exec(label)?.[0];
  if (paren) return label.length <= 6 ? label : paren;
  const group = decl.groups.find(g => g.id === info?.row.group);
  const groupOrd = group ? /^（[一二三四五六七八九十]）/.exec(group.label)?.[0] : undefined;
  if (own && groupOrd) return `${groupOrd}${own}`;
  return own ?? label;
}

/** A term of an identity, named for a formula. */
export function termName(gen: Generation, ref: CellRef, along: 'row' | 'column'): string {
  return along === 'row' ? columnLabel(gen, ref.table, ref.row, ref.column) : shortRow(gen, ref.table, ref.row);
}

/** `（七）总计 = （一） + （二） + … + （六）` (long sides abbreviated). */
export function formula(gen: Generation, idn: { lhs: CellRef[]; rhs: CellRef[]; along: 'row' | 'column' }, abbreviate = true): string {
  const side = (refs: CellRef[]) => {
    const names = refs.map(r => termName(gen, r, idn.along));
    return abbreviate && names.length > 4 ? `${names[0]} + ${names[1]} + … + ${names[names.length - 1]}` : names.join(' + ');
  };
  return `${side(idn.lhs)} = ${side(idn.rhs)}`;
}

const IN: Record<'row' | 'column', Msg> = {
  row: { en: '{formula} in row 「{where}」', 'zh-cn': '「{where}」行的 {formula}' },
  column: { en: '{formula} in column 「{where}」', 'zh-cn': '「{where}」列的 {formula}' },
};

/**
 * An identity and where it applies, in words: `（七）总计 = … + （六） in column 「自然人」`.
 * (Written as `formula（自然人）`, two labels glued together read as one: （六）（自然人）.)
 * `along` is the identity's: a sum along a row applies in that row, down a column in that column.
 */
export function identityIn(formulaText: string, where: string, along: 'row' | 'column', locale: Locale): string {
  return fmt(IN[along], locale, { formula: formulaText, where });
}

const WHY: Record<'identities' | 'digits', Msg> = {
  identities: { en: 'the only split that keeps {identities}', 'zh-cn': '唯一满足{identities}的拆分' },
  digits: {
    en: 'the only split of its {digits} digits into {cells} cells (no number but 0 starts with 0)',
    'zh-cn': '将 {digits} 位数字拆为 {cells} 个单元格的唯一方式（除 0 外，数字不以 0 开头）',
  },
};

/** Why a recovered run split the way it did: the identities that made the split unique, or the digits alone. */
export function recoveryReason(gen: Generation, r: Recovered, locale: Locale): string {
  if (!r.decisive.length) return fmt(WHY.digits, locale, { digits: r.run.length, cells: r.values.length });
  const ids = r.decisive.map(k => TEMPLATES[gen].derived.identities.find(i => i.key === k)).filter(i => i !== undefined);
  return fmt(WHY.identities, locale, { identities: list(ids.map(i => formula(gen, i)), locale) });
}

/** A split as it reads: 1 | 0 | 2. */
export const splitText = (values: readonly number[]) => values.join(' | ');
