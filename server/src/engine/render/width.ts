// Display width in a monospace editor: CJK and full-width characters take two columns.
// A few ranges of Unicode's East Asian Width (W and F) cover every label and number a
// report holds; ambiguous characters (“ ” —) count as one, as most editors draw them.

const WIDE: readonly [number, number][] = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x2e80, 0x303e], // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
  [0x3041, 0x33ff], // kana, Bopomofo, Hangul compatibility, Kanbun, CJK strokes, enclosed, compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // full-width ASCII forms
  [0xffe0, 0xffe6], // full-width signs
  [0x1f300, 0x1f64f], // pictographs, emoticons
  [0x1f900, 0x1f9ff], // supplemental pictographs
  [0x20000, 0x3fffd], // CJK extensions B and later
];

const ZERO = /[\u0300-\u036f\u200b-\u200f\ufe00-\ufe0f]/;

export function isWide(codePoint: number): boolean {
  for (const [lo, hi] of WIDE) {
    if (codePoint < lo) return false;
    if (codePoint <= hi) return true;
  }
  return false;
}

/** Columns the text occupies in a monospace editor. */
export function displayWidth(text: string): number {
  let n = 0;
  for (const ch of text) {
    if (ZERO.test(ch)) continue;
    n += isWide(ch.codePointAt(0)!) ? 2 : 1;
  }
  return n;
}
