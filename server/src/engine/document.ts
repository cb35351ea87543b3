// A report document: its lines, its sections, and the model assembled from them.
// An edit re-lexes only the lines it touches and re-parses only the sections they fall in;
// sections after it are reused, moved (moved.ts: their tables are shifted when first read). A full parse is the same code run
// over every section, so incremental and full parses agree by construction (and a
// property test checks it).
//
// Web text holds a whole report on one physical line: each physical line is cut into
// LOGICAL lines where a line break would stand (parse/web.ts), joined by an empty end of
// line, and everything inside the engine (model, findings, fixes) works on logical lines.
// The facade (engine/index.ts) maps positions between the two with toPhysical/toLogical;
// the document's own text (getText) and edits (update) are physical.
import type { DocumentModel, Position, Range } from './model';
import { segmentLine } from './parse/web';
import { isBoundary, parseSection, placeSection } from './parse/section';
import { assemble, type PlacedSection } from './assemble';
import { moveSection } from './moved';

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

/** A physical line's logical lines: their texts, ends of line and offsets in the physical line. */
function logicalOf(line: string, eol: string): { lines: string[]; eols: string[]; offsets: number[] } {
  const cuts = segmentLine(line);
  if (!cuts) return { lines: [line], eols: [eol], offsets: [0] };
  const n = cuts.length + 1;
  const lines: string[] = new Array(n), eols: string[] = new Array(n), offsets: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const s = i ? cuts[i - 1] : 0;
    lines[i] = line.slice(s, i < cuts.length ? cuts[i] : line.length);
    eols[i] = i + 1 < n ? '' : eol;
    offsets[i] = s;
  }
  return { lines, eols, offsets };
}

/** `list` with `count` items at `at` replaced by `items`, in place (no spread: a web line has tens of thousands of pieces). */
function spliceIn<T>(list: T[], at: number, count: number, items: readonly T[]): void {
  const delta = items.length - count;
  if (delta > 0) {
    list.length += delta;
    for (let i = list.length - 1; i >= at + items.length; i--) list[i] = list[i - delta];
  } else if (delta < 0) {
    for (let i = at + items.length; i < list.length + delta; i++) list[i] = list[i - delta];
    list.length += delta;
  }
  for (let i = 0; i < items.length; i++) list[at + i] = items[i];
}

export class ReportDocument {
  /** Physical lines and their ends of line (the text as the editor has it). */
  private phys: string[] = [];
  private physEols: string[] = [];
  /** Logical lines (what the engine reads), their ends of line, and where each stands physically. */
  private lines: string[] = [];
  private eols: string[] = [];
  private origin: number[] = [];
  private offset: number[] = [];
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

  /** Logical lines (the engine's coordinates). */
  get lineCount(): number { return this.lines.length; }
  line(i: number): string { return this.lines[i] ?? ''; }

  getText(): string {
    let s = '';
    for (let i = 0; i < this.phys.length; i++) s += this.phys[i] + this.physEols[i];
    return s;
  }

  /** Whether some physical line is cut into several logical ones (web text): positions then need mapping. */
  get segmented(): boolean { return this.lines.length !== this.phys.length; }

  /** A logical position → the physical one (in the editor's text). */
  physicalPosition(p: Position): Position {
    if (!this.segmented) return p;
    const line = Math.max(0, Math.min(p.line, this.lines.length - 1));
    return { line: this.origin[line], character: this.offset[line] + p.character };
  }

  /** A logical range → the physical one. */
  physicalRange(r: Range): Range {
    return this.segmented ? { start: this.physicalPosition(r.start), end: this.physicalPosition(r.end) } : r;
  }

  /** A physical position → the logical one (a cut belongs to the logical line it starts). */
  logicalPosition(p: Position): Position {
    if (!this.segmented) return p;
    const P = Math.max(0, Math.min(p.line, this.phys.length - 1));
    let k = lowerBound(this.origin, P);
    while (k + 1 < this.lines.length && this.origin[k + 1] === P && this.offset[k + 1] <= p.character) k++;
    return { line: k, character: Math.max(0, p.character - this.offset[k]) };
  }

  /** A physical range → the logical one. */
  logicalRange(r: Range): Range {
    return this.segmented ? { start: this.logicalPosition(r.start), end: this.logicalPosition(r.end) } : r;
  }

  /** Whether logical line i is a piece of a physical line cut into several (web text). */
  isPiece(i: number): boolean {
    const o = this.origin;
    return this.segmented && ((i > 0 && o[i - 1] === o[i]) || (i + 1 < o.length && o[i + 1] === o[i]));
  }

  /** Which of logical lines [start, end) are pieces of a web line (undefined: none). */
  private piecesIn(start: number, end: number): boolean[] | undefined {
    if (!this.segmented) return undefined;
    const out: boolean[] = new Array(end - start);
    for (let i = start; i < end; i++) out[i - start] = this.isPiece(i);
    return out;
  }

  /** The text of a logical range (clamped to the document). */
  getTextIn(range: Range): string {
    const a = this.clamp(range.start);
    const b = this.clamp(range.end);
    if (a.line === b.line) return this.lines[a.line].slice(a.character, b.character);
    let s = this.lines[a.line].slice(a.character) + this.eols[a.line];
    for (let i = a.line + 1; i < b.line; i++) s += this.lines[i] + this.eols[i];
    return s + this.lines[b.line].slice(0, b.character);
  }

  private setText(text: string) {
    ({ lines: this.phys, eols: this.physEols } = splitLines(text));
    this.lines = []; this.eols = []; this.origin = []; this.offset = [];
    this.phys.forEach((line, p) => {
      const l = logicalOf(line, this.physEols[p]);
      for (let i = 0; i < l.lines.length; i++) {
        this.lines.push(l.lines[i]); this.eols.push(l.eols[i]); this.origin.push(p); this.offset.push(l.offsets[i]);
      }
    });
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

  private clampPhys(p: { line: number; character: number }) {
    const line = Math.max(0, Math.min(p.line, this.phys.length - 1));
    const character = Math.max(0, Math.min(p.character, this.phys[line].length));
    return { line, character };
  }

  /** Applies LSP-style content changes (physical positions), in order. */
  update(changes: readonly TextChange[]): void {
    for (const c of changes) {
      if (!c.range) { this.setText(c.text); continue; }
      this.applyOne(c.range, c.text);
    }
  }

  private applyOne(range: Range, text: string) {
    const a = this.clampPhys(range.start);
    const b = this.clampPhys(range.end.line < range.start.line || (range.end.line === range.start.line && range.end.character < range.start.character) ? range.start : range.end);
    if (a.line === b.line && !/[\r\n]/.test(text) && this.editInLine(a.line, a.character, b.character, text)) return;
    // The new text of the physical lines [first, b.line], with line b's break: a CR the edit
    // leaves last and the LF after it are one break, as a fresh read of the text has it.
    let first = a.line;
    let head = this.phys[a.line].slice(0, a.character);
    const tail = this.phys[b.line].slice(b.character) + this.physEols[b.line];
    // Likewise a CR ending the line before and an LF the edit brings to the front.
    if (first > 0 && this.physEols[first - 1] === '\r' && (head + text + tail).startsWith('\n')) {
      first--;
      head = this.phys[first] + '\r' + head;
    }
    const { lines: fresh, eols: freshEols } = splitLines(head + text + tail);
    // With line b's break in the text, the split ends with an empty remainder: not a line.
    if (this.physEols[b.line]) { fresh.pop(); freshEols.pop(); }
    const physDelta = fresh.length - (b.line - first + 1);
    this.phys.splice(first, b.line - first + 1, ...fresh);
    this.physEols.splice(first, b.line - first + 1, ...freshEols);

    // The same change in logical lines: the edited physical lines cut afresh, and of their
    // logical lines only those that differ replaced (a keystroke in a long web line changes
    // one or two of its logical lines, so only their section is parsed again).
    const lo0 = lowerBound(this.origin, first);
    const hi0 = lowerBound(this.origin, b.line + 1);
    const nl: string[] = [], ne: string[] = [], no: number[] = [], nf: number[] = [];
    fresh.forEach((line, i) => {
      const l = logicalOf(line, freshEols[i]);
      for (let k = 0; k < l.lines.length; k++) { nl.push(l.lines[k]); ne.push(l.eols[k]); no.push(first + i); nf.push(l.offsets[k]); }
    });
    const oldN = hi0 - lo0;
    let pre = 0;
    while (pre < Math.min(oldN, nl.length) - 1 && this.lines[lo0 + pre] === nl[pre] && this.eols[lo0 + pre] === ne[pre]) pre++;
    let suf = 0;
    while (suf < Math.min(oldN, nl.length) - 1 - pre && this.lines[hi0 - 1 - suf] === nl[nl.length - 1 - suf] && this.eols[hi0 - 1 - suf] === ne[ne.length - 1 - suf]) suf++;
    this.replaceLogical(lo0 + pre, hi0 - 1 - suf, nl.slice(pre, nl.length - suf), ne.slice(pre, ne.length - suf), no, nf, lo0, oldN, physDelta);
  }

  /**
   * A keystroke inside one physical line that is cut into logical lines (a web line): the
   * line is cut afresh and its logical lines compared by where they start and end, so that
   * only those the edit changed are sliced and replaced; the others keep their text (those
   * after the edit move by its length). False when the line is not cut before or after.
   */
  private editInLine(P: number, from: number, to: number, text: string): boolean {
    const lo0 = lowerBound(this.origin, P);
    const hi0 = lowerBound(this.origin, P + 1);
    if (hi0 - lo0 < 2) return false;
    const line = this.phys[P].slice(0, from) + text + this.phys[P].slice(to);
    const cuts = segmentLine(line);
    if (!cuts) return false;
    const shift = text.length - (to - from);
    const oldN = hi0 - lo0, newN = cuts.length + 1;
    const newStart = (k: number) => (k ? cuts[k - 1] : 0);
    const newEnd = (k: number) => (k < cuts.length ? cuts[k] : line.length);
    const oldStart = (k: number) => this.offset[lo0 + k];
    const oldEnd = (k: number) => oldStart(k) + this.lines[lo0 + k].length;
    // Unchanged before the edit: the same bounds, ending before it.
    let pre = 0;
    while (pre < Math.min(oldN, newN) - 1 && oldEnd(pre) <= from && oldStart(pre) === newStart(pre) && oldEnd(pre) === newEnd(pre)) pre++;
    // Unchanged after it: the same bounds moved by the edit's length, starting after it.
    let suf = 0;
    while (suf < Math.min(oldN, newN) - 1 - pre) {
      const o = oldN - 1 - suf, n = newN - 1 - suf;
      if (!(oldStart(o) >= to && oldStart(o) + shift === newStart(n) && oldEnd(o) + shift === newEnd(n))) break;
      suf++;
    }
    this.phys[P] = line;
    const mid: string[] = [], eols: string[] = [], origins: number[] = [], offsets: number[] = [];
    for (let k = pre; k < newN - suf; k++) {
      mid.push(line.slice(newStart(k), newEnd(k)));
      eols.push(k + 1 < newN ? '' : this.physEols[P]);
      origins.push(P);
      offsets.push(newStart(k));
    }
    // The kept lines after the edit stand `shift` further along the line.
    for (let k = oldN - suf; k < oldN; k++) this.offset[lo0 + k] += shift;
    this.replaceLogical(lo0 + pre, hi0 - 1 - suf, mid, eols, origins, offsets, lo0 + pre, oldN - pre - suf, 0);
    return true;
  }

  /**
   * Replaces logical lines [first, last] by `fresh` and re-parses the sections they touch;
   * `origins`/`offsets` are the new placement of the edited physical lines' logical lines,
   * which start at logical line `lo0` and were `oldN` lines before.
   */
  private replaceLogical(first: number, last: number, fresh: string[], freshEols: string[], origins: number[], offsets: number[], lo0: number, oldN: number, physDelta: number) {
    const b = { line: last };
    const oldCount = last - first + 1;
    const delta = fresh.length - oldCount;
    spliceIn(this.lines, first, oldCount, fresh);
    spliceIn(this.eols, first, oldCount, freshEols);
    // Placement: the edited physical lines' logical lines anew, those after shifted by the physical delta.
    spliceIn(this.origin, lo0, oldN, origins);
    spliceIn(this.offset, lo0, oldN, offsets);
    if (physDelta) for (let i = lo0 + origins.length; i < this.origin.length; i++) this.origin[i] += physDelta;

    // Section boundaries: drop those in the edited lines, shift those after, add new ones.
    const bounds = this.bounds;
    const lo = lowerBound(bounds, first);
    const hi = lowerBound(bounds, b.line + 1);
    const added: number[] = [];
    for (let i = first; i < first + fresh.length; i++) if (isBoundary(this.lines[i])) added.push(i);
    // The common keystroke (a character typed or deleted) leaves every boundary where it
    // was: the sections it touches are parsed again in place, the others are not walked.
    if (!delta && sameNumbers(bounds, lo, hi, added)) { this.reparseInPlace(first, b.line); return; }
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
        ? placeSection(parseSection(this.lines.slice(start, end), start, this.tables, this.piecesIn(start, end)), start, end)
        : shift ? moveSection(reuse, shift, start, end) : reuse;
    }
    this.cached = undefined;
  }

  /**
   * Parses again, in place, the sections holding lines [first, last] (no boundary moved:
   * the sections stand where they stood, as the general path of replaceLogical would find).
   */
  private reparseInPlace(first: number, last: number) {
    const sections = this.sections;
    // The first section ending after `first` (sections are sorted and cover every line).
    let lo = 0, hi = sections.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sections[mid].end <= first) lo = mid + 1; else hi = mid;
    }
    for (let k = lo; k < sections.length && sections[k].start <= last; k++) {
      const { start, end } = sections[k];
      sections[k] = placeSection(parseSection(this.lines.slice(start, end), start, this.tables, this.piecesIn(start, end)), start, end);
    }
    this.cached = undefined;
  }

  /** Builds the section list from `bounds`, parsing every section. */
  private resection() {
    const starts = this.bounds[0] === 0 ? this.bounds : [0, ...this.bounds];
    for (let k = 0; k < starts.length; k++) {
      const start = starts[k];
      const end = k + 1 < starts.length ? starts[k + 1] : this.lines.length;
      this.sections.push(placeSection(parseSection(this.lines.slice(start, end), start, this.tables, this.piecesIn(start, end)), start, end));
    }
  }

  /** The report model (assembled once per version). */
  get model(): DocumentModel {
    return (this.cached ??= assemble(this.sections, this.lines.length));
  }
}

/** Whether list[lo, hi) holds exactly `items`. */
function sameNumbers(list: readonly number[], lo: number, hi: number, items: readonly number[]): boolean {
  if (hi - lo !== items.length) return false;
  for (let i = 0; i < items.length; i++) if (list[lo + i] !== items[i]) return false;
  return true;
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
