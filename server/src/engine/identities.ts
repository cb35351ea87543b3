// Evaluating the identities (勾稽关系) a table's template declares.
import { TEMPLATES, GENERATIONS, cellKey, templateMemo, type CellRef, type Identity } from './templates';
import type { Row, Table } from './model';
import { isExact, roundSum } from './text/number';
import { valuesByTable } from './cache';

/** Cell values by `row|column`; null where blank or not a number; absent where missing. */
export type Values = Map<string, number | null>;


/**
 * The table's values (computed once per table: tables do not change after parsing).
 * The map is shared: copy it (`new Map(v)`) before changing anything in it.
 */
export function valuesOf(table: Table): Values {
  const hit = valuesByTable.get(table);
  if (hit) return hit;
  const v: Values = new Map();
  for (const row of Object.values(table.rows)) for (const c of Object.values(row.cells)) v.set(cellKey(c.row, c.column), c.value);
  valuesByTable.set(table, v);
  return v;
}

export interface Evaluation {
  identity: Identity;
  lhs: number;
  rhs: number;
  holds: boolean;
}

/** `row|column` of the built-in templates' cell references, built once (they are looked up constantly; others fall back to cellKey). */
const refKeys = new Map<CellRef, string>();
for (const gen of GENERATIONS) {
  for (const i of TEMPLATES[gen].derived.identities) for (const r of [...i.lhs, ...i.rhs, i.solveFor]) refKeys.set(r, cellKey(r.row, r.column));
}
const keyOf = (r: CellRef) => refKeys.get(r) ?? cellKey(r.row, r.column);

/** A cell's value, with one cell optionally replaced (what-if evaluation without copying the map). */
function valueAt(v: Values, r: CellRef, overKey?: string, overValue?: number): number | null | undefined {
  const k = keyOf(r);
  return k === overKey ? overValue : v.get(k);
}

/** Σ of the refs' values, or undefined when one of them is not a number or the sum is past what a double holds exactly. */
function total(v: Values, refs: readonly CellRef[], overKey?: string, overValue?: number): number | undefined {
  let s = 0;
  for (const r of refs) {
    const x = valueAt(v, r, overKey, overValue);
    if (typeof x !== 'number') return undefined;
    s += x;
  }
  return isExact(s) ? s : undefined;
}

const round = roundSum;

function evaluateWith(identity: Identity, v: Values, overKey?: string, overValue?: number): Evaluation | undefined {
  const l = total(v, identity.lhs, overKey, overValue);
  if (l === undefined) return undefined;
  const r = total(v, identity.rhs, overKey, overValue);
  if (r === undefined) return undefined;
  const lhs = round(l);
  const rhs = round(r);
  return { identity, lhs, rhs, holds: lhs === rhs };
}

/** The identity's two sides, or undefined when a term is missing or blank. */
export function evaluate(identity: Identity, v: Values): Evaluation | undefined {
  return evaluateWith(identity, v);
}

/** The value `solveFor` must take for the identity to hold, when every other term is known. */
export function solve(identity: Identity, v: Values): number | undefined {
  const s = identity.solveFor;
  const isS = (r: CellRef) => r.row === s.row && r.column === s.column;
  let left = 0, right = 0, onLeft = false;
  for (const r of identity.lhs) {
    if (isS(r)) { onLeft = true; continue; }
    const x = valueAt(v, r);
    if (typeof x !== 'number') return undefined;
    left += x;
  }
  for (const r of identity.rhs) {
    if (isS(r)) continue;
    const x = valueAt(v, r);
    if (typeof x !== 'number') return undefined;
    right += x;
  }
  const value = onLeft ? right - left : left - right;
  // A total past 2^53 would be written rounded: no value is offered.
  return isExact(left) && isExact(right) && isExact(value) ? round(value) : undefined;
}

const byTable = templateMemo<string, Identity[]>();
/** The identities of the table's kind and generation (a shared list: do not change it). */
export function identitiesOf(table: Table): Identity[] {
  const k = `${table.generation}|${table.id}`;
  let list = byTable.get(k);
  if (!list) byTable.set(k, (list = TEMPLATES[table.generation].derived.identities.filter(i => i.table === table.id)));
  return list;
}

/** Identities through a cell, other than `except`. */
export function through(table: Table, ref: CellRef, except?: Identity): Identity[] {
  return (TEMPLATES[table.generation].derived.byCell.get(`${table.id}|${cellKey(ref.row, ref.column)}`) ?? []).filter(i => i !== except);
}

/**
 * What setting `ref` to `value` would break: identities through it that do not fail now
 * (they hold, or cannot be evaluated because of a blank) and would fail afterwards.
 */
export function wouldBreak(table: Table, v: Values, ref: CellRef, value: number, except?: Identity): Identity[] {
  const key = cellKey(ref.row, ref.column);
  return through(table, ref, except).filter(i => evaluateWith(i, v)?.holds !== false && evaluateWith(i, v, key, value)?.holds === false);
}

/** The rows an identity reads that were read with doubt (model.ts Doubt), in template order. */
export function doubtfulRows(t: Table, i: Identity): Row[] {
  const out: Row[] = [];
  for (const ref of [...i.lhs, ...i.rhs]) {
    const row = t.rows[ref.row];
    if (row?.doubt && !out.includes(row)) out.push(row);
  }
  return out;
}
