// Edits that write a value into a cell, keeping the table's encoding: only the cell's own
// text changes — except in a recovered digit run, which is written out cell by cell, since
// a changed digit would let the run split differently.
import type { ReportDocument } from '../document';
import type { Cell, Recovered } from '../model';
import type { Edit } from '../rules/types';

export const formatValue = (v: number) => String(v);

export function cellEdit(doc: ReportDocument, cell: Cell, value: number): Edit {
  if (cell.recovered) return runEdit(cell.recovered, new Map([[cell.recovered.index, value]]));
  const text = formatValue(value);
  const { range } = cell;
  if (cell.kind !== 'blank') return { range, newText: text };
  const line = doc.line(range.start.line);
  const written = doc.getTextIn(range);
  // A blank between pipes keeps its padding: `|  |` → `| 0 |`.
  if (written.length >= 2 && /^ +$/.test(written)) return { range, newText: ` ${text} ` };
  // A pipe-only line (seed 003's blank 总计): write the cell before its pipe.
  if (line[range.end.character] === '|' && written === '') return { range, newText: `${text} ` };
  // Layout text: a blank among spaces keeps the line's columns; one against other text
  // (a blank after the row's last number) is written two spaces apart, a cell of its own.
  if (/^ +$/.test(written)) return { range, newText: text.padEnd(written.length) };
  const before = line[range.start.character - 1];
  const after = line[range.end.character];
  const pad = (ch: string | undefined) => (ch !== undefined && !/[\s|]/.test(ch) ? '  ' : '');
  return { range, newText: pad(before) + text + pad(after) };
}

/** Edits of several blanks at one point (blanks after a layout row's last number) as one edit, in order. */
export function mergeAtSamePoint(edits: readonly Edit[]): Edit[] {
  const out: Edit[] = [];
  for (const e of edits) {
    const prev = out[out.length - 1];
    const same = (a: Edit['range']['start'], b: Edit['range']['start']) => a.line === b.line && a.character === b.character;
    if (prev && same(prev.range.start, e.range.start) && same(prev.range.end, e.range.end) && same(e.range.start, e.range.end)) {
      out[out.length - 1] = { range: prev.range, newText: prev.newText + e.newText };
    } else out.push(e);
  }
  return out;
}

/** A recovered run written out as separate cells, some of them (by index in the run) changed. */
export function runEdit(r: Recovered, changed: ReadonlyMap<number, number> = new Map()): Edit {
  const values = r.values.map((v, i) => formatValue(changed.get(i) ?? v));
  return { range: r.range, newText: (r.glued ? r.separator : '') + values.join(r.separator) };
}

/** Edits for several cells at once: one edit per recovered run, however many of its cells change. */
export function cellEdits(doc: ReportDocument, changes: readonly { cell: Cell; value: number }[]): Edit[] {
  const edits: Edit[] = [];
  const runs = new Map<string, { r: Recovered; changed: Map<number, number> }>();
  for (const { cell, value } of changes) {
    const r = cell.recovered;
    if (!r) { edits.push(cellEdit(doc, cell, value)); continue; }
    const key = `${r.range.start.line}:${r.range.start.character}`;
    const run = runs.get(key) ?? { r, changed: new Map<number, number>() };
    run.changed.set(r.index, value);
    runs.set(key, run);
  }
  for (const { r, changed } of runs.values()) edits.push(runEdit(r, changed));
  return mergeAtSamePoint(edits);
}
