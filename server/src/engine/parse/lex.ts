// One line of text → its cells. Each encoding of the spec is recognised from the line
// alone, so a line is lexed once and re-lexed only when it changes.
import type { Encoding } from '../model';
import { displayWidth } from '../render/width';

export interface Token {
  /** Trimmed cell text ('' for a blank cell). */
  text: string;
  /** Character range of the trimmed text (for a blank: the cell's whitespace, maybe empty). */
  start: number;
  end: number;
  /** A pipe-only line: maybe a blank cell, maybe only a row separator. */
  soft?: boolean;
  /** Layout text: the display column the token starts at (full-width characters count two). */
  col?: number;
}

export interface LexLine {
  blank: boolean;
  /** A table-like line's encoding; null for a line of plain text (one cell). */
  encoding: Encoding | null;
  tokens: Token[];
  /** Page numbers (-3-) and rules (----) carry nothing. */
  noise: boolean;
  /** Layout text: the line's length (a blank after a row's last number stands before it). */
  length?: number;
  /** The line starts a new page (a form feed): pdftotext may lay each page's columns out anew. */
  feed?: boolean;
}

const SPACE = /[\s\u00a0\u3000\f]/;
const isSpace = (ch: string) => SPACE.test(ch);

/** Trims a cell span [from, to) of the line and returns it as a token. */
function token(line: string, from: number, to: number): Token {
  let s = from;
  let e = to;
  while (s < e && isSpace(line[s])) s++;
  while (e > s && isSpace(line[e - 1])) e--;
  return s === e ? { text: '', start: from, end: to } : { text: line.slice(s, e), start: s, end: e };
}

function splitOn(line: string, sep: string, from: number): Token[] {
  const out: Token[] = [];
  let start = from;
  for (let i = from; i <= line.length; i++) {
    if (i === line.length || line[i] === sep) {
      out.push(token(line, start, i));
      start = i + 1;
    }
  }
  return out;
}

const PAGE_NUMBER = /^[\s\f]*(?:[-－—]\s*\d{1,3}\s*[-－—]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?)\s*$/;
// A rule line: whitespace, pipes and colons, three dashes, then more of the same. Written
// so no two parts of the pattern can take the same character: a long line cannot send the
// matcher back and forth (the former /^[\s\f]*\|?[\s|:]*-{3,}[-\s|:\t]*$/, the same
// language, took quadratic time on a line of spaces or tabs).
const RULE = /^[\s|:]*-{3}[-\s|:]*$/;
const MD_SEPARATOR = /^[\s|:\-]+$/;
const NUMBERS_ONLY = /^[+\-]?\d[\d.,]*(?: [+\-]?\d[\d.,]*)+$/;

const memo = new Map<string, LexLine>();

/** Lexes one line (memoized: real reports repeat the same lines many times). */
export function lexLine(line: string): LexLine {
  const hit = memo.get(line);
  if (hit) return hit;
  const lexed = lexUncached(line);
  if (memo.size > 50000) memo.clear();
  memo.set(line, lexed);
  return lexed;
}

function lexUncached(line: string): LexLine {
  // A tab alone is a blank cell (tab-prefixed encoding), not a blank line.
  if (/^[ \u00a0\u3000\f\r\n\v]*$/.test(line)) return { blank: true, encoding: null, tokens: [], noise: false, feed: line.includes('\f') };
  if (PAGE_NUMBER.test(line) || RULE.test(line)) return { blank: false, encoding: null, tokens: [], noise: true, feed: line.includes('\f') };

  let lead = 0;
  while (lead < line.length && line[lead] === '\f') lead++;
  const body = line.slice(lead);

  // 1. Cell per line, tab-prefixed (seeds 000, 001); more tabs make it a TSV row.
  if (body.startsWith('\t') && body.indexOf('\t', 1) < 0) return cells('tab-cells', splitOn(line, '\t', lead + 1));
  // 3. Row per line, tab-separated (seed 004).
  if (body.includes('\t')) return cells('tsv', splitOn(line, '\t', lead));

  const trimmed = body.trimStart();
  if (trimmed.includes('|')) {
    const first = line.indexOf('|');
    const segments = splitOn(line, '|', lead);
    const filled = segments.filter(t => t.text !== '');
    // A line of pipes only: a separator row, or a blank cell (seed 003's blank 总计) — unless
    // it is a Markdown row whose every cell is blank (spaces between several pipes).
    if (!filled.length) {
      const inner = segments.slice(1, -1);
      if (trimmed.startsWith('|') && inner.length >= 3 && inner.every(t => t.end > t.start)) return cells('markdown', inner);
      return cells('pipe-cells', [{ text: '', start: first, end: first, soft: true }]);
    }
    if (trimmed.startsWith('|')) {
      // 4. Markdown pipe table: cells between the pipes.
      if (MD_SEPARATOR.test(trimmed)) return { blank: false, encoding: null, tokens: [], noise: true };
      const inner = segments.slice(1, line.trimEnd().endsWith('|') ? -1 : undefined);
      return cells('markdown', inner);
    }
    // 2. Cell per line, pipe-terminated (seeds 002, 003): the cell is what stands before the first pipe;
    //    further pipes are the remains of merged cells. Several filled segments make a Markdown row without outer pipes.
    if (filled.length > 1) return cells('markdown', segments.filter((t, i) => t.text !== '' || i < segments.length - 1));
    return cells('pipe-cells', [segments[0].text ? segments[0] : filled[0]]);
  }

  // 5./6. pdftotext -layout rows: cells are separated by runs of two or more spaces.
  const tokens: Token[] = [];
  const gap = /[ \u00a0\u3000]{2,}/g;
  let prev = lead;
  let m: RegExpExecArray | null;
  while ((m = gap.exec(line)) !== null) {
    if (m.index < lead) continue;
    tokens.push(token(line, prev, m.index));
    prev = m.index + m[0].length;
  }
  tokens.push(token(line, prev, line.length));
  const nonEmpty = tokens.filter(t => t.text !== '').flatMap(splitNumberRun);
  // Where each token starts on screen as well as in characters: pdftotext lays a table out
  // by character, an editor by display column; parse/columns.ts finds which one lines up.
  let col = 0, at = 0;
  for (const t of nonEmpty) { col += displayWidth(line.slice(at, t.start)); at = t.start; t.col = col; }
  const feed = lead > 0;
  if (nonEmpty.length === 1) return { blank: false, encoding: null, tokens: nonEmpty, noise: false, length: line.length, feed };
  return { blank: false, encoding: 'layout', tokens: nonEmpty, noise: false, length: line.length, feed };
}

/** "3 0 1" written with single spaces is three numbers. */
function splitNumberRun(t: Token): Token[] {
  if (!NUMBERS_ONLY.test(t.text)) return [t];
  const out: Token[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t.text)) !== null) out.push({ text: m[0], start: t.start + m.index, end: t.start + m.index + m[0].length });
  return out;
}

function cells(encoding: Encoding, tokens: Token[]): LexLine {
  return { blank: false, encoding, tokens, noise: false };
}
