// Format Document: the report's layout made canonical without touching what it says.
// Web text (a whole report on one line) is cut into its logical lines; every standard
// table is rewritten in one encoding (aligned Markdown or tab-separated rows) from its
// cells as written; part headings get the template's numbering (3. → 三、). A table is
// rewritten only when nothing in it would be lost: every cell placed, no digit run split,
// every character written still there, and the table read back with the same cells.
import { ReportDocument } from './document';
import { check } from './physical';
import { applyEdits } from './edits/apply';
import { eolOf } from './edits/lines';
import { tablesOf, type Part, type Range, type Report, type Table, type Edit } from './model';
import { encode } from './render/encode';
import { layoutOf } from './render/layout';
import { rowsOf, tableDecl } from './templates';
import { byStart } from './text/range';
import { numeralOf } from './describe';
import { headingSpans } from './parse/headings';

/** How tables are written: aligned Markdown, or one row per line with tab-separated cells. */
export type TableStyle = 'markdown' | 'tabs';

export interface FormatOptions {
  tables?: TableStyle;
  /** Range formatting: only what overlaps this range (physical positions). */
  range?: Range;
}

/** Findings that are about layout alone, and change when the layout is made canonical. */
export const LAYOUT_CODES: readonly string[] = ['part-numbering', 'row-label', 'missing-row-label'];

/** The document's findings other than layout ones, as a comparable key. */
export const findingCodes = (doc: ReportDocument) =>
  check(doc).map(f => f.code).filter(c => !LAYOUT_CODES.includes(c)).sort().join(',');

/** The edits that format the document (physical positions); none when it is formatted. */
export function formatEdits(doc: ReportDocument, options: FormatOptions = {}): Edit[] {
  if (!doc.segmented) return layoutEdits(doc, options);
  const text = doc.getText();
  const formatted = formatText(text, options);
  return formatted === text ? [] : [lineDiff(text, formatted)];
}

/** The document's text formatted. */
export function formatText(text: string, options: FormatOptions = {}): string {
  let doc = new ReportDocument(text);
  let range = options.range;
  if (doc.segmented) {
    const unfolded = unfoldWeb(doc, range);
    // Cut into lines, a web table may read differently (its cells' runs as plain text):
    // then the web line stays as it is and only its findings' fixes touch it.
    if (findingCodes(new ReportDocument(unfolded.text)) !== findingCodes(doc)) return text;
    if (range && unfolded.lines) range = { start: range.start, end: { line: range.end.line + unfolded.lines, character: 0 } };
    text = unfolded.text;
    doc = new ReportDocument(text);
  }
  const edits = layoutEdits(doc, { ...options, range });
  return edits.length ? applyEdits(text, edits) : text;
}

/**
 * Web lines cut into their logical lines (each trimmed of spaces, empty ones dropped):
 * the text the engine reads, one line per paragraph, heading and table cell. `lines`:
 * how many lines were added.
 */
function unfoldWeb(doc: ReportDocument, range?: Range): { text: string; lines: number } {
  const physicalLine = (i: number) => doc.physicalPosition({ line: i, character: 0 }).line;
  const source = doc.getText().split(/(\r\n|\r|\n)/);
  // The document's own line break (eolOf reads logical lines: the first may be a piece).
  const eol = source[1] || '\n';
  const out: string[] = [];
  let added = 0;
  for (let i = 0; i < doc.lineCount;) {
    const p = physicalLine(i);
    let j = i + 1;
    while (j < doc.lineCount && physicalLine(j) === p) j++;
    const inRange = !range || (p >= range.start.line && p <= range.end.line);
    const lineEnd = source[2 * p + 1] ?? '';
    if (j - i > 1 && inRange) {
      const pieces: string[] = [];
      for (let k = i; k < j; k++) {
        const t = doc.line(k).replace(/^[ \t\u00a0]+|[ \t\u00a0]+$/g, '');
        if (t) pieces.push(t);
      }
      out.push(pieces.join(eol) + lineEnd);
      added += pieces.length - 1;
    } else out.push(source[2 * p] + lineEnd);
    i = j;
  }
  return { text: out.join(''), lines: added };
}

/** Heading and table edits on a document with no web line. */
function layoutEdits(doc: ReportDocument, options: FormatOptions): Edit[] {
  const style = options.tables ?? 'markdown';
  const wanted = (r: Range) => !options.range || (r.start.line <= options.range.end.line && r.end.line >= options.range.start.line);
  const tableEdits = new Map<Table, Edit>();
  for (const report of doc.model.reports) {
    for (const table of tablesOf(report)) {
      const edit = tableEdit(doc, table, style);
      if (edit && wanted(edit.range)) tableEdits.set(table, edit);
    }
  }
  // A table whose rewrite does not read back as the same cells is left as written.
  for (let attempt = 0; attempt < 3 && tableEdits.size; attempt++) {
    const after = new ReportDocument(applyEdits(doc.getText(), [...tableEdits.values()])).model;
    const bad = [...tableEdits.keys()].filter(t => !readsBack(t, after.reports, style));
    if (!bad.length) break;
    for (const t of bad) tableEdits.delete(t);
  }
  const edits = [...tableEdits.values()];
  const inTable = (line: number) => edits.some(e => line >= e.range.start.line && line <= e.range.end.line);
  for (const report of doc.model.reports) {
    for (const part of report.parts) {
      const e = headingEdit(report, part);
      if (e && wanted(e.range) && !inTable(e.range.start.line)) edits.push(e);
    }
  }
  return edits.sort(byStart);
}

/** Lines that belong to a table without carrying a cell: pipe runs, Markdown or TSV rules. */
const isDebris = (line: string) => /[|-]/.test(line) && /^[\s|:\-]*$/.test(line);

/** What a table holds that a rewrite could not carry: then it is left alone. */
function rewritable(table: Table): boolean {
  if (table.unplaced.length || table.unsplit.length) return false;
  const decl = tableDecl(table.generation, table.id);
  for (const [id, row] of rowsOf(decl)) {
    const written = table.rows[id];
    if (!written) return false;
    for (const c of row.columns) {
      const cell = written.cells[c.id];
      if (!cell || cell.recovered) return false;
    }
  }
  return true;
}

function tableEdit(doc: ReportDocument, table: Table, style: TableStyle): Edit | undefined {
  if (!rewritable(table)) return undefined;
  const written = (row: string, column: string) => table.rows[row]?.cells[column]?.text ?? '';
  let first = table.range.start.line;
  let last = table.range.end.line;
  while (first > 0 && isDebris(doc.line(first - 1))) first--;
  while (last + 1 < doc.lineCount && isDebris(doc.line(last + 1))) last++;
  const eol = eolOf(doc);
  const text = encode(layoutOf(table.generation, table.id), style === 'tabs' ? 'tsv' : 'markdown', written, undefined, true).split('\n').join(eol);
  const old = doc.getTextIn({ start: { line: first, character: 0 }, end: { line: last, character: doc.line(last).length } });
  if (!keepsEveryCharacter(old, text)) return undefined;
  const before = first > 0 && doc.line(first - 1).trim() !== '' ? eol : '';
  const after = last + 1 < doc.lineCount && doc.line(last + 1).trim() !== '' ? eol : '';
  if (!before && !after && old === text) return undefined;
  return { range: { start: { line: first, character: 0 }, end: { line: last, character: doc.line(last).length } }, newText: before + text + after };
}

/** Letters, digits and CJK characters: what a table's text says, apart from its layout marks. */
const MEANING = /[\p{L}\p{N}]/u;

/** Whether every letter and digit of `old` is still in `next` (as a multiset): nothing written is dropped. */
export function keepsEveryCharacter(old: string, next: string): boolean {
  const count = new Map<string, number>();
  for (const ch of next) if (MEANING.test(ch)) count.set(ch, (count.get(ch) ?? 0) + 1);
  for (const ch of old) {
    if (!MEANING.test(ch)) continue;
    const n = count.get(ch) ?? 0;
    if (!n) return false;
    count.set(ch, n - 1);
  }
  return true;
}

/** Whether the rewritten table reads back in the same report with the same cells, in its new encoding. */
function readsBack(table: Table, reports: readonly Report[], style: TableStyle): boolean {
  const again = reports.flatMap(tablesOf).find(t => t.id === table.id && t.generation === table.generation && sameCells(t, table));
  return !!again && !again.unplaced.length && again.encoding === (style === 'tabs' ? 'tsv' : 'markdown');
}

function sameCells(a: Table, b: Table): boolean {
  const ids = Object.keys(b.rows);
  if (Object.keys(a.rows).length !== ids.length) return false;
  return ids.every(id => {
    const ra = a.rows[id], rb = b.rows[id];
    if (!ra) return false;
    const cols = Object.keys(rb.cells);
    return cols.length === Object.keys(ra.cells).length
      && cols.every(c => ra.cells[c]?.text === rb.cells[c].text && ra.cells[c]?.value === rb.cells[c].value);
  });
}

const CHINESE = '一二三四五六七八九十';

/** The written numeral's number: 3, ３ or 三 → 3. */
function numberOf(numeral: string): number | undefined {
  const ascii = numeral.replace(/[０-９]/g, d => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  const i = CHINESE.indexOf(numeral);
  return numeral.length === 1 && i >= 0 ? i + 1 : undefined;
}

/** The heading's numbering in the template's form (三、), when it names the part it heads. */
function headingEdit(report: Report, part: Part): Edit | undefined {
  if (part.standardNumbering) return undefined;
  const spans = headingSpans(part);
  if (!spans) return undefined;
  const numeral = /^([一二三四五六七八九十]|[0-9０-９]{1,2})/.exec(spans.numberingText)?.[1];
  if (!numeral || numberOf(numeral) !== part.number) return undefined;
  const canonical = `${numeralOf(report.template, part.number)}、`;
  return { range: spans.numbering, newText: canonical };
}

/** One edit replacing the lines that differ between two texts. */
function lineDiff(a: string, b: string): Edit {
  const la = a.split(/\r\n|\r|\n/), lb = b.split(/\r\n|\r|\n/);
  const eol = /\r\n|\r|\n/.exec(a)?.[0] ?? '\n';
  let pre = 0;
  while (pre < la.length && pre < lb.length && la[pre] === lb[pre]) pre++;
  let suf = 0;
  while (suf < la.length - pre && suf < lb.length - pre && la[la.length - 1 - suf] === lb[lb.length - 1 - suf]) suf++;
  const endLine = la.length - 1 - suf;
  const range: Range = endLine < pre
    ? { start: { line: pre, character: 0 }, end: { line: pre, character: 0 } }
    : { start: { line: pre, character: 0 }, end: { line: endLine, character: la[endLine].length } };
  const middle = lb.slice(pre, lb.length - suf).join(eol);
  return { range, newText: endLine < pre ? middle + eol : middle };
}

