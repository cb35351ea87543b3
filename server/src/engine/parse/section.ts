// A section: a part heading (or title, or the text before either) and the lines up to
// the next one. Sections are the unit of incremental re-parsing: each is parsed from its
// own lines alone.
import type { DateFound, PartHeading, Table } from '../model';
import { findPeriod, loneDate, yearMentions } from './dates';
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
  years: Record<number, number>;
  /** Range of the last non-blank line (for part body ranges). */
  lastTextLine: number;
}

/** Whether a line starts a section: a part heading or a title. */
export function isBoundary(line: string): boolean {
  return classifyHeading(line) !== undefined || classifyTitle(line) !== undefined;
}

export function parseSection(lines: readonly string[], firstLine: number): SectionResult {
  const result: SectionResult = { tables: [], loneDates: [], years: {}, lastTextLine: firstLine };
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
  result.tables = parseTables(itemize(body.map(lexLine), firstLine + bodyFrom));
  result.period = findPeriod(lines, firstLine);
  lines.forEach((text, i) => {
    if (/\S/.test(text)) result.lastTextLine = firstLine + i;
    const d = loneDate(text, firstLine + i);
    if (d) result.loneDates.push(d);
    yearMentions(text, result.years);
  });
  return result;
}
