// Tables from the ruled grid: every vertical and horizontal line found on the page splits
// it into elementary cells, a missing border between two of them merges them, and each
// text item lands in the cell under its first glyph — so a blank cell stays blank and a
// header broken over several lines is one cell. A table cut by a page break is joined
// with its continuation.
import { lines } from './pdf-lines';
import type { Page, Segment, TableBlock, TextItem } from './pdf-types';
import type { GridCell } from './write';

const EPS = 1.5;

/** Values within EPS of each other, as one value each (their mean), sorted ascending. */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= EPS) last.push(v); else out.push([v]);
  }
  return out.map(g => g.reduce((s, v) => s + v, 0) / g.length);
}

class UnionFind {
  private parent: number[];
  constructor(n: number) { this.parent = Array.from({ length: n }, (_, i) => i); }
  find(i: number): number { while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]]; return i; }
  union(a: number, b: number): void { const ra = this.find(a), rb = this.find(b); if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb); }
}

interface H { y: number; x0: number; x1: number }
interface V { x: number; y0: number; y1: number }
export interface Grid { xs: number[]; ys: number[]; hs: H[]; vs: V[] }

/** The ruled grids of a page: segments joined into connected components of crossing lines. */
export function grids(segments: Segment[]): Grid[] {
  const hs: H[] = [], vs: V[] = [];
  for (const s of segments) {
    if (Math.abs(s.y0 - s.y1) <= 1 && Math.abs(s.x1 - s.x0) > 3) hs.push({ y: (s.y0 + s.y1) / 2, x0: Math.min(s.x0, s.x1), x1: Math.max(s.x0, s.x1) });
    else if (Math.abs(s.x0 - s.x1) <= 1 && Math.abs(s.y1 - s.y0) > 3) vs.push({ x: (s.x0 + s.x1) / 2, y0: Math.min(s.y0, s.y1), y1: Math.max(s.y0, s.y1) });
  }
  const uf = new UnionFind(hs.length + vs.length);
  hs.forEach((h, i) => vs.forEach((v, j) => {
    if (v.x >= h.x0 - 2 && v.x <= h.x1 + 2 && h.y >= v.y0 - 2 && h.y <= v.y1 + 2) uf.union(i, hs.length + j);
  }));
  const groups = new Map<number, { hs: H[]; vs: V[] }>();
  const group = (i: number) => { const r = uf.find(i); let g = groups.get(r); if (!g) groups.set(r, (g = { hs: [], vs: [] })); return g; };
  hs.forEach((h, i) => group(i).hs.push(h));
  vs.forEach((v, j) => group(hs.length + j).vs.push(v));
  return [...groups.values()]
    .filter(g => g.hs.length >= 1 && g.vs.length >= 2)
    .map(closeEdges)
    .map(g => ({ ...g, xs: cluster(g.vs.map(v => v.x)), ys: cluster(g.hs.map(h => h.y)).reverse() }))
    .filter(g => g.xs.length >= 2 && g.ys.length >= 2);
}

/**
 * A table broken by a page break has no rule along the break: where the vertical lines
 * reach beyond the last horizontal one, the open edge is closed there.
 */
function closeEdges(g: { hs: H[]; vs: V[] }): { hs: H[]; vs: V[] } {
  const x0 = Math.min(...g.vs.map(v => v.x)), x1 = Math.max(...g.vs.map(v => v.x));
  const lowV = Math.min(...g.vs.map(v => v.y0)), highV = Math.max(...g.vs.map(v => v.y1));
  const lowH = Math.min(...g.hs.map(h => h.y)), highH = Math.max(...g.hs.map(h => h.y));
  const hs = [...g.hs];
  if (lowV < lowH - 3) hs.push({ y: lowV, x0, x1 });
  if (highV > highH + 3) hs.push({ y: highV, x0, x1 });
  return { hs, vs: g.vs };
}

/** Where a text item is read from: its first glyph (a long run of text is anchored where it starts). */
const anchor = (it: TextItem) => ({ x: it.x + Math.min(it.width, it.size) / 2, y: it.y + it.size / 3 });

const indexIn = (bounds: number[], v: number, descending = false) => {
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [a, b] = descending ? [bounds[i + 1], bounds[i]] : [bounds[i], bounds[i + 1]];
    if (v >= a - 0.5 && v <= b + 0.5) return i;
  }
  return -1;
};

export function tableOf(page: Page, g: Grid, claimed: Set<TextItem>): TableBlock {
  const rows = g.ys.length - 1, cols = g.xs.length - 1;
  const at = (r: number, c: number) => r * cols + c;
  const covers = (lo: number, hi: number, v: number) => v >= lo - 2 && v <= hi + 2;
  const hasV = (x: number, y: number) => g.vs.some(v => Math.abs(v.x - x) <= EPS && covers(v.y0, v.y1, y));
  const hasH = (y: number, x: number) => g.hs.some(h => Math.abs(h.y - y) <= EPS && covers(h.x0, h.x1, x));
  const uf = new UnionFind(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
    const midY = (g.ys[r] + g.ys[r + 1]) / 2, midX = (g.xs[c] + g.xs[c + 1]) / 2;
    if (c + 1 < cols && !hasV(g.xs[c + 1], midY)) uf.union(at(r, c), at(r, c + 1));
    if (r + 1 < rows && !hasH(g.ys[r + 1], midX)) uf.union(at(r, c), at(r + 1, c));
  }
  const texts = new Map<number, TextItem[]>();
  for (const it of page.items) {
    const p = anchor(it);
    const c = indexIn(g.xs, p.x), r = indexIn(g.ys, p.y, true);
    if (c < 0 || r < 0) continue;
    claimed.add(it);
    const root = uf.find(at(r, c));
    texts.set(root, [...(texts.get(root) ?? []), it]);
  }
  const grid: GridCell[][] = [];
  const roots: { r: number; c: number }[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: GridCell[] = [];
    roots.push([]);
    for (let c = 0; c < cols; c++) {
      const root = uf.find(at(r, c));
      roots[r].push({ r: Math.floor(root / cols), c: root % cols });
      if (root !== at(r, c)) { row.push({ text: '', merged: true }); continue; }
      const items = texts.get(root) ?? [];
      const text = lines(items).map(l => l.text).join('\n');
      row.push({ text, source: { kind: 'pdf', page: page.number, x: Math.round(g.xs[c]), y: Math.round(page.height - g.ys[r]) } });
    }
    grid.push(row);
  }
  return { kind: 'table', rows: grid, roots, page: page.number, columns: g.xs, top: g.ys[0], bottom: g.ys[g.ys.length - 1], startsPage: false, endsPage: false };
}

const NUMBER = /^[\d.,，．\s%]+$/;

/**
 * Appends a table's continuation from the next page. A label cell merged down across the
 * page break is printed in two pieces (（四）无 | 法提供): where the piece on either page
 * spans several rows, the two are one cell, written once.
 */
export function join(table: TableBlock, next: TableBlock): void {
  const offset = table.rows.length;
  const columnsAgree = table.columns.length === next.columns.length && table.columns.every((x, i) => Math.abs(x - next.columns[i]) <= 3);
  table.columns = next.columns;
  if (!columnsAgree) {
    // Another sub-table of the frame: its columns are its own, no cell goes on across the break.
    table.rows.push(...next.rows);
    table.roots.push(...next.roots.map(row => row.map(x => ({ r: x.r + offset, c: x.c }))));
    return;
  }
  const lastRow = table.roots[offset - 1];
  const spans = (t: TableBlock, root: { r: number; c: number }) => t.roots.filter(row => row.some(x => x.r === root.r && x.c === root.c)).length;
  const width = (t: TableBlock, root: { r: number; c: number }, r: number) => t.roots[r].filter(x => x.r === root.r && x.c === root.c).length;
  const continued = new Set<string>();
  for (let c = 0; c < next.rows[0].length && c < lastRow.length; c++) {
    const above = lastRow[c], below = next.roots[0][c];
    if (above.c !== c || below.c !== c || below.r !== 0 || continued.has(`${above.r},${c}`)) continue;
    const upper = table.rows[above.r][c], lower = next.rows[0][c];
    if (!upper.text || NUMBER.test(upper.text) || NUMBER.test(lower.text)) continue;
    if (width(table, above, offset - 1) !== width(next, below, 0)) continue;
    if (spans(table, above) < 2 && spans(next, below) < 2) continue;
    upper.text += lower.text ? '\n' + lower.text : '';
    continued.add(`${above.r},${c}`);
    for (let r = 0; r < next.rows.length; r++) for (let k = 0; k < next.rows[r].length; k++) {
      if (next.roots[r][k].r === 0 && next.roots[r][k].c === c) next.rows[r][k] = { text: '', merged: true };
    }
  }
  table.rows.push(...next.rows);
  table.roots.push(...next.roots.map(row => row.map(x => (continued.has(`${lastRow[x.c]?.r},${x.c}`) && x.r === 0 && lastRow[x.c]?.c === x.c ? lastRow[x.c] : { r: x.r + offset, c: x.c }))));
}

/** Two tables of one frame: the same outer edges (their inner columns may differ, as the sub-tables of 表二 do). */
export const sameFrame = (a: number[], b: number[]) => Math.abs(a[0] - b[0]) <= 3 && Math.abs(a[a.length - 1] - b[b.length - 1]) <= 3;
