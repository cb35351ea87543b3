// Edits that write a value into a cell, keeping the table's encoding: only the cell's own
// text changes — except in a recovered digit run, which is written out cell by cell, since
// a changed digit would let the run split differently.
import type { ReportDocument } from '../document';
import type { Cell, Recovered, Edit } from '../model';

export const formatValue = (v: number) => String(v);

export function cellEdit(doc: ReportDocument, cell: Cell, value: number): Edit {
  const piece = cell.recovered?.piece;
  // A web cell that is a run of its own is written like any cell; one inside a run, with its run.
  if (piece) return piece.values.length === 1 ? { range: cell.range, newText: formatValue(value) } : pieceEdit(cell.recovered!, new Map([[piece.index, value]]));
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

/** The web run holding a recovered cell written out as separate cells, some of them (by index in the run) changed. */
function pieceEdit(r: Recovered, changed: ReadonlyMap<number, number>): Edit {
  const p = r.piece!;
  return { range: p.range, newText: p.values.map((v, i) => formatValue(changed.get(i) ?? v)).join(r.separator) };
}

/** Edits for several cells at once: one edit per recovered run, however many of its cells change. */
export function cellEdits(doc: ReportDocument, changes: readonly { cell: Cell; value: number }[]): Edit[] {
  const edits: Edit[] = [];
  const runs = new Map<string, { r: Recovered; changed: Map<number, number> }>();
  for (const { cell, value } of changes) {
    const r = cell.recovered;
    if (!r || r.piece?.values.length === 1) { edits.push(cellEdit(doc, cell, value)); continue; }
    const at = r.piece?.range ?? r.range;
    const key = `${at.start.line}:${at.start.character}`;
    const run = runs.get(key) ?? { r, changed: new Map<number, number>() };
    run.changed.set(r.piece?.index ?? r.index, value);
    runs.set(key, run);
  }
  for (const { r, changed } of runs.values()) edits.push(r.piece ? pieceEdit(r, changed) : runEdit(r, changed));
  return mergeAtSamePoint(edits);
}
