// Writing a standard table as text: for snippets, for the "convert to aligned Markdown"
// command, and for fixes that insert a table. Every label comes from the template.
import type { ReportDocument } from '../document';
import { formatValue } from '../edits/cells';
import type { Encoding, Table, Edit } from '../model';
import type { Generation, TableId } from '../templates';
import { encode, type StopCounter } from './encode';
import { layoutOf } from './layout';

export { displayWidth } from './width';
export { escapeSnippet } from './encode';
export { layoutOf, type Layout, type LayoutRow, type LayoutCell } from './layout';

/** A cell's value: a number, null for a blank cell, undefined for the default 0. */
export type Values = (row: string, column: string) => number | null | undefined;

const valueText = (values?: Values) => (row: string, column: string): string => {
  const v = values?.(row, column);
  return v === undefined ? '0' : v === null ? '' : formatValue(v);
};

/** The standard table of a generation in an encoding ('layout' and 'plain' give Markdown). */
export function renderTable(gen: Generation, table: TableId, encoding: Encoding, values?: Values): string {
  return encode(layoutOf(gen, table), encoding, valueText(values));
}

export interface SnippetText {
  /** VS Code snippet syntax: labels escaped, every value cell a tab stop `${n:0}`. */
  text: string;
  /** The first tab stop number not used, to continue numbering after this table. */
  nextStop: number;
}

/** The table as a snippet body: value cells become tab stops numbered from `firstStop`. */
export function renderSnippetTable(
  gen: Generation, table: TableId,
  options: { encoding?: Encoding; firstStop?: number; values?: Values } = {},
): SnippetText {
  const stops: StopCounter = { next: options.firstStop ?? 1 };
  const text = encode(layoutOf(gen, table), options.encoding ?? 'markdown', valueText(options.values), stops);
  return { text, nextStop: stops.next };
}

/** Lines that belong to a table without carrying a cell: pipe runs, Markdown or TSV rules. */
const TABLE_DEBRIS = /^[\s|:\-]*$/;
const isDebris = (line: string) => /[|-]/.test(line) && TABLE_DEBRIS.test(line);

/**
 * The edit that rewrites a parsed table as an aligned Markdown table holding its current
 * cells as written (blank cells stay blank, units stay). It replaces the table's whole
 * lines, with the pipe-only or rule lines around them, and keeps a blank line on either
 * side so that Markdown ends the table there. Applying it again changes nothing.
 */
export function toAlignedMarkdown(doc: ReportDocument, table: Table): Edit {
  const written = (row: string, column: string) => table.rows[row]?.cells[column]?.text ?? '';
  let first = table.range.start.line;
  let last = table.range.end.line;
  while (first > 0 && isDebris(doc.line(first - 1))) first--;
  while (last + 1 < doc.lineCount && isDebris(doc.line(last + 1))) last++;
  const eol = doc.getTextIn({ start: { line: first, character: doc.line(first).length }, end: { line: first + 1, character: 0 } }) || '\n';
  const text = encode(layoutOf(table.generation, table.id), 'markdown', written).split('\n').join(eol);
  const before = first > 0 && doc.line(first - 1).trim() !== '' ? eol : '';
  const after = last + 1 < doc.lineCount && doc.line(last + 1).trim() !== '' ? eol : '';
  return {
    range: { start: { line: first, character: 0 }, end: { line: last, character: doc.line(last).length } },
    newText: before + text + after,
  };
}
