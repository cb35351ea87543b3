// Sections → reports. A document may hold several reports one after another (a
// reviewer's compilation): a title, or a part 一 after later parts, starts the next one.
import { GENERATIONS, currentGeneration, generationForYear, type Generation, type TableId } from './templates';
import { reportBySection, sourcesByReport } from './cache';
import type { DocumentModel, Part, Report, Table } from './model';
import type { PlacedSection } from './parse/section';
import { movedBy, rootOf } from './moved';

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

/**
 * Reports rebuilt only when one of their sections changed (cache.ts reportBySection); a
 * report whose sections all moved by the same lines keeps what does not depend on where it
 * stands (its year, its template: the costly part) and is placed anew.
 */
function cachedReport(all: readonly PlacedSection[], from: number, to: number, lineCount: number): Report {
  const hit = reportBySection.get(rootOf(all[from]));
  if (hit && hit.lineCount === lineCount && sameSections(hit.sections, all, from, to)) return hit.report;
  const sections = all.slice(from, to);
  const moved = hit && hit.lineCount === lineCount && lineCount < 0 && movedBy(sections, hit.sections) !== undefined;
  const report = buildReport(sections, lineCount < 0 ? Infinity : lineCount, moved ? hit.report : undefined);
  reportBySection.set(rootOf(sections[0]), { sections, lineCount, report });
  return report;
}

/** Whether `kept` are the very sections all[from, to) (a loop, not every(): it runs for every report on a keystroke). */
function sameSections(kept: readonly PlacedSection[], all: readonly PlacedSection[], from: number, to: number): boolean {
  if (kept.length !== to - from) return false;
  for (let i = 0; i < kept.length; i++) if (kept[i] !== all[from + i]) return false;
  return true;
}

type Identity = Pick<Report, 'year' | 'yearSource' | 'template'>;

/** A report's year (and where it was read) and its tables' generation. */
function identify(sections: readonly PlacedSection[], title: Report['title'] & { year?: number } | undefined, period: Report['dates']['period'], signature: Report['dates']['signature']): Identity {
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
  // A table votes for the generation its labels point to most, when one does.
  const votes = new Map<Generation, number>();
  for (const s of sections) for (const t of rootOf(s).tables) {
    const pointed = leading(t.generationEvidence);
    if (pointed) votes.set(pointed, (votes.get(pointed) ?? 0) + 1);
  }
  const byYear: Generation = year ? generationForYear(year) : currentGeneration();
  const template: Generation = leading(Object.fromEntries(votes) as Record<Generation, number>) ?? byYear;
  return { year, yearSource, template };
}

/** The report of `sections`; `was`: the same sections before they moved (its identity holds). */
function buildReport(sections: PlacedSection[], lineCount: number, was?: Report): Report {
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
  const { year, yearSource, template } = was ?? identify(sections, title, period, signature);

  // The tables when first read (most reports of a compilation are never read on a keystroke).
  const published = sections.find(s => s.published)?.published;
  const report = {
    range: { start: { line: first.start, character: 0 }, end: { line: Math.min(endLine, lineCount - 1), character: 0 } },
    template,
    parts,
  } as Record<string | symbol, unknown>;
  Object.defineProperty(report, PLACING, { value: { sections, template } satisfies Placing });
  Object.defineProperties(report, TABLE_GETTERS);
  report.dates = { ...(period ? { period } : {}), ...(signature ? { signature } : {}), ...(published ? { published } : {}) };
  if (title) report.title = { text: title.text, range: title.range };
  if (year !== undefined) { report.year = year; report.yearSource = yearSource; }
  sourcesByReport.set(report as unknown as Report, sections);
  return report as unknown as Report;
}

/** What a report's tables are placed from, and them once placed. */
interface Placing { sections: readonly PlacedSection[]; template: Generation; placed?: { tables: Report['tables']; extraTables: Table[] } }
const PLACING = Symbol('report tables');
const placedOf = (report: object) => {
  const p = (report as Record<symbol, Placing>)[PLACING];
  return (p.placed ??= placeTables(p.sections, p.template));
};
/**
 * A report's `tables` and `extraTables`: one pair of getters for every report, reading its
 * state through `this`. Getters made per report (an object literal's) give each report a
 * hidden class of its own, which V8 (node 20) keeps in the old generation: every report a
 * keystroke built, with its tables, then outlived the young collections after it.
 */
const TABLE_GETTERS: PropertyDescriptorMap = {
  tables: { get(this: object) { return placedOf(this).tables; }, enumerable: true, configurable: true },
  extraTables: { get(this: object) { return placedOf(this).extraTables; }, enumerable: true, configurable: true },
};

/** The generation with strictly the most of `counts`, if one has. */
function leading(counts: Record<Generation, number>): Generation | undefined {
  let best: Generation | undefined, most = 0, tie = false;
  for (const g of GENERATIONS) {
    const n = counts[g] ?? 0;
    if (n > most) { best = g; most = n; tie = false; } else if (n === most && n > 0) tie = true;
  }
  return tie ? undefined : best;
}

/** Whether the table's labels point to no generation more than another (table 四 is the same in all). */
const undecided = (t: Table) => leading(t.generationEvidence) === undefined;

/** The report's tables by id; a second table of the same id is an extra (a pasted duplicate). */
function placeTables(sections: readonly PlacedSection[], template: Generation): { tables: Report['tables']; extraTables: Table[] } {
  const tables: Partial<Record<TableId, Table>> = {};
  const extraTables: Table[] = [];
  for (const s of sections) for (const t of s.tables) {
    // A table whose labels name neither generation (table 四 is the same in both) follows the report.
    const table = undecided(t) && t.id === 'review_litigation' ? { ...t, generation: template } : t;
    if (tables[t.id]) extraTables.push(table);
    else tables[t.id] = table;
  }
  return { tables, extraTables };
}
