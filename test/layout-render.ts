// A sample's tables rendered the way `pdftotext -layout` lays out a ruled table, blanks
// included, for the tests of reading layout text by column (test/engine/parse/layout-blanks.test.ts).
// What the real layout samples 01 and 02 show of pdftotext: every cell starts at its
// column's place on a grid; a blank cell is only spaces; a long row label is broken over
// lines with its numbers on the middle one (or on a line of their own between two); header
// cells are broken over several lines (商业企 / 业); group labels (三、本年度办理结果,
// （三）不予公开) are broken into pieces on lines of their own; rows are separated by blank
// lines; a page number and a form feed fall inside a long table.
// Two measures of the grid: 'chars', pdftotext's own (a CJK character takes one place), and
// 'display', text aligned for a monospace editor (a CJK character takes two columns).
import { ReportDocument, type Encoding, type Table } from '../server/src/engine';
import { encode } from '../server/src/engine/render/encode';
import { layoutOf, type LayoutCell } from '../server/src/engine/render/layout';
import { displayWidth } from '../server/src/engine/render/width';
import { tableDecl } from '../server/src/engine/templates';

export type GridMeasure = 'chars' | 'display';

const LABEL_WRAP = 14; // characters of a row label per line
const HEADER_WRAP = 3; // characters of a header cell per line

/** Pieces of at most `n` characters. */
function wrap(text: string, n: number): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += n) out.push(chars.slice(i, i + n).join(''));
  return out.length ? out : [''];
}

/** A group label as pdftotext breaks it: the numbering, then a few characters a line. */
function groupPieces(label: string): string[] {
  const m = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/.exec(label);
  const head = m ? m[0] : '';
  return [...(head ? [head] : []), ...wrap(label.slice(head.length), 3)];
}

class Line {
  text = '';
  constructor(private readonly measure: GridMeasure) {}
  private width() { return this.measure === 'chars' ? [...this.text].length : displayWidth(this.text); }
  /** Writes `s` starting at grid place x (at least two spaces after what stands before). */
  put(x: number, s: string) {
    if (!s) return;
    const w = this.width();
    this.text += ' '.repeat(w === 0 ? x : Math.max(2, x - w)) + s;
  }
}

export interface Rendered { text: string; blanks: number; cells: number }

/** One table as layout text; `value` gives each cell's text ('' for a blank). */
export function renderTableLayout(t: Table, measure: GridMeasure, page = 4): string[] {
  const layout = layoutOf(t.generation, t.id);
  const unit = measure === 'chars' ? 1 : 2; // a CJK character's width in the measure
  const labelWidth = layout.labelColumns ? LABEL_WRAP * unit + 4 : 0;
  const columnWidth = measure === 'chars' ? 10 : 12;
  const x = (j: number) => (j < layout.labelColumns ? 0 : labelWidth + (j - layout.labelColumns) * columnWidth);
  const valueOf = (c: LayoutCell) => (c.kind === 'value' ? t.rows[c.row]?.cells[c.column]?.text ?? '' : '');
  const leaves = new Set(tableDecl(t.generation, t.id).blocks.flatMap(b => b.columns.map(c => c.label)));
  const out: string[] = [];
  let dataRows = 0, feed = Infinity;
  for (const row of layout.rows) {
    if (row.kind === 'block' || row.kind === 'group') {
      const label = row.cells[0].kind === 'label' ? row.cells[0].text : '';
      for (const piece of row.kind === 'group' ? groupPieces(label) : [label]) { out.push(piece); out.push(''); }
      continue;
    }
    if (row.kind === 'header') {
      // A column's own header cell is narrow and broken over lines; a group or span label above it is wide.
      const pieces = row.cells.map((c, j) => (c.kind !== 'label' ? [] : wrap(c.text, j < layout.labelColumns ? LABEL_WRAP : leaves.has(c.text) ? HEADER_WRAP : 99)));
      const height = Math.max(...pieces.map(p => p.length));
      for (let k = 0; k < height; k++) {
        const line = new Line(measure);
        pieces.forEach((p, j) => line.put(x(j), p[k] ?? ''));
        out.push(line.text);
      }
      out.push('');
      continue;
    }
    // A data row: the label broken over lines, the numbers on the middle one.
    const labels = layout.labelColumns && row.cells[0].kind === 'label' ? wrap(row.cells[0].text, LABEL_WRAP) : [];
    const numbersOn = labels.length === 2 ? -1 : labels.length >> 1;
    const numbers = (label = '') => {
      const line = new Line(measure);
      line.put(0, label);
      row.cells.forEach((c, j) => { if (j >= layout.labelColumns) line.put(x(j), valueOf(c)); });
      return line.text;
    };
    if (!labels.length) out.push(numbers());
    labels.forEach((piece, k) => {
      if (k === 1 && numbersOn === -1) out.push(numbers());
      out.push(k === numbersOn ? numbers(piece) : piece);
    });
    out.push('');
    // A page ends inside a long table: its number, then a form feed before the next line.
    if (++dataRows === 11) { out.push(`${' '.repeat(40)}-${page}-`); feed = out.length; }
  }
  if (feed < out.length) out[feed] = `\f${out[feed]}`;
  return out;
}

/**
 * The sample with each of its tables replaced by its rendering in an encoding: layout as
 * pdftotext lays it out (on its grid of characters), the others as the engine writes them.
 * The cells rendered are the ones the engine reads from the sample (what its golden test holds).
 */
export function renderReport(text: string, encoding: Encoding | GridMeasure): Rendered {
  const doc = new ReportDocument(text);
  const lines = text.split(/\r\n|\r|\n/);
  const report = doc.model.reports[0];
  const tables = (Object.values(report.tables) as Table[]).sort((a, b) => b.range.start.line - a.range.start.line);
  let blanks = 0, cells = 0;
  for (const t of tables) {
    for (const row of Object.values(t.rows)) for (const c of Object.values(row.cells)) { cells++; if (c.kind === 'blank') blanks++; }
    const written = (row: string, column: string) => t.rows[row]?.cells[column]?.text ?? '';
    const body = encoding === 'chars' || encoding === 'display' || encoding === 'layout'
      ? renderTableLayout(t, encoding === 'display' ? 'display' : 'chars')
      : encode(layoutOf(t.generation, t.id), encoding, written).split('\n');
    lines.splice(t.range.start.line, t.range.end.line - t.range.start.line + 1, '', ...body, '');
  }
  return { text: lines.join('\n'), blanks, cells };
}

/** The sample's tables as pdftotext -layout text. */
export const renderLayoutReport = (text: string, measure: GridMeasure): Rendered => renderReport(text, measure);
