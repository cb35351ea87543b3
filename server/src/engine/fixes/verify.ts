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
  // A fix that leaves every cell reading as it was did not write its cell (a number joined
  // to the next cell's text): it would be offered again.
  let wrote = false;
  for (const [k, c] of before) {
    if (fix.edits.some(e => sameRange(e.range, c.range))) {
      if (!now.get(k)?.is.startsWith('number:')) return false;
      wrote ||= now.get(k)!.is !== c.is;
      continue;
    }
    if (now.get(k)?.is !== c.is) return false;
  }
  return wrote;
}

/**
 * Whether a cell fix could change how the table reads: one that writes a number where none
 * was (a blank, or text), in a table placed by counting or read with doubt, since whether a
 * row is full decides where the next cells go, or in layout text, where a number's place on
 * the line decides its column; or one that writes into an empty place right against other
 * text (a blank read at the edge of the next cell), where the number would join that text.
 * A number written over a number reads alike.
 */
function mayMoveCells(t: Table, fix: Fix): boolean {
  if (!placedByPosition(t) && t.encoding !== 'layout' && regular(t)) return false;
  for (const row of Object.values(t.rows)) for (const c of Object.values(row.cells)) {
    if (c.kind !== 'number' && fix.edits.some(e => sameRange(e.range, c.range))) return true;
  }
  return false;
}

/**
 * Whether the fix writes into an empty place right against other text (a blank read at the
 * edge of the next cell): the number would join that text, not stand in a cell of its own.
 * At the end of a piece of a web line, the text after it is the next piece's start.
 */
function joinsText(ctx: ReportInDocument, fix: Fix): boolean {
  const { doc } = ctx;
  return fix.edits.some(e => {
    if (!isEmpty(e.range)) return false;
    const { line, character } = e.range.start;
    const text = doc.line(line);
    let after = text[character];
    if (after === undefined && line + 1 < doc.lineCount
      && doc.physicalPosition({ line: line + 1, character: 0 }).line === doc.physicalPosition(e.range.start).line) after = doc.line(line + 1)[0];
    return [text[character - 1], after].some(ch => ch !== undefined && !/[\s|]/.test(ch));
  });
}

const isEmpty = (r: Table['range']) => r.start.line === r.end.line && r.start.character === r.end.character;

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
  return lazyFixes(rest, () => fixes.filter(x => !(x.scope && (joinsText(ctx, x) || (mayMoveCells(t, x) && !touchesOnlyItsCells(ctx, t, x))))));
}
