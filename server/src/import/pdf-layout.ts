// Page geometry → report structure, for PDFs: text items and ruling lines in, paragraphs
// and table grids out. Pure (no pdfjs here): pdf.ts reads the pages and hands them over.
// Tables come from the ruled grid: every vertical and horizontal line found on the page
// splits it into elementary cells, a missing border between two of them merges them, and
// each text item lands in the cell under its first glyph — so a blank cell stays blank
// and a header broken over several lines is one cell.
import type { GridCell } from './write';

export interface TextItem { text: string; x: number; y: number; width: number; size: number }
/** A ruling line, horizontal (y0 = y1) or vertical (x0 = x1), in page space (y up). */
export interface Segment { x0: number; y0: number; x1: number; y1: number }
export interface Page { number: number; width: number; height: number; items: TextItem[]; segments: Segment[] }

export interface ParagraphBlock { kind: 'paragraph'; text: string; page: number; x: number; y: number }
/** A table: its grid, and for each place the row and column of the cell covering it (merged cells cover several). */
export interface TableBlock { kind: 'table'; rows: GridCell[][]; roots: { r: number; c: number }[][]; page: number; columns: number[]; top: number; bottom: number; endsPage: boolean; startsPage: boolean }
export type Block = ParagraphBlock | TableBlock;

const EPS = 1.5;
const ASCII_WORD = /[A-Za-z0-9.,:;%@\-+/()]/;

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
interface Grid { xs: number[]; ys: number[]; hs: H[]; vs: V[] }

/** The ruled grids of a page: segments joined into connected components of crossing lines. */
function grids(segments: Segment[]): Grid[] {
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

/** Items on one line: by baseline, then left to right; one string, CJK runs without spaces. */
export function joinLine(items: TextItem[]): string {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  let out = '';
  let end = -Infinity;
  for (const it of sorted) {
    const gap = it.x - end;
    if (out && gap > it.size * 0.25 && ASCII_WORD.test(out[out.length - 1]) && ASCII_WORD.test(it.text[0])) out += ' ';
    out += it.text;
    end = it.x + it.width;
  }
  return tidy(out);
}

/** Spaces a word processor spread between CJK characters (， 邮 编 ：) taken out. */
const tidy = (s: string) => s.replace(/(?<=[^\x00-\x7f]) +(?=[^\x00-\x7f])/g, '').replace(/(?<=[^\x00-\x7f]) +(?=[0-9])|(?<=[0-9]) +(?=[^\x00-\x7f])/g, '').trim();

interface Line { items: TextItem[]; y: number; x: number; right: number; size: number; text: string }

/** Items grouped into lines by baseline (within half the larger font size), top to bottom. */
export function lines(items: TextItem[]): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextItem[][] = [];
  for (const it of sorted) {
    const g = groups.find(l => Math.abs(l[0].y - it.y) < Math.max(l[0].size, it.size) * 0.5);
    if (g) g.push(it); else groups.push([it]);
  }
  return groups.map(g => ({
    items: g,
    y: Math.max(...g.map(i => i.y)),
    x: Math.min(...g.map(i => i.x)),
    right: Math.max(...g.map(i => i.x + i.width)),
    size: Math.max(...g.map(i => i.size)),
    text: joinLine(g),
  })).filter(l => l.text !== '').sort((a, b) => b.y - a.y);
}

/** A page number line printed in the margin: `- 3 -`, `— 3 —`, `第 3 页`, `3 / 6`. */
const FOOTER = /^(?:[-－—–]\s*\d+\s*[-－—–]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/;

function tableOf(page: Page, g: Grid, claimed: Set<TextItem>): TableBlock {
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

/** One page: its tables (by the ruled grid) and its other lines, top to bottom; footers dropped. */
function pageBlocks(page: Page): { tables: TableBlock[]; lines: Line[] } {
  const claimed = new Set<TextItem>();
  const tables = grids(page.segments).map(g => tableOf(page, g, claimed)).filter(t => t.rows.some(r => r.some(c => c.text)));
  const free = lines(page.items.filter(it => !claimed.has(it)))
    .filter(l => !(FOOTER.test(l.text) && (l.y < page.height * 0.12 || l.y > page.height * 0.88)));
  const top = Math.max(-Infinity, ...free.map(l => l.y), ...tables.map(t => t.top));
  const bottom = Math.min(Infinity, ...free.map(l => l.y), ...tables.map(t => t.bottom));
  for (const t of tables) { t.startsPage = t.top >= top; t.endsPage = t.bottom <= bottom; }
  return { tables, lines: free };
}

const NUMBER = /^[\d.,，．\s%]+$/;
/** A value in a table without rules: a number (with a unit) or a filler such as / or —. */
const VALUE = /^(?:[+\-−]?\d[\d,，.．]*\s*(?:万元|元|件|个|次|条|%)?|[\/／—–\-－])$/;

interface Run { text: string; x0: number; x1: number; y: number }

/** A line's runs of items, split where the gap is wider than one and a half characters. */
function runs(l: Line): Run[] {
  const items = [...l.items].sort((a, b) => a.x - b.x);
  const out: TextItem[][] = [];
  let end = -Infinity;
  for (const it of items) {
    if (!out.length || it.x - end > it.size * 1.5) out.push([it]); else out[out.length - 1].push(it);
    end = Math.max(end, it.x + it.width);
  }
  return out.map(run => ({ text: joinLine(run), x0: run[0].x, x1: Math.max(...run.map(i => i.x + i.width)), y: l.y }));
}

/** A row of a table drawn without rules: a label (or none), then values standing apart. */
function unruledRow(l: Line): { label?: Run; values: Run[] } | undefined {
  const segs = runs(l);
  if (segs.length < 2) return undefined;
  const [first, ...rest] = segs;
  const label = VALUE.test(first.text) ? undefined : first;
  const values = label ? rest : segs;
  return values.every(v => VALUE.test(v.text)) ? { label, values } : undefined;
}

/**
 * Rows of a table without rules, as a grid: the columns are the runs of x where values
 * stand (their extents, overlapping ones one column), so a value missing from a row is a
 * blank cell there. A label column only when some row has a label.
 */
function unruledTable(page: Page, rows: { label?: Run; values: Run[] }[]): TableBlock {
  const spans: [number, number][] = [];
  const pad = 2;
  for (const [a, b] of rows.flatMap(r => r.values.map(v => [v.x0 - pad, v.x1 + pad] as [number, number])).sort((p, q) => p[0] - q[0])) {
    const last = spans[spans.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b); else spans.push([a, b]);
  }
  const labelled = rows.some(r => r.label);
  const source = (s: Run) => ({ kind: 'pdf' as const, page: page.number, x: Math.round(s.x0), y: Math.round(page.height - s.y) });
  const grid: GridCell[][] = rows.map(r => [
    ...(labelled ? [r.label ? { text: r.label.text, source: source(r.label) } : { text: '' }] : []),
    ...spans.map(([a, b]) => {
      const hit = r.values.filter(v => v.x0 < b && v.x1 > a);
      return hit.length ? { text: hit.map(v => v.text).join(' '), source: source(hit[0]) } : { text: '' };
    }),
  ]);
  return {
    kind: 'table', rows: grid, roots: grid.map((row, r) => row.map((_, c) => ({ r, c }))), page: page.number,
    columns: spans.map(sp => sp[0]), top: rows[0].values[0].y, bottom: rows[rows.length - 1].values[0].y, startsPage: false, endsPage: false,
  };
}

/**
 * Appends a table's continuation from the next page. A label cell merged down across the
 * page break is printed in two pieces (（四）无 | 法提供): where the piece on either page
 * spans several rows, the two are one cell, written once.
 */
function join(table: TableBlock, next: TableBlock): void {
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
const sameFrame = (a: number[], b: number[]) => Math.abs(a[0] - b[0]) <= 3 && Math.abs(a[a.length - 1] - b[b.length - 1]) <= 3;

/**
 * The pages as blocks in reading order: paragraphs (lines joined while they continue one
 * another, also across a page break) and tables (a table ending a page and one in the
 * same frame starting the next are one table).
 */
export function layout(pages: Page[]): Block[] {
  const blocks: Block[] = [];
  let para: { lines: Line[]; page: number; y: number; left: number; right: number } | undefined;
  const flush = () => {
    if (!para) return;
    let text = '';
    for (const l of para.lines) {
      if (text && ASCII_WORD.test(text[text.length - 1]) && ASCII_WORD.test(l.text[0])) text += ' ';
      text += l.text;
    }
    const first = para.lines[0];
    blocks.push({ kind: 'paragraph', text, page: para.page, x: Math.round(first.x), y: para.y });
    para = undefined;
  };
  for (const page of pages) {
    const { tables, lines: free } = pageBlocks(page);
    const left = Math.min(...free.map(l => l.x));
    const right = Math.max(...free.map(l => l.right));
    const events: ({ y: number; line: Line } | { y: number; table: TableBlock })[] = [
      ...free.map(line => ({ y: line.y, line })),
      ...tables.map(table => ({ y: table.top, table })),
    ].sort((a, b) => b.y - a.y);
    let prev: Line | undefined;
    let unruled: { label?: Run; values: Run[] }[] = [];
    const endUnruled = () => { if (unruled.length) blocks.push(unruledTable(page, unruled)); unruled = []; };
    for (const e of events) {
      const row = 'line' in e ? unruledRow(e.line) : undefined;
      if (row) {
        // A row of a table drawn without rules: never joined into a paragraph.
        flush();
        unruled.push(row);
        prev = undefined;
        continue;
      }
      endUnruled();
      if ('table' in e) {
        flush();
        const last = blocks[blocks.length - 1];
        if (last?.kind === 'table' && last.endsPage && e.table.startsPage && last.page === page.number - 1 && sameFrame(last.columns, e.table.columns)) {
          join(last, e.table);
          last.endsPage = e.table.endsPage;
          last.page = page.number;
        } else blocks.push(e.table);
        prev = undefined;
        continue;
      }
      const l = e.line;
      const continues = para && (prev
        ? prev.y - l.y < Math.max(prev.size, l.size) * 2.2 && Math.abs(prev.size - l.size) < 1
          && prev.right >= para.right - prev.size * 2 && l.x <= para.left + l.size * 0.8
        : para.page === page.number - 1 && l.x <= left + l.size * 0.8 && Math.abs(para.lines[para.lines.length - 1].size - l.size) < 1
          && para.lines[para.lines.length - 1].right >= para.right - l.size * 2);
      if (!continues) {
        flush();
        para = { lines: [l], page: page.number, y: Math.round(page.height - l.y), left, right };
        prev = l;
        continue;
      }
      para!.lines.push(l);
      para!.left = left;
      para!.right = right;
      prev = l;
    }
    endUnruled();
  }
  flush();
  return blocks;
}
