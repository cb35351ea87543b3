// Re-reading the text with edits applied, so an edit is proved to do what it claims and
// disturb nothing else before it is offered: the whole report (an inserted heading or
// table) or one section (a relabel, a cell written where the table is read by counting).
import { sourcesOf } from '../assemble';
import { ReportDocument } from '../document';
import type { Edit, Report, Table } from '../model';
import { isBoundary, parseSection } from '../parse/section';
import { applyEdits, editsFrom } from './apply';
import type { ReportInDocument } from './context';

/**
 * The same report after the edits, re-parsed. Only the report's own lines are parsed
 * (sections parse independently, so the result is the same as in the whole document, but
 * its positions start at line 0). Undefined when the edits leave the report or split it in two.
 *
 * The report's text is taken when the reparser is made: fixes verified with it may be
 * computed later (lazyFixes), after the document has moved on.
 */
export type Reparse = (edits: readonly Edit[]) => Report | undefined;
/** One reparser per rule context (the rules that insert share it); not keyed on the model, so not in cache.ts. */
const reparsers = new WeakMap<ReportInDocument, Reparse>();
export function reparser(ctx: ReportInDocument): Reparse {
  let r = reparsers.get(ctx);
  if (!r) reparsers.set(ctx, r = makeReparser(ctx));
  return r;
}
function makeReparser(ctx: ReportInDocument): Reparse {
  const from = ctx.report.range.start.line;
  const to = ctx.report.range.end.line;
  const text = ctx.doc.getTextIn({ start: { line: from, character: 0 }, end: { line: to, character: ctx.doc.line(to).length } });
  return edits => {
    if (edits.some(e => e.range.start.line < from || e.range.end.line > to)) return undefined;
    const reports = new ReportDocument(applyEdits(text, editsFrom(edits, from))).model.reports;
    return reports.length === 1 ? reports[0] : undefined;
  };
}

/**
 * The tables of `t`'s section re-read with the edits applied (sections parse on their own
 * lines alone, see document.ts), or undefined when an edit leaves the section or makes a
 * line that would start a new section. Far cheaper than re-reading the whole report.
 */
export function sectionTablesAfter(ctx: ReportInDocument, t: Table, edits: readonly Edit[]): { before: readonly Table[]; after: Table[] } | undefined {
  const section = sourcesOf(ctx.report).find(s => s.start <= t.range.start.line && t.range.start.line < s.end);
  if (!section) return undefined;
  const last = section.end - 1;
  if (edits.some(e => e.range.start.line < section.start || e.range.end.line > last)) return undefined;
  // The section's logical lines (a web line is several: document.ts), each on a line of its own.
  const own: string[] = [];
  const pieces: boolean[] = [];
  for (let i = section.start; i <= last; i++) { own.push(ctx.doc.line(i)); pieces.push(ctx.doc.isPiece(i)); }
  const lines = applyEdits(own.join('\n'), editsFrom(edits, section.start)).split(/\r\n|\r|\n/);
  if (lines.some((l, i) => i > 0 && isBoundary(l))) return undefined;
  return { before: section.tables, after: parseSection(lines, section.start, true, lines.length === pieces.length ? pieces : undefined).tables };
}
