// Proving a fix by re-reading the table's section with the fix applied. Bare numbers in
// paragraphs (plain pdftotext, corpus 03) are placed by counting: turning a 「/」 into a
// number can make a damaged table read differently, and so can filling a blank in a table
// read with doubt, where a row's fullness decides where the next cells go. Such a cell fix
// is applied unattended (preferred) only when the re-read shows it moves no cell it does
// not name. Relabels (edits/labels.ts) are proved the same way (edits/reread.ts).
import type { Encoding, Table, Finding, Fix } from '../model';
import { rowsOf, tableDecl } from '../templates';
import type { ReportInDocument } from '../edits/context';
import { sectionTablesAfter } from '../edits/reread';
import { lazyFixes } from '../lazy';
import { regularByTable } from '../cache';

/** Encodings whose cells are placed by counting rather than by their own line or column. */
const BY_POSITION: ReadonlySet<Encoding> = new Set(['plain']);

const placedByPosition = (t: Table) => BY_POSITION.has(t.encoding);

const sameRange = (a: Table['range'], b: Table['range']) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

/** `table|row|column` of every cell of the tables → its kind and value, and its range. */
function cellMap(tables: readonly Table[]): Map<string, { is: string; range: Table['range'] }> {
  const out = new Map<string, { is: string; range: Table['range'] }>();
  tables.forEach((t, i) => {
    for (const row of Object.values(t.rows)) for (const c of Object.values(row.cells)) out.set(`${i}|${t.id}|${row.id}|${c.column}`, { is: `${c.kind}:${c.value}`, range: c.range });
  });
  return out;
}

/** Whether the fix, applied to the table's section alone, leaves every cell it does not edit as it was. */
function touchesOnlyItsCells(ctx: ReportInDocument, t: Table, fix: Fix): boolean {
  const reread = sectionTablesAfter(ctx, t, fix.edits);
  if (!reread) return false;
  const before = cellMap(reread.before);
  const now = cellMap(reread.after);
  if (before.size !== now.size) return false;
  // The cells the fix names are those it edits: each now reads a number (in layout text a
  // number written among spaces must land in its own column); the others read as before.
  for (const [k, c] of before) {
    if (fix.edits.some(e => sameRange(e.range, c.range))) {
      if (!now.get(k)?.is.startsWith('number:')) return false;
      continue;
    }
    if (now.get(k)?.is !== c.is) return false;
  }
  return true;
}

/**
 * Whether a cell fix could change how the table reads: one that writes a number where none
 * was (a blank, or text), in a table placed by counting or read with doubt, since whether a
 * row is full decides where the next cells go, or in layout text, where a number's place on
 * the line decides its column. A number written over a number reads alike.
 */
function mayMoveCells(t: Table, fix: Fix): boolean {
  if (!placedByPosition(t) && t.encoding !== 'layout' && regular(t)) return false;
  for (const row of Object.values(t.rows)) for (const c of Object.values(row.cells)) {
    if (c.kind !== 'number' && fix.edits.some(e => sameRange(e.range, c.range))) return true;
  }
  return false;
}

/**
 * A table read without doubt: every template row present with its template's columns, no
 * row read with doubt (model.ts Doubt), and nothing left unplaced. Filling a cell of it leaves every row as full as it was, so no
 * cell can move.
 */
function regular(t: Table): boolean {
  let r = regularByTable.get(t);
  if (r === undefined) {
    const decl = rowsOf(tableDecl(t.generation, t.id));
    r = !t.unplaced.length && Object.keys(t.rows).length === decl.size && Object.values(t.rows).every(row => !row.doubt && row.cellCount === decl.get(row.id)?.columns.length);
    regularByTable.set(t, r);
  }
  return r;
}

/**
 * The finding with only the cell fixes that touch nothing else (checked when first read): a
 * fill or recompute that would move another cell (a damaged row of layout text, a table read
 * by counting) is not offered, preferred or not: applied, it would edit cells it does not
 * name, and be offered again.
 */
export function verifiedCellFixes(ctx: ReportInDocument, t: Table, f: Finding): Finding {
  if (!f.fixes.some(x => x.scope)) return f;
  const { fixes, ...rest } = f;
  return lazyFixes(rest, () => fixes.filter(x => !(x.scope && mayMoveCells(t, x) && !touchesOnlyItsCells(ctx, t, x))));
}
