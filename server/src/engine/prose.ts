// Numbers the prose quotes about the tables: "共收到政府信息公开申请25件", "答复 3050 件",
// "行政复议 351 件，其中结果维持 72 件". Pure: a report's text in, {quantity, value, range} out.
// Only phrasings that clearly name one quantity are read; anything else is left alone,
// because a false alarm is worse than a miss.
import type { ReportDocument } from './document';
import { sourcesOf, type PlacedSection } from './assemble';
import type { Position, Range, Report } from './model';
import { rowsOf, tableDecl, type CellRef } from './templates';
import { byStart } from './text/range';
import { proseBySection } from './cache';

export type QuantityId =
  | 'new' | 'carried_over' | 'carried_forward' | 'answered'
  | 'granted' | 'partly_granted' | 'refused'
  | 'review.total' | 'review.upheld' | 'review.corrected' | 'review.other' | 'review.pending'
  | 'suit.total' | 'suit.upheld' | 'suit.corrected' | 'suit.other' | 'suit.pending';

export interface ProseNumber {
  quantity: QuantityId;
  value: number;
  /** Exactly the digits. */
  range: Range;
}

/** A claim that every case of a group ended upheld ("均获维持"). */
export interface ProseAllUpheld { groups: ('review' | 'suit')[]; range: Range }

export interface ProseFacts { numbers: ProseNumber[]; allUpheld: ProseAllUpheld[] }

/**
 * A part's prose with whitespace removed, and where each line's text starts in it. Only a
 * few characters (the matched numbers) ever need their place in the document, so places
 * are found on demand rather than stored per character.
 */
interface Compact { text: string; doc: ReportDocument; pieces: Piece[] }
/** A line's share of the compact text, from `at`; `dot`: it starts with the · that parts digits across a line break. */
interface Piece { at: number; line: number; dot: boolean }

// Tested on the trimmed line: whitespace quantifiers on both sides of optional parts would
// backtrack quadratically on a long line of spaces.
const PAGE_NUMBER = /^[-－—]?\s*\d{1,3}\s*[-－—]?$/;
const isPageNumber = (line: string) => line.length < 4096 && PAGE_NUMBER.test(line.trim());
const WHITESPACE = /\s+/g;
const isWhitespace = (c: string) => /\s/.test(c);
/** Characters that may change under NFKC: neither ASCII nor a CJK unified ideograph. */
const MAY_FOLD = /[^\x00-\x7f\u4e00-\u9fff]/g;

/** One character's NFKC form when that is one character (full-width digits and punctuation), else itself; memoized. */
const folded = new Map<string, string>();
function fold(c: string): string {
  let f = folded.get(c);
  if (f === undefined) {
    const n = c.normalize('NFKC');
    folded.set(c, f = n.length === 1 ? n : c);
  }
  return f;
}
// One UTF-16 unit at a time, as the places are counted (a lone surrogate folds to itself).
const foldLine = (s: string) => s.replace(MAY_FOLD, fold);

/**
 * One part's prose (a part is its heading's section): its lines outside its tables, joined
 * across line breaks, ending with 。 so that no sentence runs into the next part.
 */
function compactProse(doc: ReportDocument, section: PlacedSection): Compact {
  const tables = section.tables.map(t => t.range);
  const inTable = (line: number) => tables.some(r => line >= r.start.line && line <= r.end.line);
  // Collected and joined once: appending to a string is quadratic on a pasted megabyte line.
  const text: string[] = [];
  const pieces: Piece[] = [];
  let at = 0;
  let endsWithDigit = false;
  const first = section.heading!.range.start.line;
  for (let line = first; line <= Math.max(section.lastTextLine, section.start); line++) {
    const s = doc.line(line);
    if (inTable(line) || isPageNumber(s)) continue;
    const compact = foldLine(s.replace(WHITESPACE, ''));
    if (!compact) continue;
    // Digits on both sides of a line break are two numbers, not one.
    const dot = endsWithDigit && /^\s*\d/.test(s);
    pieces.push({ at, line, dot });
    if (dot) text.push('·');
    text.push(compact);
    at += compact.length + (dot ? 1 : 0);
    endsWithDigit = /\d/.test(compact[compact.length - 1]);
  }
  text.push('。');
  return { text: text.join(''), doc, pieces };
}

/** Where the compact text's character i stands in the document (the closing 。 stands on the character before it). */
function positionOf(c: Compact, i: number): Position {
  let lo = 0, hi = c.pieces.length - 1;
  if (hi < 0) return { line: 0, character: 0 };
  i = Math.min(i, c.text.length - 2);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (c.pieces[mid].at <= i) lo = mid; else hi = mid - 1;
  }
  const p = c.pieces[lo];
  let k = i - p.at - (p.dot ? 1 : 0);
  if (k < 0) return { line: p.line, character: 0 };
  const s = c.doc.line(p.line);
  // The k-th character of the line that is not whitespace (UTF-16 units, like the compact text).
  for (let ch = 0; ch < s.length; ch++) {
    if (isWhitespace(s[ch])) continue;
    if (k-- === 0) return { line: p.line, character: ch };
  }
  return { line: p.line, character: s.length };
}

const rangeOf = (c: Compact, from: number, to: number): Range => {
  const end = positionOf(c, to - 1);
  return { start: positionOf(c, from), end: { line: end.line, character: end.character + 1 } };
};

// A number never starts inside another; saying so keeps a long digit run linear.
const N = '(?<!\\d)(\\d+)';
const Q = '["“”「」\'‘’]?';
/** Totals: only read in a clause that is not a 其中 (a part of some other whole). */
const TOTALS: [QuantityId, RegExp][] = [
  // new and answered come first: their clause must have the whole body as its subject.
  ['new', new RegExp(`(?:新收|收到|受理)(?:各类)?(?:政府信息公开|依申请公开|信息公开)的?申请(?:共计|合计|共)?${N}件(?!（含|\\(含)`, 'g')],
  ['answered', new RegExp(`答复${N}件`, 'g')],
  ['carried_over', new RegExp(`(?:上年度?|上一年度?)结转的?(?:政府信息公开)?申请?${N}件`, 'g')],
  ['carried_forward', new RegExp(`${N}件(?:申请)?(?:顺延|结转)(?:到|至)?下一?年度?`, 'g')],
  ['carried_forward', new RegExp(`结转(?:到|至)?下一?年度?(?:继续办理)?的?(?:申请)?${N}件`, 'g')],
];
/**
 * What may stand before 受理 / 答复 in its clause for the count to be the whole report's:
 * a year, 全市 / 我局, 共. "区政府办代表区政府受理…17件" (corpus 03) is one office's share.
 */
const WHOLE_SUBJECT = /^(?:\d{4}年度?|全年|本年度?|全[市区县镇乡]|全街道|我(?:市|区|县|镇|乡|街道|局|委|办|厅|署|单位|机关)?|本(?:机关|单位|部门)|[共累合]计|共|已|按规定时间内|在法定期限内)*$/;
const SUBJECT_GUARDED = new Set<QuantityId>(['new', 'answered']);

/** Outcomes of applications: read in a sentence about applications (申请 / 答复). */
const OUTCOMES: [QuantityId, RegExp][] = [
  ['granted', new RegExp(`予以公开${Q}(?:答复数?|的申请)?${N}件`, 'g')],
  ['partly_granted', new RegExp(`(?<!不予)部分公开${Q}(?:答复数?|的申请)?${N}件`, 'g')],
  ['refused', new RegExp(`不予公开${Q}(?:答复数?|的申请)?${N}件`, 'g')],
];
const CASE_TOTAL = (word: string) => new RegExp(`${word}(?:案件|申请)?(?:共计|共)?${N}件`, 'g');
const CASE_OUTCOMES: [string, RegExp][] = [
  ['upheld', new RegExp(`(?:结果)?维持${N}件`, 'g')],
  ['corrected', new RegExp(`(?:结果)?纠正${N}件`, 'g')],
  ['other', new RegExp(`其他结果${N}件`, 'g')],
  ['pending', new RegExp(`尚?未审结${N}件`, 'g')],
];
const ALL_UPHELD = /均(?:获|被|予以|已)?维持/g;
const COUNT = /\d件/;

/** Parts whose prose quotes the tables' numbers: 一 (总体情况), 三 (依申请公开), 四 (复议诉讼). */
const PROSE_PARTS = new Set([1, 3, 4]);

/**
 * Per section object (kept while its lines are untouched, see document.ts): a keystroke in
 * one part re-reads that part's prose only.
 */

/** Every number the prose quotes about the tables, and every "均获维持", in document order. */
export function proseFacts(doc: ReportDocument, report: Report): ProseFacts {
  const out: ProseFacts = { numbers: [], allUpheld: [] };
  for (const section of sourcesOf(report)) {
    if (!section.heading || !PROSE_PARTS.has(section.heading.number)) continue;
    let facts = proseBySection.get(section);
    if (!facts) proseBySection.set(section, facts = readProseFacts(doc, section));
    out.numbers.push(...facts.numbers);
    out.allUpheld.push(...facts.allUpheld);
  }
  return out;
}

function readProseFacts(doc: ReportDocument, section: PlacedSection): ProseFacts {
  const c = compactProse(doc, section);
  const numbers: ProseNumber[] = [];
  const allUpheld: ProseAllUpheld[] = [];
  const push = (quantity: QuantityId, m: RegExpMatchArray, base: number) => {
    const digits = m[1];
    // No pattern has a digit before its number: the first run of these digits is it.
    const from = base + m.index! + m[0].indexOf(digits);
    numbers.push({ quantity, value: Number(digits), range: rangeOf(c, from, from + digits.length) });
  };
  // Sentences end at 。；！？; clauses at ，、 as well.
  for (const s of c.text.matchAll(/[^。；;！？!?]+/g)) {
    const sentence = s[0];
    const base = s.index!;
    // Every pattern reads a count written as digits before 件, or 维持: most sentences have neither.
    if (!COUNT.test(sentence) && !sentence.includes('维持')) continue;
    for (const cl of sentence.matchAll(/[^，,]+/g)) {
      if (cl[0].includes('其中')) continue;
      for (const [q, re] of TOTALS) {
        for (const m of cl[0].matchAll(re)) {
          if (SUBJECT_GUARDED.has(q) && !WHOLE_SUBJECT.test(cl[0].slice(0, m.index).replace(/^[(（]?[一二三四五六七八九十\d]+[)）、.]/, ''))) continue;
          push(q, m, base + cl.index!);
        }
      }
    }
    if (/申请|答复/.test(sentence)) for (const [q, re] of OUTCOMES) for (const m of sentence.matchAll(re)) push(q, m, base);
    // Review and litigation: the sentence must be about disclosure, and about one of the two.
    if (!sentence.includes('信息公开')) continue;
    const review = sentence.includes('行政复议');
    const suit = /行政诉讼|起诉/.test(sentence);
    for (const m of sentence.matchAll(ALL_UPHELD)) {
      const groups = [...(review ? ['review' as const] : []), ...(suit ? ['suit' as const] : [])];
      if (groups.length) allUpheld.push({ groups, range: rangeOf(c, base + m.index!, base + m.index! + m[0].length) });
    }
    if (review === suit) continue;
    const group = review ? 'review' : 'suit';
    for (const cl of sentence.matchAll(/[^，,]+/g)) {
      if (cl[0].includes('其中') && !/维持|纠正|结果|审结/.test(cl[0])) continue;
      if (!cl[0].includes('其中')) for (const m of cl[0].matchAll(CASE_TOTAL(review ? '行政复议' : '行政诉讼'))) push(`${group}.total`, m, base + cl.index!);
    }
    for (const [o, re] of CASE_OUTCOMES) for (const m of sentence.matchAll(re)) push(`${group}.${o}` as QuantityId, m, base);
  }
  return { numbers: numbers.sort(byStart), allUpheld };
}

/** The table cells a quantity is the sum of (one cell for most). */
export function cellsOf(report: Report, quantity: QuantityId): CellRef[] {
  const gen = report.tables.applications?.generation ?? report.template;
  const app = (row: string): CellRef => ({ table: 'applications', row, column: 'total' });
  const rl = (column: string): CellRef => ({ table: 'review_litigation', row: reviewRow(report), column });
  switch (quantity) {
    case 'new': case 'carried_over': case 'carried_forward': case 'granted': case 'partly_granted': return [app(quantity)];
    case 'answered': return [app('results_total')];
    case 'refused': return [...rowsOf(tableDecl(gen, 'applications')).keys()].filter(id => id.startsWith('refused.')).map(app);
  }
  const [group, outcome] = quantity.split('.');
  return group === 'review' ? [rl(`review.${outcome}`)] : [rl(`suit_direct.${outcome}`), rl(`suit_after_review.${outcome}`)];
}

function reviewRow(report: Report): string {
  const t = report.tables.review_litigation;
  const gen = t?.generation ?? report.template;
  return [...rowsOf(tableDecl(gen, 'review_litigation')).keys()][0];
}

/** The table's value of a quantity: undefined when a cell is missing, blank or not a number. */
export function tableValue(report: Report, quantity: QuantityId): { value: number; cells: CellRef[] } | undefined {
  const cells = cellsOf(report, quantity);
  let value = 0;
  for (const ref of cells) {
    const v = report.tables[ref.table]?.rows[ref.row]?.cells[ref.column]?.value;
    if (typeof v !== 'number') return undefined;
    value += v;
  }
  return { value, cells };
}
