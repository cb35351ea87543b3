// Inlay hints: in encodings that put one cell on a line, a bare number says nothing about
// its column; the hint names it. Markdown tables show their header already (opt-in).
import type { ReportDocument } from './document';
import { columnLabel, rowLabel } from './describe';
import { tablesOf, type Encoding, type Position, type Range } from './model';

export interface InlayHintData {
  /** Where the hint stands: the cell's start. */
  position: Position;
  label: string;
  /** The cell's row and column, for a tooltip. */
  tooltip: string;
}

export interface InlayOptions {
  /** Also hint cells of Markdown pipe tables. */
  markdownTables?: boolean;
}

const ONE_CELL_PER_LINE: ReadonlySet<Encoding> = new Set(['tab-cells', 'pipe-cells', 'plain']);

const overlaps = (r: Range, lines?: Range) => !lines || (r.start.line <= lines.end.line && r.end.line >= lines.start.line);

/** Hints for every number or blank cell (in `range`, when given). */
export function inlayHints(doc: ReportDocument, range?: Range, options: InlayOptions = {}): InlayHintData[] {
  const out: InlayHintData[] = [];
  for (const report of doc.model.reports) {
    for (const t of tablesOf(report)) {
      const wanted = ONE_CELL_PER_LINE.has(t.encoding) || (t.encoding === 'markdown' && options.markdownTables);
      if (!wanted || !overlaps(t.range, range)) continue;
      for (const row of Object.values(t.rows)) {
        for (const c of Object.values(row.cells)) {
          if (c.kind === 'text' || !overlaps(c.range, range)) continue;
          out.push({
            position: c.range.start,
            label: columnLabel(t.generation, t.id, c.row, c.column),
            tooltip: `${rowLabel(t.generation, t.id, c.row)} × ${columnLabel(t.generation, t.id, c.row, c.column)}`,
          });
        }
      }
    }
  }
  return out.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}
