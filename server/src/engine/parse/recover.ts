// A row whose cells are one run of digits (crawled web text that lost its separators) →
// the row's cells, when the template and the row's identities admit exactly one split;
// otherwise the run is left as it is and reported as unsplit. Never a guessed number.
import type { Cell, Encoding, Range, Unsplit } from '../model';
import type { ColumnDecl, Generation, TableId } from '../templates';
import { ROW_PER_LINE, type Item } from './items';
import { splitRow } from './flattened';

const DIGITS = /^[0-9０-９]+$/;

/** What a fix writes between the cells it writes out, so that the lexer reads them apart again. */
const SEPARATORS: Record<Encoding, string> = {
  'tab-cells': '\n\t', 'pipe-cells': ' |\n', tsv: '\t', markdown: ' | ', layout: '  ', plain: '  ',
};

export type RowRecovery = { kind: 'cells'; cells: Cell[] } | { kind: 'unsplit'; unsplit: Unsplit } | undefined;

/**
 * The row's one value, when nothing else in the row could be a cell. A pipe-only line or an
 * empty cell-per-line item may be a blank cell: then the row lost cells, nothing ran
 * together. On a row's own line (TSV, Markdown, layout) empty cells are padding (seed 004
 * pads its rows with tabs) unless, trailing ones aside, the cells number the columns: then
 * their positions say which cell is blank.
 */
function loneRun(items: readonly Item[], columns: number, labelled: boolean): Item | undefined {
  let run: Item | undefined;
  let end = items.length;
  while (end > 0 && items[end - 1].kind === 'blank') end--;
  for (const i of items) {
    if (i.kind === 'blank' && i.encoding !== null && ROW_PER_LINE.has(i.encoding)) continue;
    // Before a label-less row (表四), pipes are the header's merged cells (seed 002's `|||||`).
    if (i.kind === 'soft' && !labelled && !run) continue;
    if (run || i.kind !== 'value') return undefined;
    run = i;
  }
  if (run && ROW_PER_LINE.has(run.encoding ?? 'plain') && end > 1 && end >= columns) return undefined;
  return run;
}

/**
 * The row's cells read out of its digit run, when its items are that run alone. A
 * one-column row is recovered only when its number stood against the label: otherwise
 * nothing was run together.
 */
export function recoverRow(gen: Generation, table: TableId, row: string, columns: readonly ColumnDecl[], items: readonly Item[], labelled: boolean): RowRecovery {
  const run = loneRun(items, columns.length, labelled);
  if (!run || !DIGITS.test(run.text)) return undefined;
  if (columns.length === 1 && !run.glued) return undefined;
  // Fewer digits than cells: the row lost cells, nothing ran together.
  if (run.text.length < columns.length) return undefined;
  const digits = run.text.normalize('NFKC');
  const range: Range = { start: { line: run.line, character: run.start }, end: { line: run.line, character: run.end } };
  const split = splitRow(gen, table, row, digits);
  if (split.kind === 'none' && columns.length === 1) return undefined;
  if (split.kind !== 'unique') {
    const unsplit: Unsplit = { row, run: run.text, range, count: split.kind === 'none' ? 0 : split.count, examples: split.kind === 'none' ? [] : split.examples };
    return { kind: 'unsplit', unsplit };
  }
  const separator = SEPARATORS[run.encoding ?? 'layout'];
  const cells: Cell[] = [];
  let at = 0;
  split.values.forEach((value, index) => {
    const len = String(value).length;
    const text = run.text.slice(at, at + len);
    cells.push({
      row, column: columns[index].id, text, value, kind: 'number',
      range: { start: { line: run.line, character: run.start + at }, end: { line: run.line, character: run.start + at + len } },
      recovered: { run: run.text, range, values: split.values, index, decisive: split.decisive, glued: run.glued, separator },
    });
    at += len;
  });
  return { kind: 'cells', cells };
}
