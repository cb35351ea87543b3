// Layout text (pdftotext -layout): which column a number stands under. A blank cell is only
// missing spaces there, so a row with fewer numbers than columns is read by position: the
// header cells and the table's full rows say where each column stands, and each number goes
// to the column it stands under. pdftotext lays a page out on a grid of characters (a CJK
// character takes one place); text aligned in an editor counts it as two display columns:
// the table's own evidence decides which measure lines up.
import type { DoubtReason } from '../model';
import { displayWidth } from '../render/width';
import type { Item } from './items';

type Measure = 'chars' | 'display';
type Align = 'start' | 'center' | 'end';

export interface Grid {
  measure: Measure;
  align: Align;
  /** Where each column stands, in the measure and alignment chosen. */
  anchors: number[];
  /** Per column: how far a number may stand from its anchor and still be read as under it. */
  tolerance: number[];
}

export interface Assignment {
  /** The column of each number, in order. */
  slots: number[];
  doubt?: { reason: DoubtReason; item?: Item };
}

const span = (i: Item, m: Measure): [number, number] =>
  m === 'chars' ? [i.start, i.end] : [i.col, i.col + displayWidth(i.text)];

function at(i: Item, m: Measure, a: Align): number {
  const [s, e] = span(i, m);
  return a === 'start' ? s : a === 'end' ? e : (s + e) / 2;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};

const norm = (s: string) => s.replace(/\s+/g, '');

/**
 * Header items that name one column: a column's label, or a piece of it (pdftotext breaks a
 * header cell over lines: 商业企 / 业). A piece that fits several columns (表四's 结果维持
 * under each of its three groups) names them in turn when it stands as often as they are.
 */
export function headerEvidence(headers: readonly Item[], labels: readonly string[]): { item: Item; column: number }[] {
  const names = labels.map(norm);
  const out: { item: Item; column: number }[] = [];
  const several = new Map<string, Item[]>();
  for (const h of headers) {
    if (h.col < 0) continue;
    const t = norm(h.text);
    if (!t) continue;
    const fits = names.flatMap((n, j) => (n.startsWith(t) || n.endsWith(t) ? [j] : []));
    if (fits.length === 1) out.push({ item: h, column: fits[0] });
    else if (fits.length > 1) several.set(t, [...(several.get(t) ?? []), h]);
  }
  // A piece several columns share names them left to right when it stands as often as they are.
  for (const [t, items] of several) {
    const fits = names.flatMap((n, j) => (n.startsWith(t) || n.endsWith(t) ? [j] : []));
    if (items.length !== fits.length) continue;
    items.sort((a, b) => a.col - b.col).forEach((item, k) => out.push({ item, column: fits[k] }));
  }
  return out;
}

/**
 * The columns of a block of `n` columns from its evidence: full rows (n numbers on one line)
 * and header items that name a column. Undefined when the evidence does not place every
 * column in order.
 */
export function findGrid(n: number, full: readonly Item[][], headers: readonly { item: Item; column: number }[]): Grid | undefined {
  const evidence: { item: Item; column: number }[] = [...headers];
  for (const row of full) row.forEach((item, column) => evidence.push({ item, column }));
  if (!evidence.length) return undefined;
  let best: (Grid & { spread: number }) | undefined;
  for (const measure of ['chars', 'display'] as const) {
    for (const align of ['start', 'center', 'end'] as const) {
      const byColumn: number[][] = Array.from({ length: n }, () => []);
      for (const e of evidence) byColumn[e.column].push(at(e.item, measure, align));
      const anchors = fillIn(byColumn.map(xs => (xs.length ? median(xs) : undefined)));
      if (!anchors) continue;
      let dev = 0;
      for (const e of evidence) dev += Math.abs(at(e.item, measure, align) - anchors[e.column]);
      const spread = dev / evidence.length;
      // Ties go to the first tried: pdftotext's grid of characters, left-aligned numbers.
      if (best && spread >= best.spread - 1e-9) continue;
      // Each column as loose as its own evidence is (pdftotext moves a number a few places
      // with its width), and never less than a place and a half.
      const tolerance = byColumn.map((xs, j) => Math.max(1.5, 1 + Math.max(0, ...xs.map(x => Math.abs(x - anchors[j])))));
      best = { measure, align, anchors, spread, tolerance };
    }
  }
  return best && { measure: best.measure, align: best.align, anchors: best.anchors, tolerance: best.tolerance };
}

/** Anchors for columns without evidence, between or beyond those with; undefined if out of order or too few. */
function fillIn(known: (number | undefined)[]): number[] | undefined {
  const idx = known.flatMap((x, j) => (x === undefined ? [] : [j]));
  if (!idx.length || (idx.length === 1 && known.length > 1)) return undefined;
  for (let k = 1; k < idx.length; k++) if (known[idx[k]]! <= known[idx[k - 1]]!) return undefined;
  const out = known.slice() as number[];
  const first = idx[0], last = idx[idx.length - 1];
  const step = idx.length > 1 ? (known[last]! - known[first]!) / (last - first) : 0;
  for (let j = 0; j < out.length; j++) {
    if (known[j] !== undefined) continue;
    if (j < first) out[j] = known[first]! - step * (first - j);
    else if (j > last) out[j] = known[last]! + step * (j - last);
    else {
      const lo = idx.filter(x => x < j).pop()!, hi = idx.find(x => x > j)!;
      out[j] = known[lo]! + ((known[hi]! - known[lo]!) * (j - lo)) / (hi - lo);
    }
  }
  return out;
}

/**
 * Each of a row's numbers (fewer than the columns) to the column it stands under, in order;
 * with the doubt that remains: a number far from every column or as near another free one,
 * or numbers filling only the first columns (blank last cells read alike as a lost cell
 * whose neighbours slid left).
 */
export function assign(grid: Grid, values: readonly Item[]): Assignment {
  const n = grid.anchors.length, k = values.length;
  const pos = values.map(v => at(v, grid.measure, grid.align));
  // cost[i][j]: the best total distance placing values 0..i with value i in column j.
  const cost: number[][] = Array.from({ length: k }, () => new Array(n).fill(Infinity));
  const from: number[][] = Array.from({ length: k }, () => new Array(n).fill(-1));
  for (let j = 0; j < n; j++) cost[0][j] = Math.abs(pos[0] - grid.anchors[j]);
  for (let i = 1; i < k; i++) {
    let bestPrev = Infinity, bestAt = -1;
    for (let j = i; j < n; j++) {
      if (cost[i - 1][j - 1] < bestPrev) { bestPrev = cost[i - 1][j - 1]; bestAt = j - 1; }
      cost[i][j] = bestPrev + Math.abs(pos[i] - grid.anchors[j]);
      from[i][j] = bestAt;
    }
  }
  let end = k - 1;
  for (let j = k - 1; j < n; j++) if (cost[k - 1][j] < cost[k - 1][end]) end = j;
  const slots = new Array<number>(k);
  for (let i = k - 1, j = end; i >= 0; j = from[i][j], i--) slots[i] = j;

  const taken = new Set(slots);
  for (let i = 0; i < k; i++) {
    const d = Math.abs(pos[i] - grid.anchors[slots[i]]);
    if (d > grid.tolerance[slots[i]]) return { slots, doubt: { reason: 'columns-unclear', item: values[i] } };
    // As near (within a place) to a column left blank: which of the two it is under is a guess.
    for (const j of [slots[i] - 1, slots[i] + 1]) {
      if (j < 0 || j >= n || taken.has(j)) continue;
      if (Math.abs(pos[i] - grid.anchors[j]) < d + 1) return { slots, doubt: { reason: 'columns-unclear', item: values[i] } };
    }
  }
  if (slots[k - 1] === k - 1) return { slots, doubt: { reason: 'trailing-blanks' } };
  return { slots };
}

/**
 * Where a blank of column `slot` stands on the row's line, as a character range: under its
 * column, at least two spaces from its neighbours (so a number written there stays a cell of
 * its own) and from the blank before it, one space wide where there is room; else an empty
 * range (the blanks after a row's last number share one at the line's end: fixes merge them).
 */
export function blankRange(grid: Grid, values: readonly Item[], slots: readonly number[], slot: number, words: readonly Item[], after: number): { start: number; end: number } {
  const left = slots.reduce((acc, s, i) => (s < slot ? i : acc), -1);
  const rv = left + 1 < values.length ? values[left + 1] : undefined;
  // What stands before the blank on its line: the number before it, else the row's label or
  // other words there (a piece of a group label), nearest first.
  const before = words.filter(w => w.line === values[0].line && (!rv || w.end <= rv.start)).sort((a, b) => b.end - a.end)[0];
  const lv = left >= 0 ? values[left] : before;
  const lineEnd = values[0].lineEnd;
  // Past the blank before it in the same gap: two blanks never share a range.
  const lo = Math.max(lv ? lv.end + 2 : 0, after);
  const hi = rv ? rv.start - 2 : lineEnd;
  // The anchor as a character on this line: gaps are spaces, one character a column.
  const target = grid.align === 'end' ? grid.anchors[slot] - 1 : grid.align === 'center' ? grid.anchors[slot] - 0.5 : grid.anchors[slot];
  const ref = lv ?? rv;
  let q = ref ? Math.round(ref === lv ? lv.end + (target - span(lv, grid.measure)[1]) : rv!.start - (span(rv!, grid.measure)[0] - target)) : lo;
  if (hi - lo >= 1) {
    q = Math.max(lo, Math.min(q, hi - 1));
    return { start: q, end: q + 1 };
  }
  // No room for two spaces each side: an empty range (a fix writes the padding with the number).
  const p = rv ? Math.min(Math.max(((lv ? lv.end : 0) + rv.start) >> 1, after), rv.start) : lineEnd;
  return { start: p, end: p };
}
