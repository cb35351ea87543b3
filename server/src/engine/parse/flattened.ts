// Recovering cells that crawled web text ran together: `规范性文件898989` for 89 | 89 | 89,
// `10203120001200000` for a whole 表四 row. A digit run is split into the row's columns
// only where the template's identities admit exactly one split; never invent a number.
// Pure; placement.ts calls splitRow on a row whose cells are one digit run.
import { evaluate } from '../identities';
import { TEMPLATES, cellKey, templateMemo, rowsOf, tableDecl, type Generation, type Identity, type TableId } from '../templates';

/** Longest number a count cell plausibly holds; bounds the search. */
const MAX_DIGITS = 7;
/** Search budget (visited prefixes): beyond it the run is called ambiguous, not guessed. */
const BUDGET = 2_000_000;

/** A test on a row's values. Prefix-safe: it may be asked about the first k values and fails only when those already break it (used to prune). */
export type Constraint = ((values: number[]) => boolean) & { prefixSafe?: boolean };

/**
 * Every split of `digits` into `columns` numbers (no leading zeros except '0' itself) that
 * satisfies `constraints`. Empty also when the search budget runs out: recoverDigitRun
 * tells the two apart.
 */
export function splitDigitRun(digits: string, columns: number, constraints: Constraint = () => true): number[][] {
  return search(digits, columns, constraints) ?? [];
}

/**
 * Runs that must be split where they were written apart (web text: `10 0 0 0 01`, `1-10`):
 * `cuts` are offsets in the digits where a cell must end, `negative` those where a cell
 * starts with a minus sign (本年增/减 written `-18` or `减18`).
 */
export interface Runs { cuts: ReadonlySet<number>; negative: ReadonlySet<number> }

function search(digits: string, columns: number, constraints: Constraint, out: number[][] = [], runs?: Runs): number[][] | undefined {
  if (!/^\d+$/.test(digits) || columns < 1) return [];
  const parts: number[] = [];
  let visited = 0;
  // The next offset a cell may not run past (web runs), per offset.
  const stop: number[] = new Array(digits.length + 1).fill(digits.length);
  if (runs) for (let i = digits.length - 1; i >= 0; i--) stop[i] = runs.cuts.has(i + 1) ? i + 1 : stop[i + 1];
  const walk = (at: number): boolean => {
    if (++visited > BUDGET) return false;
    const left = columns - parts.length;
    const rest = digits.length - at;
    if (left === 0) {
      if (rest === 0 && constraints(parts)) out.push([...parts]);
      return true;
    }
    if (rest < left || rest > left * MAX_DIGITS) return true;
    const longest = digits[at] === '0' ? 1 : Math.min(MAX_DIGITS, rest - (left - 1), stop[at] - at);
    const sign = runs?.negative.has(at) ? -1 : 1;
    for (let len = 1; len <= longest; len++) {
      parts.push(sign * Number(digits.slice(at, at + len)));
      const ok = constraints.prefixSafe && parts.length < columns && !constraints(parts) ? true : walk(at + len);
      parts.pop();
      if (!ok) return false;
    }
    return true;
  };
  return walk(0) ? out : undefined;
}

export type Recovery =
  | { kind: 'unique'; values: number[] }
  | { kind: 'ambiguous'; splits: number }
  | { kind: 'none' };

/** Unique split → recovered; several (or too many to count) → ambiguous; none → none. */
export function recoverDigitRun(digits: string, columns: number, constraints?: Constraint, runs?: Runs): Recovery {
  const found = search(digits, columns, constraints ?? (() => true), [], runs);
  if (found === undefined) return { kind: 'ambiguous', splits: Infinity };
  if (found.length === 1) return { kind: 'unique', values: found[0] };
  return found.length ? { kind: 'ambiguous', splits: found.length } : { kind: 'none' };
}

/**
 * The constraint a template row's identities put on its cells, in the row's column order
 * (表四: each group's 总计 = 维持 + 纠正 + 其他 + 尚未审结; 表三: 总计 = the six kinds of applicant).
 */
export function rowConstraints(gen: Generation, table: TableId, row: string, identities = rowIdentities(gen, table, row)): Constraint {
  const columns = rowsOf(tableDecl(gen, table)).get(row)?.columns.map(c => c.id) ?? [];
  // A prefix leaves later cells out of the map: identities through them are not evaluated yet.
  const test: Constraint = values => {
    const v = new Map(columns.slice(0, values.length).map((c, k) => [cellKey(row, c), values[k]]));
    return identities.every(i => evaluate(i, v)?.holds !== false);
  };
  test.prefixSafe = true;
  return test;
}

/** The identities along one row (表三: its 总计; 表四: each group's 总计). */
export function rowIdentities(gen: Generation, table: TableId, row: string): Identity[] {
  return TEMPLATES[gen].derived.identities.filter(i => i.table === table && i.along === 'row' && i.index === row);
}

export type RowSplit =
  | { kind: 'unique'; values: number[]; decisive: string[] }
  | { kind: 'ambiguous'; count: number; examples: number[][] }
  | { kind: 'none' };

/** Splits shown when several fit. */
const EXAMPLES = 3;
const memo = templateMemo<string, RowSplit>();

/**
 * The split of a row's digit run its identities admit, and which of them it needed (the
 * identities without which several splits would fit). Memoized: placement runs on every
 * re-parse, and a flattened row stays flattened while the user edits elsewhere.
 */
export function splitRow(gen: Generation, table: TableId, row: string, digits: string, runs?: Runs): RowSplit {
  const key = `${gen}|${table}|${row}|${digits}|${runs ? [...runs.cuts].join(',') + '|' + [...runs.negative].join(',') : ''}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const columns = rowsOf(tableDecl(gen, table)).get(row)?.columns.length ?? 0;
  const identities = rowIdentities(gen, table, row);
  // The splits found before the budget ran out still serve as examples.
  const seen: number[][] = [];
  const found = search(digits, columns, rowConstraints(gen, table, row, identities), seen, runs);
  let r: RowSplit;
  if (found === undefined) r = { kind: 'ambiguous', count: Infinity, examples: seen.slice(0, EXAMPLES) };
  else if (found.length > 1) r = { kind: 'ambiguous', count: found.length, examples: found.slice(0, EXAMPLES) };
  else if (!found.length) r = { kind: 'none' };
  else {
    const decisive = identities.filter(i =>
      recoverDigitRun(digits, columns, rowConstraints(gen, table, row, identities.filter(j => j !== i)), runs).kind !== 'unique');
    r = { kind: 'unique', values: found[0], decisive: decisive.map(i => i.key) };
  }
  if (memo.size > 1000) memo.clear();
  memo.set(key, r);
  return r;
}
