// The document's outline (reports → parts → tables) and its folding ranges, as plain data:
// the language server maps them onto LSP types.
import type { ReportDocument } from './document';
import { fmt, type Locale, type Msg } from './i18n';
import { isReport, type Encoding, type Part, type Range, type Report, type Table } from './model';
import { tableDecl } from './templates';
import { isBefore } from './text/range';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: 'report' | 'part' | 'table';
  /** Everything the symbol spans. */
  range: Range;
  /** What to reveal when the symbol is picked: its heading line. Inside `range`. */
  selectionRange: Range;
  children: OutlineSymbol[];
}

export interface Fold { startLine: number; endLine: number; kind: 'report' | 'part' | 'table' }

const M = {
  report: { en: 'Annual report', 'zh-cn': '年度报告' },
  reportYear: { en: 'Annual report {year}', 'zh-cn': '{year}年度报告' },
  template: { en: '{gen} template', 'zh-cn': '{gen}版模板' },
  extra: { en: 'repeated', 'zh-cn': '重复' },
} satisfies Record<string, Msg>;

/** How a table is written, in the user's words (the model's encoding names are internal). */
const ENCODING: Record<Encoding, Msg> = {
  markdown: { en: 'Markdown table', 'zh-cn': '表格（Markdown）' },
  tsv: { en: 'tab-separated rows', 'zh-cn': '制表符分隔' },
  'tab-cells': { en: 'one cell per line', 'zh-cn': '每行一格' },
  'pipe-cells': { en: 'one cell per line, with |', 'zh-cn': '每行一格（以 | 分隔）' },
  layout: { en: 'text from a PDF, in columns', 'zh-cn': 'PDF 文本（按列排版）' },
  plain: { en: 'text from a PDF, a number per line', 'zh-cn': 'PDF 文本（每行一个数字）' },
  web: { en: 'web page text', 'zh-cn': '网页文本' },
};

const union = (a: Range, b: Range): Range => ({ start: isBefore(b.start, a.start) ? b.start : a.start, end: isBefore(a.end, b.end) ? b.end : a.end });
const within = (inner: Range, outer: Range) => inner.start.line >= outer.start.line && inner.start.line <= outer.end.line;

/** The first line of a range, to its end: what an editor highlights when the symbol is picked. */
function headLine(doc: ReportDocument, r: Range): Range {
  const end = r.end.line === r.start.line ? r.end : { line: r.start.line, character: doc.line(r.start.line).length };
  return { start: r.start, end: isBefore(end, r.start) ? r.start : end };
}

function tableSymbol(doc: ReportDocument, t: Table, extra: boolean, locale: Locale): OutlineSymbol {
  const name = `${tableDecl(t.generation, t.id).name}（${t.generation}）`;
  const detail = fmt(extra ? M.extra : ENCODING[t.encoding], locale);
  return { name, detail, kind: 'table', range: t.range, selectionRange: headLine(doc, t.range), children: [] };
}

function partSymbol(p: Part, tables: OutlineSymbol[]): OutlineSymbol {
  let range = union(p.range, p.bodyRange);
  for (const t of tables) range = union(range, t.range);
  return { name: p.text, kind: 'part', range, selectionRange: p.range, children: tables };
}

function reportSymbol(doc: ReportDocument, r: Report, locale: Locale): OutlineSymbol {
  const tables: { t: Table; extra: boolean }[] = [
    ...(Object.values(r.tables) as Table[]).map(t => ({ t, extra: false })),
    ...r.extraTables.map(t => ({ t, extra: true })),
  ].sort((a, b) => a.t.range.start.line - b.t.range.start.line);
  const placed = new Set<Table>();
  const parts = r.parts.map(p => {
    const mine = tables.filter(x => !placed.has(x.t) && within(x.t.range, p.bodyRange));
    mine.forEach(x => placed.add(x.t));
    return partSymbol(p, mine.map(x => tableSymbol(doc, x.t, x.extra, locale)));
  });
  // A table outside every part (its part heading is missing) hangs off the report itself.
  const loose = tables.filter(x => !placed.has(x.t)).map(x => tableSymbol(doc, x.t, x.extra, locale));
  const children = [...parts, ...loose].sort((a, b) => a.range.start.line - b.range.start.line);
  let range = r.range;
  for (const c of children) range = union(range, c.range);
  const name = r.title?.text ?? (r.year ? fmt(M.reportYear, locale, { year: r.year }) : fmt(M.report, locale));
  const selectionRange = r.title ? r.title.range : headLine(doc, range);
  return { name, detail: fmt(M.template, locale, { gen: r.template }), kind: 'report', range, selectionRange, children };
}

/** One symbol per report, holding its parts, which hold their tables. */
export function documentSymbols(doc: ReportDocument, locale: Locale): OutlineSymbol[] {
  return doc.model.reports
    .filter(isReport)
    .map(r => reportSymbol(doc, r, locale));
}

/** Parts and tables fold; so do reports when a document holds more than one. */
export function foldingRanges(doc: ReportDocument): Fold[] {
  const out: Fold[] = [];
  const add = (r: Range, kind: Fold['kind']) => {
    // A range ending at character 0 ends before that line.
    const endLine = r.end.character === 0 && r.end.line > r.start.line ? r.end.line - 1 : r.end.line;
    if (endLine > r.start.line) out.push({ startLine: r.start.line, endLine, kind });
  };
  const symbols = documentSymbols(doc, 'en');
  const walk = (s: OutlineSymbol) => {
    if (s.kind !== 'report' || symbols.length > 1) add(s.range, s.kind);
    s.children.forEach(walk);
  };
  symbols.forEach(walk);
  return out;
}
