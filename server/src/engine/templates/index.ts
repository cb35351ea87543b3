// Loads the declarations, validates them with zod, and derives what the engine reads:
// concrete identities (one per row or column) and lookups by id.
import { TemplateDecl, type BlockDecl, type ColumnDecl, type Generation, type RowDecl, type TableDecl, type TableId } from './schema';
import gen2019 from './gen2019';
import gen2021 from './gen2021';

export type { Generation, TableId, TableDecl, BlockDecl, RowDecl, ColumnDecl, PartDecl } from './schema';

export interface CellRef { table: TableId; row: string; column: string }

/** One concrete identity: Σ lhs = Σ rhs over cells of one table. */
export interface Identity {
  code: string;
  table: TableId;
  /** 'row': all cells in one row (the row is `index`); 'column': all cells in one column. */
  along: 'row' | 'column';
  index: string;
  lhs: CellRef[];
  rhs: CellRef[];
  solveFor: CellRef;
  key: string;
}

export interface Template extends TemplateDecl {
  identities: TemplateDecl['identities'];
  derived: {
    identities: Identity[];
    /** Identities that mention a cell, keyed by `row|column`. */
    byCell: Map<string, Identity[]>;
  };
}

export const TABLE_IDS: readonly TableId[] = ['proactive', 'applications', 'review_litigation'];
export const cellKey = (row: string, column: string) => `${row}|${column}`;

function expandIdentities(t: TemplateDecl): Identity[] {
  const out: Identity[] = [];
  for (const d of t.identities) {
    const block = t.tables.find(x => x.id === d.table)!.blocks[0];
    const along = d.forEach;
    const indices = d.only ?? (along === 'row' ? block.rows.map(r => r.id) : block.columns.map(c => c.id));
    for (const index of indices) {
      const ref = (term: string): CellRef =>
        along === 'row' ? { table: d.table, row: index, column: term } : { table: d.table, row: term, column: index };
      out.push({
        code: d.code, table: d.table, along, index,
        lhs: d.lhs.map(ref), rhs: d.rhs.map(ref), solveFor: ref(d.solveFor),
        key: `${d.code}:${d.table}:${along}:${index}:${d.solveFor}`,
      });
    }
  }
  return out;
}

function load(raw: unknown): Template {
  const parsed = TemplateDecl.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`invalid template declaration: ${parsed.error.issues.map(i => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const decl = parsed.data;
  const identities = expandIdentities(decl);
  const byCell = new Map<string, Identity[]>();
  for (const idn of identities) {
    for (const ref of [...idn.lhs, ...idn.rhs]) {
      const k = `${ref.table}|${cellKey(ref.row, ref.column)}`;
      const list = byCell.get(k) ?? [];
      list.push(idn);
      byCell.set(k, list);
    }
  }
  return { ...decl, derived: { identities, byCell } };
}

export const TEMPLATES: Record<Generation, Template> = { '2019': load(gen2019), '2021': load(gen2021) };
export const GENERATIONS: readonly Generation[] = ['2019', '2021'];

export function tableDecl(gen: Generation, id: TableId): TableDecl {
  return TEMPLATES[gen].tables.find(t => t.id === id)!;
}

/** The generation a report year calls for. */
export function generationForYear(year: number): Generation {
  return year >= TEMPLATES['2021'].years.from ? '2021' : '2019';
}

export interface RowInfo { row: RowDecl; block: BlockDecl; columns: ColumnDecl[] }

const rowIndex = new Map<TableDecl, Map<string, RowInfo>>();
/** Row id → its declaration, block and columns (cached per table declaration). */
export function rowsOf(table: TableDecl): Map<string, RowInfo> {
  let m = rowIndex.get(table);
  if (!m) {
    m = new Map();
    for (const block of table.blocks) for (const row of block.rows) m.set(row.id, { row, block, columns: block.columns });
    rowIndex.set(table, m);
  }
  return m;
}

export function columnDecl(table: TableDecl, row: string, column: string): ColumnDecl | undefined {
  return rowsOf(table).get(row)?.columns.find(c => c.id === column);
}
