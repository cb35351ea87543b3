// Evaluating the identities (勾稽关系) a table's template declares.
import { TEMPLATES, cellKey, type CellRef, type Identity } from './templates';
import type { Table } from './model';

/** Cell values by `row|column`; null where blank or not a number; absent where missing. */
export type Values = Map<string, number | null>;

export function valuesOf(table: Table): Values {
  const v: Values = new Map();
  for (const row of Object.values(table.rows)) for (const c of Object.values(row.cells)) v.set(cellKey(c.row, c.column), c.value);
  return v;
}

export interface Evaluation {
  identity: Identity;
  lhs: number;
  rhs: number;
  holds: boolean;
}

const get = (v: Values, r: CellRef) => v.get(cellKey(r.row, r.column));
const sum = (v: Values, refs: CellRef[]) => refs.reduce((s, r) => s + (get(v, r) as number), 0);
/** Adds the way people do: 0.1 + 0.2 = 0.3. */
const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** The identity's two sides, or undefined when a term is missing or blank. */
export function evaluate(identity: Identity, v: Values): Evaluation | undefined {
  const terms = [...identity.lhs, ...identity.rhs];
  if (terms.some(r => typeof get(v, r) !== 'number')) return undefined;
  const lhs = round(sum(v, identity.lhs));
  const rhs = round(sum(v, identity.rhs));
  return { identity, lhs, rhs, holds: lhs === rhs };
}

/** The value `solveFor` must take for the identity to hold, when every other term is known. */
export function solve(identity: Identity, v: Values): number | undefined {
  const s = identity.solveFor;
  const isS = (r: CellRef) => r.row === s.row && r.column === s.column;
  const others = [...identity.lhs, ...identity.rhs].filter(r => !isS(r));
  if (others.some(r => typeof get(v, r) !== 'number')) return undefined;
  const onLeft = identity.lhs.some(isS);
  const left = sum(v, identity.lhs.filter(r => !isS(r)));
  const right = sum(v, identity.rhs.filter(r => !isS(r)));
  return round(onLeft ? right - left : left - right);
}

export function identitiesOf(table: Table): Identity[] {
  return TEMPLATES[table.generation].derived.identities.filter(i => i.table === table.id);
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
  const after: Values = new Map(v);
  after.set(cellKey(ref.row, ref.column), value);
  return through(table, ref, except).filter(i => evaluate(i, v)?.holds !== false && evaluate(i, after)?.holds === false);
}
