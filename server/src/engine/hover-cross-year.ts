// The hover section for a cell cross-year compares (二、上年结转, 现行有效件数): this year's
// value beside last year's, naming last year's report and where the cell is in it.
import type { ReportDocument } from './document';
import { cellName } from './describe';
import { fmt, type Locale, type Msg } from './i18n';
import type { Cell, Report, Table } from './model';
import { comparedCell } from './rules/cross-year';

/** Peers for hovers: the documents check() compares with, and what to call each one. */
export interface HoverPeers {
  peers?: readonly ReportDocument[];
  /** A peer's file name (or URI); without one the hover names the report by its title. */
  nameOf?: (peer: ReportDocument) => string | undefined;
}

const M = {
  heading: { en: '**Last year\'s report**: {name} ({year})', 'zh-cn': '**上年度报告**：{name}（{year} 年）' },
  untitled: { en: 'untitled', 'zh-cn': '无标题' },
  mine: { en: 'This year ({year}): **{value}**', 'zh-cn': '本年度（{year} 年）：**{value}**' },
  theirs: { en: 'Last year: {cell}, line {line}: **{value}**', 'zh-cn': '上年度：{cell}，第 {line} 行：**{value}**' },
  expected: {
    en: 'Last year\'s {before} + {issued} issued − {repealed} repealed = **{value}**',
    'zh-cn': '上年度 {before} + 本年制发 {issued} − 本年废止 {repealed} = **{value}**',
  },
  same: { en: '✓ the same', 'zh-cn': '✓ 一致' },
  differs: { en: '✗ differs by {diff}', 'zh-cn': '✗ 相差 {diff}' },
  unknown: { en: 'Not compared: a blank or non-number cell.', 'zh-cn': '无法比较：有单元格空白或不是数字。' },
} satisfies Record<string, Msg>;

const escape = (s: string) => s.replace(/([\\|*_`[\]<>])/g, '\\$1');
const shown = (c: Cell) => (c.kind === 'blank' ? '—' : escape(c.text));
const baseName = (p: string) => decodeURIComponent(p.replace(/[?#].*$/, '').split(/[\\/]/).pop() ?? p);

/** The cross-year section for `cell`, or undefined when cross-year does not compare it. */
export function crossYearHover(doc: ReportDocument, report: Report, table: Table, cell: Cell, locale: Locale, peers: HoverPeers): string | undefined {
  if (!peers.peers?.length) return undefined;
  const found = comparedCell({ doc, report, peers: peers.peers }, { table: table.id, row: cell.row, column: cell.column });
  if (!found) return undefined;
  const { last } = found;
  const file = peers.nameOf?.(last.doc);
  const title = last.report.title?.text;
  const name = [file && `\`${baseName(file)}\``, title && `「${escape(title)}」`].filter(Boolean).join(' — ') || fmt(M.untitled, locale);
  const lines = [
    fmt(M.heading, locale, { name, year: last.report.year! }),
    fmt(M.mine, locale, { year: report.year!, value: shown(cell) }),
    fmt(M.theirs, locale, {
      cell: cellName(last.report.tables[found.ref.table]!.generation, found.ref, locale),
      line: found.cell.range.start.line + 1, value: shown(found.cell),
    }),
  ];
  const target = found.expected?.value ?? (found.ref.row === 'carried_forward' ? found.cell.value : undefined);
  if (found.expected) lines.push(fmt(M.expected, locale, { before: found.cell.value!, ...found.expected }));
  lines.push(typeof cell.value === 'number' && typeof target === 'number'
    ? (cell.value === target ? fmt(M.same, locale) : fmt(M.differs, locale, { diff: Math.round((cell.value - target) * 1e6) / 1e6 }))
    : fmt(M.unknown, locale));
  return lines.join('\n\n');
}
