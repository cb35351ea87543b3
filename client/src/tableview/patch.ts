// What the table view's webview needs after a new result: everything when the grids' shape
// (generations, tables present) or the UI strings changed, else only the cells that differ.
// Source ranges stay in the extension (it does the revealing): typing above a table moves
// every range but changes nothing the webview shows.
import type { TableViewCell, TableViewResult } from '../../../server/src/lsp/protocol';

export type ViewUpdate =
  | { type: 'full'; data: TableViewResult }
  | { type: 'patch'; uri: string; cells: Record<string, TableViewCell> };

/** A cell as the webview sees it: without its range. */
export function shown(cell: TableViewCell): Omit<TableViewCell, 'range'> {
  const { range: _range, ...rest } = cell;
  return rest;
}

export function forWebview(data: TableViewResult): TableViewResult {
  return { ...data, cells: Object.fromEntries(Object.entries(data.cells).map(([k, c]) => [k, shown(c)])) };
}

export function updateFor(prev: TableViewResult | undefined, next: TableViewResult): ViewUpdate | undefined {
  if (!prev || prev.uri !== next.uri || prev.shape !== next.shape || JSON.stringify(prev.labels) !== JSON.stringify(next.labels)
    || JSON.stringify(prev.reports.map(r => [r.year, r.template])) !== JSON.stringify(next.reports.map(r => [r.year, r.template]))) {
    return { type: 'full', data: forWebview(next) };
  }
  const cells: Record<string, TableViewCell> = {};
  for (const [key, cell] of Object.entries(next.cells)) {
    const before = prev.cells[key];
    if (!before || JSON.stringify(shown(before)) !== JSON.stringify(shown(cell))) cells[key] = shown(cell);
  }
  return Object.keys(cells).length ? { type: 'patch', uri: next.uri, cells } : undefined;
}
