// A report document: its lines, its sections, and the model assembled from them.
// An edit re-lexes only the lines it touches and re-parses only the sections they fall in;
// sections after it are reused, their ranges shifted. A full parse is the same code run
// over every section, so incremental and full parses agree by construction (and a
// property test checks it).
import type { DocumentModel, Range } from './model';
import { isBoundary, parseSection, type SectionResult } from './parse/section';
import { assemble, type PlacedSection } from './assemble';

export interface TextChange {
  /** Absent: the text replaces the whole document. */
  range?: Range;
  text: string;
}

/** A parsed section at its place; the same object while the section is untouched (caches key on it). */
type Section = PlacedSection;

const LINE_BREAK = /\r\n|\r|\n/g;

function splitLines(text: string): { lines: string[]; eols: string[] } {
  const lines: string[] = [];
  const eols: string[] = [];
  let last = 0;
  for (const m of text.matchAll(LINE_BREAK)) {
    lines.push(text.slice(last, m.index));
    eols.push(m[0]);
    last = m.index! + m[0].length;
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

  constructor(text: string) {
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
    this.resection(0, this.lines.length, 0, new Map());
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
    const joined = this.lines[a.line].slice(0, a.character) + text + this.lines[b.line].slice(b.character);
    const { lines: fresh, eols: freshEols } = splitLines(joined);
    freshEols[freshEols.length - 1] = this.eols[b.line];
    const oldCount = b.line - a.line + 1;
    const delta = fresh.length - oldCount;
    this.lines.splice(a.line, oldCount, ...fresh);
    this.eols.splice(a.line, oldCount, ...freshEols);

    // Section boundaries: drop those in the edited lines, shift those after, add new ones.
    const kept = this.bounds.filter(x => x < a.line || x > b.line).map(x => (x > b.line ? x + delta : x));
    for (let i = a.line; i < a.line + fresh.length; i++) if (isBoundary(this.lines[i])) kept.push(i);
    this.bounds = kept.sort((x, y) => x - y);

    // Reuse every old section the edit did not touch, keyed by its new start and end.
    const reusable = new Map<string, { section: Section; shift: number }>();
    for (const s of this.sections) {
      if (s.end <= a.line) reusable.set(`${s.start}:${s.end}`, { section: s, shift: 0 });
      else if (s.start > b.line) reusable.set(`${s.start + delta}:${s.end + delta}`, { section: s, shift: delta });
    }
    this.sections = [];
    this.resection(0, this.lines.length, delta, reusable);
    this.cached = undefined;
  }

  /** Rebuilds the section list from `bounds`, reusing parsed sections where possible. */
  private resection(_from: number, _to: number, _delta: number, reusable: Map<string, { section: Section; shift: number }>) {
    const starts = this.bounds[0] === 0 ? this.bounds : [0, ...this.bounds];
    for (let k = 0; k < starts.length; k++) {
      const start = starts[k];
      const end = k + 1 < starts.length ? starts[k + 1] : this.lines.length;
      const old = reusable.get(`${start}:${end}`);
      const section: Section = !old
        ? { ...parseSection(this.lines.slice(start, end), start), start, end }
        : old.shift ? { ...shiftLines<SectionResult>(old.section, old.shift), start, end } : old.section;
      this.sections.push(section);
    }
  }

  /** The report model (assembled once per version). */
  get model(): DocumentModel {
    return (this.cached ??= assemble(this.sections, this.lines.length));
  }
}

/** A copy of a parse result with every `line` moved by `delta`. */
function shiftLines<T>(value: T, delta: number): T {
  if (Array.isArray(value)) return value.map(v => shiftLines(v, delta)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = k === 'line' && typeof v === 'number' ? v + delta : k === 'lastTextLine' ? (v as number) + delta : shiftLines(v, delta);
    }
    return out as T;
  }
  return value;
}
