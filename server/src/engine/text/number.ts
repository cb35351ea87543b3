// Reading what is written in a number cell.

export type CellReading =
  | { kind: 'number'; value: number; unit?: string; signed: boolean }
  | { kind: 'blank'; placeholder: string }
  | { kind: 'text' };

/** Written placeholders that mean "nothing entered": not zero, an omission. */
const PLACEHOLDERS = new Set(['', '/', '-', '—', '——', '－', '无', '\\']);
const UNITS = ['万元', '元', '件', '条', '个', '项', '次'];
const NUMBER = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;

/** Reads a cell's text: a number (full-width digits, thousands separators, sign, unit), a placeholder, or text. */
export function readCell(raw: string): CellReading {
  let s = raw.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '');
  if (PLACEHOLDERS.has(s)) return { kind: 'blank', placeholder: s };
  s = s.replace(/^[－−]/, '-');
  let unit: string | undefined;
  for (const u of UNITS) {
    if (s.endsWith(u) && s.length > u.length) { unit = u; s = s.slice(0, -u.length); break; }
  }
  const m = NUMBER.exec(s);
  if (!m) return { kind: 'text' };
  const digits = m[2].replace(/,/g, '');
  // A number a double cannot hold exactly is not read (not-a-number says why): a count of
  // 9007199254740993 would be shown, added and fixed as ...992.
  if (!exactDigits(digits, m[3])) return { kind: 'text' };
  const value = Number((m[1] ?? '') + digits + (m[3] ?? ''));
  return { kind: 'number', value: Object.is(value, -0) ? 0 : value, unit, signed: m[1] !== undefined };
}

/** Whether the text could be a value at all (cheap pre-check before readCell). */
export const looksNumeric = (s: string) => /^[\s\u00a0\u3000]*[+\-－−]?[0-9０-９]/.test(s);

/** At most 15 significant digits, or an integer up to 2^53 − 1: what a double holds exactly. */
function exactDigits(integer: string, fraction = ''): boolean {
  const whole = integer.replace(/^0+(?=\d)/, '');
  if (!fraction || /^\.0*$/.test(fraction)) return whole.length < 16 || (whole.length === 16 && BigInt(whole) <= BigInt(Number.MAX_SAFE_INTEGER));
  return (whole === '0' ? 0 : whole.length) + fraction.length - 1 <= 15;
}

/** Whether a cell's text is written as a number too large to be read exactly (see readCell). */
export function tooLargeToRead(raw: string): boolean {
  let s = raw.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '').replace(/^[－−]/, '-');
  for (const u of UNITS) if (s.endsWith(u) && s.length > u.length) { s = s.slice(0, -u.length); break; }
  const m = NUMBER.exec(s);
  return !!m && !exactDigits(m[2].replace(/,/g, ''), m[3]);
}

/** Adds as people do (0.1 + 0.2 = 0.3): amounts to six decimals; integers as they are. */
export const roundSum = (x: number): number => (Number.isInteger(x) ? x : Math.round(x * 1e6) / 1e6);

/** Whether a sum is still exact (beyond 2^53 a double rounds integers silently). */
export const isExact = (x: number): boolean => Math.abs(x) <= Number.MAX_SAFE_INTEGER;
