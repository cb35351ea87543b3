// Display width in a monospace editor: wide and full-width characters (East Asian Width W
// and F, measured by get-east-asian-width from Unicode's own table) take two columns.
// Ambiguous characters (“ ” —) count as one, as most editors draw them; combining marks,
// zero-width spaces and joiners and variation selectors take none.
import { eastAsianWidth } from 'get-east-asian-width';

const ZERO = /[\u0300-\u036f\u200b-\u200f\u2060\ufe00-\ufe0f]/;

export function isWide(codePoint: number): boolean {
  return eastAsianWidth(codePoint, { ambiguousAsWide: false }) === 2;
}

/** Columns the text occupies in a monospace editor. */
export function displayWidth(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    // ASCII first: the common case, asked for every character of a layout line.
    if (c < 0x7f) { n++; continue; }
    if (ZERO.test(ch)) continue;
    n += isWide(ch.codePointAt(0)!) ? 2 : 1;
  }
  return n;
}
