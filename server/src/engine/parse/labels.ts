// Tolerant matching of written labels against every label the templates declare.
// Levels, strictest first: exact, normalized (brackets, spaces, 顿号), a declared variant,
// a prefix (a label broken across lines), then a close typo. Ambiguity is never guessed.
import { GENERATIONS, TEMPLATES, fromTemplates, templateMemo, type Generation, type TableId } from '../templates';
import { hasCjk, normalizeLabel, similarity } from '../text/normalize';
import type { MatchHow } from '../model';

export type LabelKind = 'row' | 'group' | 'block' | 'column' | 'header';

export interface LabelEntry {
  table: TableId;
  kind: LabelKind;
  /** Row, group, block or column id; the label itself for header labels. */
  id: string;
  canonical: string;
  norm: string;
  variantNorms: string[];
  generations: Generation[];
  /** Block the row or column belongs to (table 二). */
  block?: string;
  ordinal?: string;
}

export interface LabelMatch { entry: LabelEntry; how: MatchHow; score: number }

/** '2.', '(三)', '一,' … as normalized; used to compare only labels of the same rank. */
export function ordinalOf(norm: string): string | undefined {
  const m = /^(\d+\.|\([一二三四五六七八九十]\)|[一二三四五六七八九十],)/.exec(norm);
  return m?.[1];
}

function buildEntries(): LabelEntry[] {
  const byKey = new Map<string, LabelEntry>();
  const add = (gen: Generation, e: Omit<LabelEntry, 'norm' | 'variantNorms' | 'generations' | 'ordinal'> & { variants?: string[] }) => {
    const key = `${e.table}|${e.kind}|${e.id}|${e.canonical}|${e.block ?? ''}`;
    const found = byKey.get(key);
    if (found) { if (!found.generations.includes(gen)) found.generations.push(gen); return; }
    const norm = normalizeLabel(e.canonical);
    byKey.set(key, {
      table: e.table, kind: e.kind, id: e.id, canonical: e.canonical, block: e.block, norm,
      variantNorms: (e.variants ?? []).map(normalizeLabel), generations: [gen], ordinal: ordinalOf(norm),
    });
  };
  for (const gen of GENERATIONS) {
    for (const t of TEMPLATES[gen].tables) {
      for (const h of t.headerLabels) add(gen, { table: t.id, kind: 'header', id: h, canonical: h });
      for (const g of t.groups) add(gen, { table: t.id, kind: 'group', id: g.id, canonical: g.label, variants: g.variants });
      for (const b of t.blocks) {
        if (b.label) add(gen, { table: t.id, kind: 'block', id: b.id, canonical: b.label, variants: b.variants });
        for (const c of b.columns) add(gen, { table: t.id, kind: 'column', id: c.id, canonical: c.label, variants: c.variants, block: b.id });
        for (const r of b.rows) if (r.label) add(gen, { table: t.id, kind: 'row', id: r.id, canonical: r.label, variants: r.variants, block: b.id });
      }
    }
  }
  return [...byKey.values()];
}

/** Every label the templates in use declare, and lookups of them by normalized text. */
const index = fromTemplates(() => {
  const labels: readonly LabelEntry[] = buildEntries();
  const exact = new Map<string, LabelEntry[]>();
  const variant = new Map<string, LabelEntry[]>();
  for (const e of labels) {
    exact.set(e.norm, [...(exact.get(e.norm) ?? []), e]);
    for (const v of e.variantNorms) variant.set(v, [...(variant.get(v) ?? []), e]);
  }
  return { labels, exact, variant, allNorms: labels.map(e => e.norm) };
});

/** Every label the templates in use declare. */
export const allLabels = (): readonly LabelEntry[] => index().labels;

/**
 * The label tells `gen` apart: it is declared in `gen` and not in every generation in use
 * (with two generations: in that one only). What placement counts as evidence.
 */
export const distinguishes = (entry: LabelEntry, gen: Generation): boolean =>
  entry.generations.length < GENERATIONS.length && entry.generations.includes(gen);

export interface Classified {
  /** Every label the text matches at the best level found (several tables may share a label). */
  matches: LabelMatch[];
  /** A piece of a label (a label broken over lines in PDF text): not a label itself. */
  fragment: boolean;
}

const NONE: Classified = { matches: [], fragment: false };
const memo = templateMemo<string, Classified>();

/** Classifies a cell's text against all template labels. Pure; memoized by text. */
export function classifyLabel(raw: string): Classified {
  const hit = memo.get(raw);
  if (hit) return hit;
  const result = classifyUncached(raw);
  if (memo.size > 20000) memo.clear();
  memo.set(raw, result);
  return result;
}

/**
 * Longer than any label could be, even padded: prose. Checked before normalizing, whose
 * trailing-punctuation pattern takes quadratic time on a long run of commas or colons.
 */
const MAX_LABEL_SOURCE = 1000;

function classifyUncached(raw: string): Classified {
  if (raw.length > MAX_LABEL_SOURCE) return NONE;
  const text = raw.trim();
  const norm = normalizeLabel(text);
  if (!norm || !hasCjk(norm)) return NONE;
  const { labels: LABELS, exact, variant, allNorms } = index();
  const ex = exact.get(norm);
  if (ex) return { matches: ex.map(entry => ({ entry, how: text === entry.canonical ? 'exact' : 'normalized', score: 1 })), fragment: false };
  const va = variant.get(norm);
  if (va) return { matches: va.map(entry => ({ entry, how: 'variant' as const, score: 1 })), fragment: false };
  if (norm.length > 80) return NONE; // prose, not a label

  // A label broken across lines: the written text starts the label, or the label is followed by a short tail.
  const prefixed = LABELS.filter(e =>
    (norm.length >= 4 && e.norm.length > norm.length && e.norm.startsWith(norm) && norm.length >= e.norm.length * 0.35) ||
    (e.norm.length >= 4 && norm.startsWith(e.norm) && norm.length - e.norm.length <= 6 && e.kind !== 'header'));
  if (prefixed.length) {
    const best = Math.max(...prefixed.map(e => Math.min(e.norm.length, norm.length) / Math.max(e.norm.length, norm.length)));
    const top = prefixed.filter(e => Math.min(e.norm.length, norm.length) / Math.max(e.norm.length, norm.length) === best);
    if (sameThing(top)) return { matches: top.map(entry => ({ entry, how: 'prefix' as const, score: best })), fragment: false };
  }
  if (allNorms.some(n => n.includes(norm))) return { matches: [], fragment: true };

  // A typo: compare with labels of the same rank only; refuse when two are about as close.
  if (norm.length < 3 || norm.length > 60) return NONE;
  const ord = ordinalOf(norm);
  const pool = LABELS.filter(e => e.ordinal === ord && e.kind !== 'header');
  let best: { e: LabelEntry; s: number }[] = [];
  let second = 0;
  for (const e of pool) {
    const s = Math.max(similarity(norm, e.norm), ...e.variantNorms.map(v => similarity(norm, v)));
    if (best.length && Math.abs(s - best[0].s) < 1e-9) best.push({ e, s });
    else if (!best.length || s > best[0].s) { second = best[0]?.s ?? second; best = [{ e, s }]; }
    else if (s > second) second = s;
  }
  if (best.length && best[0].s >= 0.7 && best[0].s - second >= 0.15 && sameThing(best.map(b => b.e))) {
    return { matches: best.map(b => ({ entry: b.e, how: 'fuzzy' as const, score: b.s })), fragment: false };
  }
  return NONE;
}

/** Several entries are "the same thing" when they are one label seen in several tables/generations. */
function sameThing(entries: LabelEntry[]): boolean {
  return entries.every(e => e.canonical === entries[0].canonical);
}
