// blank-cell: a cell left blank or holding a placeholder (/, —, 无). A blank is an
// omission, not zero: the clerk decides whether 0 is meant. Where an identity determines
// the cell (a blank total whose addends are all written), the computed value is offered too.
import { cellName } from '../describe';
import { evaluate, identitiesOf, solve, through, valuesOf, type Values } from '../identities';
import { fmt, list, type Msg } from '../i18n';
import type { Cell, Table, Finding, Fix } from '../model';
import { cellEdit } from '../edits/cells';
import { cellKey, type CellRef, type Identity } from '../templates';
import { identityName, recomputeFix } from './identity';
import type { Rule, RuleContext } from './types';

const M = {
  blank: { en: '{cell} is blank.', 'zh-cn': '{cell}为空。' },
  placeholder: { en: '{cell} holds 「{text}」 instead of a number.', 'zh-cn': '{cell}填写为「{text}」，而不是数字。' },
  omission: {
    en: ' A blank is an omission, not 0: write the number, 0 if there were none.',
    'zh-cn': '空白表示漏填，不等于 0：请填写数字，没有则填 0。',
  },
  computed: { en: ' It can be computed as {value} from {formula}.', 'zh-cn': '按 {formula} 可算得 {value}。' },
  fill: { en: 'Fill {cell} with 0', 'zh-cn': '将{cell}填为 0' },
  breaks: { en: ' (breaks {list})', 'zh-cn': '（会破坏：{list}）' },
} satisfies Record<string, Msg>;

const doc: Msg = {
  en: 'A count cell in a statistical table is empty or holds a placeholder such as /, — or 无. The template expects a number in every cell, and a blank is an omission, not a zero: readers (and the identities) cannot tell "none" from "not reported". Write 0 where there were none. When the blank cell is a total whose parts are all written, the value it must hold is offered as a fix.',
  'zh-cn': '统计表中某个数量单元格为空，或只填了“/”“—”“无”等占位符。模板要求每个单元格都填写数字；空白是漏填而不是 0，读者（以及勾稽关系）无法分辨“没有”与“未填报”。没有的请填 0。若空白单元格是合计项且其各组成项均已填写，会提供按勾稽关系计算出的值作为修复。',
};

/** Identities that solve for this cell and can be solved now, with their values. */
function solutions(t: Table, v: Values, ref: CellRef): { identity: Identity; value: number }[] {
  const out: { identity: Identity; value: number }[] = [];
  for (const i of identitiesOf(t)) {
    if (i.solveFor.row !== ref.row || i.solveFor.column !== ref.column) continue;
    const value = solve(i, v);
    if (value !== undefined) out.push({ identity: i, value });
  }
  return out;
}

/**
 * The recompute fix for a blank cell. recomputeFix only weighs identities that hold now,
 * and none through a blank cell does; so an identity the filled value would make fail
 * (two identities disagreeing about the cell) also makes the fix unsafe.
 */
function computedFix(ctx: RuleContext, t: Table, v: Values, ref: CellRef, s: { identity: Identity; value: number }): Fix | undefined {
  const fix = recomputeFix(ctx, t, s.identity);
  if (!fix) return undefined;
  const after: Values = new Map(v);
  after.set(cellKey(ref.row, ref.column), s.value);
  const failing = through(t, ref, s.identity).filter(o => evaluate(o, v) === undefined && evaluate(o, after)?.holds === false);
  if (!failing.length) return fix;
  return {
    ...fix,
    preferred: false,
    title: fix.title + fmt(M.breaks, ctx.locale, { list: list(failing.map(o => identityName(t, o, ctx.locale)), ctx.locale) }),
  };
}

function finding(ctx: RuleContext, t: Table, v: Values, cell: Cell): Finding {
  const ref: CellRef = { table: t.id, row: cell.row, column: cell.column };
  const name = cellName(t.generation, ref, ctx.locale);
  let message = cell.text ? fmt(M.placeholder, ctx.locale, { cell: name, text: cell.text }) : fmt(M.blank, ctx.locale, { cell: name });
  message += fmt(M.omission, ctx.locale);
  const fixes: Fix[] = [];
  const seen = new Set<number>();
  for (const s of solutions(t, v, ref)) {
    if (seen.has(s.value)) continue;
    seen.add(s.value);
    message += fmt(M.computed, ctx.locale, { value: s.value, formula: identityName(t, s.identity, ctx.locale) });
    const fix = computedFix(ctx, t, v, ref, s);
    if (fix) fixes.push(fix);
  }
  // Widening finds the row by table id, which names the report's first table of that kind only.
  const widens = ctx.report.tables[t.id] === t;
  fixes.push({
    title: fmt(M.fill, ctx.locale, { cell: name }), edits: [cellEdit(ctx.doc, cell, 0)], preferred: false,
    ...(widens ? { scope: { kind: 'fill', report: ctx.reportIndex, table: t.id, row: cell.row } } : {}),
  });
  return { code: rule.code, severity: rule.severity, message, range: cell.range, fixes, cells: [ref] };
}

const rule: Rule = {
  code: 'blank-cell',
  severity: 'warning',
  doc,
  checkTable(ctx, t) {
    const out: Finding[] = [];
    const v = valuesOf(t);
    for (const row of Object.values(t.rows)) {
      for (const cell of Object.values(row.cells)) if (cell.kind === 'blank') out.push(finding(ctx, t, v, cell));
    }
    return out;
  },
};

export default rule;
