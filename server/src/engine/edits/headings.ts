// Part headings: where a missing heading goes, and the Markdown marks it carries so it
// matches the report's other headings.
import { firstHeadings } from '../model';
import { tableDecl } from '../templates';
import type { ReportInDocument } from './context';

/**
 * Where a missing part's heading goes: before its table when the table stands where the
 * part belongs (the heading alone was lost), else before the next part that exists, else
 * after the previous part's body (but before a signature standing there), else after the title.
 */
export function headingInsertion(ctx: ReportInDocument, n: number): { line: number; before: boolean } {
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
export function headingMarks(ctx: ReportInDocument): string {
  const p = ctx.report.parts[0];
  if (!p) return '';
  return /#{1,6}[ \t]*/.exec(ctx.doc.line(p.range.start.line).slice(0, p.range.start.character))?.[0] ?? '';
}
