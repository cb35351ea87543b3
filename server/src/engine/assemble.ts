// Sections → reports. A document may hold several reports one after another (a
// reviewer's compilation): a title, or a part 一 after later parts, starts the next one.
import { generationForYear, type Generation, type TableId } from './templates';
import { reportBySection, sourcesByReport } from './cache';
import type { DocumentModel, Part, Report, Table } from './model';
import type { PlacedSection } from './parse/section';
import { rootOf } from './moved';

export type { PlacedSection };

export function assemble(sections: readonly PlacedSection[], lineCount: number): DocumentModel {
  // Where each report starts, as indices into `sections`: no arrays per report on a
  // keystroke, when every report but one comes from the cache.
  const starts: number[] = [];
  // What the current report holds so far: any part heading; a confident heading after part 一.
  let hasParts = false, hasLaterPart = false;
  sections.forEach((s, i) => {
    const newReport = (s.title && hasParts) || (s.heading?.number === 1 && hasLaterPart);
    if (i === 0 || newReport) { starts.push(i); hasParts = hasLaterPart = false; }
    if (s.heading) {
      hasParts = true;
      if (s.heading.number > 1 && s.heading.how !== 'fuzzy') hasLaterPart = true;
    }
  });
  const reports = starts.map((from, k) => {
    const last = k === starts.length - 1;
    return cachedReport(sections, from, last ? sections.length : starts[k + 1], last ? lineCount : -1);
  });
  return { reports, lineCount };
}

/** The parsed sections behind a report, in order: caches key on them (sections are kept objects while untouched). */
export function sourcesOf(report: Report): readonly PlacedSection[] {
  return sourcesByReport.get(report) ?? [];
}

/** Reports rebuilt only when one of their sections changed (cache.ts reportBySection). */
function cachedReport(all: readonly PlacedSection[], from: number, to: number, lineCount: number): Report {
  const hit = reportBySection.get(all[from]);
  if (hit && hit.lineCount === lineCount && hit.sections.length === to - from && hit.sections.every((s, i) => s === all[from + i])) return hit.report;
  const sections = all.slice(from, to);
  const report = buildReport(sections, lineCount < 0 ? Infinity : lineCount);
  reportBySection.set(sections[0], { sections, lineCount, report });
  return report;
}

function buildReport(sections: PlacedSection[], lineCount: number): Report {
  const first = sections[0];
  const last = sections[sections.length - 1];
  const endLine = Math.max(first.start, last.end - 1);
  const parts: Part[] = [];
  sections.forEach((s, i) => {
    if (!s.heading) return;
    // The body runs to the last line of text before the next heading (or the report's end).
    let j = i + 1;
    while (j < sections.length && !sections[j].heading) j++;
    const bodyEnd = j < sections.length ? sections[j - 1].lastTextLine : last.lastTextLine;
    parts.push({ ...s.heading, bodyRange: { start: s.heading.range.start, end: { line: Math.max(bodyEnd, s.start), character: 0 } } });
  });

  const title = sections.find(s => s.title)?.title;
  const period = sections.find(s => s.period)?.period;
  const part6 = sections.findIndex(s => s.heading?.number === 6);
  const signature = sections.slice(Math.max(0, part6)).flatMap(s => s.loneDates).pop();
  const years: Record<number, number> = {};
  for (const s of sections) for (const [y, n] of Object.entries(s.years)) years[Number(y)] = (years[Number(y)] ?? 0) + n;
  const mostMentioned = Object.entries(years).sort((a, b) => b[1] - a[1])[0];

  let year: number | undefined;
  let yearSource: Report['yearSource'];
  if (title?.year) { year = title.year; yearSource = 'title'; }
  else if (period) { year = period.to.year; yearSource = 'period'; }
  else if (signature) { year = signature.year - 1; yearSource = 'signature'; }
  else if (mostMentioned) { year = Number(mostMentioned[0]); yearSource = 'text'; }

  // The vote reads the tables where they were parsed (a moved section's tables are the
  // same but for their lines): a report that only moved does not shift its tables yet.
  const votes = { '2019': 0, '2021': 0 };
  for (const s of sections) for (const t of rootOf(s).tables) {
    if (t.generationEvidence['2019'] > t.generationEvidence['2021']) votes['2019']++;
    else if (t.generationEvidence['2021'] > t.generationEvidence['2019']) votes['2021']++;
  }
  const byYear: Generation = year ? generationForYear(year) : '2021';
  const template: Generation = votes['2019'] === votes['2021'] ? byYear : votes['2019'] > votes['2021'] ? '2019' : '2021';

  // The tables when first read (most reports of a compilation are never read on a keystroke).
  let placed: { tables: Report['tables']; extraTables: Table[] } | undefined;
  const tablesNow = () => (placed ??= placeTables(sections, template));
  const published = sections.find(s => s.published)?.published;
  const report: Report = {
    range: { start: { line: first.start, character: 0 }, end: { line: Math.min(endLine, lineCount - 1), character: 0 } },
    template,
    parts,
    get tables() { return tablesNow().tables; },
    get extraTables() { return tablesNow().extraTables; },
    dates: { ...(period ? { period } : {}), ...(signature ? { signature } : {}), ...(published ? { published } : {}) },
    ...(title ? { title: { text: title.text, range: title.range } } : {}),
    ...(year !== undefined ? { year, yearSource } : {}),
  };
  sourcesByReport.set(report, sections);
  return report;
}

/** The report's tables by id; a second table of the same id is an extra (a pasted duplicate). */
function placeTables(sections: readonly PlacedSection[], template: Generation): { tables: Report['tables']; extraTables: Table[] } {
  const tables: Partial<Record<TableId, Table>> = {};
  const extraTables: Table[] = [];
  for (const s of sections) for (const t of s.tables) {
    // A table whose labels name neither generation (table 四 is the same in both) follows the report.
    const table = t.generationEvidence['2019'] === t.generationEvidence['2021'] && t.id === 'review_litigation' ? { ...t, generation: template } : t;
    if (tables[t.id]) extraTables.push(table);
    else tables[t.id] = table;
  }
  return { tables, extraTables };
}
