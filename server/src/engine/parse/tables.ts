// Finds the tables in a section's item stream and places each one, choosing the
// template generation its labels (and, failing that, the better fit) point to.
import { tooLargeToRead } from '../text/number';
import { GENERATIONS, TABLE_IDS, fromTemplates, tableDecl, type Generation, type TableId } from '../templates';
import { distinguishes } from './labels';
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

/** Labels that tell this generation of the table apart (what place() counts as evidence). */
function evidenceOf(tableId: TableId, items: readonly Item[], gen: Generation): number {
  let n = 0;
  for (const item of items) {
    if (item.kind === 'label' && item.labels!.some(m => m.entry.table === tableId && distinguishes(m.entry, gen) && m.how !== 'variant' && m.how !== 'fuzzy')) n++;
  }
  return n;
}

/** Per table, each generation's declaration as text: generations that declare a table alike (table 四) place it alike. */
const declText = fromTemplates(() => new Map(GENERATIONS.flatMap(g => TABLE_IDS.map(id => [`${g}|${id}`, JSON.stringify(tableDecl(g, id))]))));

/** The newest first: it wins a tie. */
const newestFirst = (gens: readonly Generation[]) => gens.slice().sort((a, b) => GENERATIONS.indexOf(b) - GENERATIONS.indexOf(a));

export function parseTables(items: readonly Item[]): Table[] {
  return regions(items).map(({ table, items: its }) => {
    const evidence = Object.fromEntries(GENERATIONS.map(g => [g, evidenceOf(table, its, g)])) as Record<Generation, number>;
    // The generation with the most evidence wins outright, and generations that declare the
    // table alike give the same placement (the newest wins the tie): only a real tie between
    // different declarations needs each tried.
    const most = Math.max(...GENERATIONS.map(g => evidence[g]));
    const texts = declText();
    const tied = newestFirst(GENERATIONS.filter(g => evidence[g] === most));
    const gens = tied.filter((g, i) => tied.findIndex(h => texts.get(`${h}|${table}`) === texts.get(`${g}|${table}`)) === i);
    const tries = gens.map(g => place(table, its, g));
    // A stable sort: the newest generation first among equals.
    tries.sort((a, b) => b.evidence - a.evidence || b.score - a.score);
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
