// Text items → lines: items on one baseline joined left to right, CJK runs without spaces.
import type { TextItem } from './pdf-types';

const ASCII_WORD = /[A-Za-z0-9.,:;%@\-+/()]/;
/** Whether two pieces of text meet where a space belongs (between Latin letters or digits). */
export const spaced = (before: string, after: string) => ASCII_WORD.test(before[before.length - 1] ?? '') && ASCII_WORD.test(after[0] ?? '');

/** Items on one line: by baseline, then left to right; one string, CJK runs without spaces. */
export function joinLine(items: TextItem[]): string {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  let out = '';
  let end = -Infinity;
  for (const it of sorted) {
    const gap = it.x - end;
    if (out && gap > it.size * 0.25 && spaced(out, it.text)) out += ' ';
    out += it.text;
    end = it.x + it.width;
  }
  return tidy(out);
}

/** Spaces a word processor spread between CJK characters (， 邮 编 ：) taken out. */
const tidy = (s: string) => s.replace(/(?<=[^\x00-\x7f]) +(?=[^\x00-\x7f])/g, '').replace(/(?<=[^\x00-\x7f]) +(?=[0-9])|(?<=[0-9]) +(?=[^\x00-\x7f])/g, '').trim();

export interface Line { items: TextItem[]; y: number; x: number; right: number; size: number; text: string }

/** Items grouped into lines by baseline (within half the larger font size), top to bottom. */
export function lines(items: TextItem[]): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextItem[][] = [];
  for (const it of sorted) {
    const g = groups.find(l => Math.abs(l[0].y - it.y) < Math.max(l[0].size, it.size) * 0.5);
    if (g) g.push(it); else groups.push([it]);
  }
  return groups.map(g => ({
    items: g,
    y: Math.max(...g.map(i => i.y)),
    x: Math.min(...g.map(i => i.x)),
    right: Math.max(...g.map(i => i.x + i.width)),
    size: Math.max(...g.map(i => i.size)),
    text: joinLine(g),
  })).filter(l => l.text !== '').sort((a, b) => b.y - a.y);
}
