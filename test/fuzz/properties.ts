// What must hold for ANY text the engine is given: nothing throws (no rule reports an
// internal error), every range lies inside the document, and every fix applies cleanly,
// touches only what it names, clears its finding when it is preferred, and is idempotent.
// `engineProblems` returns the violations in words (empty: all good), so the short
// property tests and the long fuzz run share one definition.
import {
  ReportDocument, applyEdits, check, fixAll, hover, quickFixes,
  type Edit, type Finding, type Fix, type Position, type Range, type Table,
} from '../../server/src/engine';

export interface Limits {
  /** Check at most this many offered fixes by applying them (each costs a re-parse). */
  maxFixes?: number;
  /** Hover at most this many positions. */
  maxHovers?: number;
  locale?: 'en' | 'zh-cn';
}

const cmp = (a: Position, b: Position) => a.line - b.line || a.character - b.character;

/** Offsets of line starts, with every kind of line break (what ReportDocument splits on). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) { starts.push(i + 2); i++; } else if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

export class Positions {
  readonly starts: number[];
  constructor(readonly text: string) { this.starts = lineStarts(text); }
  get lineCount() { return this.starts.length; }
  lineLength(line: number): number {
    const end = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let len = end - this.starts[line];
    // Less its line break.
    if (line + 1 < this.starts.length) len -= this.text[end - 2] === '\r' && this.text[end - 1] === '\n' ? 2 : 1;
    return len;
  }
  inside(p: Position): boolean {
    return Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < this.lineCount && p.character >= 0 && p.character <= this.lineLength(p.line);
  }
  rangeProblem(r: Range | undefined, what: string): string | undefined {
    if (!r || !r.start || !r.end) return `${what}: no range`;
    if (!this.inside(r.start) || !this.inside(r.end)) return `${what}: range ${JSON.stringify(r)} outside the document (${this.lineCount} lines)`;
    if (cmp(r.start, r.end) > 0) return `${what}: range ${JSON.stringify(r)} ends before it starts`;
    return undefined;
  }
  offset(p: Position): number { return this.starts[p.line] + p.character; }
}

const overlap = (a: Range, b: Range) => cmp(a.start, b.end) < 0 && cmp(b.start, a.end) < 0;
const sameRange = (a: Range, b: Range) => cmp(a.start, b.start) === 0 && cmp(a.end, b.end) === 0;

function editsProblem(pos: Positions, edits: readonly Edit[], what: string): string | undefined {
  for (const e of edits) {
    const p = pos.rangeProblem(e.range, `${what}: edit`);
    if (p) return p;
    if (typeof e.newText !== 'string') return `${what}: edit without text`;
  }
  const sorted = [...edits].sort((a, b) => cmp(a.range.start, b.range.start));
  for (let i = 1; i < sorted.length; i++) {
    // Two insertions at one point, or one edit inside another: applyEdits would drop one.
    if (overlap(sorted[i - 1].range, sorted[i].range) || cmp(sorted[i - 1].range.end, sorted[i].range.start) > 0) {
      return `${what}: edits overlap (${JSON.stringify(sorted[i - 1].range)} and ${JSON.stringify(sorted[i].range)})`;
    }
    if (cmp(sorted[i - 1].range.start, sorted[i].range.start) === 0 && cmp(sorted[i].range.start, sorted[i].range.end) === 0) {
      return `${what}: two edits at the same point ${JSON.stringify(sorted[i].range.start)}`;
    }
  }
  return undefined;
}

/** Every cell of every table, by its range start (what a cell fix may touch). */
function cellRanges(doc: ReportDocument): Range[] {
  const out: Range[] = [];
  for (const r of doc.model.reports) {
    for (const t of [...Object.values(r.tables), ...r.extraTables] as Table[]) {
      // A cell inside a web run is written out with its run (edits/cells.ts).
      for (const row of Object.values(t.rows)) for (const c of Object.values(row.cells)) out.push(doc.physicalRange(c.recovered?.piece && c.recovered.piece.values.length > 1 ? c.recovered.piece.range : c.range));
    }
  }
  return out;
}

/** Values of every cell, keyed by report, table, row and column, for before/after comparisons. */
function cellValues(doc: ReportDocument): Map<string, string> {
  const out = new Map<string, string>();
  doc.model.reports.forEach((r, i) => {
    for (const t of Object.values(r.tables) as Table[]) {
      for (const row of Object.values(t.rows)) for (const c of Object.values(row.cells)) out.set(`${i}|${t.id}|${row.id}|${c.column}`, `${c.kind}:${c.value}`);
    }
  });
  return out;
}

const identity = (f: Finding) => `${f.code}|${f.message}`;
const checked = new WeakMap<ReportDocument, Finding[]>();
const findingsOf = (doc: ReportDocument, locale: 'en' | 'zh-cn') => {
  let f = checked.get(doc);
  if (!f) checked.set(doc, (f = check(doc, { locale })));
  return f;
};

/** The checks on one fix of one finding; `text` is the document's text. */
function fixProblems(text: string, pos: Positions, doc: ReportDocument, f: Finding, fix: Fix, locale: 'en' | 'zh-cn'): string[] {
  const what = `${f.code} fix 「${fix.title}」`;
  const out: string[] = [];
  const p = editsProblem(pos, fix.edits, what);
  if (p) return [p];
  if (!fix.edits.length) return [`${what}: no edits`];
  const after = applyEdits(text, fix.edits);

  // Touches only what it names: a cell fix (one with a scope) edits cells' ranges only.
  if (fix.scope) {
    const cells = cellRanges(doc);
    for (const e of fix.edits) if (!cells.some(c => sameRange(c, e.range))) out.push(`${what}: edit ${JSON.stringify(e.range)} is not a cell's range`);
  }
  // A preferred cell fix (applied unattended) leaves every other cell's value as it was. A
  // clerk's explicit choice (fill a blank with 0) may let a mangled table read differently.
  if (fix.scope && fix.preferred) {
    const before = cellValues(doc);
    const afterDoc = new ReportDocument(after);
    const changed = [...cellValues(afterDoc)].filter(([k, v]) => before.has(k) && before.get(k) !== v).map(([k]) => k);
    const named = new Set<string>();
    doc.model.reports.forEach((r, i) => {
      for (const t of Object.values(r.tables) as Table[]) for (const row of Object.values(t.rows)) for (const c of Object.values(row.cells)) {
        if (fix.edits.some(e => sameRange(e.range, doc.physicalRange(c.range)) || (c.recovered?.piece && sameRange(e.range, doc.physicalRange(c.recovered.piece.range))))) named.add(`${i}|${t.id}|${row.id}|${c.column}`);
      }
    });
    const stray = changed.filter(k => !named.has(k));
    if (stray.length) out.push(`${what}: changed cells it does not name: ${stray.slice(0, 5).join(', ')}`);
  }

  const afterDoc = new ReportDocument(after);
  let afterFindings: Finding[];
  try { afterFindings = check(afterDoc, { locale }); } catch (e) { return [...out, `${what}: check after the fix threw ${(e as Error).stack}`]; }
  // A preferred fix clears its finding: fewer findings say the same thing afterwards (a
  // pasted duplicate of a table can say it twice).
  const count = (list: Finding[]) => list.filter(x => identity(x) === identity(f)).length;
  if (fix.preferred && count(afterFindings) >= count(findingsOf(doc, locale))) out.push(`${what}: preferred, but the finding remains: ${f.message}`);
  // Idempotent: on the fixed text, the very same fix is no longer offered, or changes nothing.
  const same = JSON.stringify(fix.edits);
  for (const x of afterFindings) {
    for (const again of x.fixes) {
      if (again.title === fix.title && JSON.stringify(again.edits) === same && applyEdits(after, again.edits) !== after) {
        out.push(`${what}: offered again after it was applied, and changes the text again`);
      }
    }
  }
  return out;
}

/** Everything wrong with how the engine handles `text`; empty when all holds. */
export function engineProblems(text: string, limits: Limits = {}): string[] {
  const locale = limits.locale ?? 'en';
  const out: string[] = [];
  const pos = new Positions(text);
  let doc: ReportDocument;
  let findings: Finding[];
  try {
    doc = new ReportDocument(text);
    if (doc.getText() !== text) out.push('the document does not give back its text');
    // The model is in logical lines (a web line is several): its ranges are compared once mapped.
    if (doc.physicalPosition({ line: doc.lineCount - 1, character: 0 }).line !== pos.lineCount - 1) out.push(`line count ${doc.lineCount}, expected ${pos.lineCount}`);
    findings = check(doc, { locale });
  } catch (e) {
    return [`parse or check threw: ${(e as Error).stack}`];
  }

  for (const r of doc.model.reports) {
    const p = pos.rangeProblem(doc.physicalRange(r.range), 'report');
    if (p) out.push(p);
    for (const t of [...Object.values(r.tables), ...r.extraTables] as Table[]) {
      for (const row of Object.values(t.rows)) for (const c of Object.values(row.cells)) {
        const q = pos.rangeProblem(doc.physicalRange(c.range), `cell ${t.id}.${row.id}.${c.column}`);
        if (q) out.push(q);
      }
    }
  }
  for (const f of findings) {
    if (f.code === 'internal-error') out.push(`a rule threw: ${f.message}`);
    const p = pos.rangeProblem(f.range, `finding ${f.code}`);
    if (p) out.push(p);
    for (const rel of f.related ?? []) {
      const q = pos.rangeProblem(rel.range, `finding ${f.code} related`);
      if (q) out.push(q);
    }
    for (const fix of f.fixes) {
      const q = editsProblem(pos, fix.edits, `${f.code} fix 「${fix.title}」`);
      if (q) out.push(q);
    }
  }
  if (out.length) return out;

  try {
    for (const f of findings.slice(0, 40)) {
      for (const a of quickFixes(doc, findings, f.range, locale)) {
        const p = editsProblem(pos, a.edits, `quick fix 「${a.title}」`);
        if (p) out.push(p);
      }
    }
    const all = fixAll(doc, findings, locale);
    const p = editsProblem(pos, all.edits, 'fix-all');
    if (p) out.push(p);
    const hovers = [...findings.map(f => f.range.start), { line: 0, character: 0 }, { line: pos.lineCount - 1, character: 0 }];
    for (const at of hovers.slice(0, limits.maxHovers ?? 20)) hover(doc, at, locale);
  } catch (e) {
    return [...out, `quick fixes, fix-all or hover threw: ${(e as Error).stack}`];
  }

  let budget = limits.maxFixes ?? 12;
  for (const f of findings) {
    for (const fix of f.fixes) {
      if (budget-- <= 0) return out;
      try { out.push(...fixProblems(text, pos, doc, f, fix, locale)); } catch (e) { out.push(`${f.code} fix 「${fix.title}」 threw: ${(e as Error).stack}`); }
    }
  }
  return out;
}
