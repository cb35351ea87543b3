// The four arithmetic rules share one evaluator: each identity the template declares for
// the rule's code is checked in every row or column it applies to.
import { cellName, columnLabel, formula, identityIn, shortRow, rowTitle } from '../describe';
import { doubtfulRows, evaluate, identitiesOf, solve, through, valuesOf, wouldBreak } from '../identities';
import { fmt, list, type Locale, type Msg } from '../i18n';
import type { DoubtReason, Row, Table, Finding, Fix, Severity } from '../model';
import { cellEdit } from '../edits/cells';
import { rowsOf, tableDecl, type Identity } from '../templates';
import type { Rule, RuleContext } from './types';

const M = {
  mismatch: {
    en: '{cell}: written {written}, but {formula} gives {computed} (difference {diff}).',
    'zh-cn': '{cell}：填写为 {written}，但按 {formula} 计算应为 {computed}（相差 {diff}）。',
  },
  disagree: {
    en: ' Yet the written value satisfies {others}: it may be right, and an addend wrong or missing.',
    'zh-cn': '不过填写值满足{others}：可能填写值正确，而某个加数有误或漏填。',
  },
  doubt: {
    en: '{formula} does not hold as the table was read ({lhs} ≠ {rhs}), but {rows} was read with doubt: {reasons}. The difference may come from reading the text, not from the report: check the row against the source before changing a number.',
    'zh-cn': '按读取结果，{formula} 不成立（{lhs} ≠ {rhs}），但{rows}的读取存在疑问：{reasons}。差异可能来自文本的读取，而非报告本身：修改数字前请先对照原件核对该行。',
  },
  addend: { en: 'addend {cell}: {value}', 'zh-cn': '加数{cell}：{value}' },
  row: { en: 'row 「{row}」', 'zh-cn': '「{row}」行' },
  dataRow: { en: 'the data row', 'zh-cn': '数据行' },
  fix: { en: 'Set {cell} to {value}', 'zh-cn': '将{cell}改为 {value}' },
  breaks: { en: ' (breaks {list})', 'zh-cn': '（会破坏：{list}）' },
} satisfies Record<string, Msg>;

/** Why a row is in doubt, in words. */
export const DOUBT: Record<DoubtReason, Msg> = {
  'too-few-cells': { en: 'it has fewer cells than columns, so the numbers after a lost cell may have slid', 'zh-cn': '单元格少于列数，缺失单元格之后的数字可能错位' },
  'too-many-cells': { en: 'it has more cells than columns', 'zh-cn': '单元格多于列数' },
  'split-refused': { en: 'its digits run together and could not be split with certainty', 'zh-cn': '数字连写在一起，无法确定如何拆分' },
  'partly-split': { en: 'only part of its run of digits could be split', 'zh-cn': '连写的数字只能拆分出一部分' },
  'placed-by-counting': { en: 'its numbers were placed by counting, not by their label or column', 'zh-cn': '数字是按顺序计数放置的，而非依据行标签或所在列' },
  'columns-unclear': { en: 'a number stands between two columns, or the columns could not be found', 'zh-cn': '有数字位于两列之间，或无法确定各列位置' },
  'trailing-blanks': { en: 'its last cells are blank, or a cell was lost and the numbers after it slid left', 'zh-cn': '末尾的单元格为空，也可能是某个单元格丢失、其后的数字向左错位' },
};

/** The row's name in a message: its label, or 表四's unlabelled data row. */
export function rowName(t: Table, row: string, locale: Locale): string {
  const label = rowsOf(tableDecl(t.generation, t.id)).get(row)?.row.label;
  return label ? fmt(M.row, locale, { row: rowTitle(t.generation, t.id, row) }) : fmt(M.dataRow, locale);
}

/** Where an identity applies, in words: the row or the column. */
function where(t: Table, i: Identity): string {
  return i.along === 'row' ? shortRow(t.generation, t.id, i.index) : columnLabel(t.generation, t.id, i.solveFor.row, i.index);
}

/** Per identity (each belongs to one generation and table) and locale: names are asked for with every finding. */
const names = new Map<Identity, Partial<Record<Locale, string>>>();
export function identityName(t: Table, i: Identity, locale: Locale): string {
  let byLocale = names.get(i);
  if (!byLocale) names.set(i, (byLocale = {}));
  return (byLocale[locale] ??= identityIn(formula(t.generation, i), where(t, i), i.along, locale));
}

/** The fix that sets an identity's solveFor cell, preferred only when it breaks nothing that holds and reads no row with doubt. */
export function recomputeFix(ctx: RuleContext, t: Table, i: Identity): Fix | undefined {
  const v = valuesOf(t);
  const value = solve(i, v);
  const cell = t.rows[i.solveFor.row]?.cells[i.solveFor.column];
  if (value === undefined || !cell) return undefined;
  const breaks = wouldBreak(t, v, i.solveFor, value, i);
  const name = cellName(t.generation, i.solveFor, ctx.locale);
  let title = fmt(M.fix, ctx.locale, { cell: name, value });
  if (breaks.length) title += fmt(M.breaks, ctx.locale, { list: list(breaks.map(b => identityName(t, b, ctx.locale)), ctx.locale) });
  return {
    title,
    edits: [cellEdit(ctx.doc, cell, value)],
    // Through a row read with doubt, the value solved for may come from a misreading.
    preferred: breaks.length === 0 && value >= 0 && !doubtfulRows(t, i).length,
    scope: { kind: 'recompute', report: ctx.reportIndex, table: t.id, row: i.solveFor.row },
  };
}

/**
 * A failing identity through rows read with doubt: a warning about the reading that names
 * the rows and why, not a claim that the report's arithmetic is wrong. Its fix is offered
 * (the clerk may know the reading is right) but never preferred.
 */
function doubtFinding(ctx: RuleContext, t: Table, i: Identity, e: { lhs: number; rhs: number }, range: Finding['range'], rows: Row[]): Finding {
  const message = fmt(M.doubt, ctx.locale, {
    formula: identityName(t, i, ctx.locale), lhs: e.lhs, rhs: e.rhs,
    rows: list(rows.map(r => rowName(t, r.id, ctx.locale)), ctx.locale),
    reasons: list([...new Set(rows.map(r => fmt(DOUBT[r.doubt!.reason], ctx.locale)))], ctx.locale),
  });
  const fix = recomputeFix(ctx, t, i);
  return {
    code: i.code, severity: 'warning', message, range, fixes: fix ? [fix] : [],
    cells: [...i.lhs, ...i.rhs],
    related: rows.map(r => ({ range: r.doubt!.range ?? r.range, message: `${rowName(t, r.id, ctx.locale)}: ${fmt(DOUBT[r.doubt!.reason], ctx.locale)}` })),
  };
}

/** The terms of a failing identity (all read as numbers) but the cell it solves for, each where it is written. */
function addends(ctx: RuleContext, t: Table, i: Identity): { range: Finding['range']; message: string }[] {
  const out: { range: Finding['range']; message: string }[] = [];
  for (const ref of [...i.lhs, ...i.rhs]) {
    if (ref.row === i.solveFor.row && ref.column === i.solveFor.column) continue;
    const c = t.rows[ref.row]?.cells[ref.column];
    if (c) out.push({ range: c.range, message: fmt(M.addend, ctx.locale, { cell: cellName(t.generation, ref, ctx.locale), value: c.text }) });
  }
  return out;
}

/** What every arithmetic rule's documentation says of rows read with doubt. */
const DOUBT_DOC: Msg = {
  en: ' Where a row the identity reads was read with doubt (fewer or more cells than columns, digits run together that split several ways, numbers placed by counting, layout text where a number stands between columns or the last cells are blank), a mismatch may come from the reading, not the report: it is reported as a warning that names the row and why, and its fix is never applied unattended.',
  'zh-cn': '若该关系所涉及的某行读取存在疑问（单元格多于或少于列数、连写数字有多种拆分、数字按顺序计数放置、版式文本中有数字位于两列之间或末尾单元格为空），不相等可能来自文本的读取而非报告本身：此时以警告报告，指明该行及原因，其修复不会被自动应用。',
};

/** What every arithmetic rule's documentation says of a total another identity confirms. */
const SUSPECT_DOC: Msg = {
  en: ' When the written total satisfies another identity it is part of, the total may be right and an addend wrong: the finding then links to every addend of the identity that fails, each with its value, so the wrong one can be found.',
  'zh-cn': '若填写的合计满足其所在的另一项关系，可能合计正确而某个加数有误：此时问题会附上不成立关系中每个加数的位置及数值，便于找出有误的一项。',
};

export function identityRule(code: string, severity: Severity, doc: Msg): Rule {
  return {
    code, severity,
    doc: { en: doc.en + SUSPECT_DOC.en + DOUBT_DOC.en, 'zh-cn': doc['zh-cn'] + SUSPECT_DOC['zh-cn'] + DOUBT_DOC['zh-cn'] },
    checkTable(ctx, t) {
      const out: Finding[] = [];
      const v = valuesOf(t);
      for (const i of identitiesOf(t).filter(x => x.code === code)) {
        const e = evaluate(i, v);
        if (!e || e.holds) continue;
        const cell = t.rows[i.solveFor.row]!.cells[i.solveFor.column]!;
        const doubts = doubtfulRows(t, i);
        if (doubts.length) { out.push(doubtFinding(ctx, t, i, e, cell.range, doubts)); continue; }
        const computed = solve(i, v)!;
        let message = fmt(M.mismatch, ctx.locale, {
          cell: cellName(t.generation, i.solveFor, ctx.locale), written: cell.value ?? '',
          formula: identityName(t, i, ctx.locale), computed, diff: Math.round(((cell.value ?? 0) - computed) * 1e6) / 1e6,
        });
        const holding = through(t, i.solveFor, i).filter(o => evaluate(o, v)?.holds);
        if (holding.length) message += fmt(M.disagree, ctx.locale, { others: list(holding.map(o => identityName(t, o, ctx.locale)), ctx.locale) });
        const fix = recomputeFix(ctx, t, i);
        out.push({
          code, severity, message, range: cell.range, fixes: fix ? [fix] : [],
          cells: [...i.lhs, ...i.rhs],
          // The total may be right and an addend wrong: the addends, one link each, lead the user to them.
          ...(holding.length ? { related: addends(ctx, t, i) } : {}),
        });
      }
      return out;
    },
  };
}
