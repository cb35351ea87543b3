// The four arithmetic rules share one evaluator: each identity the template declares for
// the rule's code is checked in every row or column it applies to.
import { cellName, columnLabel, formula, shortRow } from '../describe';
import { evaluate, identitiesOf, solve, through, valuesOf, wouldBreak } from '../identities';
import { fmt, list, type Msg } from '../i18n';
import type { Table } from '../model';
import { cellEdit } from '../fixes/cells';
import type { Identity } from '../templates';
import type { Finding, Fix, Rule, RuleContext, Severity } from './types';

const M = {
  mismatch: {
    en: '{cell}: written {written}, but {formula} gives {computed} (difference {diff}).',
    'zh-cn': '{cell}：填写为 {written}，但按 {formula} 计算应为 {computed}（相差 {diff}）。',
  },
  disagree: {
    en: ' Yet {others} holds with the written value, so the written value may be right and an addend wrong or missing.',
    'zh-cn': '但 {others} 按填写值成立，可能是填写值正确而某个加数有误或漏填。',
  },
  fix: { en: 'Set {cell} to {value}', 'zh-cn': '将{cell}改为 {value}' },
  breaks: { en: ' (breaks {list})', 'zh-cn': '（会破坏：{list}）' },
} satisfies Record<string, Msg>;

/** Where an identity applies, in words: the row or the column. */
function where(t: Table, i: Identity): string {
  return i.along === 'row' ? shortRow(t.generation, t.id, i.index) : columnLabel(t.generation, t.id, i.solveFor.row, i.index);
}

/** Per identity (each belongs to one generation and table): names are asked for with every finding. */
const names = new Map<Identity, string>();
export function identityName(t: Table, i: Identity): string {
  let name = names.get(i);
  if (name === undefined) names.set(i, (name = `${formula(t.generation, i)}（${where(t, i)}）`));
  return name;
}

/** The fix that sets an identity's solveFor cell, preferred only when it breaks nothing that holds. */
export function recomputeFix(ctx: RuleContext, t: Table, i: Identity): Fix | undefined {
  const v = valuesOf(t);
  const value = solve(i, v);
  const cell = t.rows[i.solveFor.row]?.cells[i.solveFor.column];
  if (value === undefined || !cell) return undefined;
  const breaks = wouldBreak(t, v, i.solveFor, value, i);
  const name = cellName(t.generation, i.solveFor, ctx.locale);
  let title = fmt(M.fix, ctx.locale, { cell: name, value });
  if (breaks.length) title += fmt(M.breaks, ctx.locale, { list: list(breaks.map(b => identityName(t, b)), ctx.locale) });
  return {
    title,
    edits: [cellEdit(ctx.doc, cell, value)],
    preferred: breaks.length === 0 && value >= 0,
    scope: { kind: 'recompute', report: ctx.reportIndex, table: t.id, row: i.solveFor.row },
  };
}

export function identityRule(code: string, severity: Severity, doc: Msg): Rule {
  return {
    code, severity, doc,
    checkTable(ctx, t) {
      const out: Finding[] = [];
      const v = valuesOf(t);
      for (const i of identitiesOf(t).filter(x => x.code === code)) {
        const e = evaluate(i, v);
        if (!e || e.holds) continue;
        const cell = t.rows[i.solveFor.row]!.cells[i.solveFor.column]!;
        const computed = solve(i, v)!;
        let message = fmt(M.mismatch, ctx.locale, {
          cell: cellName(t.generation, i.solveFor, ctx.locale), written: cell.value ?? '',
          formula: identityName(t, i), computed, diff: Math.round(((cell.value ?? 0) - computed) * 1e6) / 1e6,
        });
        const holding = through(t, i.solveFor, i).filter(o => evaluate(o, v)?.holds);
        if (holding.length) message += fmt(M.disagree, ctx.locale, { others: list(holding.map(o => identityName(t, o)), ctx.locale) });
        const fix = recomputeFix(ctx, t, i);
        out.push({
          code, severity, message, range: cell.range, fixes: fix ? [fix] : [],
          cells: [...i.lhs, ...i.rhs],
        });
      }
      return out;
    },
  };
}
