// Hover explanations, built from the template's identities: what a cell is, how a total
// adds up (each addend named and valued), how a row label or part heading was recognised.
import type { ReportDocument } from './document';
import { cellName, formula, identityIn, recoveryReason, rowLabel, splitText, tableName, termName } from './describe';
import { evaluate, identitiesOf, solve, valuesOf, type Values } from './identities';
import { fmt, list, type Locale, type Msg } from './i18n';
import { tablesOf, type Cell, type MatchHow, type Part, type Position, type Range, type Report, type Table } from './model';
import { TEMPLATES, cellKey, rowsOf, tableDecl, type CellRef, type Generation, type Identity, type TableId } from './templates';
import { proseFacts, tableValue } from './prose';
import { crossYearHover, type HoverPeers } from './hover-cross-year';
import { roundSum } from './text/number';
import { contains } from './text/range';

export type { HoverPeers };

const M = {
  blank: { en: '_blank_', 'zh-cn': '_空白_' },
  missing: { en: '_missing_', 'zh-cn': '_缺失_' },
  sum: { en: 'Sum', 'zh-cn': '合计' },
  sumWritten: { en: 'Sum of the written cells', 'zh-cn': '已填单元格合计' },
  cell: { en: '**{table}** — {cell}: **{value}**', 'zh-cn': '**{table}** — {cell}：**{value}**' },
  holds: { en: '✓ {left} = {right}', 'zh-cn': '✓ {left} = {right}' },
  differs: { en: '✗ {left} ≠ {right}: differs by {diff}', 'zh-cn': '✗ {left} ≠ {right}：相差 {diff}' },
  unchecked: {
    en: 'Not checked: {count} blank or missing cell(s); a blank is an omission, not 0.',
    'zh-cn': '无法核对：{count} 个单元格空白或缺失（空白不等于 0，属于漏填）。',
  },
  wouldBe: { en: 'From the other cells, {cell} would be {value}.', 'zh-cn': '按其他单元格计算，{cell}应为 {value}。' },
  addsInto: { en: 'Adds into: {list}', 'zh-cn': '计入：{list}' },
  row: { en: 'Row **{canonical}** ({table})', 'zh-cn': '行 **{canonical}**（{table}）' },
  written: { en: 'Written as 「{text}」: {how}.', 'zh-cn': '原文「{text}」：{how}。' },
  part: { en: 'Part {numeral}: **{canonical}**', 'zh-cn': '第{numeral}部分：**{canonical}**' },
  numbering: { en: 'Numbered 「{numeral}」 instead of 「{standard}、」.', 'zh-cn': '编号写作「{numeral}」，模板为「{standard}、」。' },
  prose: { en: 'The text says **{value}**; the table has {cells}: **{table}** {verdict}', 'zh-cn': '正文为 **{value}**；表格中{cells}：**{table}** {verdict}' },
  recovered: {
    en: 'Recovered from the digit run 「{run}」, which ran {cells} cells together: read as {values}, {reason}. Check it against the source.',
    'zh-cn': '由连写的数字「{run}」恢复（{cells} 个单元格连在一起）：读作 {values}，这是{reason}。请对照原件核实。',
  },
  recoveredGlued: {
    en: 'Read apart from its label: 「{run}」 stood against it with nothing between.',
    'zh-cn': '与行标签分开读取：「{run}」紧贴标签书写，中间没有分隔。',
  },
  proseUnknown: { en: 'The text says **{value}**; the table\'s {cells} cannot be compared (blank or missing).', 'zh-cn': '正文为 **{value}**；表格中{cells}空白或缺失，无法核对。' },
} satisfies Record<string, Msg>;

const HOW: Record<MatchHow, Msg> = {
  exact: { en: 'exactly the template\'s wording', 'zh-cn': '与模板完全一致' },
  normalized: { en: 'matched after normalizing spaces, brackets and punctuation', 'zh-cn': '统一空格、括号和标点后匹配' },
  variant: { en: 'a known variant of the template\'s wording', 'zh-cn': '模板措辞的常见变体' },
  prefix: { en: 'matched by its beginning (a shortened label)', 'zh-cn': '按开头匹配（简写的标签）' },
  fuzzy: { en: 'matched approximately (check the wording for a slip)', 'zh-cn': '近似匹配（请检查是否有错字）' },
};

const inLines = (r: Range, p: Position) => r.start.line <= p.line && p.line <= r.end.line;
const escape = (s: string) => s.replace(/([\\|*_`[\]<>])/g, '\\$1');

/**
 * Markdown explaining what is at `position`, or undefined when there is nothing to say.
 * `peers` are the documents check() got: a cell cross-year compares shows last year's too.
 */
export function hover(doc: ReportDocument, position: Position, locale: Locale, peers: HoverPeers = {}): string | undefined {
  for (const report of doc.model.reports) {
    if (!inLines(report.range, position) && !report.parts.some(p => inLines(p.range, position))) continue;
    const part = report.parts.find(p => contains(p.range, position));
    if (part) return partHover(report, part, locale);
    const quoted = proseFacts(doc, report).numbers.find(n => contains(n.range, position));
    if (quoted) return proseHover(report, quoted.quantity, quoted.value, locale);
    for (const table of tablesOf(report)) {
      if (!inLines(table.range, position)) continue;
      const found = cellAt(doc, table, position);
      if (found) return withCrossYear(cellHover(table, found, locale), crossYearHover(doc, report, table, found, locale, peers));
      const row = Object.values(table.rows).find(r => r.label && contains(r.label.range, position));
      if (row?.label) {
        const canonical = escape(row.label.canonical);
        return [
          fmt(M.row, locale, { canonical, table: tableName(table.id, locale) }),
          fmt(M.written, locale, { text: escape(row.label.text), how: fmt(HOW[row.label.how], locale) }),
        ].join('\n\n');
      }
    }
  }
  return undefined;
}

const withCrossYear = (md: string, cross: string | undefined) => (cross ? `${md}\n\n---\n\n${cross}` : md);


/** A number quoted in the prose, beside the table cell(s) it was compared with (text-table). */
function proseHover(report: Report, quantity: Parameters<typeof tableValue>[1], value: number, locale: Locale): string {
  const found = tableValue(report, quantity);
  const cells = (found?.cells ?? []).map(ref => cellName(report.tables[ref.table]?.generation ?? report.template, ref, locale));
  if (!found) return fmt(M.proseUnknown, locale, { value, cells: list(cells, locale) });
  return fmt(M.prose, locale, { value, table: found.value, cells: list(cells, locale), verdict: found.value === value ? '✓' : '✗' });
}

/** The cell under the position; a blank cell (often an empty range) also answers anywhere on a line of its own. */
function cellAt(doc: ReportDocument, table: Table, p: Position): Cell | undefined {
  const cells = Object.values(table.rows).flatMap(r => Object.values(r.cells));
  return cells.find(c => c.kind !== 'blank' && contains(c.range, p))
    ?? cells.find(c => c.kind === 'blank' && contains(c.range, p))
    ?? cells.find(c => c.kind === 'blank' && c.range.start.line === p.line && /^[\s|]*$/.test(doc.line(p.line)));
}

function partHover(report: Report, part: Part, locale: Locale): string {
  const decl = TEMPLATES[report.template].parts.find(d => d.number === part.number)!;
  const canonical = `${decl.numeral}、${decl.heading}`;
  const lines = [fmt(M.part, locale, { numeral: decl.numeral, canonical })];
  lines.push(fmt(M.written, locale, { text: escape(part.text), how: fmt(HOW[part.how], locale) }));
  if (!part.standardNumbering) lines.push(fmt(M.numbering, locale, { numeral: escape(part.numeral), standard: decl.numeral }));
  return lines.join('\n\n');
}

/** How a cell's content reads in a hover: its written text, blank, or missing. */
function shown(table: Table, ref: CellRef, locale: Locale): string {
  const cell = table.rows[ref.row]?.cells[ref.column];
  if (!cell) return fmt(M.missing, locale);
  if (cell.kind === 'blank') return fmt(M.blank, locale);
  return cell.kind === 'text' ? `「${escape(cell.text)}」` : escape(cell.text);
}

/** A term's label in a hover: the column's label along a row, the full row label along a column. */
function termLabel(gen: Generation, table: TableId, ref: CellRef, along: Identity['along']): string {
  if (along === 'row') return termName(gen, ref, along);
  const decl = tableDecl(gen, table);
  const row = rowsOf(decl).get(ref.row)?.row;
  const label = rowLabel(gen, table, ref.row);
  const group = decl.groups.find(g => g.id === row?.group);
  const ordinal = group && /^\d/.test(label) ? /^（[一二三四五六七八九十]）/.exec(group.label)?.[0] ?? '' : '';
  return ordinal + label;
}

const same = (a: CellRef, b: CellRef) => a.row === b.row && a.column === b.column;

function cellHover(table: Table, cell: Cell, locale: Locale): string {
  const gen = table.generation;
  const ref: CellRef = { table: table.id, row: cell.row, column: cell.column };
  const out = [fmt(M.cell, locale, { table: tableName(table.id, locale), cell: cellName(gen, ref, locale), value: shown(table, ref, locale) })];
  const r = cell.recovered;
  if (r) {
    out.push(r.values.length === 1
      ? fmt(M.recoveredGlued, locale, { run: escape(r.run) })
      : fmt(M.recovered, locale, { run: escape(r.run), cells: r.values.length, values: escape(splitText(r.values)), reason: escape(recoveryReason(gen, r, locale)) }));
  }
  const v = valuesOf(table);
  const mine = identitiesOf(table).filter(i => [...i.lhs, ...i.rhs].some(r => same(r, ref)));
  // A total (solved for, or alone on the left) and every term of a multi-term equation
  // (一 + 二 = （七）总计 + 四) get the identity spelled out; a plain addend gets a pointer.
  const explained = mine.filter(i => same(i.solveFor, ref) || i.lhs.some(r => same(r, ref)) || i.lhs.length > 1);
  // What fails comes first, verdict on top: the first thing seen is ✗ 28 ≠ 25, not a
  // long table of addends or an identity that holds. Beside a failure, what holds is one line.
  const verdict = (i: Identity) => evaluate(i, v)?.holds;
  const failing = explained.filter(i => verdict(i) === false);
  const unchecked = explained.filter(i => verdict(i) === undefined);
  const holding = explained.filter(i => verdict(i) === true);
  for (const i of [...failing, ...unchecked]) out.push(explain(table, i, v, locale));
  if (failing.length) {
    if (holding.length) out.push(holding.map(i => holdsLine(table, i, v, locale)).join('\n\n'));
  } else for (const i of holding) out.push(explain(table, i, v, locale));
  const addsInto = mine.filter(i => !explained.includes(i));
  if (addsInto.length) {
    const names = addsInto.map(i => identityIn(escape(formula(gen, i)), escape(termLabel(gen, table.id, i.solveFor, i.along === 'row' ? 'column' : 'row')), i.along, locale));
    out.push(fmt(M.addsInto, locale, { list: list(names, locale) }));
  }
  return out.join('\n\n---\n\n');
}

/** An identity's name in a hover: its formula, and the row or column it applies in. */
function identityTitle(table: Table, i: Identity, locale: Locale): string {
  const where = termLabel(table.generation, table.id, i.solveFor, i.along === 'row' ? 'column' : 'row');
  return identityIn(`**${escape(formula(table.generation, i))}**`, escape(where), i.along, locale);
}

/** An identity that holds, on one line: ✓ 23 = 23 — its formula. */
function holdsLine(table: Table, i: Identity, v: Values, locale: Locale): string {
  const e = evaluate(i, v)!;
  return `${fmt(M.holds, locale, { left: e.lhs, right: e.rhs })} — ${identityTitle(table, i, locale)}`;
}

/** One identity: ✓ or the difference first, then every term labelled and valued, and each side's sum. */
function explain(table: Table, i: Identity, v: Values, locale: Locale): string {
  const gen = table.generation;
  const e = evaluate(i, v);
  const lines: string[] = [];
  if (e) {
    lines.push(e.holds
      ? fmt(M.holds, locale, { left: e.lhs, right: e.rhs })
      : fmt(M.differs, locale, { left: e.lhs, right: e.rhs, diff: Math.round((e.lhs - e.rhs) * 1e6) / 1e6 }));
  } else {
    const unknown = [...i.lhs, ...i.rhs].filter(r => typeof v.get(cellKey(r.row, r.column)) !== 'number');
    lines.push(fmt(M.unchecked, locale, { count: unknown.length }));
    const target = i.solveFor;
    if (unknown.length === 1 && same(unknown[0], target)) {
      lines.push('', fmt(M.wouldBe, locale, { cell: cellName(gen, target, locale), value: solve(i, v)! }));
    }
  }
  lines.push('', identityTitle(table, i, locale), '', '| | |', '|:--|--:|');
  const side = (refs: CellRef[]) => {
    for (const r of refs) lines.push(`| ${escape(termLabel(gen, table.id, r, i.along))} | ${shown(table, r, locale)} |`);
    const complete = refs.every(r => typeof v.get(cellKey(r.row, r.column)) === 'number');
    if (refs.length > 1) lines.push(`| **${fmt(complete ? M.sum : M.sumWritten, locale)}** | **${partialSum(v, refs)}** |`);
  };
  side(i.lhs);
  lines.push('| | |');
  side(i.rhs);
  return lines.join('\n');
}

/** The sum of the written terms (blank ones left out, and said so by the table above). */
function partialSum(v: Values, refs: CellRef[]): number {
  const s = refs.reduce((acc, r) => {
    const x = v.get(cellKey(r.row, r.column));
    return typeof x === 'number' ? acc + x : acc;
  }, 0);
  return roundSum(s);
}

