// Does a plain-text or Markdown document hold a 政府信息公开年报? The client asks
// (DETECT_REQUEST) before it offers the nianbao language; pure, so it is tested on the real samples. Everything it looks for comes from the template declarations.
import { GENERATIONS, TEMPLATES } from '../engine/templates';
import { classifyHeading } from '../engine/parse/headings';
import { segmentLine } from '../engine/parse/web';

/** Reports are a few hundred lines; a long file's signature is near its start anyway. */
const MAX_LINES = 5000;
const MIN_TABLE_LABEL = 8;

/** Compares the way PDF extractions break labels: full-width folded, every space dropped. */
const squash = (s: string) => s.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '');
/** '一、', '(三)', '4.' before a row label. */
const ORDINAL = /^(?:[一二三四五六七八九十]+[、,.]|\([一二三四五六七八九十]+\)|\d+[.、])/;

/**
 * Labels only a report's tables print: block labels (第二十条第（一）项) and the long top-level
 * row labels (本年新收政府信息公开申请数量), squashed. Short ones (规章, 总计) are too common.
 */
export const TABLE_SIGNATURES: readonly string[] = [...new Set(GENERATIONS.flatMap(gen =>
  TEMPLATES[gen].tables.flatMap(t => t.blocks.flatMap(b => [
    ...(b.label ? [b.label] : []),
    ...b.rows.filter(r => !r.group && r.label).map(r => r.label!),
  ])),
).map(l => squash(l).replace(ORDINAL, '')).filter(l => l.length >= MIN_TABLE_LABEL))];

export interface Signature {
  /** Part numbers (1–6) whose heading was found, numbered as the template numbers them. */
  parts: number[];
  /** Table labels found. */
  tableLabels: string[];
}

export function reportSignature(text: string): Signature {
  const lines = text.split(/\r?\n/, MAX_LINES);
  const parts = new Set<number>();
  for (const line of lines) {
    // A crawled page holds the whole report on one line: its pieces are the lines (parse/web.ts).
    const cuts = segmentLine(line);
    const pieces = cuts ? [0, ...cuts].map((c, i) => line.slice(c, cuts[i] ?? line.length)) : [line];
    for (const piece of pieces) {
      const h = classifyHeading(piece);
      if (h?.standardNumbering) parts.add(h.number);
    }
  }
  const squashed = squash(lines.join('\n'));
  return { parts: [...parts].sort(), tableLabels: TABLE_SIGNATURES.filter(l => squashed.includes(l)) };
}

/** At least two part headings and one standard table label: a note that mentions 年度报告 is not a report. */
export function looksLikeReport(text: string): boolean {
  // Cheap reject first: most plain-text files carry no table label at all.
  const squashed = squash(text.split(/\r?\n/, MAX_LINES).join('\n'));
  if (!TABLE_SIGNATURES.some(l => squashed.includes(l))) return false;
  return reportSignature(text).parts.length >= 2;
}
