// A section: a part heading (or title, or the text before either) and the lines up to
// the next one. Sections are the unit of incremental re-parsing: each is parsed from its
// own lines alone.
import type { DateFound, PartHeading, Table } from '../model';
import { findPeriod, loneDate, publishedDate, yearMentions } from './dates';
import { classifyHeading, classifyTitle } from './headings';
import { itemize } from './items';
import { lexLine } from './lex';
import { parseTables } from './tables';

export interface SectionResult {
  heading?: PartHeading;
  title?: { text: string; range: PartHeading['range']; year?: number };
  tables: Table[];
  period?: { from: DateFound; to: DateFound };
  /** Lines that are only a date: signature candidates. */
  loneDates: DateFound[];
  /** A crawled page's 发布时间 (web text). */
  published?: DateFound;
  years: Record<number, number>;
  /** Range of the last non-blank line (for part body ranges). */
  lastTextLine: number;
}

/** A section's parse result at its place in the document. */
export type PlacedSection = SectionResult & { start: number; end: number };

/**
 * The result placed at lines [start, end). Written field by field so every section has
 * one object shape: the walks over all sections on each keystroke (document.ts,
 * assemble.ts) stay fast. `FIELDS` fails to compile when SectionResult gains a field.
 */
export function placeSection(r: SectionResult, start: number, end: number): PlacedSection {
  return { heading: r.heading, title: r.title, tables: r.tables, period: r.period, loneDates: r.loneDates, published: r.published, years: r.years, lastTextLine: r.lastTextLine, start, end };
}
const FIELDS: Record<keyof SectionResult, true> = { heading: true, title: true, tables: true, period: true, loneDates: true, published: true, years: true, lastTextLine: true };
void FIELDS;

/** Whether a line starts a section: a part heading or a title. */
export function isBoundary(line: string): boolean {
  return classifyHeading(line) !== undefined || classifyTitle(line) !== undefined;
}

/** `pieces[i]`: line i is a piece of a web line (parse/web.ts): its cells are read as web text. */
export function parseSection(lines: readonly string[], firstLine: number, withTables = true, pieces?: readonly boolean[]): SectionResult {
  // Every field present from the start: sections then share one shape, which keeps the
  // per-keystroke walks over all sections (document.ts, assemble.ts) fast.
  const result: SectionResult = { heading: undefined, title: undefined, tables: [], period: undefined, loneDates: [], published: undefined, years: {}, lastTextLine: firstLine };
  let bodyFrom = 0;
  if (lines.length) {
    const h = classifyHeading(lines[0]);
    const t = h ? undefined : classifyTitle(lines[0]);
    const range = (s: number, e: number) => ({ start: { line: firstLine, character: s }, end: { line: firstLine, character: e } });
    if (h) {
      result.heading = {
        number: h.number, text: lines[0].slice(h.start, h.end), numeral: h.numeral,
        standardNumbering: h.standardNumbering, how: h.how, range: range(h.start, h.end),
      };
      bodyFrom = 1;
    } else if (t) {
      result.title = { text: lines[0].slice(t.start, t.end), range: range(t.start, t.end), year: t.year };
      bodyFrom = 1;
    }
  }
  const body = lines.slice(bodyFrom);
  if (withTables) result.tables = parseTables(itemize(body.map(lexLine), firstLine + bodyFrom, pieces?.slice(bodyFrom)));
  result.period = findPeriod(lines, firstLine);
  lines.forEach((text, i) => {
    if (/\S/.test(text)) result.lastTextLine = firstLine + i;
    const d = loneDate(text, firstLine + i);
    if (d) result.loneDates.push(d);
    result.published ??= publishedDate(text, firstLine + i);
    yearMentions(text, result.years);
  });
  return result;
}
