// The report model: what the parser produces and every later stage reads.
// Positions are LSP-style: zero-based line, UTF-16 character offset.
import type { CellRef, Generation, TableId } from './templates';

export interface Position { readonly line: number; readonly character: number }
export interface Range { readonly start: Position; readonly end: Position }

/** How a table's text was encoded (spec § How the tables arrive as text). */
/** `web`: a crawled page's text, the whole report on one line (read as logical lines, parse/web.ts). */
export type Encoding = 'tab-cells' | 'pipe-cells' | 'tsv' | 'markdown' | 'layout' | 'plain' | 'web';

/** How a written label was matched to the template's label. */
export type MatchHow = 'exact' | 'normalized' | 'variant' | 'prefix' | 'fuzzy';

export interface LabelRef {
  readonly text: string;
  readonly range: Range;
  readonly how: MatchHow;
  /** The template's canonical label. */
  readonly canonical: string;
}

export interface Cell {
  readonly row: string;
  readonly column: string;
  /** The cell's text as written (trimmed); '' for a blank cell. */
  readonly text: string;
  /** The count or amount; null when blank, '/', '—', '无' or not a number. */
  readonly value: number | null;
  /** number: a value; blank: empty or a placeholder; text: words where a number belongs. */
  readonly kind: 'number' | 'blank' | 'text';
  readonly unit?: string;
  /** Exactly the text; an empty range where a blank cell stands. */
  readonly range: Range;
  /** Set when the cell was read out of a digit run that ran cells together. */
  readonly recovered?: Recovered;
}

/**
 * How a cell was recovered from flattened text (`规范性文件898989`): the run, the one split
 * of it the template and the row's identities admit, and what made that split the only one.
 */
export interface Recovered {
  /** The digit run as written, and where it stands. */
  readonly run: string;
  readonly range: Range;
  /** The split of the whole run in column order, and this cell's place in it. */
  readonly values: readonly number[];
  readonly index: number;
  /** Keys of the row identities without which several splits would fit; empty: the digits alone allow one. */
  readonly decisive: readonly string[];
  /** The run stood against its label, with nothing between them. */
  readonly glued: boolean;
  /** What to write between the cells when a fix writes them out. */
  readonly separator: string;
  /**
   * Web text: the row was written as several runs (`10 0 0 0 01`); the one holding this cell,
   * its cells' values and this cell's place in it. A cell fix rewrites only that run.
   */
  readonly piece?: { readonly range: Range; readonly values: readonly number[]; readonly index: number };
  /** Web text: the run has as many digits as cells (`0000000`), so it splits one way whatever the identities say. */
  readonly forced?: boolean;
}

/** A digit run that looks like a flattened row but could not be split: several splits fit, or none. */
export interface Unsplit {
  readonly row: string;
  readonly run: string;
  readonly range: Range;
  /** How many splits fit (Infinity: too many to count). */
  readonly count: number;
  /** Up to three of them. */
  readonly examples: readonly (readonly number[])[];
}

/**
 * Why a row's reading is in doubt: its cells may not be the ones the source has in those
 * columns. Any reader that places a row on less than certain grounds says so here; the
 * arithmetic rules then report a failing identity through the row as a doubt about the
 * reading (a warning naming the row and the reason), never as an error in the report.
 */
export type DoubtReason =
  /** Fewer cells than the template row has columns: the ones after a lost cell may have slid. */
  | 'too-few-cells'
  /** More cells than columns: a cell was split, or a neighbour's number slid in. */
  | 'too-many-cells'
  /** Cells run together into digits that split several ways, or none (flattened text). */
  | 'split-refused'
  /** Only part of a run could be split; the rest was left unread. */
  | 'partly-split'
  /** Placed by counting, not by a label or a column: numbers without their label, bare paragraphs. */
  | 'placed-by-counting'
  /** Layout text: a number stands between columns, or the columns could not be found. */
  | 'columns-unclear'
  /** Layout text: the last cells are blank, or a cell was lost and the ones after it slid left. */
  | 'trailing-blanks';

export interface Doubt {
  readonly reason: DoubtReason;
  /** Where the doubt shows (the run, the number between columns …); the row's range if absent. */
  readonly range?: Range;
}

export interface Row {
  readonly id: string;
  /** Set when the row was read with doubt (see Doubt). */
  readonly doubt?: Doubt;
  /** Absent when the numbers stand without their label (seed 000). */
  readonly label?: LabelRef;
  readonly cells: Readonly<Record<string, Cell>>;
  /** How many value cells the row holds (placed + extra). */
  readonly cellCount: number;
  readonly range: Range;
}

export interface Unplaced {
  readonly kind: 'extra-cell' | 'unknown-row' | 'orphan-value';
  readonly text: string;
  readonly range: Range;
  /** The row the item came after, when there was one. */
  readonly afterRow?: string;
}

export interface Table {
  readonly id: TableId;
  readonly generation: Generation;
  readonly encoding: Encoding;
  readonly range: Range;
  /** The header label range, if one was found (for symbols). */
  readonly rows: Readonly<Record<string, Row>>;
  readonly unplaced: readonly Unplaced[];
  /** Digit runs that should have been a row's cells but admit no single split. */
  readonly unsplit: readonly Unsplit[];
  /** Signals behind the generation guess, for the template-generation rule. */
  readonly generationEvidence: Readonly<Record<Generation, number>>;
}

export interface PartHeading {
  readonly number: number;
  /** The heading line's text, trimmed. */
  readonly text: string;
  /** The numbering as written: '一', '5', … */
  readonly numeral: string;
  /** Whether the numeral is the template's own (Chinese numeral + 、). */
  readonly standardNumbering: boolean;
  readonly how: MatchHow;
  readonly range: Range;
}

export interface Part extends PartHeading {
  /** From the heading to the line before the next part heading (or report end). */
  readonly bodyRange: Range;
}

export interface DateFound { readonly year: number; readonly month?: number; readonly day?: number; readonly range: Range; readonly text: string }

export interface Report {
  readonly range: Range;
  readonly title?: { readonly text: string; readonly range: Range };
  /** The report year: from the title, the statistics period, the text, or the signature. */
  readonly year?: number;
  readonly yearSource?: 'title' | 'period' | 'text' | 'signature';
  /** The generation the tables use (majority of table evidence), or the year's if none. */
  readonly template: Generation;
  readonly parts: readonly Part[];
  readonly tables: Readonly<Partial<Record<TableId, Table>>>;
  /** Further tables of a kind already seen (a pasted duplicate). */
  readonly extraTables: readonly Table[];
  /** `published`: a crawled page's 发布时间 (web text). */
  readonly dates: { readonly period?: { readonly from: DateFound; readonly to: DateFound }; readonly signature?: DateFound; readonly published?: DateFound };
}

export interface DocumentModel {
  readonly reports: readonly Report[];
  readonly lineCount: number;
}

// What the rules say about a report (rules/), and the edits their fixes make.

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Edit { readonly range: Range; readonly newText: string }

export interface Fix {
  readonly title: string;
  readonly edits: readonly Edit[];
  /** Safe unattended: breaks nothing that held. Fix-all and `--fix` apply only these. */
  readonly preferred: boolean;
  /** Lets code actions widen a fix to its row, table or document (cells only). */
  readonly scope?: { readonly kind: 'recompute' | 'fill'; readonly report: number; readonly table: TableId; readonly row: string };
}

export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  /** The fixes, computed with the finding: code actions need no re-analysis. */
  readonly fixes: readonly Fix[];
  /** The cells the finding is about. */
  readonly cells?: readonly CellRef[];
  readonly related?: readonly { readonly range: Range; readonly message: string }[];
}

/**
 * A model object while its parser or assembler builds it, before any other stage sees it:
 * its fields may still be set. Once handed on it is read-only (caches key on it: cache.ts).
 */
export type Building<T> = { -readonly [K in keyof T]: T[K] };

// Reading the model: the one-liners every stage needs, written once.

/** All tables of a report in the order they were placed, pasted duplicates (extraTables) after. */
export const tablesOf = (report: Report): Table[] => [...Object.values(report.tables) as Table[], ...report.extraTables];

/** Whether a report holds anything of one: a part heading or a standard table (not text before the first report, or prose). */
export const isReport = (report: Report): boolean => report.parts.length > 0 || Object.keys(report.tables).length > 0;

/** Each part number's first heading: later ones are duplicates (duplicate-part). */
export function firstHeadings(report: Report): Map<number, Part> {
  const m = new Map<number, Part>();
  for (const p of report.parts) if (!m.has(p.number)) m.set(p.number, p);
  return m;
}
