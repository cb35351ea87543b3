// Walking a report's cells with their table and column declaration: what the cell rules share.
import type { Cell, Report, Table } from '../model';
import { columnDecl, tableDecl, type ColumnDecl } from '../templates';

export interface CellVisit { table: Table; cell: Cell; column?: ColumnDecl }

/** Every cell of a table, with its column's declaration. */
export function* cellsOf(table: Table): Generator<CellVisit> {
  const decl = tableDecl(table.generation, table.id);
  for (const row of Object.values(table.rows)) {
    for (const cell of Object.values(row.cells)) yield { table, cell, column: columnDecl(decl, cell.row, cell.column) };
  }
}

/** All tables of a report, pasted duplicates included. */
export const tablesOf = (report: Report): Table[] => [...Object.values(report.tables), ...report.extraTables] as Table[];
