// A table grid → text in one encoding (spec § How the tables arrive as text). Row per
// line: aligned Markdown, TSV. Cell per line: tab-prefixed (seeds 000, 001), pipe-terminated
// (seeds 002, 003). In snippet mode every value cell becomes a numbered tab stop.
import type { Encoding } from '../model';
import type { Layout, LayoutCell, LayoutRow } from './layout';
import { displayWidth } from './width';

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

function markdown(layout: Layout, grid: Piece[][], emit: Emit): string[] {
  const right = (j: number) => j >= layout.labelColumns;
  const widths = Array.from({ length: layout.width }, (_, j) => Math.max(3, ...grid.map(r => displayWidth(r[j].text))));
  const pad = (p: Piece, j: number) => {
    const fill = ' '.repeat(widths[j] - displayWidth(p.text));
    return right(j) ? emit(p, fill) : emit(p, '', fill);
  };
  const line = (r: Piece[]) => `| ${r.map(pad).join(' | ')} |`;
  const rule = `| ${widths.map((w, j) => (right(j) ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  const lines = grid.map(line);
  lines.splice(1, 0, rule);
  return lines;
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

/** The table in the encoding; 'layout' and 'plain' (PDF text) are written as Markdown. */
export function encode(layout: Layout, encoding: Encoding, value: ValueText, stops?: StopCounter): string {
  const grid = layout.rows.map(r => r.cells.map(c => piece(c, value)));
  const emit = emitter(stops);
  switch (encoding) {
    case 'tsv': return tsv(grid, emit).join('\n');
    case 'tab-cells':
    case 'pipe-cells': return cellPerLine(layout.rows, grid, encoding, emit).join('\n');
    default: return markdown(layout, grid, emit).join('\n');
  }
}
