// Label normalization and similarity: how a written label is compared with the template's.

/**
 * Folds the ways people write the same label: full-width forms (NFKC), every kind of
 * space, 、 for . after an ordinal, quotes, and trailing punctuation.
 */
export function normalizeLabel(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/^#+/, '')
    .replace(/[“”"'‘’「」]/g, '')
    .replace(/^(\d+)[、,]/, '$1.')
    .replace(/[、]/g, ',')
    .replace(/[:;,.。]+$/, '');
}

/** Length of the longest common subsequence (labels are short: O(n·m) is fine). */
export function lcs(a: string, b: string): number {
  if (!a.length || !b.length) return 0;
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = ca === b.charCodeAt(j - 1) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** Similarity in [0, 1]: shared subsequence over the longer string. */
export function similarity(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  return n === 0 ? 1 : lcs(a, b) / n;
}

const CJK = /[\u3400-\u9fff]/;
export const hasCjk = (s: string) => CJK.test(s);
