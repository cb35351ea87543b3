// Dates and years in the prose: the statistics period, a signature date, year mentions.
import type { DateFound } from '../model';

const CN_DIGITS: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
/** 二〇二一 → 2021; 十五 → 15; other text unchanged. Same length is not kept: used for reading, not ranges. */
function cnNumber(s: string): string {
  if (/^[〇零一二三四五六七八九]{4}$/.test(s)) return [...s].map(c => CN_DIGITS[c]).join('');
  const m = /^([一二三]?)(十)?([一二三四五六七八九])?$/.exec(s);
  if (m && s) return String((m[2] ? (m[1] ? Number(CN_DIGITS[m[1]]) : 1) * 10 : 0) + (m[3] ? Number(CN_DIGITS[m[3]]) : 0) + (!m[2] && m[1] ? Number(CN_DIGITS[m[1]]) : 0));
  return s;
}

const D = '((?:19|20)\\d\\d|[〇零一二三四五六七八九]{4})\\s*年\\s*(\\d{1,2}|[一二三]?十?[一二三四五六七八九]?)\\s*月\\s*(\\d{1,2}|[一二三]?十?[一二三四五六七八九]?)\\s*日';
const LONE_DATE = new RegExp(`^[\\s\\u3000]*${D}[\\s\\u3000]*$`);
const ANY_DATE = new RegExp(D, 'g');
const YEAR = /((?:19|20)\d\d)\s*年/g;

function toDate(m: RegExpExecArray, line: number, offset: number): DateFound | undefined {
  const year = Number(cnNumber(m[1]));
  const month = Number(cnNumber(m[2]));
  const day = Number(cnNumber(m[3]));
  if (!year || !(month >= 1 && month <= 12) || !(day >= 1 && day <= 31)) return undefined;
  const start = offset + m.index + (m[0].length - m[0].trimStart().length);
  const text = m[0].trim();
  return { year, month, day, text, range: { start: { line, character: start }, end: { line, character: start + text.length } } };
}

/**
 * Every date and year mention holds 年 once normalized; only 年 and U+F98E (a compatibility
 * ideograph) normalize to text holding it, so other lines skip NFKC altogether.
 */
export const MAY_HOLD_YEAR = /[年\uF98E]/;

/** A line that is only a date (a signature date). */
export function loneDate(text: string, line: number): DateFound | undefined {
  if (!MAY_HOLD_YEAR.test(text)) return undefined;
  const m = LONE_DATE.exec(text.normalize('NFKC'));
  return m ? toDate(m, line, 0) : undefined;
}

const PUBLISHED = /^(发布(?:时间|日期)[:：][ \t\u3000]*)((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})/;

/** A crawled page's publication date (its header's `发布时间: 2022-01-14 17:29`). */
export function publishedDate(text: string, line: number): DateFound | undefined {
  if (!text.startsWith('发布')) return undefined;
  const m = PUBLISHED.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[2]), Number(m[3]), Number(m[4])];
  if (!(month >= 1 && month <= 12) || !(day >= 1 && day <= 31)) return undefined;
  const start = m[1].length;
  return { year, month, day, text: m[0].slice(start), range: { start: { line, character: start }, end: { line, character: m[0].length } } };
}

/** Counts "20XX年" mentions in a line. */
export function yearMentions(text: string, into: Record<number, number>): void {
  if (!MAY_HOLD_YEAR.test(text)) return;
  for (const m of text.normalize('NFKC').matchAll(YEAR)) into[Number(m[1])] = (into[Number(m[1])] ?? 0) + 1;
}

/**
 * The statistics period (统计期限 … 自 2024 年 1 月 1 日至 2024 年 12 月 31 日), which PDF text
 * often wraps over two or three lines.
 */
export function findPeriod(lines: readonly string[], firstLine: number): { from: DateFound; to: DateFound } | undefined {
  for (let i = 0; i < lines.length; i++) {
    if (!/统计(期限|时限|期间|时间)|统计数据/.test(lines[i])) continue;
    const found: DateFound[] = [];
    for (let j = i; j < Math.min(lines.length, i + 3) && found.length < 2; j++) {
      const text = lines[j].normalize('NFKC');
      // NFKC keeps lengths for the characters dates use, so ranges stay exact.
      for (const m of text.matchAll(ANY_DATE)) {
        const d = toDate(m as RegExpExecArray, firstLine + j, 0);
        if (d) found.push(d);
      }
    }
    if (found.length >= 2) return { from: found[0], to: found[1] };
  }
  return undefined;
}
