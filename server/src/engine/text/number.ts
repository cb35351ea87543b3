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
  const value = Number((m[1] ?? '') + m[2].replace(/,/g, '') + (m[3] ?? ''));
  if (!Number.isFinite(value)) return { kind: 'text' };
  return { kind: 'number', value: Object.is(value, -0) ? 0 : value, unit, signed: m[1] !== undefined };
}

/** Whether the text could be a value at all (cheap pre-check before readCell). */
export const looksNumeric = (s: string) => /^[\s\u00a0\u3000]*[+\-－−]?[0-9０-９]/.test(s);
