// Lexed lines → a stream of classified items (values, blanks, labels, fragments, text).
// Everything after this point is blind to the encoding the table came in.
import { templateMemo } from '../templates';
import type { Encoding } from '../model';
import { readCell, looksNumeric, tooLargeToRead, type CellReading } from '../text/number';
import { classifyLabel, type LabelMatch } from './labels';
import type { LexLine } from './lex';
import { displayWidth } from '../render/width';

export type ItemKind = 'value' | 'blank' | 'soft' | 'label' | 'fragment' | 'text';

/** Encodings that write a whole row on one line (the others: a cell a line, or bare paragraphs). */
export const ROW_PER_LINE: ReadonlySet<Encoding | null> = new Set(['tsv', 'markdown', 'layout']);

export interface Item {
  kind: ItemKind;
  line: number;
  start: number;
  end: number;
  text: string;
  /** Paragraph number: blank lines separate paragraphs. */
  para: number;
  /** The only cell on its line. */
  alone: boolean;
  encoding: Encoding | null;
  reading?: CellReading;
  labels?: LabelMatch[];
  /** A number that stood against its label with nothing between (`规范性文件898989`). */
  glued: boolean;
  /** Layout text: the display column the item starts at; -1 in other encodings. */
  col: number;
  /** The length of the item's line (where a blank after the last cell may stand). */
  lineEnd: number;
  /** Pages (form feeds) before the item in its section. */
  page: number;
}

/** What a token's text reads as, independent of where it stands (memoized by text). */
interface Reading { kind: ItemKind; reading?: CellReading; labels?: LabelMatch[] }

const readings = templateMemo<string, Reading>();

function readToken(text: string): Reading {
  const hit = readings.get(text);
  if (hit) return hit;
  let r: Reading;
  const reading = looksNumeric(text) || text.length <= 2 ? readCell(text) : undefined;
  if (reading?.kind === 'number') r = { kind: 'value', reading };
  else if (reading?.kind === 'blank') r = { kind: 'blank', reading };
  // A number too large to read exactly still stands in its cell (not-a-number says why), never label debris.
  else if (reading && tooLargeToRead(text)) r = { kind: 'text', reading };
  else {
    const c = classifyLabel(text);
    r = c.matches.length ? { kind: 'label', labels: c.matches } : { kind: c.fragment ? 'fragment' : 'text', reading: reading ?? { kind: 'text' } };
  }
  if (readings.size > 20000) readings.clear();
  readings.set(text, r);
  return r;
}

/** A row label with a digit run stuck to its end: the two as separate readings. */
interface Glued { head: string; label: Reading; digits: Reading }
const glues = templateMemo<string, Glued | null>();
// The head ends in a character a label ends in (a CJK word or a closing bracket), so that
// `96171.6` or `第3项12` are never cut inside a number.
const GLUED = /^(.*[\u4e00-\u9fff）)」”])([0-9０-９]+)$/;

function gluedOf(text: string): Glued | null {
  const hit = glues.get(text);
  if (hit !== undefined) return hit;
  let g: Glued | null = null;
  const m = GLUED.exec(text);
  if (m) {
    const label = readToken(m[1]);
    // Only a row label, matched without guessing: a typo'd head plus digits is too loose.
    const row = label.kind === 'label' && label.labels!.some(l => l.entry.kind === 'row' && l.how !== 'fuzzy');
    const digits = readToken(m[2]);
    if (row && digits.kind === 'value') g = { head: m[1], label, digits };
  }
  if (glues.size > 20000) glues.clear();
  glues.set(text, g);
  return g;
}

const SOFT: Reading = { kind: 'soft' };
const BLANK: Reading = { kind: 'blank' };

/** A numeral written twice (三三、): the first one, cut off on its own by parse/web.ts. */
const DEBRIS: Reading = { kind: 'fragment' };
const NUMERAL = /^[一二三四五六七八九十]$/;

/**
 * Items of lines [from, to) of a section; `lineOf(i)` gives the absolute line of lexed line i.
 * `pieces[i]`: line i is a piece of a web line, its items of the `web` encoding.
 */
export function itemize(lexed: readonly LexLine[], firstLine: number, pieces?: readonly boolean[]): Item[] {
  const items: Item[] = [];
  let para = 0, page = 0;
  for (let i = 0; i < lexed.length; i++) {
    const lx = lexed[i];
    if (lx.feed) page++;
    if (lx.blank) { para++; continue; }
    if (lx.noise) continue;
    const alone = lx.tokens.length === 1;
    const web = pieces?.[i] === true;
    const lineEnd = lx.length ?? (lx.tokens.length ? lx.tokens[lx.tokens.length - 1].end : 0);
    for (const t of lx.tokens) {
      const r = web && NUMERAL.test(t.text) ? DEBRIS : t.soft ? SOFT : t.text === '' ? BLANK : readToken(t.text);
      if (web) {
        // A web piece is one cell (or a run of them), never label and digits together: parse/web.ts cut them apart.
        items.push({
          kind: r.kind, line: firstLine + i, start: t.start, end: t.end, text: t.text, para, alone,
          encoding: 'web', reading: r.reading, labels: r.labels, glued: false, col: -1, lineEnd, page,
        });
        continue;
      }
      const g = r.kind === 'value' || t.soft || t.text === '' ? null : gluedOf(t.text);
      // One object shape for every item keeps the placement loops monomorphic.
      if (g) {
        const cut = t.start + g.head.length;
        items.push({
          kind: 'label', line: firstLine + i, start: t.start, end: cut, text: g.head, para, alone: false,
          encoding: lx.encoding, reading: g.label.reading, labels: g.label.labels, glued: false, col: t.col ?? -1, lineEnd, page,
        });
        items.push({
          kind: 'value', line: firstLine + i, start: cut, end: t.end, text: t.text.slice(g.head.length), para, alone: false,
          encoding: lx.encoding, reading: g.digits.reading, labels: undefined, glued: true,
          col: t.col === undefined ? -1 : t.col + displayWidth(g.head), lineEnd, page,
        });
        continue;
      }
      items.push({
        kind: r.kind, line: firstLine + i, start: t.start, end: t.end, text: t.text, para, alone,
        encoding: lx.encoding, reading: r.reading, labels: r.labels, glued: false, col: t.col ?? -1, lineEnd, page,
      });
    }
  }
  return items;
}
