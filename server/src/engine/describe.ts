// Naming rows, columns and cells in words a clerk understands: the template's own labels.
import { TEMPLATES, rowsOf, tableDecl, type CellRef, type Generation, type TableId } from './templates';
import { fmt, list, type Locale, type Msg } from './i18n';
import type { Recovered, Table } from './model';

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

// Parts and rows by the template's own words.

const partDecl = (gen: Generation, n: number) => TEMPLATES[gen].parts.find(p => p.number === n)!;

/** 三 for 3. */
export const numeralOf = (gen: Generation, n: number) => partDecl(gen, n).numeral;

/** The template's wording of a part heading, without its numbering: 收到和处理政府信息公开申请情况. */
export const headingWording = (gen: Generation, n: number) => partDecl(gen, n).heading;

/** The heading as the template prints it: 三、收到和处理政府信息公开申请情况. */
export const canonicalHeading = (gen: Generation, n: number) => `${numeralOf(gen, n)}、${headingWording(gen, n)}`;

/** 第三部分 / part 三. */
export const partShort = (gen: Generation, n: number, locale: Locale) =>
  locale === 'zh-cn' ? `第${numeralOf(gen, n)}部分` : `part ${numeralOf(gen, n)}`;

/** 第三部分「收到和处理政府信息公开申请情况」 / part 三 「收到和处理政府信息公开申请情况」. */
export function partName(gen: Generation, n: number, locale: Locale): string {
  const p = partDecl(gen, n);
  return locale === 'zh-cn' ? `第${p.numeral}部分「${p.heading}」` : `part ${p.numeral} 「${p.heading}」`;
}

/** 「（三）不予公开·1.属于国家秘密」, 「第二十条第（一）项·规章」, 「（一）予以公开」. */
export function rowTitle(gen: Generation, table: TableId, row: string): string {
  const decl = tableDecl(gen, table);
  const info = rowsOf(decl).get(row);
  if (!info) return row;
  const label = info.row.label ?? decl.name;
  if (info.block.label) return `${info.block.label}·${label}`;
  const group = decl.groups.find(g => g.id === info.row.group);
  return group && group.parent ? `${group.label}·${label}` : label;
}

/** The label the template prints for a row of this table's generation. */
export const templateLabel = (t: Table, row: string) => rowsOf(tableDecl(t.generation, t.id)).get(row)?.row.label ?? undefined;
