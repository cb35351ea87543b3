// Every cache keyed on a parsed object, in one place, so a reader sees what is kept and why.
//
// Each is held by the object it is keyed on (`attached`: a hidden property), not by a
// WeakMap. A keystroke replaces the section, table and report it touches; in node 20's V8
// the young-generation collector keeps a WeakMap's values alive when the map itself is old,
// even for a key that is dead, so every keystroke's section, tables, report and findings
// (≈ 90 KB on the 2 MB compilation) survived the collections after it, were copied and
// promoted, and only a full collection freed them. Held by their key, they die with it.
//
// They rely on one promise: the model is read-only (model.ts marks it so). A parsed section,
// report or table is never changed after it is built; an edit makes new objects for what it
// touches (document.ts keeps the untouched ones, moved.ts the ones that only moved). So what
// was computed from an object stays right while the object lives, and goes
// with it. A cache whose result also depends on something else stores that in its entry as
// a key to compare (the options, the report's index).
//
// Caches keyed on other things stay with their module: row orders per template declaration
// (parse/placement.ts), reparsers per rule context (edits/reread.ts).
import type { Values } from './identities';
import type { DocumentModel, Finding, Report, Table } from './model';
import type { PlacedSection } from './parse/section';
import type { ProseFacts } from './prose';
import type { Shape } from './move-findings';
import type { CellVisit } from './rules/cells';
import type { Generation } from './templates';

/** A cache of one value per object, kept on the object (non-enumerable: not part of the model, not copied by a spread). */
export interface Attached<K extends object, V> { get(key: K): V | undefined; set(key: K, value: V): void }

function attached<K extends object, V>(name: string): Attached<K, V> {
  const slot = Symbol(name);
  return {
    get: key => (key as unknown as Record<symbol, V | undefined>)[slot],
    set: (key, value) => { Object.defineProperty(key, slot, { value, writable: true, configurable: true, enumerable: false }); },
  };
}

/** The parsed sections a report was built from, in order (assemble.ts): the other caches key on them. */
export const sourcesByReport = attached<Report, readonly PlacedSection[]>('sourcesByReport');

/**
 * A report, keyed on its first section (assemble.ts): a keystroke rebuilds only the report
 * whose sections changed. Valid while the entry's sections and line count are the same.
 */
export const reportBySection = attached<PlacedSection, { sections: readonly PlacedSection[]; lineCount: number; report: Report }>('reportBySection');

/**
 * A report's findings, keyed on the root of its first section (check.ts): an edit re-checks
 * only the report it touched; a report that only moved gets its findings moved. Valid for
 * the same sections, report index, expected generation and options. `shapes`: how each
 * finding is moved (move-findings.ts), worked out on the first move.
 */
export const findingsByReport = attached<PlacedSection, CachedFindings>('findingsByReport');
export interface CachedFindings { sources: readonly PlacedSection[]; reportIndex: number; expected: Generation; optionsKey: string; findings: readonly Finding[]; shapes?: readonly Shape[] }

/**
 * The table rules' findings per rule code, keyed on the table (check.ts): an edit elsewhere
 * in the report keeps the table object and reuses them. Valid for the same `key` (what else they read).
 */
export const findingsByTable = attached<Table, { key: string; byRule: ReadonlyMap<string, readonly Finding[]> }>('findingsByTable');

/** A stable number per peer document model (check.ts): the findings cache's key tells whether the peers changed. */
export const modelIds = new WeakMap<DocumentModel, number>();

/** A table's cell values by `row|column` (identities.ts): every identity and several rules read them. */
export const valuesByTable = attached<Table, Values>('valuesByTable');

/** A table's cells with their column declarations (rules/cells.ts): three cell rules walk them. */
export const cellVisitsByTable = attached<Table, readonly CellVisit[]>('cellVisitsByTable');

/** Whether a table was read without doubt, so filling a cell cannot move another (fixes/verify.ts). */
export const regularByTable = attached<Table, boolean>('regularByTable');

/** The numbers a section's prose quotes about the tables (prose.ts): a keystroke re-reads one part's prose. */
export const proseBySection = attached<PlacedSection, ProseFacts>('proseBySection');
