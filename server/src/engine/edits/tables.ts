// A blank standard table written in the report's own encoding, and whether a re-read report
// holds the table complete (the check before an inserted table is offered).
import type { Encoding, Report, Table } from '../model';
import { renderTable } from '../render';
import { rowsOf, tableDecl, type Generation, type TableId } from '../templates';

/** The encoding most of the report's tables use; Markdown when it has none. */
export function reportEncoding(report: Report): Encoding {
  const counts = new Map<Encoding, number>();
  for (const t of Object.values(report.tables) as Table[]) counts.set(t.encoding, (counts.get(t.encoding) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'markdown';
}

/** A blank standard table (zeros) of the expected generation for parts 二–四, set off by blank lines, in the report's encoding. */
export function blankTable(ctx: { readonly report: Report; readonly expected: Generation }, table: TableId): string {
  return `\n${renderTable(ctx.expected, table, reportEncoding(ctx.report)).replace(/\s+$/, '')}\n`;
}

/** Whether a re-read report holds the table with every row of the template. */
export function tableComplete(report: Report | undefined, table: TableId): boolean {
  const t = report?.tables[table];
  return !!t && [...rowsOf(tableDecl(t.generation, table)).keys()].every(id => t.rows[id]);
}
