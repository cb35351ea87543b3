// Web text (encoding W): a crawled page holds the whole report on one physical line. This
// cuts such a line into logical lines where a line break would stand — part headings,
// table labels and the cells between them, the title, the signature date, site chrome —
// so that everything after it (lexer, sections, placement, rules) runs unchanged. Pure:
// the cuts depend on the one line alone. Labels come from the template declarations.
import { TEMPLATES, currentGeneration, fromTemplates, templateMemo } from '../templates';
import { allLabels, type LabelEntry } from './labels';
import { classifyHeading, classifyTitle } from './headings';

/** Lines shorter than this are never web text (a heading, a row, a paragraph). */
const MIN_WEB_LINE = 120;
const SPACE = /[\s\u00a0\u3000]/;
/** What may stand between two characters of a label as written on a page. */
const GAP = '[\\s\\u00a0\\u3000“”"\'‘’「」]*';

/** One character of a normalized label → what a page may write for it. */
function charClass(c: string): string {
  switch (c) {
    case '(': return '[（(]';
    case ')': return '[）)]';
    case '.': return '[.．、]';
    case ',': return '[、，,]';
    case ':': return '[:：]';
    case ';': return '[;；]';
    case '/': return '[/／]';
    default:
      if (/[0-9]/.test(c)) return `[${c}${String.fromCharCode(c.charCodeAt(0) + 0xfee0)}]`;
      return c.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&');
  }
}

/** A sticky pattern matching the label with stray spaces (and quotes) between its characters. */
function tolerant(norm: string): RegExp {
  return new RegExp(`${[...norm].map(charClass).join(GAP)}[”"’」]?`, 'y');
}

/**
 * Table labels by the first character they can start with: one sticky pattern per
 * character, the labels as alternatives, longest first (the first that matches is the
 * longest label written there), each in a group of its own that names its entry.
 */
const patterns = fromTemplates(() => {
  const byFirst = new Map<string, { re: RegExp; entries: LabelEntry[] }>();
  const pats = new Map<string, { norm: string; entry: LabelEntry }[]>();
  for (const entry of allLabels()) {
    for (const norm of new Set([entry.norm, ...entry.variantNorms])) {
      if (norm.length < 2) continue;
      const firsts = norm[0] === '(' ? ['（', '('] : norm[0] === ',' ? [] : /[0-9]/.test(norm[0]) ? [norm[0], String.fromCharCode(norm.charCodeAt(0) + 0xfee0)] : [norm[0]];
      for (const f of firsts) pats.set(f, [...(pats.get(f) ?? []), { norm, entry }]);
    }
  }
  for (const [f, list] of pats) {
    list.sort((a, b) => b.norm.length - a.norm.length);
    byFirst.set(f, { re: new RegExp(list.map(x => `(${tolerant(x.norm).source})`).join('|'), 'y'), entries: list.map(x => x.entry) });
  }
  return byFirst;
});

/** The longest table label written at `at`, if any. */
function labelAt(line: string, at: number): { end: number; entry: LabelEntry } | undefined {
  const pat = patterns().get(line[at]);
  if (!pat) return undefined;
  pat.re.lastIndex = at;
  const m = pat.re.exec(line);
  if (!m) return undefined;
  let g = 1;
  while (m[g] === undefined) g++;
  return { end: at + m[0].length, entry: pat.entries[g - 1] };
}

/** Part headings as declared (canonical and variants), per part number. */
const headings = fromTemplates(() => TEMPLATES[currentGeneration()].parts.map(p => ({ number: p.number, res: [p.heading, ...p.variants].map(h => tolerant(h.normalize('NFKC').replace(/[\s\u3000]+/g, ''))) })));
const NUMERALS = '一二三四五六';
/** A part numeral and its 、: where headingsOf looks for a heading, and what twoNumerals counts. */
const NUMERAL_MARK = /[一二三四五六][ \u3000]*、[ \u3000]*/g;
/** Where a heading's own words end, when it is not one of the declared ones. */
const HEADING_STOP = /[，。：；！？,.:;!?0-9０-９（(《“\s\u3000]/;

interface Heading { start: number; end: number; number: number }

/** Part headings written inline: a numeral and 、, then a declared heading or words that classify as one. */
function headingsOf(line: string): Heading[] {
  const out: Heading[] = [];
  const numeral = new RegExp(NUMERAL_MARK);
  let m: RegExpExecArray | null;
  while ((m = numeral.exec(line)) !== null) {
    const number = NUMERALS.indexOf(line[m.index]) + 1;
    const after = m.index + m[0].length;
    let end = -1;
    for (const re of headings()[number - 1].res) {
      re.lastIndex = after;
      if (re.test(line)) { end = re.lastIndex; break; }
    }
    if (end < 0) {
      let stop = after;
      while (stop < line.length && stop - after < 40 && !HEADING_STOP.test(line[stop])) stop++;
      const h = stop > after ? classifyHeading(line.slice(m.index, stop)) : undefined;
      if (h && h.number === number) end = stop;
    } else if (classifyHeading(line.slice(m.index, end))?.number !== number) end = -1;
    if (end < 0) continue;
    out.push({ start: m.index, end, number });
    numeral.lastIndex = end;
  }
  return out;
}

/** Two table labels with at most a little space between: a table's header or rows, not prose. */
function anchorIn(line: string, from: number, to: number): number | undefined {
  for (let at = from; at < to; at++) {
    const a = labelAt(line, at);
    if (!a || a.end > to) continue;
    let next = a.end;
    while (next < to && next - a.end < 3 && SPACE.test(line[next])) next++;
    if (labelAt(line, next)) return at;
  }
  return undefined;
}

/** What every block label of table 二 starts with (第二十条第（一）项 …), from the declaration. */
const blockStart = fromTemplates(() => (allLabels().find(e => e.kind === 'block')?.canonical ?? '第二十条').slice(0, 4));

const CHROME = /<!--[\s\S]*?-->|当前位置[:：]|来源[:：]|时间[:：]|全真版|文字版|(?:文件|附件)下载|相关链接[:：]|抄送[:：]|-->/g;
/**
 * A footer's date, `2021年1月20日印发`; the footer starts with the words before it (the body
 * that issued it), back to a space, 。 or ；. Found from the date, then walked back: a pattern
 * starting with those words (`[^\s。；]*…`) tried every position of a long run of text without
 * spaces, ≈ 30 % of a keystroke on a 1 MB web line.
 */
const FOOTER_DATE = /(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发/g;
const DATE = /(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/g;
const TITLE = /(?<=^|[\s\u3000])[^\s，。：；、《》“”]{4,60}?(?:政府信息公开(?:工作)?(?:年度)?报告|年度报告)(?!》)/g;
/** The crawler's header `标题: …`: the title on a line of its own (its `发布时间:` line is read by dates.ts). */
const HEADER = /^标题[:：][ \t\u3000]*/;

/**
 * Whether two different part numerals stand with their 、 in the line: a cheap test that
 * spares every long paragraph of ordinary text the heading search (a web line has two
 * headings). It counts the marks headingsOf starts from (NUMERAL_MARK), so a line it
 * passes by cannot hold two headings of different numbers.
 */
function twoNumerals(line: string): boolean {
  if (!line.includes('、')) return false;
  const mark = new RegExp(NUMERAL_MARK);
  let first = '';
  for (let m = mark.exec(line); m; m = mark.exec(line)) {
    if (!first) first = m[0][0];
    else if (m[0][0] !== first) return true;
  }
  return false;
}

/**
 * Where the line is cut into logical lines (offsets, ascending, inside the line), or
 * undefined when it is not web text. A logical line never starts with a space: the space
 * before a cut stays at the end of the line before.
 */
export function segmentLine(line: string): number[] | undefined {
  const header = HEADER.exec(line);
  if (header) return header[0].length < line.length && header[0].length > 0 ? [header[0].length] : undefined;
  if (line.length < MIN_WEB_LINE || !twoNumerals(line)) return undefined;
  const headings = headingsOf(line);
  if (new Set(headings.map(h => h.number)).size < 2) return undefined;

  const cuts: number[] = [];
  const cut = (at: number) => { cuts.push(at); };
  for (const h of headings) { cut(h.start); cut(h.end); }

  // Table zones: from the first two labels that stand together to the next part heading.
  // Tables stand under parts 二, 三 and 四; elsewhere only a 第二十条 block starts one (a
  // report that lost its part 二 heading).
  let prev = 0, under = 0;
  for (let k = 0; k <= headings.length; k++) {
    const to = k < headings.length ? headings[k].start : line.length;
    const rel = zoneCuts(line, prev, to, under >= 2 && under <= 4);
    for (let i = 0; i < rel.length; i++) cuts.push(rel[i] + prev);
    if (k < headings.length) { prev = headings[k].end; under = headings[k].number; }
  }

  // A numeral written twice (三三、本年度办理结果): the first is debris.
  for (const m of line.matchAll(/([一二三四五六七八九十])\1(?=[ \u3000]*、)/g)) { cut(m.index!); cut(m.index! + 1); }

  // The title before each part 一 (several reports may share the line); chrome anywhere.
  headings.forEach((h, k) => {
    if (h.number !== 1) return;
    const from = k ? headings[k - 1].end : 0;
    for (const m of line.slice(from, h.start).matchAll(TITLE)) {
      if (classifyTitle(m[0])) { cut(from + m.index!); cut(from + m.index! + m[0].length); }
    }
  });
  for (const m of line.matchAll(CHROME)) { cut(m.index!); cut(m.index! + m[0].length); }

  // After each part 六: the signature date on a line of its own, the signing body before it; 印发 footers whole.
  headings.forEach((six, k) => {
    if (six.number !== 6) return;
    const to = k + 1 < headings.length ? headings[k + 1].start : line.length;
    const tail = line.slice(0, to);
    const footers: [number, number][] = [];
    FOOTER_DATE.lastIndex = six.end;
    for (let m = FOOTER_DATE.exec(tail), from = six.end; m; m = FOOTER_DATE.exec(tail)) {
      let start = m.index;
      while (start > from && /\s/.test(line[start - 1])) start--;
      while (start > from && !/[\s。；]/.test(line[start - 1])) start--;
      const end = m.index + m[0].length;
      footers.push([start, end]); cut(start); cut(end);
      from = end;
    }
    DATE.lastIndex = six.end;
    for (let m = DATE.exec(tail); m; m = DATE.exec(tail)) {
      const s = m.index, e = s + m[0].length;
      if (footers.some(([a, b]) => s >= a && e <= b)) continue;
      if (e < line.length && !SPACE.test(line[e]) && !/^(?:抄送|附件)/.test(line.slice(e, e + 2)) && e < to) continue;
      cut(s); cut(e);
      // The signing body: back to the end of the last sentence.
      let b = s;
      while (b > six.end && s - b < 40 && !/[。；！？\s]/.test(line[b - 1])) b--;
      if (b < s) cut(b);
    }
  });
  return normalize(cuts, line);
}

/** The characters SPACE matches, by code (no regex per character on a long line). */
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff;

/** Cuts moved past spaces, sorted, unique, inside the line. */
function normalize(cuts: number[], line: string): number[] {
  const moved = new Int32Array(cuts.length);
  let n = 0;
  for (let c of cuts) {
    while (c < line.length && isSpace(line.charCodeAt(c))) c++;
    if (c > 0 && c < line.length) moved[n++] = c;
  }
  const sorted = moved.subarray(0, n).sort();
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (!i || sorted[i] !== sorted[i - 1]) out.push(sorted[i]);
  return out;
}

/** Cuts of the text between two part headings, by its text (a keystroke re-cuts a long line whose other parts are as they were). */
const zoneMemo = templateMemo<string, number[]>();

/** The table zone's cuts in [from, to), relative to `from`. */
function zoneCuts(line: string, from: number, to: number, tablePart: boolean): readonly number[] {
  const text = line.slice(from, to);
  const key = (tablePart ? '1' : '0') + text;
  let rel = zoneMemo.get(key);
  if (!rel) {
    rel = cutZone(text, tablePart);
    if (zoneMemo.size > 4000) zoneMemo.clear();
    zoneMemo.set(key, rel);
  }
  return rel;
}

function cutZone(text: string, tablePart: boolean): number[] {
  const out: number[] = [];
  let start = 0;
  if (!tablePart) {
    start = text.indexOf(blockStart());
    if (start < 0) return out;
  }
  const anchor = anchorIn(text, start, text.length);
  if (anchor === undefined) return out;
  let at = anchor;
  while (at < text.length) {
    const a = labelAt(text, at);
    if (a) { out.push(at, a.end); at = a.end; continue; }
    // Cells between labels: each run of non-space characters its own logical line.
    if (SPACE.test(text[at]) && at + 1 < text.length && !SPACE.test(text[at + 1])) out.push(at + 1);
    at++;
  }
  return out;
}
