// unit: a money cell that names no unit where the template leaves it open (2019's
// 采购总金额), or a unit that contradicts the column (元 in 2021's 万元 column, 万元 on a
// count). Only the 元 → 万元 case has a mechanical fix: converting the value.
import { cellName, columnLabel } from '../describe';
import { fmt, list, type Msg } from '../i18n';
import type { Cell, Table, Finding, Fix } from '../model';
import { cellEdit } from '../edits/cells';
import type { CellRef, ColumnDecl } from '../templates';
import type { Rule, RuleContext } from './types';
import { cellsOf } from './cells';

/** Money units and their worth in 元. */
const MONEY: Record<string, number> = { 元: 1, 万元: 10000 };
const MONEY_UNITS = Object.keys(MONEY);

const M = {
  missing: {
    en: '{cell} is written 「{text}」 with no unit. The template does not fix the unit of 「{column}」, so the number may be read ten thousand times too large or too small; write the unit after it (accepted: {units}).',
    'zh-cn': '{cell}填写为「{text}」，未注明单位。模板未规定「{column}」的单位，数值可能被误读一万倍；请在数字后注明单位（可填：{units}）。',
  },
  declared: {
    en: '{cell} is written 「{text}」, but the column is declared in {unit}.',
    'zh-cn': '{cell}填写为「{text}」，但该列规定的单位是{unit}。',
  },
  converted: { en: ' {text} is {value} {unit}.', 'zh-cn': '{text}即 {value}{unit}。' },
  countWithMoney: {
    en: '{cell} is written 「{text}」, but 「{column}」 is a count: a money unit does not belong there.',
    'zh-cn': '{cell}填写为「{text}」，但「{column}」是计数，不应带金额单位。',
  },
  notMoney: {
    en: '{cell} is written 「{text}」, but 「{column}」 is an amount of money, in {units}.',
    'zh-cn': '{cell}填写为「{text}」，但「{column}」是金额，单位应为{units}。',
  },
  fix: { en: 'Convert to {unit}: {value}', 'zh-cn': '换算为{unit}：{value}' },
} satisfies Record<string, Msg>;

const doc: Msg = {
  en: 'A money cell must say which unit it is in, and the unit must agree with the column. The 2019 template\'s 采购总金额 names no unit, so reports write 元 or 万元, and a bare number is ten thousand times ambiguous (a zero is not). The 2021 template declares 本年收费金额 in 万元, so a value written in 元 is off by that factor. A money unit on a count column (上一年项目数量, 采购项目数量, …) contradicts the column. Converting 元 to the declared 万元 is offered as a fix; the missing unit can only be supplied by whoever knows the figure.',
  'zh-cn': '金额单元格应注明单位，且单位应与该列一致。2019 版模板的“采购总金额”未规定单位，各报告写“元”或“万元”，不注明单位的数字会有一万倍的歧义（0 除外）。2021 版模板规定“本年收费金额”以万元为单位，按元填写的数值会差一万倍。计数列（上一年项目数量、采购项目数量等）带金额单位则与该列矛盾。对按元填写的万元列，会提供换算的修复；缺少的单位只能由了解该数字的人补上。',
};

const isAmount = (c: ColumnDecl) => c.kind === 'amount' || c.unitAmbiguous || (c.unit !== undefined && c.unit in MONEY);

/** `value` in `from` expressed in `to`, without binary-fraction noise. */
const convert = (value: number, from: string, to: string) => Math.round((value * MONEY[from]) / MONEY[to] * 1e10) / 1e10;

function finding(ctx: RuleContext, t: Table, cell: Cell, col: ColumnDecl): Finding | undefined {
  const unit = cell.unit;
  const amount = isAmount(col);
  // Most cells are counts without a money unit: nothing to say, and no message to build.
  if (!amount && (!unit || !(unit in MONEY))) return undefined; // 3件 on a count is fine
  if (amount && !unit && (!col.unitAmbiguous || cell.value === 0)) return undefined; // a declared unit, or a zero
  const ref: CellRef = { table: t.id, row: cell.row, column: cell.column };
  const args = {
    cell: cellName(t.generation, ref, ctx.locale), text: cell.text,
    column: columnLabel(t.generation, t.id, cell.row, cell.column), units: list(MONEY_UNITS, ctx.locale),
  };
  const fixes: Fix[] = [];
  let message: string;
  if (!amount) {
    message = fmt(M.countWithMoney, ctx.locale, args);
  } else if (!unit) {
    message = fmt(M.missing, ctx.locale, args);
  } else if (!(unit in MONEY)) {
    message = fmt(M.notMoney, ctx.locale, { ...args, units: col.unit ?? args.units });
  } else if (col.unit && unit !== col.unit) {
    message = fmt(M.declared, ctx.locale, { ...args, unit: col.unit });
    if (col.unit in MONEY && cell.value !== null) {
      const value = convert(cell.value, unit, col.unit);
      message += fmt(M.converted, ctx.locale, { text: cell.text, value, unit: col.unit });
      fixes.push({ title: fmt(M.fix, ctx.locale, { unit: col.unit, value }), edits: [cellEdit(ctx.doc, cell, value)], preferred: false });
    }
  } else return undefined;
  return { code: rule.code, severity: rule.severity, message, range: cell.range, fixes, cells: [ref] };
}

const rule: Rule = {
  code: 'unit',
  severity: 'warning',
  doc,
  checkTable(ctx, t) {
    const out: Finding[] = [];
    for (const { table, cell, column } of cellsOf(t)) {
      const f = cell.kind === 'number' && column && finding(ctx, table, cell, column);
      if (f) out.push(f);
    }
    return out;
  },
};

export default rule;
