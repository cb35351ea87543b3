// Mutations of real reports, the way text gets damaged in practice: lines and cells
// lost, doubled or swapped, digits changed, CJK and control characters slipped in, a
// table's encoding switched halfway. Each takes the text and a random source in [0, 1).
// Shared by the property tests (test/engine/properties.test.ts, fast-check) and the long fuzz run.

export type Random = () => number;
export type Mutation = (text: string, random: Random) => string;

const pick = <T>(xs: readonly T[], random: Random): T => xs[Math.floor(random() * xs.length) % xs.length];
const lines = (text: string) => text.split('\n');
const lineAt = (ls: string[], random: Random) => Math.floor(random() * ls.length) % ls.length;

/** Indices of lines that hold cells (tabs or pipes) or numbers: where tables are. */
function tableLines(ls: string[]): number[] {
  const out: number[] = [];
  ls.forEach((l, i) => { if (/[\t|]|\d/.test(l)) out.push(i); });
  return out;
}
const tableLineAt = (ls: string[], random: Random) => {
  const t = tableLines(ls);
  return t.length ? pick(t, random) : lineAt(ls, random);
};

const CJK = ['总计', '其他', '一、', '（三）', '年', '件', '万元', '無', '０', '１２', '〇', '、', '：', '；', '（', '）', '“', '》'];
const CONTROL = ['\u0000', '\u0001', '\u0007', '\b', '\u000b', '\f', '\u001b', '\u007f', '\u0085', '\u200b', '\u200e', '\u2028', '\u2029', '\ufeff', '\ufffd', '\ud800', '\udc00', '\r'];
const PLACEHOLDERS = ['/', '—', '无', '-', '——', '\\', ' ', '\u3000', '\u00a0'];

export const MUTATIONS: Record<string, Mutation> = {
  deleteLine(text, random) {
    const ls = lines(text);
    ls.splice(tableLineAt(ls, random), 1 + Math.floor(random() * 3));
    return ls.join('\n');
  },
  duplicateLine(text, random) {
    const ls = lines(text);
    const i = tableLineAt(ls, random);
    ls.splice(i, 0, ...ls.slice(i, i + 1 + Math.floor(random() * 4)));
    return ls.join('\n');
  },
  swapLines(text, random) {
    const ls = lines(text);
    const i = tableLineAt(ls, random);
    const j = Math.min(ls.length - 1, Math.max(0, i + Math.floor(random() * 7) - 3));
    [ls[i], ls[j]] = [ls[j], ls[i]];
    return ls.join('\n');
  },
  deleteCell(text, random) {
    const ls = lines(text);
    const i = tableLineAt(ls, random);
    const sep = ls[i].includes('\t') ? '\t' : '|';
    const cells = ls[i].split(sep);
    if (cells.length > 1) cells.splice(Math.floor(random() * cells.length), 1);
    ls[i] = cells.join(sep);
    return ls.join('\n');
  },
  duplicateCell(text, random) {
    const ls = lines(text);
    const i = tableLineAt(ls, random);
    const sep = ls[i].includes('\t') ? '\t' : '|';
    const cells = ls[i].split(sep);
    const k = Math.floor(random() * cells.length);
    cells.splice(k, 0, cells[k]);
    ls[i] = cells.join(sep);
    return ls.join('\n');
  },
  swapCells(text, random) {
    const ls = lines(text);
    const i = tableLineAt(ls, random);
    const sep = ls[i].includes('\t') ? '\t' : '|';
    const cells = ls[i].split(sep);
    const a = Math.floor(random() * cells.length), b = Math.floor(random() * cells.length);
    [cells[a], cells[b]] = [cells[b], cells[a]];
    ls[i] = cells.join(sep);
    return ls.join('\n');
  },
  changeDigit(text, random) {
    const digits = [...text.matchAll(/\d/g)];
    if (!digits.length) return text;
    const m = pick(digits, random);
    const repl = pick(['0', '1', '7', '9', '', '12', '-3', '+', '.5', '０', '１,234', '1,234', '٣'], random);
    return text.slice(0, m.index) + repl + text.slice(m.index! + 1);
  },
  replaceNumber(text, random) {
    const nums = [...text.matchAll(/\d+/g)];
    if (!nums.length) return text;
    const m = pick(nums, random);
    const repl = pick([...PLACEHOLDERS, '', '0', '99999999999999999999', '1e9', 'NaN', '０１２', '1,234', ' 5 ', '\u30005\u3000', '3件', '2.5万元', '-0'], random);
    return text.slice(0, m.index) + repl + text.slice(m.index! + m[0].length);
  },
  insertCjk(text, random) {
    const at = Math.floor(random() * (text.length + 1));
    return text.slice(0, at) + pick(CJK, random) + text.slice(at);
  },
  insertControl(text, random) {
    const at = Math.floor(random() * (text.length + 1));
    return text.slice(0, at) + pick(CONTROL, random) + text.slice(at);
  },
  /** From a random table line on, cell-per-line tab cells become pipe cells, or the other way round. */
  switchEncoding(text, random) {
    const ls = lines(text);
    const from = tableLineAt(ls, random);
    const to = Math.min(ls.length, from + 10 + Math.floor(random() * 60));
    for (let i = from; i < to; i++) {
      const l = ls[i];
      if (/^\t[^\t]*$/.test(l)) ls[i] = `${l.slice(1)} |`;
      else if (/^[^|]*\S[^|]* \|\s*$/.test(l)) ls[i] = `\t${l.replace(/\s*\|\s*$/, '')}`;
      else if (l.includes('\t')) ls[i] = `| ${l.split('\t').join(' | ')} |`;
      else if (/^\s*\|.*\|\s*$/.test(l)) ls[i] = l.trim().replace(/^\||\|$/g, '').split('|').map(c => c.trim()).join('\t');
    }
    return ls.join('\n');
  },
  lineEnds(text, random) {
    const eol = pick(['\r\n', '\r', '\n\n', '\u2028'], random);
    const ls = lines(text);
    const from = lineAt(ls, random);
    return ls.slice(0, from).join('\n') + '\n' + ls.slice(from).join(eol);
  },
  fullWidthDigits(text, random) {
    const ls = lines(text);
    const i = tableLineAt(ls, random);
    ls[i] = ls[i].replace(/\d/g, d => String.fromCharCode(0xff10 + Number(d)));
    return ls.join('\n');
  },
  padCells(text, random) {
    const ls = lines(text);
    const i = tableLineAt(ls, random);
    const pad = pick(['\u3000', '\u00a0', '  ', '\t', '\u3000\u3000'], random);
    ls[i] = ls[i].replace(/\d+/g, n => pad + n + pad);
    return ls.join('\n');
  },
  truncate(text, random) {
    return text.slice(0, Math.floor(random() * text.length));
  },
  spliceOtherReport(text, random) {
    // A piece of the same text moved elsewhere: a paste in the wrong place.
    const a = Math.floor(random() * text.length), n = Math.floor(random() * 400);
    const piece = text.slice(a, a + n);
    const at = Math.floor(random() * text.length);
    return text.slice(0, at) + piece + text.slice(at);
  },
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** Applies the named mutations in order, each with its own random source. */
export function mutate(text: string, steps: readonly { name: string; random: Random }[]): string {
  return steps.reduce((t, s) => MUTATIONS[s.name](t, s.random), text);
}
