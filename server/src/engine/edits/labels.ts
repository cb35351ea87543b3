// Row labels: the edits that write a row's template label back, each checked by re-reading
// the table's section before it is offered.
import type { ReportDocument } from '../document';
import type { Row, Table, Edit } from '../model';
import { templateLabel } from '../describe';
import type { ReportInDocument } from './context';
import { sectionTablesAfter } from './reread';
import { byStart } from '../text/range';

const values = (row: Row | undefined) => JSON.stringify(Object.values(row?.cells ?? {}).map(c => [c.column, c.value, c.kind]));

export interface Relabel { row: Row; label: string }

/** After the edits, each row reads its template label and no row's numbers moved. */
function relabelled(ctx: ReportInDocument, t: Table, wanted: Relabel[], edits: Edit[]): boolean {
  if (ctx.report.tables[t.id] !== t) return false; // a pasted duplicate: the re-parse cannot tell them apart
  const after = sectionTablesAfter(ctx, t, edits)?.after.find(x => x.id === t.id);
  if (!after) return false;
  for (const { row, label } of wanted) {
    const r = after.rows[row.id];
    if (!r?.label || templateLabel(after, row.id) !== label || (r.label.how !== 'exact' && r.label.how !== 'normalized')) return false;
  }
  const ids = Object.keys(t.rows);
  return ids.length === Object.keys(after.rows).length && ids.every(id => values(t.rows[id]) === values(after.rows[id]));
}

/**
 * Edits replacing written labels with the template's, by row id, for the rows where a
 * re-parse confirms it. One re-parse checks them all together (the edits are independent);
 * only if that fails is each checked on its own.
 */
export function relabelEdits(ctx: ReportInDocument, t: Table, wanted: Relabel[]): Map<string, Edit[]> {
  const todo = wanted.filter(w => w.row.label);
  const edits = new Map(todo.map(w => [w.row.id, [{ range: w.row.label!.range, newText: w.label }]]));
  if (!todo.length || relabelled(ctx, t, todo, [...edits.values()].flat())) return edits;
  if (todo.length === 1) return new Map();
  return new Map(todo.filter(w => relabelled(ctx, t, [w], edits.get(w.row.id)!)).map(w => [w.row.id, edits.get(w.row.id)!]));
}

/**
 * Writes a lost label back as the row's label cell, in the encodings that give every cell
 * its own line (tab-prefixed or pipe-terminated): a new cell line before the row's first
 * number. Row-per-line encodings have no safe place for it (which blank is the label's?),
 * so they get no edit.
 */
export function lostLabelEdits(ctx: ReportInDocument, t: Table, row: Row, label: string): Edit[] | undefined {
  const cells = Object.values(row.cells).sort(byStart);
  if (!cells.length) return undefined;
  const line = cells[0].range.start.line;
  const text = cellLine(ctx.doc, t, line, label);
  if (text === undefined) return undefined;
  const edits = [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: text }];
  return relabelled(ctx, t, [{ row, label }], edits) ? edits : undefined;
}

/** A label cell written like the cell on `line`, with its line break; undefined if that line is not a lone cell. */
function cellLine(doc: ReportDocument, t: Table, line: number, label: string): string | undefined {
  const written = doc.line(line);
  const eol = doc.getTextIn({ start: { line, character: written.length }, end: { line: line + 1, character: 0 } }) || '\n';
  if (t.encoding === 'tab-cells' && /^\f*\t[^\t]*$/.test(written)) return `\t${label}${eol}`;
  if (t.encoding === 'pipe-cells' && /^[^|]*\S[^|]* \|\s*$/.test(written)) return `${label} |${eol}`;
  return undefined;
}
