// A table grid → text in one encoding (spec § How the tables arrive as text). Row per
// line: aligned Markdown, TSV. Cell per line: tab-prefixed (seeds 000, 001), pipe-terminated
// (seeds 002, 003). In snippet mode every value cell becomes a numbered tab stop.
import type { Encoding } from '../model';
import type { Layout, LayoutCell, LayoutRow } from './layout';
import { displayWidth, isWide } from './width';

/** What a value cell shows. */
export type ValueText = (row: string, column: string) => string;

/** Snippet mode: the next tab stop number, advanced as stops are written. */
export interface StopCounter { next: number }

/** Escapes text for a VS Code snippet body (outside and inside placeholders alike). */
export const escapeSnippet = (s: string) => s.replace(/[\\$}]/g, ch => `\\${ch}`);

// Cell text never breaks its encoding: no line breaks, tabs or pipes inside a cell.
const clean = (s: string) => s.replace(/[\r\n\t]+/g, ' ').replace(/\|/g, '｜').trim();

interface Piece { text: string; stop: boolean; blank: boolean }

function piece(cell: LayoutCell, value: ValueText): Piece {
  if (cell.kind === 'value') return { text: clean(value(cell.row, cell.column)), stop: true, blank: false };
  if (cell.kind === 'label') return { text: clean(cell.text), stop: false, blank: false };
  return { text: '', stop: false, blank: true };
}

/** The piece as written, with padding around it: plain text, or (snippet mode) escaped text / a tab stop. */
function emitter(stops: StopCounter | undefined) {
  return (p: Piece, before = '', after = ''): string => {
    if (!stops) return before + p.text + after;
    // Padding stays outside the placeholder so that only the value is selected.
    const body = p.stop ? `\${${stops.next++}:${escapeSnippet(p.text)}}` : escapeSnippet(p.text);
    return before + body + after;
  };
}
type Emit = ReturnType<typeof emitter>;

/**
 * `exact`: pad each cell with full-width spaces (U+3000) up to the column's most wide
 * characters and with spaces up to its most narrow ones, so that every cell of a column
 * is as wide in any monospace font, whatever its CJK glyphs measure against its Latin ones.
 */
function markdown(layout: Layout, grid: Piece[][], emit: Emit, exact = false): string[] {
  const right = (j: number) => j >= layout.labelColumns;
  const columns = Array.from({ length: layout.width }, (_, j) => j);
  const rule = (j: number, w: number) => (right(j) ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w));
  let fillOf: (p: Piece, j: number) => string;
  let rules: string[];
  if (exact) {
    const counts = grid.map(r => r.map(p => wideNarrow(p.text)));
    const wide = columns.map(j => Math.max(0, ...counts.map(r => r[j][0])));
    const narrow = columns.map(j => Math.max(3, ...counts.map(r => r[j][1])));
    fillOf = (p, j) => { const [w, n] = wideNarrow(p.text); return '\u3000'.repeat(wide[j] - w) + ' '.repeat(narrow[j] - n); };
    // Markdown allows only dashes in the rule: two per wide character, the one line that
    // cannot be exact where a wide character is not two narrow ones wide.
    rules = columns.map(j => rule(j, narrow[j] + 2 * wide[j]));
  } else {
    const widths = columns.map(j => Math.max(3, ...grid.map(r => displayWidth(r[j].text))));
    fillOf = (p, j) => ' '.repeat(widths[j] - displayWidth(p.text));
    rules = columns.map(j => rule(j, widths[j]));
  }
  const pad = (p: Piece, j: number) => (right(j) ? emit(p, fillOf(p, j)) : emit(p, '', fillOf(p, j)));
  const line = (r: Piece[]) => `| ${r.map(pad).join(' | ')} |`;
  const lines = grid.map(line);
  lines.splice(1, 0, `| ${rules.join(' | ')} |`);
  return lines;
}

/** How many wide (two-column) and narrow characters the text holds. */
function wideNarrow(text: string): [number, number] {
  let w = 0, n = 0;
  for (const ch of text) if (isWide(ch.codePointAt(0)!)) w++; else n++;
  return [w, n];
}

function tsv(grid: Piece[][], emit: Emit): string[] {
  return grid.map(r => r.map(p => emit(p)).join('\t'));
}

/**
 * Cell per line: each row a run of cell lines; a group label opens the run of the row it
 * heads (三、本年度办理结果 / （一）予以公开 / numbers), as the seeds have it. Layout blanks
 * (merged-cell room) are left out; blank values are written.
 */
function cellPerLine(rows: readonly LayoutRow[], grid: Piece[][], encoding: 'tab-cells' | 'pipe-cells', emit: Emit): string[] {
  const out: string[] = [];
  let open = false;
  rows.forEach((row, i) => {
    if (!open) {
      // tab-cells: rows are paragraphs; pipe-cells: a pipe-only line starts a row (seed 003).
      if (encoding === 'tab-cells' && out.length) out.push('');
      if (encoding === 'pipe-cells') out.push('|');
    }
    for (const p of grid[i]) {
      if (p.blank) continue;
      if (encoding === 'tab-cells') out.push(`\t${emit(p)}`);
      else out.push(p.text ? `${emit(p)} |` : `${emit(p)}|`);
    }
    open = row.kind === 'group';
  });
  return out;
}

/**
 * The table in the encoding; 'layout' and 'plain' (PDF text) are written as Markdown.
 * `exactMarkdown`: Markdown padded so that columns line up in any monospace font (see markdown()).
 */
export function encode(layout: Layout, encoding: Encoding, value: ValueText, stops?: StopCounter, exactMarkdown = false): string {
  const grid = layout.rows.map(r => r.cells.map(c => piece(c, value)));
  const emit = emitter(stops);
  switch (encoding) {
    case 'tsv': return tsv(grid, emit).join('\n');
    case 'tab-cells':
    case 'pipe-cells': return cellPerLine(layout.rows, grid, encoding, emit).join('\n');
    default: return markdown(layout, grid, emit, exactMarkdown).join('\n');
  }
}
