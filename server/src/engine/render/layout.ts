// A standard table as a grid, read from its template declaration: block label rows and
// column-header rows (表二's blocks each carry their own), group label rows (三、本年度办理结果,
// （三）不予公开 …), and data rows whose value cells name their row and column. Encoders
// turn the grid into text; nothing here knows an encoding.
import { tableDecl, type ColumnDecl, type Generation, type TableDecl, type TableId } from '../templates';

export type LayoutCell =
  | { kind: 'label'; text: string }
  | { kind: 'blank' }
  | { kind: 'value'; row: string; column: string };

export interface LayoutRow {
  /** block: a block's own label (第二十条第（一）项); group: a group label with no numbers. */
  kind: 'block' | 'header' | 'group' | 'data';
  /** Always `width` cells: the label column (if any), then the value columns. */
  cells: LayoutCell[];
}

export interface Layout {
  table: TableId;
  /** 1 when rows carry labels (表二, 表三); 0 for 表四's single unlabelled row. */
  labelColumns: number;
  width: number;
  rows: LayoutRow[];
}

/**
 * Where the header-only labels that name neither a column nor a column group stand, by
 * their order in the declaration's `headerLabels`: `corner` above the row labels
 * (信息内容; 表三's 勾稽关系 note), `span` over the column units from `fromUnit` on
 * (申请人情况 over all of 表三; 行政诉讼 over 表四's two 起诉 groups). A unit is a run of
 * columns sharing a group, or one ungrouped column. The declaration says which labels
 * exist; only their places are stated here.
 */
const HEADER_PLACES: Record<TableId, { corner?: number; span?: { label: number; fromUnit: number } }> = {
  proactive: { corner: 0 },
  applications: { corner: 0, span: { label: 1, fromUnit: 0 } },
  review_litigation: { span: { label: 0, fromUnit: 1 } },
};

const blank = (): LayoutCell => ({ kind: 'blank' });
const label = (text: string | null | undefined): LayoutCell => (text ? { kind: 'label', text } : blank());

/** Header labels that are neither a column's label nor a column group. */
function extraHeaderLabels(t: TableDecl): string[] {
  const named = new Set(t.blocks.flatMap(b => b.columns.flatMap(c => [c.label, ...(c.group ? [c.group] : [])])));
  return t.headerLabels.filter(h => !named.has(h));
}

/** Each column's header path, outermost first: [span label], [group], label. */
function columnPaths(columns: readonly ColumnDecl[], spanLabel: string | undefined, fromUnit: number): string[][] {
  let unit = -1;
  return columns.map((c, i) => {
    if (i === 0 || !c.group || c.group !== columns[i - 1].group) unit++;
    return [...(spanLabel && unit >= fromUnit ? [spanLabel] : []), ...(c.group ? [c.group] : []), c.label];
  });
}

/** Header rows over `columns`: one per path level, a label written once where it spans columns. */
function headerRows(t: TableDecl, columns: readonly ColumnDecl[], labelColumns: number, width: number): LayoutRow[] {
  const extras = extraHeaderLabels(t);
  const places = HEADER_PLACES[t.id];
  const paths = columnPaths(columns, places.span ? extras[places.span.label] : undefined, places.span?.fromUnit ?? 0);
  const depth = Math.max(...paths.map(p => p.length));
  const rows: LayoutRow[] = [];
  for (let level = 0; level < depth; level++) {
    const cells: LayoutCell[] = [];
    if (labelColumns) cells.push(label(level === 0 && places.corner !== undefined ? extras[places.corner] : undefined));
    paths.forEach((p, i) => {
      const leaf = level === p.length - 1;
      const sameSpanAsLeft = i > 0 && !leaf && paths[i - 1].slice(0, level + 1).join('\u0000') === p.slice(0, level + 1).join('\u0000');
      cells.push(level < p.length && !sameSpanAsLeft ? label(p[level]) : blank());
    });
    while (cells.length < width) cells.push(blank());
    rows.push({ kind: 'header', cells });
  }
  return rows;
}

const cache = new Map<string, Layout>();

/** The grid of one standard table of one generation. */
export function layoutOf(gen: Generation, id: TableId): Layout {
  const key = `${gen}|${id}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const t = tableDecl(gen, id);
  const labelColumns = t.blocks.some(b => b.rows.some(r => r.label !== null)) ? 1 : 0;
  const width = labelColumns + Math.max(...t.blocks.map(b => b.columns.length));
  const pad = (cells: LayoutCell[]) => { while (cells.length < width) cells.push(blank()); return cells; };
  const groups = new Map(t.groups.map(g => [g.id, g]));
  const opened = new Set<string>();
  const rows: LayoutRow[] = [];
  for (const block of t.blocks) {
    if (block.label) rows.push({ kind: 'block', cells: pad([label(block.label)]) });
    rows.push(...headerRows(t, block.columns, labelColumns, width));
    for (const row of block.rows) {
      // The groups this row opens, outermost first: 三、本年度办理结果 before （一）予以公开.
      const chain: string[] = [];
      for (let g = row.group; g && !opened.has(g); g = groups.get(g)?.parent) chain.unshift(g);
      for (const g of chain) {
        opened.add(g);
        rows.push({ kind: 'group', cells: pad([label(groups.get(g)?.label)]) });
      }
      const cells: LayoutCell[] = labelColumns ? [label(row.label)] : [];
      for (const c of block.columns) cells.push({ kind: 'value', row: row.id, column: c.id });
      rows.push({ kind: 'data', cells: pad(cells) });
    }
  }
  const layout: Layout = { table: id, labelColumns, width, rows };
  cache.set(key, layout);
  return layout;
}
