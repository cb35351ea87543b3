// Label-anchored placement: the item stream of one table region → template rows and cells.
// A label starts its row; the numbers after it fill the row's slots in column order.
// Numbers without a label go to the next template row (a lost label, seed 000); seven
// equal runs of bare numbers are columns, not rows (plain pdftotext, corpus 03).
import { rowsOf, tableDecl, type ColumnDecl, type Generation, type RowDecl, type TableId } from '../templates';
import type { Building, Cell, Doubt, LabelRef, Range, Row, Unplaced, Unsplit } from '../model';
import { assign, blankRange, findGrid, headerEvidence, type Grid } from './columns';
import { ROW_PER_LINE, type Item } from './items';
import { distinguishes, type LabelMatch } from './labels';
import { recoverRow } from './recover';
import { tooLargeToRead } from '../text/number';

interface RowBuild {
  id: string;
  index: number;
  label?: { item: Item; match: LabelMatch };
  items: Item[];
  /** Blank cells after a full row in its own paragraph (seed 000's extra empty cell). */
  extraBlanks: Item[];
  closed: boolean;
  firstLine?: number;
  firstPara?: number;
  /** Opened by counting (the next row without values), not by its label. */
  counted?: boolean;
}

export interface Placement {
  generation: Generation;
  /** The rows and cells (made on demand: only the chosen placement needs them). */
  materialize(): { rows: Record<string, Row>; unplaced: Unplaced[]; unsplit: Unsplit[] };
  /** Rows of the template filled, minus rows missing, minus items left over: higher is better. */
  score: number;
  /** Labels that name this generation and not the other. */
  evidence: number;
}


const range = (line: number, start: number, end: number): Range => ({ start: { line, character: start }, end: { line, character: end } });

/** A table declaration's rows in template order and each row's index (built once per declaration). */
const orders = new WeakMap<object, { order: RowDecl[]; indexOf: Map<string, number> }>();
function orderOf(decl: ReturnType<typeof tableDecl>) {
  let o = orders.get(decl);
  if (!o) {
    const order = decl.blocks.flatMap(b => b.rows);
    orders.set(decl, (o = { order, indexOf: new Map(order.map((r, i) => [r.id, i])) }));
  }
  return o;
}

const isValue = (i: Item) => i.kind === 'value' || i.kind === 'text';

export function place(tableId: TableId, items: readonly Item[], gen: Generation): Placement {
  const decl = tableDecl(gen, tableId);
  const rowInfo = rowsOf(decl);
  const { order, indexOf } = orderOf(decl);
  const builds = new Map<string, RowBuild>();
  const grids = new Map<string, { grid?: Grid; borrowed: boolean }>();
  let isLayout: boolean | undefined;
  let lastValue: number | undefined;
  const unplaced: Unplaced[] = [];
  let current: RowBuild | undefined;
  let block: string | undefined;
  let lastFilled = -1;
  let evidence = 0;
  /** Items that may be header cells: where layout text's columns stand (parse/columns.ts). */
  const headers: Item[] = [];

  const expected = (b: RowBuild) => rowInfo.get(b.id)!.columns.length;
  // Counted in loops, not filtered: placement runs per table per generation on every re-parse.
  const valueCount = (b: RowBuild) => { let n = 0; for (const i of b.items) if (isValue(i)) n++; return n; };
  const cellCount = (b: RowBuild) => { let n = 0; for (const i of b.items) if (i.kind !== 'soft') n++; return n; };
  const hasValues = (b: RowBuild) => { for (const i of b.items) if (isValue(i)) return true; return false; };
  const nextUnfilled = (): RowDecl | undefined => {
    for (let i = lastFilled + 1; i < order.length; i++) {
      const b = builds.get(order[i].id);
      if (!(b && hasValues(b))) return order[i];
    }
    return undefined;
  };
  const open = (row: RowDecl): RowBuild => {
    let b = builds.get(row.id);
    if (!b) { b = { id: row.id, index: indexOf.get(row.id)!, items: [], extraBlanks: [], closed: false }; builds.set(row.id, b); }
    return b;
  };
  const add = (b: RowBuild, item: Item) => {
    if (b.firstLine === undefined) { b.firstLine = item.line; b.firstPara = item.para; }
    b.items.push(item);
    if (item.kind === 'value' || item.kind === 'text') lastFilled = Math.max(lastFilled, b.index);
  };
  /** Whether a further cell can still join row b. */
  const accepts = (b: RowBuild, item: Item): boolean => {
    if (b.closed) return false;
    if (b.firstLine === undefined) return true;
    if (ROW_PER_LINE.has(item.encoding)) return item.line === b.firstLine || !hasValues(b);
    if (item.encoding === 'tab-cells' && item.para !== b.firstPara) return false;
    const filled = item.encoding === 'tab-cells' || item.encoding === 'pipe-cells' ? cellCount(b) : valueCount(b);
    return filled < expected(b);
  };

  for (let k = 0; k < items.length; k++) {
    const item = items[k];
    if (item.kind === 'label') {
      const mine = item.labels!.filter(m => m.entry.table === tableId && m.entry.generations.includes(gen));
      if (item.labels!.some(m => m.entry.table === tableId && distinguishes(m.entry, gen) && m.how !== 'variant' && m.how !== 'fuzzy')) evidence++;
      const rows = mine.filter(m => m.entry.kind === 'row');
      if (rows.length) {
        const pick = rows.find(m => m.entry.block === block && !builds.get(m.entry.id)?.label) ?? rows.find(m => !builds.get(m.entry.id)?.label) ?? rows[0];
        if (current && current.id !== pick.entry.id) current.closed = true;
        const b = open(order[indexOf.get(pick.entry.id)!]);
        if (!b.label) b.label = { item, match: pick };
        else unplaced.push({ kind: 'unknown-row', text: item.text, range: range(item.line, item.start, item.end), afterRow: current?.id });
        block = pick.entry.block ?? block;
        current = hasValues(b) && !accepts(b, item) ? undefined : b;
        continue;
      }
      if (mine.some(m => m.entry.kind === 'block' || m.entry.kind === 'group')) {
        const blk = mine.find(m => m.entry.kind === 'block');
        if (blk) block = blk.entry.id;
        if (current) current.closed = true;
        current = undefined;
        continue;
      }
      // A column or header label: a header repeated after a page break, or the header row itself.
      headers.push(item);
      if (current && current.firstLine !== undefined && !hasValues(current) && rowInfo.get(current.id)!.row.label === null) {
        current.items = [];
        current.firstLine = current.firstPara = undefined;
      }
      continue;
    }
    if (item.kind === 'fragment') { headers.push(item); continue; }
    // A number too large to read exactly stands where a number stands (not-a-number says why).
    if (item.kind === 'text' && !tooLargeToRead(item.text)) {
      if (item.text.length <= 8) headers.push(item);
      // Words where a number belongs, only where a row is clearly collecting its cells.
      if (current && current.label && item.text.length <= 12 && accepts(current, item) && item.encoding !== null) add(current, item);
      else if (current && /^\s*(\d+[.、]|[（(][一二三四五六七八九十][)）])/.test(item.text) && item.text.length <= 40) {
        current.closed = true;
        current = undefined;
        unplaced.push({ kind: 'unknown-row', text: item.text, range: range(item.line, item.start, item.end) });
      }
      continue;
    }

    // Seven equal runs of bare numbers, one per line: the columns of consecutive rows.
    if (item.kind === 'value' && item.alone && item.encoding === null) {
      const used = transposed(k);
      if (used) { k += used - 1; continue; }
    }

    if (current && accepts(current, item)) { add(current, item); continue; }
    // A further cell in a full row's own paragraph (cell-per-line) belongs to that row, as an extra.
    if (current && item.encoding === 'tab-cells' && item.para === current.firstPara && hasValues(current)) {
      if (item.kind === 'blank') {
        unplaced.push({ kind: 'extra-cell', text: item.text, range: range(item.line, item.start, item.end), afterRow: current.id });
        current.extraBlanks.push(item);
      } else if (item.kind === 'value') current.items.push(item);
      continue;
    }
    if (current) current.closed = true;
    const next = nextUnfilled();
    // Blank cells start a row only where the row has no label to start it (table 四).
    if (!next || ((item.kind === 'blank' || item.kind === 'soft') && next.label !== null)) {
      if (item.kind === 'value') unplaced.push({ kind: 'orphan-value', text: item.text, range: range(item.line, item.start, item.end), afterRow: current?.id });
      current = undefined;
      continue;
    }
    current = open(next);
    // A row whose label is lost (seed 000) is placed by counting; 表四's row has none to lose.
    if (!current.label && next.label !== null) current.counted = true;
    add(current, item);
  }

  function transposed(k: number): number {
    const paras: Item[][] = [];
    let j = k;
    while (j < items.length) {
      const p = items[j].para;
      const run: Item[] = [];
      while (j < items.length && items[j].para === p) run.push(items[j++]);
      if (run.length < 2 || !run.every(i => i.kind === 'value' && i.alone && i.encoding === null)) break;
      if (paras.length && run.length !== paras[0].length) break;
      paras.push(run);
    }
    const first = nextUnfilled();
    if (!first || !paras.length) return 0;
    const cols = rowInfo.get(first.id)!.columns.length;
    if (cols < 2 || paras.length < cols) return 0;
    const rowsNeeded = paras[0].length;
    const start = indexOf.get(first.id)!;
    const targets = order.slice(start, start + rowsNeeded);
    if (targets.length < rowsNeeded || targets.some(r => rowInfo.get(r.id)!.columns.length !== cols)) return 0;
    if (current) current.closed = true;
    targets.forEach((r, ri) => {
      const b = open(r);
      b.counted = true;
      for (let c = 0; c < cols; c++) add(b, paras[c][ri]);
      b.closed = true;
    });
    current = undefined;
    return cols * rowsNeeded;
  }

  // Finalize: choose each row's cells in column order. The score needs only how many;
  // the cells are made for the placement that is kept (under a tie both generations are
  // tried, and a keystroke re-reads the table).
  const plans = [...builds.values()].sort((x, z) => x.index - z.index).map(b => {
    const info = rowInfo.get(b.id)!;
    const recovery = recoverRow(gen, tableId, b.id, info.columns, b.items, info.row.label !== null);
    // A recovered row's cells are pieces of one item: the item spans them all.
    let doubt: Doubt | undefined;
    let cells: Item[];
    if (recovery?.kind === 'cells') cells = b.items.filter(i => i.kind === 'value');
    else if (recovery?.kind === 'unsplit' && recovery.unread) cells = [];
    else {
      const byColumn = recovery ? undefined : byPosition(b, info.columns);
      if (byColumn) ({ cells, doubt } = byColumn);
      else cells = chooseCells(b.items, info.columns.length);
    }
    if (recovery?.kind === 'unsplit') doubt = { reason: 'split-refused', range: recovery.unsplit.range };
    if (!doubt && (b.counted || bareParagraphs(cells))) doubt = { reason: 'placed-by-counting' };
    return { b, info, recovery, cells, doubt };
  });
  let filled = 0, extras = 0;
  for (const { b, info, recovery, cells } of plans) {
    if (!cells.length && !b.label) continue;
    if (recovery?.kind === 'cells') { if (recovery.cells.length) filled++; continue; }
    if (Math.min(cells.length, info.columns.length) > 0) filled++;
    extras += Math.max(0, cells.length - info.columns.length);
  }
  const score = filled * 2 - (order.length - filled) - (unplaced.length + extras);

  const materialize = () => {
    const rows: Record<string, Row> = {};
    const unsplit: Unsplit[] = [];
    const left = [...unplaced];
    for (const { b, info, recovery, cells, doubt } of plans) {
      if (recovery?.kind === 'unsplit') unsplit.push(recovery.unsplit);
      if (!cells.length && !b.label) continue;
      const row: RowDraft = { id: b.id, cells: {}, cellCount: cells.length, range: range(0, 0, 0) };
      if (doubt) row.doubt = doubt;
      if (recovery?.kind === 'cells') {
        for (const c of recovery.cells) row.cells[c.column] = c;
        row.cellCount = recovery.cells.length;
        rows[b.id] = finishRow(row, b, cells);
        continue;
      }
      cells.slice(0, info.columns.length).forEach((item, ci) => {
        const col = info.columns[ci];
        row.cells[col.id] = toCell(b.id, col.id, item);
      });
      for (const extra of cells.slice(info.columns.length)) {
        left.push({ kind: 'extra-cell', text: extra.text, range: range(extra.line, extra.start, extra.end), afterRow: b.id });
      }
      row.cellCount = cells.length + b.extraBlanks.length;
      // A pipe-only line read as a blank cell may only have separated two rows: not a cell for certain.
      if (!row.doubt && cells.filter(c => c.kind !== 'soft' || !separatesRows(c)).length < info.columns.length) row.doubt = { reason: 'too-few-cells' };
      if (!row.doubt && cells.slice(info.columns.length).some(c => c.kind !== 'blank' && c.kind !== 'soft')) row.doubt = { reason: 'too-many-cells' };
      rows[b.id] = finishRow(row, b, cells);
    }
    return { rows, unplaced: dedupe(left), unsplit };
  };
  return { generation: gen, score, evidence, materialize };

  /**
   * Layout text: a row with fewer numbers than columns, all on one line, read by where each
   * number stands (parse/columns.ts); the blanks between become cells. Undefined where the
   * table does not say where its columns are.
   */
  function byPosition(b: RowBuild, columns: readonly ColumnDecl[]): { cells: Item[]; doubt?: Doubt } | undefined {
    const values = b.items.filter(isValue);
    const n = columns.length;
    if (!values.length || values.length >= n || values.some(v => v.line !== values[0].line || v.col < 0)) return undefined;
    // On a layout line, or alone on its line in a table written in layout lines (a row
    // label broken over lines puts its numbers on a line of their own).
    const onLayoutLine = values[0].encoding === 'layout' || (b.label?.item.line === values[0].line && b.label.item.encoding === 'layout');
    if (!onLayoutLine && !(values.length === 1 && layoutTable())) return undefined;
    const { grid, borrowed } = gridOf(columns, values[0].page);
    if (!grid) return { cells: values, doubt: { reason: 'columns-unclear' } };
    const assigned = assign(grid, values);
    const { slots } = assigned;
    const doubt = assigned.doubt ?? (borrowed ? { reason: 'columns-unclear' as const } : undefined);
    // Words on the numbers' line (the row's label, a piece of a group label): blanks stand after them.
    const words = [...(b.label ? [b.label.item] : []), ...headers].filter(w => w.line === values[0].line);
    const cells: Item[] = [];
    let after = 0;
    for (let j = 0, i = 0; j < n; j++) {
      if (slots[i] === j) { cells.push(values[i++]); after = 0; continue; }
      const { start, end } = blankRange(grid, values, slots, j, words, after);
      after = end > start ? end + 2 : end + 1;
      cells.push({ ...values[0], kind: 'blank', start, end, text: '', alone: false, reading: undefined, labels: undefined, glued: false, col: -1 });
    }
    const at = doubt?.item;
    return { cells, doubt: doubt && { reason: doubt.reason, ...(at ? { range: range(at.line, at.start, at.end) } : {}) } };
  }

  /**
   * Whether a pipe-only line read as a blank cell may only have separated two rows: it may
   * where numbers follow it in the table; after the table's last number (seed 003's blank
   * 总计 of 四) it can only be a cell.
   */
  function separatesRows(soft: Item): boolean {
    if (lastValue === undefined) {
      lastValue = -1;
      for (let k = items.length - 1; k >= 0; k--) if (items[k].kind === 'value') { lastValue = k; break; }
    }
    return items.indexOf(soft) < lastValue;
  }

  /**
   * Numbers each alone in its paragraph (plain pdftotext, corpus 03): a row's cells are the
   * next so many numbers, so a number lost before them moves them all.
   */
  function bareParagraphs(cells: readonly Item[]): boolean {
    let bare = 0;
    for (const c of cells) if (c.kind === 'value' && c.encoding === null && c.alone) bare++;
    return bare >= 2 && !layoutTable();
  }

  /** Whether the table's numbers stand mostly in layout lines (not bare paragraphs, corpus 03). */
  function layoutTable(): boolean {
    if (isLayout === undefined) {
      let inLayout = 0, alone = 0;
      for (const i of items) if (i.kind === 'value') { if (i.encoding === 'layout') inLayout++; else if (i.encoding === null) alone++; }
      isLayout = inLayout > alone;
    }
    return isLayout;
  }

  /**
   * Where the columns of a block stand on a page: its full rows on one line there, and its
   * header cells (pdftotext lays each page out anew: corpus 01's 表三 moves on its second
   * page). A page without such evidence borrows the table's, with doubt.
   */
  function gridOf(columns: readonly ColumnDecl[], page: number): { grid?: Grid; borrowed: boolean } {
    const key = `${columns.map(c => c.id).join('|')}@${page}`;
    let hit = grids.get(key);
    if (!hit) {
      const own = findGrid(columns.length, fullRows(columns, page), headerEvidence(headers.filter(h => h.page === page), columns.map(c => c.label)));
      hit = own ? { grid: own, borrowed: false } : { grid: findGrid(columns.length, fullRows(columns), headerEvidence(headers, columns.map(c => c.label))), borrowed: true };
      grids.set(key, hit);
    }
    return hit;
  }

  /** A block's rows that have every cell on one line (on one page, if given). */
  function fullRows(columns: readonly ColumnDecl[], page?: number): Item[][] {
    const full: Item[][] = [];
    for (const b of builds.values()) {
      if (rowInfo.get(b.id)!.columns !== columns) continue;
      const values = b.items.filter(isValue);
      if (values.length !== columns.length || values.some(v => v.line !== values[0].line || v.col < 0)) continue;
      if (page === undefined || values[0].page === page) full.push(values);
    }
    return full;
  }
}

/** A row while it is placed: its cells and fields are still set. */
type RowDraft = Omit<Building<Row>, 'cells'> & { cells: Record<string, Cell> };

/** The row's label and range: from its first item (label or cell) to its last. */
function finishRow(row: RowDraft, b: RowBuild, cells: Item[]): Row {
  if (b.label) row.label = labelRef(b.label.item, b.label.match);
  const spans = [...(b.label ? [b.label.item] : []), ...cells];
  const first = spans.reduce((a, z) => (z.line < a.line || (z.line === a.line && z.start < a.start) ? z : a));
  const last = spans.reduce((a, z) => (z.line > a.line || (z.line === a.line && z.end > a.end) ? z : a));
  row.range = { start: { line: first.line, character: first.start }, end: { line: last.line, character: last.end } };
  return row;
}

/**
 * A row's cells: all its numbers; when they are fewer than the template's columns, the
 * blank cells that make up the difference, preferring blanks between numbers, then after
 * them, then those nearest before them.
 */
function chooseCells(items: Item[], expected: number): Item[] {
  const values = items.filter(i => i.kind === 'value' || i.kind === 'text');
  if (values.length >= expected) return values;
  // A row on one line (Markdown, TSV) whose cells, trailing padding aside, number exactly
  // the template's columns: the positions say which cell is blank.
  if (items.length && ROW_PER_LINE.has(items[0].encoding) && items.every(i => i.line === items[0].line)) {
    let end = items.length;
    while (end > 0 && (items[end - 1].kind === 'blank' || items[end - 1].kind === 'soft')) end--;
    if (end === expected) return items.slice(0, end);
  }
  const firstV = values.length ? items.indexOf(values[0]) : items.length;
  const lastV = values.length ? items.indexOf(values[values.length - 1]) : -1;
  // Pools in order of preference: hard blanks between, after, before (nearest first) the
  // numbers; then pipe-only lines between, right after the label, after the numbers.
  const pools: Item[][] = [[], [], [], [], [], []];
  items.forEach((it, idx) => {
    if (it.kind !== 'blank' && it.kind !== 'soft') return;
    const soft = it.kind === 'soft';
    const where = idx > firstV && idx < lastV ? 0 : idx > lastV ? 1 : 2;
    const pool = soft ? [3, 5, 4][where] : where;
    if (where === 2 && !soft) pools[pool].unshift(it);
    else pools[pool].push(it);
  });
  const chosen = new Set<Item>(values);
  for (const pool of pools) for (const it of pool) if (chosen.size < expected) chosen.add(it);
  return items.filter(i => chosen.has(i));
}

function toCell(row: string, column: string, item: Item): Cell {
  const r = item.reading;
  const cell: Building<Cell> = {
    row, column, text: item.text,
    value: r?.kind === 'number' ? r.value : null,
    kind: item.kind === 'value' ? 'number' : item.kind === 'text' ? 'text' : 'blank',
    range: range(item.line, item.start, item.end),
  };
  if (r?.kind === 'number' && r.unit) cell.unit = r.unit;
  return cell;
}

function labelRef(item: Item, match: LabelMatch): LabelRef {
  return { text: item.text, range: range(item.line, item.start, item.end), how: match.how, canonical: match.entry.canonical };
}

function dedupe(list: Unplaced[]): Unplaced[] {
  const seen = new Set<string>();
  return list.filter(u => {
    const k = `${u.kind}|${u.range.start.line}|${u.range.start.character}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
