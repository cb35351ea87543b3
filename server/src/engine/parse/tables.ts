// Finds the tables in a section's item stream and places each one, choosing the
// template generation its labels (and, failing that, the better fit) point to.
import { tooLargeToRead } from '../text/number';
import { GENERATIONS, TABLE_IDS, tableDecl, type Generation, type TableId } from '../templates';
import type { Encoding, Table } from '../model';
import type { Item } from './items';
import { place } from './placement';

/** Splits the items into table regions: a label unique to one table starts or switches the region. */
function regions(items: readonly Item[]): { table: TableId; items: Item[] }[] {
  const out: { table: TableId; items: Item[] }[] = [];
  let cur: { table: TableId; items: Item[]; values: number } | undefined;
  for (const item of items) {
    if (item.kind === 'label') {
      const tables = [...new Set(item.labels!.map(m => m.entry.table))];
      if (!cur || !tables.includes(cur.table)) {
        // Only a distinctive label starts a table: not a bare 其他 or 总计 from a broken header.
        const strong = item.labels!.some(m => m.entry.kind === 'row' || m.entry.kind === 'block' || m.entry.kind === 'group' || m.entry.canonical.length >= 4);
        if (tables.length === 1 && strong) {
          cur = { table: tables[0], items: [], values: 0 };
          out.push(cur);
        } else if (!cur) continue;
      }
    } else if (item.kind === 'text' && item.text.length >= 20 && !item.encoding && !tooLargeToRead(item.text)) {
      // Prose after a table's numbers ends the table.
      if (cur && cur.values > 0) cur = undefined;
      continue;
    }
    if (!cur) continue;
    if (item.kind === 'value') cur.values++;
    cur.items.push(item);
  }
  return out;
}

/** Labels naming this generation of the table and not the other (what place() counts as evidence). */
function evidenceOf(tableId: TableId, items: readonly Item[], gen: Generation): number {
  let n = 0;
  for (const item of items) {
    if (item.kind === 'label' && item.labels!.some(m => m.entry.table === tableId && m.entry.generations.length === 1 && m.entry.generations[0] === gen && m.how !== 'variant' && m.how !== 'fuzzy')) n++;
  }
  return n;
}

/** Tables the two generations declare alike (table 四): placement cannot tell them apart. */
const SAME_IN_BOTH = new Set<TableId>(TABLE_IDS.filter(id => JSON.stringify(tableDecl('2019', id)) === JSON.stringify(tableDecl('2021', id))));

export function parseTables(items: readonly Item[]): Table[] {
  return regions(items).map(({ table, items: its }) => {
    const evidence = { '2019': evidenceOf(table, its, '2019'), '2021': evidenceOf(table, its, '2021') };
    // The generation with more evidence wins outright, and one declared alike in both gives
    // the same placement either way (2021 wins the tie): only a real tie needs both tried.
    const gens: readonly Generation[] =
      evidence['2019'] !== evidence['2021'] ? [evidence['2019'] > evidence['2021'] ? '2019' : '2021']
      : SAME_IN_BOTH.has(table) ? ['2021'] : GENERATIONS;
    const tries = gens.map(g => place(table, its, g));
    tries.sort((a, b) => b.evidence - a.evidence || b.score - a.score || (a.generation === '2021' ? -1 : 1));
    const best = tries[0];
    const { rows, unplaced, unsplit } = best.materialize();
    const last = its[its.length - 1];
    return {
      id: table,
      generation: best.generation,
      encoding: majorityEncoding(its),
      range: { start: { line: its[0].line, character: its[0].start }, end: { line: last.line, character: last.end } },
      rows,
      unplaced,
      unsplit,
      generationEvidence: evidence,
    };
  });
}

function majorityEncoding(items: readonly Item[]): Encoding {
  const counts = new Map<Encoding, number>();
  for (const i of items) {
    if (i.kind !== 'value' && i.kind !== 'blank') continue;
    const e = i.encoding ?? 'plain';
    counts.set(e, (counts.get(e) ?? 0) + 1);
  }
  let best: Encoding = 'plain';
  let n = -1;
  for (const [e, c] of counts) if (c > n) { best = e; n = c; }
  return best;
}
