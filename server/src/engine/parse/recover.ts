// A row whose cells are one run of digits (crawled web text that lost its separators) →
// the row's cells, when the template and the row's identities admit exactly one split;
// otherwise the run is left as it is and reported as unsplit. Never a guessed number.
import type { Building, Cell, Encoding, Range, Recovered, Unsplit } from '../model';
import type { ColumnDecl, Generation, TableId } from '../templates';
import { ROW_PER_LINE, type Item } from './items';
import { recoverDigitRun, splitRow, type Runs } from './flattened';

const DIGITS = /^[0-9０-９]+$/;

/** What a fix writes between the cells it writes out, so that the lexer reads them apart again. */
const SEPARATORS: Record<Encoding, string> = {
  'tab-cells': '\n\t', 'pipe-cells': ' |\n', tsv: '\t', markdown: ' | ', layout: '  ', plain: '  ', web: ' ',
};

/** `unread`: nothing at all is read from the row (web text: no run may stand as one cell). */
export type RowRecovery = { kind: 'cells'; cells: Cell[] } | { kind: 'unsplit'; unsplit: Unsplit; unread?: boolean } | undefined;

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
    // A run too long to be one exact number is text (items.ts), and still a run of digits.
    if (run || !(i.kind === 'value' || (i.kind === 'text' && DIGITS.test(i.text)))) return undefined;
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
  if (items.length && items.every(i => i.encoding === 'web')) return recoverWebRow(gen, table, row, columns, items);
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

/** A web cell run: digits, maybe signed pieces (`1-10`, `16减12`), maybe a decimal and a unit at the end. */
const WEB_RUN = /^(?:[-－减]?[0-9０-９]+)+(?:[.．][0-9０-９]+)?(?:万元|元)?$/;
const SIGN = /[-－减]/;

/** A recovered cell while its run's pieces are still being assigned. */
type CellDraft = Omit<Building<Cell>, 'recovered'> & { recovered: Building<Recovered> };

/**
 * A web row's cells from the runs its line holds (`10 0 0 0 01`, `0000000`, `1-10`,
 * `2832995元`): each run is one cell or several run together, never part of two; the split
 * is read only when the template and the row's identities admit exactly one. A row whose
 * runs already number its columns is read as written.
 */
function recoverWebRow(gen: Generation, table: TableId, row: string, columns: readonly ColumnDecl[], items: readonly Item[]): RowRecovery {
  const runs = items.filter(i => i.kind === 'value' || i.kind === 'text');
  if (!runs.length || runs.length > columns.length || !runs.every(r => WEB_RUN.test(r.text))) return undefined;
  const signed = runs.some(r => SIGN.test(r.text.slice(1)));
  if (runs.length === columns.length && !signed) return undefined;
  // The digits of all runs, where each piece starts (in the digits and in its item), and which are negative.
  let digits = '';
  const pieces: { item: Item; from: number; digitsAt: number; sign: number }[] = [];
  const cuts = new Set<number>();
  const negative = new Set<number>();
  let suffix = '';
  runs.forEach((r, k) => {
    let text = r.text;
    if (k === runs.length - 1) {
      const m = /(?:[.．][0-9０-９]+)?(?:万元|元)?$/.exec(text)!;
      suffix = m[0];
      text = text.slice(0, text.length - suffix.length);
    }
    for (const m of text.matchAll(/([-－减]?)([0-9０-９]+)/g)) {
      if (digits.length) cuts.add(digits.length);
      if (m[1]) negative.add(digits.length);
      pieces.push({ item: r, from: m.index!, digitsAt: digits.length, sign: m[1].length });
      digits += m[2].normalize('NFKC');
    }
  });
  if (digits.length < columns.length) return undefined;
  const first = runs[0], last = runs[runs.length - 1];
  const range: Range = { start: { line: first.line, character: first.start }, end: { line: last.line, character: last.end } };
  const written = runs.map(r => r.text).join(' ');
  // Digits that allow one split on their own (as many digits as cells) are read whatever the
  // identities say: the identity rules then report what the report itself got wrong (w29).
  const forced = recoverDigitRun(digits, columns.length, undefined, { cuts, negative });
  const split = forced.kind === 'unique'
    ? { kind: 'unique' as const, values: forced.values, decisive: [] as string[] }
    : splitRow(gen, table, row, digits, { cuts, negative } satisfies Runs);
  if (split.kind !== 'unique') {
    return { kind: 'unsplit', unread: true, unsplit: { row, run: written, range, count: split.kind === 'none' ? 0 : split.count, examples: split.kind === 'none' ? [] : split.examples } };
  }
  const cells: CellDraft[] = [];
  const pieceOf: Item[] = [];
  let at = 0;
  let p = 0;
  split.values.forEach((value, index) => {
    const len = String(Math.abs(value)).length;
    while (p + 1 < pieces.length && pieces[p + 1].digitsAt <= at) p++;
    const piece = pieces[p];
    pieceOf.push(piece.item);
    const starts = at === piece.digitsAt;
    const s = piece.item.start + piece.from + (starts ? 0 : piece.sign) + (at - piece.digitsAt);
    let e = piece.item.start + piece.from + piece.sign + (at - piece.digitsAt) + len;
    let v = value;
    let unit: string | undefined;
    if (index === split.values.length - 1 && suffix) {
      e += suffix.length;
      const frac = /^[.．]([0-9０-９]+)/.exec(suffix);
      if (frac) v = Number(`${value}.${frac[1].normalize('NFKC')}`);
      unit = /万元|元/.exec(suffix)?.[0];
    }
    const line = piece.item.line;
    const lineText = piece.item.text;
    const text = lineText.slice(s - piece.item.start, e - piece.item.start);
    const cell: CellDraft = {
      row, column: columns[index].id, text, value: v, kind: 'number',
      range: { start: { line, character: s }, end: { line, character: e } },
      recovered: { run: written, range, values: split.values, index, decisive: split.decisive, glued: false, separator: SEPARATORS.web, ...(forced.kind === 'unique' && digits.length === columns.length ? { forced: true } : {}) },
    };
    if (unit) cell.unit = unit;
    cells.push(cell);
    at += len;
  });
  // Each cell's own run (a written run, between spaces): what a fix of the cell rewrites.
  let k = 0;
  for (const r of runs) {
    const first = k;
    while (k < cells.length && pieceOf[k] === r) k++;
    // One range and one list of values per run, shared by its cells.
    const range: Range = { start: { line: r.line, character: r.start }, end: { line: r.line, character: r.end } };
    const values = split.values.slice(first, k);
    for (let i = first; i < k; i++) cells[i].recovered!.piece = { range, values, index: i - first };
  }
  return { kind: 'cells', cells };
}
