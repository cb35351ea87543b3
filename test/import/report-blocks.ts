// A sample report as the blocks an office document holds: paragraphs (part headings
// marked, so Word can number them itself) and the three standard tables as grids with
// merged cells, laid out as the printed forms are (header labels spanning their columns,
// group labels such as 三、本年度办理结果 merged down the rows they hold). Cells hold the
// sample's parse (text as written, row labels as written); every other label comes from
// the template declaration. Used by scripts/make-import-fixtures.mjs and by the tests.
import { ReportDocument, tableDecl, type Table, type TableId } from '../../server/src/engine';
import { layoutOf, type LayoutRow } from '../../server/src/engine/render';

export interface FormCell { text: string; colSpan?: number; rowSpan?: number; header?: boolean }
/** HTML-like rows: a cell covered by another's colSpan/rowSpan is not listed. */
export type FormRows = FormCell[][];
export type Block =
  | { kind: 'p'; text: string; part?: { numeral: string; rest: string } }
  | { kind: 'table'; id: TableId; rows: FormRows };

const isDebris = (line: string) => /^[\s|:\-]*$/.test(line);

export function reportBlocks(text: string): Block[] {
  const doc = new ReportDocument(text);
  const report = doc.model.reports[0];
  const tables = Object.values(report.tables).filter((t): t is Table => !!t);
  const parts = new Map(report.parts.map(p => [p.range.start.line, p]));
  const blocks: Block[] = [];
  for (let i = 0; i < doc.lineCount; i++) {
    const table = tables.find(t => i >= t.range.start.line && i <= t.range.end.line);
    if (table) {
      if (i === table.range.start.line) blocks.push({ kind: 'table', id: table.id, rows: formOf(table) });
      continue;
    }
    const line = doc.line(i).trim();
    if (isDebris(line)) continue;
    const part = parts.get(i);
    const prefix = part?.standardNumbering ? `${part.numeral}、` : undefined;
    blocks.push(prefix && line.startsWith(prefix)
      ? { kind: 'p', text: line, part: { numeral: part!.numeral, rest: line.slice(prefix.length) } }
      : { kind: 'p', text: line });
  }
  return blocks;
}

/** The printed form of a parsed table. */
export function formOf(table: Table): FormRows {
  const decl = tableDecl(table.generation, table.id);
  const layout = layoutOf(table.generation, table.id);
  const groups = new Map(decl.groups.map(g => [g.id, g]));
  const rowGroup = new Map(decl.blocks.flatMap(b => b.rows.map(r => [r.id, r.group] as const)));
  const chainOf = (rowId: string) => {
    const chain: string[] = [];
    for (let g = rowGroup.get(rowId); g; g = groups.get(g)?.parent) chain.unshift(g);
    return chain;
  };
  const dataRows = layout.rows.filter(r => r.kind === 'data').map(rowIdOf);
  const labelCols = layout.labelColumns ? 1 + Math.max(...dataRows.map(id => chainOf(id).length)) : 0;
  const rowsUnder = (g: string) => dataRows.filter(id => chainOf(id).includes(g)).length;
  const valueCols = layout.width - layout.labelColumns;
  const out: FormRows = [];
  const opened = new Set<string>();
  for (let i = 0; i < layout.rows.length; i++) {
    const row = layout.rows[i];
    if (row.kind === 'block') {
      out.push([{ text: labelText(row, 0), colSpan: labelCols + valueCols, header: true }]);
    } else if (row.kind === 'header') {
      let j = i;
      while (j < layout.rows.length && layout.rows[j].kind === 'header') j++;
      out.push(...headerForm(layout.rows.slice(i, j), layout.labelColumns, labelCols));
      i = j - 1;
    } else if (row.kind === 'data') {
      const id = rowIdOf(row);
      const cells: FormCell[] = [];
      const chain = chainOf(id);
      for (const g of chain) {
        if (opened.has(g)) continue;
        opened.add(g);
        cells.push({ text: groups.get(g)!.label, rowSpan: rowsUnder(g) });
      }
      if (layout.labelColumns) cells.push({ text: table.rows[id]?.label?.text ?? labelText(row, 0), colSpan: labelCols - chain.length });
      const values = row.cells.slice(layout.labelColumns);
      values.forEach((c, k) => {
        if (c.kind !== 'value') return;
        const span = values.slice(k + 1).findIndex(x => x.kind === 'value');
        const colSpan = span < 0 ? values.length - k : span + 1;
        cells.push({ text: table.rows[c.row]?.cells[c.column]?.text ?? '', ...(colSpan > 1 ? { colSpan } : {}) });
      });
      out.push(cells);
    }
  }
  return out;
}

const labelText = (row: LayoutRow, i: number) => { const c = row.cells[i]; return c.kind === 'label' ? c.text : ''; };
const rowIdOf = (row: LayoutRow) => { const v = row.cells.find(c => c.kind === 'value'); return v && v.kind === 'value' ? v.row : ''; };

/**
 * Header rows with their spans. In the layout a label is written once: a blank with a
 * label below it continues the span of the label to its left; a blank with a label above
 * and none below is covered by that label's rows; a blank with neither continues the span.
 */
function headerForm(rows: LayoutRow[], layoutLabelCols: number, labelCols: number): FormRows {
  const depth = rows.length;
  const width = rows[0].cells.length;
  const at = (l: number, c: number) => labelText(rows[l], c) || null;
  const below = (l: number, c: number) => rows.some((_, k) => k > l && at(k, c));
  const above = (l: number, c: number) => rows.some((_, k) => k < l && at(k, c));
  const out: FormRows = [];
  for (let l = 0; l < depth; l++) {
    const cells: FormCell[] = [];
    if (layoutLabelCols && l === 0) cells.push({ text: at(0, 0) ?? '', colSpan: labelCols, rowSpan: depth, header: true });
    for (let c = layoutLabelCols; c < width; c++) {
      const text = at(l, c);
      if (!text) continue;
      let end = c + 1;
      while (end < width && !at(l, end) && (below(l, end) || !above(l, end))) end++;
      const rowSpan = below(l, c) ? 1 : depth - l;
      cells.push({ text, header: true, ...(end - c > 1 ? { colSpan: end - c } : {}), ...(rowSpan > 1 ? { rowSpan } : {}) });
    }
    out.push(cells);
  }
  return out;
}

/** Absolute positions of the cells of HTML-like rows (what a spreadsheet's merges need). */
export function placeCells(rows: FormRows): { row: number; col: number; cell: FormCell }[] {
  const taken = new Set<string>();
  const placed: { row: number; col: number; cell: FormCell }[] = [];
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (taken.has(`${r},${c}`)) c++;
      placed.push({ row: r, col: c, cell });
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) taken.add(`${r + dr},${c + dc}`);
      c += cell.colSpan ?? 1;
    }
  });
  return placed;
}
