// Walking a report's cells with their table and column declaration: what the cell rules share.
import type { Cell, Table } from '../model';
import { columnDecl, tableDecl, type ColumnDecl } from '../templates';
import { cellVisitsByTable } from '../cache';

export interface CellVisit { table: Table; cell: Cell; column?: ColumnDecl }

/** Every cell of a table, with its column's declaration (built once per table: three rules walk it). */
export function cellsOf(table: Table): readonly CellVisit[] {
  let out = cellVisitsByTable.get(table);
  if (!out) {
    const decl = tableDecl(table.generation, table.id);
    const list: CellVisit[] = [];
    for (const row of Object.values(table.rows)) {
      for (const cell of Object.values(row.cells)) list.push({ table, cell, column: columnDecl(decl, cell.row, cell.column) });
    }
    cellVisitsByTable.set(table, (out = list));
  }
  return out;
}
