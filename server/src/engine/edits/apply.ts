import type { Edit } from '../model';
// Applying edits to text (the re-reads that prove an edit, Format Document, the CLI's --fix, tests): non-overlapping, applied back to front.

/** Edits of a document applied to the part of it that starts at line `from`. */
export function editsFrom(edits: readonly Edit[], from: number): Edit[] {
  const shift = (p: Edit['range']['start']) => ({ line: p.line - from, character: p.character });
  return edits.map(e => ({ range: { start: shift(e.range.start), end: shift(e.range.end) }, newText: e.newText }));
}

export function applyEdits(text: string, edits: readonly Edit[]): string {
  const starts: number[] = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index! + m[0].length);
  const offset = (p: Edit['range']['start']) => Math.min(text.length, (starts[p.line] ?? text.length) + p.character);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  // Which edits apply, back to front; then the text is put together front to back once
  // (a new copy of the text per edit is quadratic on a compilation's thousands of fixes).
  const taken: { s: number; t: number; newText: string }[] = [];
  let limit = Infinity;
  for (const e of sorted) {
    const s = offset(e.range.start);
    const t = offset(e.range.end);
    if (t > limit) continue; // overlaps an edit already applied: skip it
    taken.push({ s, t, newText: e.newText });
    limit = s;
  }
  const parts: string[] = [];
  let at = 0;
  for (let i = taken.length - 1; i >= 0; i--) {
    parts.push(text.slice(at, taken[i].s), taken[i].newText);
    at = taken[i].t;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
