// A report document: its lines, its sections, and the model assembled from them.
// An edit re-lexes only the lines it touches and re-parses only the sections they fall in;
// sections after it are reused, their ranges shifted. A full parse is the same code run
// over every section, so incremental and full parses agree by construction (and a
// property test checks it).
import type { DocumentModel, Range } from './model';
import { isBoundary, parseSection, placeSection, type SectionResult } from './parse/section';
import { assemble, type PlacedSection } from './assemble';

export interface TextChange {
  /** Absent: the text replaces the whole document. */
  range?: Range;
  text: string;
}

/** A parsed section at its place; the same object while the section is untouched (caches key on it). */
type Section = PlacedSection;

function splitLines(text: string): { lines: string[]; eols: string[] } {
  if (!text.includes('\r')) {
    // The common case, done natively: every break is \n.
    const lines = text.split('\n');
    const eols: string[] = new Array(lines.length).fill('\n');
    eols[eols.length - 1] = '';
    return { lines, eols };
  }
  const lines: string[] = [];
  const eols: string[] = [];
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    lines.push(text.slice(last, i));
    if (c === 13 && text.charCodeAt(i + 1) === 10) { eols.push('\r\n'); i++; }
    else eols.push(c === 13 ? '\r' : '\n');
    last = i + 1;
  }
  lines.push(text.slice(last));
  eols.push('');
  return { lines, eols };
}

export class ReportDocument {
  private lines: string[] = [];
  private eols: string[] = [];
  /** Sorted indices of lines that start a section (part headings, titles). */
  private bounds: number[] = [];
  private sections: Section[] = [];
  private cached?: DocumentModel;
  /** False for an outline read: titles, parts and dates without tables (see constructor). */
  private readonly tables: boolean;

  /**
   * `{ tables: false }` reads only the outline (titles, parts, dates and years: the report
   * years and body names, which never depend on the tables), for telling which file holds
   * whose report at a fraction of the cost.
   */
  constructor(text: string, options: { tables?: boolean } = {}) {
    this.tables = options.tables ?? true;
    this.setText(text);
  }

  get lineCount(): number { return this.lines.length; }
  line(i: number): string { return this.lines[i] ?? ''; }

  getText(): string {
    let s = '';
    for (let i = 0; i < this.lines.length; i++) s += this.lines[i] + this.eols[i];
    return s;
  }

  /** The text of a range (LSP positions, clamped to the document). */
  getTextIn(range: Range): string {
    const a = this.clamp(range.start);
    const b = this.clamp(range.end);
    if (a.line === b.line) return this.lines[a.line].slice(a.character, b.character);
    let s = this.lines[a.line].slice(a.character) + this.eols[a.line];
    for (let i = a.line + 1; i < b.line; i++) s += this.lines[i] + this.eols[i];
    return s + this.lines[b.line].slice(0, b.character);
  }

  private setText(text: string) {
    ({ lines: this.lines, eols: this.eols } = splitLines(text));
    this.bounds = [];
    this.lines.forEach((l, i) => { if (isBoundary(l)) this.bounds.push(i); });
    this.sections = [];
    this.resection();
    this.cached = undefined;
  }

  private clamp(p: { line: number; character: number }) {
    const line = Math.max(0, Math.min(p.line, this.lines.length - 1));
    const character = Math.max(0, Math.min(p.character, this.lines[line].length));
    return { line, character };
  }

  /** Applies LSP-style content changes, in order. */
  update(changes: readonly TextChange[]): void {
    for (const c of changes) {
      if (!c.range) { this.setText(c.text); continue; }
      this.applyOne(c.range, c.text);
    }
  }

  private applyOne(range: Range, text: string) {
    const a = this.clamp(range.start);
    const b = this.clamp(range.end.line < range.start.line || (range.end.line === range.start.line && range.end.character < range.start.character) ? range.start : range.end);
    // The new text of the lines [first, b.line], with line b's break: a CR the edit leaves
    // last and the LF after it are one break, as a fresh read of the text has it.
    let first = a.line;
    let head = this.lines[a.line].slice(0, a.character);
    const tail = this.lines[b.line].slice(b.character) + this.eols[b.line];
    // Likewise a CR ending the line before and an LF the edit brings to the front.
    if (first > 0 && this.eols[first - 1] === '\r' && (head + text + tail).startsWith('\n')) {
      first--;
      head = this.lines[first] + '\r' + head;
    }
    const { lines: fresh, eols: freshEols } = splitLines(head + text + tail);
    // With line b's break in the text, the split ends with an empty remainder: not a line.
    if (this.eols[b.line]) { fresh.pop(); freshEols.pop(); }
    const oldCount = b.line - first + 1;
    const delta = fresh.length - oldCount;
    this.lines.splice(first, oldCount, ...fresh);
    this.eols.splice(first, oldCount, ...freshEols);

    // Section boundaries: drop those in the edited lines, shift those after, add new ones.
    const bounds = this.bounds;
    const lo = lowerBound(bounds, first);
    const hi = lowerBound(bounds, b.line + 1);
    const added: number[] = [];
    for (let i = first; i < first + fresh.length; i++) if (isBoundary(this.lines[i])) added.push(i);
    if (delta) for (let k = hi; k < bounds.length; k++) bounds[k] += delta;
    bounds.splice(lo, hi - lo, ...added);

    // Reuse every old section the edit did not touch: those ending by the edit's first line
    // as they are, those starting after its last line shifted by delta.
    // Sized once and indexed, not copied: this runs on every keystroke over every section.
    const old = this.sections;
    const lead = bounds[0] === 0 ? 0 : 1; // the text before the first boundary is a section too
    const count = bounds.length + lead;
    const startOf = (k: number) => (k < lead ? 0 : bounds[k - lead]);
    this.sections = new Array(count);
    let j = 0;
    for (let k = 0; k < count; k++) {
      const start = startOf(k);
      const end = k + 1 < count ? startOf(k + 1) : this.lines.length;
      // Old sections in order of their new positions (the untouched ones before the edit, then those after it).
      let reuse: Section | undefined;
      let shift = 0;
      while (j < old.length) {
        const s = old[j];
        const d = s.end <= first ? 0 : s.start > b.line ? delta : undefined;
        if (d === undefined || s.start + d < start) { j++; continue; }
        if (s.start + d === start && s.end + d === end) { reuse = s; shift = d; j++; }
        break;
      }
      this.sections[k] = !reuse
        ? placeSection(parseSection(this.lines.slice(start, end), start, this.tables), start, end)
        : shift ? placeSection(shiftLines<SectionResult>(reuse, shift), start, end) : reuse;
    }
    this.cached = undefined;
  }

  /** Builds the section list from `bounds`, parsing every section. */
  private resection() {
    const starts = this.bounds[0] === 0 ? this.bounds : [0, ...this.bounds];
    for (let k = 0; k < starts.length; k++) {
      const start = starts[k];
      const end = k + 1 < starts.length ? starts[k + 1] : this.lines.length;
      this.sections.push(placeSection(parseSection(this.lines.slice(start, end), start, this.tables), start, end));
    }
  }

  /** The report model (assembled once per version). */
  get model(): DocumentModel {
    return (this.cached ??= assemble(this.sections, this.lines.length));
  }
}

/** The first index of the sorted list whose value is at least x. */
function lowerBound(list: readonly number[], x: number): number {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < x) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** A copy of a parse result with every `line` moved by `delta`. */
function shiftLines<T>(value: T, delta: number): T {
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
