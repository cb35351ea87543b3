// Writes what an importer found — paragraphs and table grids — as report text the engine
// reads (paragraphs, Markdown pipe rows for tables), recording where each heading and cell
// came from. Every importer ends here, so all formats come out in one shape.
import type { Msg } from '../engine/i18n';
import type { ImportResult, ProvenanceEntry, SourcePosition } from './types';

export interface GridCell {
  text: string;
  source?: SourcePosition;
  /** The continuation of a merged cell (rowspan/colspan, vMerge/gridSpan): written once, at its first place. */
  merged?: boolean;
}

const NUMERIC = /^[+\-−]?[0-9０-９][0-9０-９,，.．]*\s*(?:万元|元|件|个|次|条)?$/;
const FILLER = /^[\/／—–\-－无]$/;
/** A value cell: a number, a blank or a filler such as / or —. */
const isValue = (text: string) => text === '' || NUMERIC.test(text) || FILLER.test(text);
/** A row that carries values (the others — headers, group labels — are written as they are). */
const hasValues = (cells: readonly GridCell[]) => cells.some(c => c.text !== '' && (NUMERIC.test(c.text) || FILLER.test(c.text)));

/** Cell text on one line: line breaks inside a cell joined (no space between CJK characters), pipes escaped. */
export function cellText(raw: string): string {
  return raw
    .replace(/\s*[\r\n]+\s*/g, (m, at: number, all: string) => (/[\x21-\x7e]/.test(all[at - 1] ?? '') && /[\x21-\x7e]/.test(all[at + m.length] ?? '') ? ' ' : ''))
    .replace(/[ \t\u00a0\u3000]+/g, ' ')
    .trim()
    .replace(/\|/g, '｜');
}

export class ReportWriter {
  private lines: string[] = [];
  private provenance: ProvenanceEntry[] = [];

  /** A paragraph of prose or a heading; blank lines around it keep paragraphs apart. */
  paragraph(raw: string, source?: SourcePosition): void {
    const text = raw.replace(/[ \t\u00a0]+$/g, '').replace(/^[ \t\u00a0]+/, '');
    if (!text.trim()) return;
    this.separate();
    for (const part of text.split(/\r?\n/)) {
      if (source) this.provenance.push({ line: this.lines.length, start: 0, end: part.length, source });
      this.lines.push(part);
    }
  }

  /**
   * A table as a grid of rows. Merged continuations are skipped; a row whose first cells are
   * several labels (a group label merged down a column, then the row's own label) is
   * written as one row per group label — once — then the row with its own label, as the
   * standard tables print them.
   */
  table(rows: readonly (readonly GridCell[])[]): void {
    this.separate();
    let lastGroup: string | undefined;
    for (const row of rows) {
      const cells = row.filter(c => !c.merged).map(c => ({ ...c, text: cellText(c.text) }));
      if (!cells.some(c => c.text !== '')) continue;
      const firstValue = hasValues(cells) ? cells.findIndex((c, i) => isValue(c.text) && cells.slice(0, i).some(l => l.text !== '')) : -1;
      const labels = (firstValue < 0 ? [] : cells.slice(0, firstValue)).filter(c => c.text !== '');
      if (firstValue > 0 && labels.length) {
        for (const g of labels.slice(0, -1)) {
          if (g.text === lastGroup) continue;
          this.row([g]);
          lastGroup = g.text;
        }
        this.row([labels[labels.length - 1], ...cells.slice(firstValue)]);
      } else {
        this.row(cells);
      }
    }
    this.lines.push('');
  }

  private row(cells: readonly GridCell[]): void {
    let line = '|';
    for (const c of cells) {
      line += ' ';
      if (c.source && c.text) this.provenance.push({ line: this.lines.length, start: line.length, end: line.length + c.text.length, source: c.source });
      line += (c.text || ' ') + ' |';
    }
    this.lines.push(line);
  }

  private separate(): void {
    if (this.lines.length && this.lines[this.lines.length - 1] !== '') this.lines.push('');
  }

  result(encoding: string, notes: Msg[] = []): ImportResult {
    const provenance = [...this.provenance].sort((a, b) => a.line - b.line || a.start - b.start);
    return { text: this.lines.join('\n').replace(/\n+$/, '') + '\n', encoding, notes, provenance };
  }
}
