// The template generations in use, from their checked declarations (checked.ts), and what
// the engine derives from them: concrete identities (one per row or column), lookups by id,
// the generation a year calls for. More can be registered (a provincial variant, a test's
// made-up one): values derived from the set are computed again (fromTemplates, templateMemo).
import type { BlockDecl, ColumnDecl, RowDecl, TableDecl, TableId, TemplateDecl } from './schema';
import type { Generation } from './declarations';
import { CHECKED } from './checked';

export type { TableId, TableDecl, BlockDecl, RowDecl, ColumnDecl, PartDecl, TemplateDecl } from './schema';
export type { Generation } from './declarations';

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

export interface Template extends Omit<TemplateDecl, 'generation'> {
  generation: Generation;
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

function load(decl: TemplateDecl): Template {
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
  return { ...decl, generation: decl.generation as Generation, derived: { identities, byCell } };
}

/** The templates in use, by generation. */
export const TEMPLATES = {} as Record<Generation, Template>;
const generations: Generation[] = [];
/** The generations in use, oldest first (by the first year each is for). */
export const GENERATIONS: readonly Generation[] = generations;

let version = 0;
const memos: Map<unknown, unknown>[] = [];

function install(decl: TemplateDecl): void {
  const t = load(decl);
  if (!(t.generation in TEMPLATES)) generations.push(t.generation);
  TEMPLATES[t.generation] = t;
  generations.sort((a, b) => TEMPLATES[a].years.from - TEMPLATES[b].years.from);
  changed();
}

function changed(): void {
  version++;
  for (const m of memos) m.clear();
}

for (const decl of CHECKED) install(decl);

/**
 * Adds a generation from a validated declaration (schema.ts validateTemplate): a provincial
 * variant, or a test's made-up generation. Returns what removes it again.
 */
export function registerTemplate(decl: TemplateDecl): () => void {
  if (decl.generation in TEMPLATES) throw new Error(`template generation ${decl.generation} is already registered`);
  install(decl);
  return () => {
    delete TEMPLATES[decl.generation as Generation];
    generations.splice(generations.indexOf(decl.generation as Generation), 1);
    changed();
  };
}

export const isGeneration = (x: unknown): x is Generation => typeof x === 'string' && Object.hasOwn(TEMPLATES, x);

/** A value derived from the templates in use: built on first use, and again after a generation is registered. */
export function fromTemplates<T>(build: () => T): () => T {
  let at = -1;
  let value: T;
  return () => {
    if (at !== version) { value = build(); at = version; }
    return value;
  };
}

/** A memo whose results depend on the templates in use: emptied when a generation is registered. */
export function templateMemo<K, V>(): Map<K, V> {
  const m = new Map<K, V>();
  memos.push(m as Map<unknown, unknown>);
  return m;
}

export function tableDecl(gen: Generation, id: TableId): TableDecl {
  return TEMPLATES[gen].tables.find(t => t.id === id)!;
}

const inYears = (gen: Generation, year: number) => {
  const { from, to } = TEMPLATES[gen].years;
  return from <= year && (to === undefined || year <= to);
};
const latest = (a: Generation, b: Generation) => (TEMPLATES[b].years.from > TEMPLATES[a].years.from ? b : a);

/**
 * The generation a report year calls for: the one whose declared years hold it (the latest
 * begun when several do: an open-ended range gives way to a newer one); a year in no range
 * takes the last generation begun before it, a year before them all the first.
 */
export function generationForYear(year: number): Generation {
  let g = generationByYear.get(year);
  if (g === undefined) {
    if (generationByYear.size > 1000) generationByYear.clear();
    generationByYear.set(year, (g = generationFor(year)));
  }
  return g;
}
/** Memoized: every keystroke asks it for every report of a compilation. */
const generationByYear = templateMemo<number, Generation>();

function generationFor(year: number): Generation {
  const begun = GENERATIONS.filter(g => TEMPLATES[g].years.from <= year);
  const holding = begun.filter(g => inYears(g, year));
  const pool = holding.length ? holding : begun;
  return pool.length ? pool.reduce(latest) : GENERATIONS[0];
}

/** The generation of today's reports: the latest begun of those with open-ended years (else the latest). */
export function currentGeneration(): Generation {
  const open = GENERATIONS.filter(g => TEMPLATES[g].years.to === undefined);
  return (open.length ? open : GENERATIONS).reduce(latest);
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
