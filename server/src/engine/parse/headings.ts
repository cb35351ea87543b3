// Part headings and title lines, recognised from one line of text.
import { TEMPLATES, currentGeneration, fromTemplates, templateMemo } from '../templates';
import type { MatchHow, Part, Position, Range } from '../model';
import { normalizeLabel, similarity } from '../text/normalize';
import { classifyLabel } from './labels';

export interface HeadingInfo {
  number: number;
  numeral: string;
  standardNumbering: boolean;
  how: MatchHow;
  /** Character range of the heading text (without indentation). */
  start: number;
  end: number;
}

const NUMERALS = '一二三四五六七八九十';
const HEADING = /^([\s\u00a0\u3000\f]*(?:#{1,6}[ \t]*)?)([一二三四五六七八九十]|[0-9０-９]{1,2})[ \t\u3000]*([、.．，,])[\s\u3000]*(\S.*?)[\s\u3000]*$/;
/** The parts as today's generation declares them (every generation declares the same six). */
const parts = fromTemplates(() => TEMPLATES[currentGeneration()].parts.map(p => ({ ...p, norm: normalizeLabel(p.heading), variantNorms: p.variants.map(normalizeLabel) })));
/** What a heading line starts with once its indentation and Markdown marks are skipped: a numeral. */
const STARTS_LIKE_HEADING = /^[\s\u00a0\u3000\f]*(?:#{1,6}[ \t]*)?[一二三四五六七八九十0-9０-９]/;

const memo = templateMemo<string, HeadingInfo | null>();

/** A part heading, or undefined. Table row labels that look like headings (四、结转下年度继续办理) are not. */
export function classifyHeading(line: string): HeadingInfo | undefined {
  if (line.length > 80 || line.includes('\t') || line.includes('|') || !STARTS_LIKE_HEADING.test(line)) return undefined;
  // Memoized by text: every line is asked once for section bounds, headings again when parsed.
  const hit = memo.get(line);
  if (hit !== undefined) return hit ?? undefined;
  const result = classifyUncached(line);
  if (memo.size > 20000) memo.clear();
  memo.set(line, result ?? null);
  return result;
}

function classifyUncached(line: string): HeadingInfo | undefined {
  const m = HEADING.exec(line);
  if (!m) return undefined;
  const [, indent, numeral, punct, rest] = m;
  if (rest.length > 40) return undefined;
  const written = line.slice(indent.length).trimEnd();
  if (classifyLabel(written).matches.some(x => x.entry.kind === 'row' || x.entry.kind === 'group')) return undefined;

  const ascii = /[0-9０-９]/.test(numeral);
  const norm = normalizeLabel(rest);
  let best: { number: number; how: MatchHow; score: number } | undefined;
  for (const p of parts()) {
    let how: MatchHow | undefined;
    let score = 0;
    if (rest === p.heading) { how = 'exact'; score = 1; }
    else if (norm === p.norm) { how = 'normalized'; score = 1; }
    else if (p.variantNorms.some(v => v === norm)) { how = 'variant'; score = 0.95; }
    else {
      const sim = Math.max(similarity(norm, p.norm), ...p.variantNorms.map(v => similarity(norm, v)));
      const keyword = p.keywords.some(k => norm.includes(k));
      // ASCII-numbered lines are list items in prose unless they read like the heading itself.
      if (sim >= 0.6 || (!ascii && keyword)) { how = 'fuzzy'; score = Math.max(sim, keyword ? 0.6 : 0); }
    }
    if (how && (!best || score > best.score)) best = { number: p.number, how, score };
  }
  if (!best) return undefined;
  const value = ascii ? Number(numeral.normalize('NFKC')) : NUMERALS.indexOf(numeral) + 1;
  return {
    number: best.number,
    numeral,
    standardNumbering: !ascii && punct === '、' && value === best.number,
    how: best.how,
    start: indent.length,
    end: indent.length + written.length,
  };
}

const TITLE = /政府信息公开(?:工作)?(?:年度)?报告|年度报告$/;
/** A title line (…年度报告), with the year it names if any. */
export function classifyTitle(line: string): { year?: number; start: number; end: number } | undefined {
  if (!line.includes('报告')) return undefined; // what TITLE needs, found without trimming every line
  const t = line.trim();
  if (!t || t.length > 60 || !TITLE.test(t) || /[。，,；;]/.test(t) || /^(本|根据|按照)/.test(t)) return undefined;
  const y = /((?:19|20)\d\d)\s*年/.exec(t.normalize('NFKC'));
  const start = line.indexOf(t);
  return { year: y ? Number(y[1]) : undefined, start, end: start + t.length };
}

// The numbering as the parser accepts it (parse/headings.ts): a numeral, a mark, spaces.
const NUMBERING = /^([一二三四五六七八九十]|[0-9０-９]{1,2})[ \t\u3000]*([、.．，,])[\s\u3000]*/;

/** A written heading split into its numbering (with the spaces after it) and its wording. */
export function headingSpans(part: Part): { numbering: Range; wording: Range; numberingText: string; wordingText: string } | undefined {
  const m = NUMBERING.exec(part.text);
  if (!m) return undefined;
  const { line, character } = part.range.start;
  const at = (c: number): Position => ({ line, character: character + c });
  return {
    numbering: { start: at(0), end: at(m[0].length) },
    wording: { start: at(m[0].length), end: at(part.text.length) },
    numberingText: m[0].trim(),
    wordingText: part.text.slice(m[0].length),
  };
}
