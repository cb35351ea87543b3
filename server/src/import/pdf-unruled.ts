// Tables drawn without rules: a line of a label and values standing apart is a row; the
// columns are where the values stand, so a value missing from a row is a blank cell.
import { joinLine, type Line } from './pdf-lines';
import type { Page, TableBlock, TextItem } from './pdf-types';
import type { GridCell } from './write';

/** A value in a table without rules: a number (with a unit) or a filler such as / or —. */
const VALUE = /^(?:[+\-−]?\d[\d,，.．]*\s*(?:万元|元|件|个|次|条|%)?|[\/／—–\-－])$/;

export interface Run { text: string; x0: number; x1: number; y: number }

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
export function unruledRow(l: Line): { label?: Run; values: Run[] } | undefined {
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
export function unruledTable(page: Page, rows: { label?: Run; values: Run[] }[]): TableBlock {
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
