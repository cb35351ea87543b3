// Part headings: where a missing heading goes and the blank table a part
// 二–四 brings along, and a re-parse that checks an edit does what it claims before a fix
// offers it.
import { ReportDocument } from '../document';
import { firstHeadings, type Encoding, type Report, type Table, type Edit } from '../model';
import { renderTable } from '../render';
import { rowsOf, tableDecl, type TableId } from '../templates';
import { applyEdits, editsFrom } from './apply';
import type { RuleContext } from '../rules/types';

/** The document's line break (the first one it uses). */
export function eolOf(doc: ReportDocument): string {
  if (doc.lineCount < 2) return '\n';
  const s = doc.getTextIn({ start: { line: 0, character: doc.line(0).length }, end: { line: 1, character: 0 } });
  return s || '\n';
}

/**
 * Where a missing part's heading goes: before its table when the table stands where the
 * part belongs (the heading alone was lost), else before the next part that exists, else
 * after the previous part's body (but before a signature standing there), else after the title.
 */
export function headingInsertion(ctx: RuleContext, n: number): { line: number; before: boolean } {
  const { report, doc } = ctx;
  const first = firstHeadings(report);
  const prev = [...first.values()].filter(p => p.number < n).sort((a, b) => b.number - a.number)[0];
  const next = [...first.values()].filter(p => p.number > n).sort((a, b) => a.number - b.number)[0];
  const lo = prev ? prev.range.start.line : -1;
  const hi = next && next.range.start.line > lo ? next.range.start.line : Infinity;
  const table = Object.values(report.tables).find(t => t && tableDecl(t.generation, t.id).part === n);
  if (table && table.range.start.line > lo && table.range.start.line < hi) return { line: table.range.start.line, before: true };
  if (hi !== Infinity) return { line: hi, before: true };
  if (prev) {
    const end = Math.max(prev.bodyRange.end.line, prev.range.start.line);
    const sig = report.dates.signature?.range.start.line;
    if (sig !== undefined && sig > prev.range.start.line && sig <= end) {
      // The body's name usually stands on the line above the date.
      const above = doc.line(sig - 1).trim();
      const named = sig - 1 > prev.range.start.line && above.length > 0 && above.length <= 30 && !/[。，,；;：:]/.test(above);
      return { line: named ? sig - 1 : sig, before: true };
    }
    return { line: end, before: false };
  }
  if (report.title) return { line: report.title.range.start.line, before: false };
  return { line: report.range.start.line, before: true };
}

/** The Markdown marks (`## `) the report's headings carry, so an inserted heading matches them. */
export function headingMarks(ctx: RuleContext): string {
  const p = ctx.report.parts[0];
  if (!p) return '';
  return /#{1,6}[ \t]*/.exec(ctx.doc.line(p.range.start.line).slice(0, p.range.start.character))?.[0] ?? '';
}

/**
 * An edit putting `text` on its own line(s) before or after a line; with `blankBefore`, a
 * blank line separates it from the text above (a heading is not glued to a paragraph).
 */
export function lineInsertion(doc: ReportDocument, at: { line: number; before: boolean }, text: string, blankBefore = false): Edit {
  const eol = eolOf(doc);
  const lines = text.split(/\r\n|\r|\n/).join(eol);
  const above = at.before ? at.line - 1 : at.line;
  const gap = blankBefore && above >= 0 && doc.line(above).trim() !== '' ? eol : '';
  if (at.before) return { range: { start: { line: at.line, character: 0 }, end: { line: at.line, character: 0 } }, newText: gap + lines + eol };
  const end = { line: at.line, character: doc.line(at.line).length };
  return { range: { start: end, end }, newText: eol + gap + lines };
}

/**
 * The same report after the edits, re-parsed: fixes that insert or relabel check with it
 * that they do what they claim and disturb nothing else. Only the report's own lines are
 * parsed (sections parse independently, so the result is the same as in the whole
 * document, but its positions start at line 0). Undefined when the edits leave the
 * report or split it in two.
 *
 * The report's text is taken when the reparser is made: fixes verified with it may be
 * computed later (lazyFixes), after the document has moved on.
 */
export type Reparse = (edits: readonly Edit[]) => Report | undefined;
const reparsers = new WeakMap<RuleContext, Reparse>();
export function reparser(ctx: RuleContext): Reparse {
  let r = reparsers.get(ctx);
  if (!r) reparsers.set(ctx, r = makeReparser(ctx));
  return r;
}
function makeReparser(ctx: RuleContext): Reparse {
  const from = ctx.report.range.start.line;
  const to = ctx.report.range.end.line;
  const text = ctx.doc.getTextIn({ start: { line: from, character: 0 }, end: { line: to, character: ctx.doc.line(to).length } });
  return edits => {
    if (edits.some(e => e.range.start.line < from || e.range.end.line > to)) return undefined;
    const reports = new ReportDocument(applyEdits(text, editsFrom(edits, from))).model.reports;
    return reports.length === 1 ? reports[0] : undefined;
  };
}

/** The encoding most of the report's tables use; Markdown when it has none. */
export function reportEncoding(report: Report): Encoding {
  const counts = new Map<Encoding, number>();
  for (const t of Object.values(report.tables) as Table[]) counts.set(t.encoding, (counts.get(t.encoding) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'markdown';
}

/** A blank standard table (zeros) for parts 二–四, set off by blank lines, in the report's encoding. */
export function blankTable(ctx: RuleContext, table: TableId): string {
  return `\n${renderTable(ctx.expected, table, reportEncoding(ctx.report)).replace(/\s+$/, '')}\n`;
}

/** Whether a re-parsed report holds the table with every row of the template. */
export function tableComplete(report: Report | undefined, table: TableId): boolean {
  const t = report?.tables[table];
  return !!t && [...rowsOf(tableDecl(t.generation, table)).keys()].every(id => t.rows[id]);
}
