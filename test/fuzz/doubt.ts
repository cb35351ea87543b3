// Doubt never shows as an arithmetic error. Every sample, in its own encoding and re-written
// in every other (test/layout-render.ts), has its reading corrupted the ways readings go
// wrong: a cell dropped (the cells after it slide), two cells glued into one, a row's
// boundary shifted (the next row's first cell read as this row's last). Whatever the engine
// reads then, no error-severity arithmetic finding may be about an identity that holds in
// the uncorrupted text: a mismatch our reading made is a doubt (a warning), not an error.
// Shared by the short property test (test/engine/properties.test.ts) and `npm run fuzz`.
import { ReportDocument, check, type Cell, type Encoding, type Finding, type Row, type Table } from '../../server/src/engine';
import { evaluate, identitiesOf, valuesOf } from '../../server/src/engine/identities';
import { renderReport } from '../layout-render';
import { readSample, sampleNames } from '../helpers';
import type { Random } from './mutations';
import fc from 'fast-check';
import { rng } from '../bench/corpus';

const ARITHMETIC = new Set(['balance', 'results-total', 'row-total', 'review-total']);
export const ENCODINGS = ['own', 'tab-cells', 'pipe-cells', 'tsv', 'markdown', 'layout'] as const;
export const CORRUPTIONS = ['drop', 'glue', 'shift'] as const;
export type Corruption = (typeof CORRUPTIONS)[number];

/** Each sample in each encoding, made once. */
const docs = new Map<string, string>();
export function encodedSample(sample: string, encoding: (typeof ENCODINGS)[number]): string {
  const key = `${sample}|${encoding}`;
  let text = docs.get(key);
  if (text === undefined) docs.set(key, (text = encoding === 'own' ? readSample(sample) : renderReport(readSample(sample), encoding as Encoding).text));
  return text;
}
export const SAMPLE_NAMES = sampleNames();

const keyOf = (cells: readonly { row: string; column: string }[]) => cells.map(c => `${c.row}|${c.column}`).join(',');

/** The identities (by their cells) that hold in a document as read. */
function holding(doc: ReportDocument): Set<string> {
  const out = new Set<string>();
  for (const r of doc.model.reports) for (const t of Object.values(r.tables) as Table[]) {
    const v = valuesOf(t);
    for (const i of identitiesOf(t)) if (evaluate(i, v)?.holds) out.add(keyOf([...i.lhs, ...i.rhs]));
  }
  return out;
}

const numbers = (row: Row): Cell[] => Object.values(row.cells).filter(c => c.kind === 'number' && !c.recovered);
const pick = <T>(xs: readonly T[], random: Random): T => xs[Math.floor(random() * xs.length) % xs.length];

/** Whether the row is written a cell a line (or a cell a paragraph), not a row a line. */
const cellPerLine = (t: Table) => t.encoding === 'tab-cells' || t.encoding === 'pipe-cells' || t.encoding === 'plain';

/** Lines of the text, and a way to edit [line, from)–[line, to) of them. */
function splice(lines: string[], line: number, from: number, to: number, text = ''): void {
  lines[line] = lines[line].slice(0, from) + text + lines[line].slice(to);
}

/** The text with one corruption applied to a row chosen by `random`, or undefined if none applies. */
export function corrupt(text: string, what: Corruption, random: Random): string | undefined {
  const doc = new ReportDocument(text);
  const tables = doc.model.reports.flatMap(r => Object.values(r.tables) as Table[]);
  const rows = tables.flatMap(t => Object.values(t.rows).map(row => ({ t, row })).filter(x => numbers(x.row).length >= 2));
  if (!rows.length) return undefined;
  const { t, row } = pick(rows, random);
  const cells = numbers(row);
  const lines = text.split('\n');
  if (what === 'drop') {
    const c = pick(cells, random);
    const { line, character: s } = c.range.start;
    if (cellPerLine(t)) lines.splice(line, 1);
    else {
      // The cell and the separator before it: the cells after it slide left.
      const l = lines[line];
      let from = s;
      while (from > 0 && (l[from - 1] === ' ' || l[from - 1] === '\u3000')) from--;
      if (t.encoding === 'markdown') from = Math.max(0, l.lastIndexOf('|', s - 1));
      else if (t.encoding === 'tsv' && l[from - 1] === '\t') from--;
      splice(lines, line, from, c.range.end.character);
    }
    return lines.join('\n');
  }
  if (what === 'glue') {
    const k = Math.floor(random() * (cells.length - 1)) % (cells.length - 1);
    const [a, b] = [cells[k], cells[k + 1]];
    // Everything between the two numbers goes: they read as one.
    const before = lines.slice(0, a.range.end.line);
    const joined = lines[a.range.end.line].slice(0, a.range.end.character) + lines[b.range.start.line].slice(b.range.start.character);
    return [...before, joined, ...lines.slice(b.range.start.line + 1)].join('\n');
  }
  // shift: the next row's first number moves to the end of this row.
  const ids = Object.keys(t.rows);
  const next = t.rows[ids[ids.indexOf(row.id) + 1]];
  const moved = next && numbers(next)[0];
  if (!moved) return undefined;
  const last = cells[cells.length - 1];
  const { line: ml, character: ms } = moved.range.start;
  if (cellPerLine(t)) {
    const movedLine = lines[ml];
    lines.splice(ml, 1);
    lines.splice(last.range.end.line + 1, 0, movedLine);
  } else {
    const sep = t.encoding === 'tsv' ? '\t' : t.encoding === 'markdown' ? ' | ' : '  ';
    splice(lines, ml, ms, moved.range.end.character, t.encoding === 'layout' ? ' '.repeat(moved.text.length) : '');
    splice(lines, last.range.end.line, last.range.end.character, last.range.end.character, sep + moved.text);
  }
  return lines.join('\n');
}

/** Error-severity arithmetic findings of `corrupted` about identities that hold in `original`. */
export function falseErrors(original: string, corrupted: string): Finding[] {
  const holds = holding(new ReportDocument(original));
  return check(new ReportDocument(corrupted), { locale: 'en' })
    .filter(f => f.severity === 'error' && ARITHMETIC.has(f.code) && f.cells && holds.has(keyOf(f.cells)));
}

/** A corruption of a sample in an encoding (fast-check), with what it does in words. */
export const corruptedReading = fc.record({
  sample: fc.constantFrom(...SAMPLE_NAMES),
  encoding: fc.constantFrom(...ENCODINGS),
  corruption: fc.constantFrom(...CORRUPTIONS),
  seed: fc.integer(),
});

/** The false arithmetic errors of one corruption, in words (empty: none). */
export function doubtProblems(c: { sample: string; encoding: (typeof ENCODINGS)[number]; corruption: Corruption; seed: number }): string[] {
  const original = encodedSample(c.sample, c.encoding);
  const corrupted = corrupt(original, c.corruption, rng(c.seed));
  if (corrupted === undefined) return [];
  return falseErrors(original, corrupted).map(f => `${c.sample} (${c.encoding}), ${c.corruption} (seed ${c.seed}): ${f.code} error about an identity that holds as written: ${f.message}`);
}
