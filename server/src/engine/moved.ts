// Sections moved by an edit above them (Enter, a pasted or deleted row) are not copied
// whole: a moved section keeps the parse result it came from (its root) and how far it
// moved; the small fields are moved at once and its tables, the bulk of it, when first
// read. Caches that hold what depends only on a section's text (reports' templates, the
// findings) look through a moved section to its root and move their results instead of
// recomputing them.
import type { PlacedSection } from './parse/section';
import type { Range, Table } from './model';

/**
 * A section moved: where it was parsed (its root) and how far it moved since. A class,
 * its tables a getter of the prototype: a literal with a getter is a slow dictionary
 * object, and every keystroke walks all sections.
 */
class MovedSection implements PlacedSection {
  private shifted?: Table[];
  constructor(
    readonly root: PlacedSection, readonly shift: number,
    readonly heading: PlacedSection['heading'], readonly title: PlacedSection['title'],
    readonly period: PlacedSection['period'], readonly loneDates: PlacedSection['loneDates'],
    readonly published: PlacedSection['published'], readonly years: PlacedSection['years'],
    readonly lastTextLine: number, readonly start: number, readonly end: number,
  ) {}
  get tables(): Table[] { return (this.shifted ??= shiftLines(this.root.tables, this.shift)); }
}

/** The parse result a section was moved from (itself if it was parsed where it stands). */
export const rootOf = (s: PlacedSection): PlacedSection => (s instanceof MovedSection ? s.root : s);
/** How many lines below its root a section stands. */
export const shiftOf = (s: PlacedSection): number => (s instanceof MovedSection ? s.shift : 0);

/** The section moved `delta` lines, to stand at [start, end). Moved back to where it was parsed, it is its root again. */
export function moveSection(s: PlacedSection, delta: number, start: number, end: number): PlacedSection {
  const root = rootOf(s);
  const shift = shiftOf(s) + delta;
  if (!shift && root.start === start && root.end === end) return root;
  return new MovedSection(root, shift,
    s.heading && { ...s.heading, range: moveRange(s.heading.range, delta) },
    s.title && { ...s.title, range: moveRange(s.title.range, delta) },
    s.period && shiftLines(s.period, delta), s.loneDates.length ? shiftLines(s.loneDates, delta) : s.loneDates,
    s.published && shiftLines(s.published, delta), s.years, s.lastTextLine + delta, start, end);
}

/**
 * Whether `now` holds the same sections as `then`, each moved by the same number of
 * lines: that number (0 when they are the very same objects), else undefined.
 */
export function movedBy(now: readonly PlacedSection[], then: readonly PlacedSection[]): number | undefined {
  if (now.length !== then.length || !now.length) return undefined;
  const d = shiftOf(now[0]) - shiftOf(then[0]);
  for (let i = 0; i < now.length; i++) {
    if (now[i] === then[i]) { if (d) return undefined; continue; }
    if (rootOf(now[i]) !== rootOf(then[i]) || shiftOf(now[i]) - shiftOf(then[i]) !== d) return undefined;
  }
  return d;
}

/** A range `delta` lines further down. */
export const moveRange = (r: Range, delta: number): Range => ({ start: { line: r.start.line + delta, character: r.start.character }, end: { line: r.end.line + delta, character: r.end.character } });

/** A copy of a parse result (or a finding) with every `line` moved by `delta`. */
export function shiftLines<T>(value: T, delta: number): T {
  if (!delta) return value;
  if (Array.isArray(value)) return value.map(v => shiftLines(v, delta)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    const from = value as Record<string, unknown>;
    for (const k of Object.keys(from)) {
      const v = from[k];
      out[k] = (k === 'line' && typeof v === 'number') || k === 'lastTextLine' ? (v as number) + delta
        : v !== null && typeof v === 'object' ? shiftLines(v, delta) : v;
    }
    return out as T;
  }
  return value;
}
