// not-a-number: words where a count belongs. When the words are a number in disguise
// (a letter O for a zero, l or I for a one, Chinese numerals), the number is offered.
import { cellName } from '../describe';
import { fmt, type Msg } from '../i18n';
import type { Cell, Table, Finding, Fix } from '../model';
import { readCell, tooLargeToRead } from '../text/number';
import type { Rule, RuleContext } from './types';
import { cellsOf } from './cells';

const M = {
  text: {
    en: '{cell} holds 「{text}」, which is not a number; the table needs a number here.',
    'zh-cn': '{cell}填写为「{text}」，不是数字；此处应填写数字。',
  },
  meant: { en: ' Perhaps {value} was meant.', 'zh-cn': '可能应为 {value}。' },
  tooLarge: {
    en: '{cell} holds {text}, a number too large to be read exactly (above 9007199254740991, or more than 15 significant digits): it is not read, and no total is computed from it.',
    'zh-cn': '{cell}填写为 {text}，数值过大，无法精确读取（超过 9007199254740991 或有效数字多于 15 位）：该单元格不予读取，也不据此计算合计。',
  },
  fix: { en: 'Replace 「{text}」 with {value}', 'zh-cn': '将「{text}」改为 {value}' },
} satisfies Record<string, Msg>;

const doc: Msg = {
  en: 'A cell of a statistical table holds words instead of a number (for example 若干, 1O with a letter O, or 十二 in Chinese numerals), or a number too large to be read exactly (above 2^53 − 1, or with more than 15 significant digits: it would be shown and added rounded). Every cell of the tables is a count or an amount; words cannot be added up, so the table\'s identities cannot be checked and the report cannot be compiled with others. Where the words are clearly a number, that number is offered as a fix.',
  'zh-cn': '统计表中某个单元格填写的是文字而不是数字（如“若干”、把 0 写成字母 O 的“1O”、或汉字数字“十二”），或数值过大无法精确读取（超过 2^53 − 1 或有效数字多于 15 位，否则显示和求和都会被舍入）。表中每个单元格都是数量或金额；文字无法求和，勾稽关系无法核对，报告也无法与其他报告汇总。若文字明显是某个数字，会提供该数字作为修复。',
};

/** Letters that stand in for digits when typed or recognised in haste. */
const LOOKALIKES: Record<string, string> = { O: '0', o: '0', '〇': '0', l: '1', I: '1' };
const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** 十二 → 12, 一百零五 → 105, 三千 → 3000; undefined for anything else. */
export function chineseNumber(s: string): number | undefined {
  if (!s) return undefined;
  if (s.length === 1 && s in CN_DIGITS) return CN_DIGITS[s];
  if (![...s].some(ch => ch in CN_UNITS)) return undefined; // 一二 is not a number anyone writes
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of s) {
    if (ch in CN_DIGITS) {
      if (digit !== undefined && digit !== 0 && CN_DIGITS[ch] !== 0) return undefined; // two digits in a row
      digit = CN_DIGITS[ch];
    } else if (ch === '万') {
      section += digit ?? 0;
      if (section === 0) return undefined;
      total += section * 10000;
      section = 0;
      digit = undefined;
    } else if (ch in CN_UNITS) {
      if (digit === undefined && (section || total)) return undefined; // 十十
      section += (digit ?? 1) * CN_UNITS[ch];
      digit = undefined;
    } else return undefined;
  }
  return total + section + (digit ?? 0);
}

/** The number a cell's words stand for, with the text to write, if the reading is clear. */
export function disguisedNumber(text: string): { value: number; text: string } | undefined {
  const s = text.normalize('NFKC').trim();
  // Look-alike letters among digits (1O → 10, l2 → 12), a lone O or l, a trailing full stop;
  // a word such as "No" is left alone.
  const swapped = [...s].map(ch => LOOKALIKES[ch] ?? ch).join('').replace(/[。.,，、]$/, '');
  if (swapped !== s && (/\d/.test(s) || s.length === 1)) {
    const r = readCell(swapped);
    if (r.kind === 'number') return { value: r.value, text: swapped };
  }
  const unit = /(万元|元|件|条|个|项|次)$/.exec(s)?.[0] ?? '';
  const value = chineseNumber(s.slice(0, s.length - unit.length));
  return value === undefined ? undefined : { value, text: `${value}${unit}` };
}

function finding(ctx: RuleContext, t: Table, cell: Cell): Finding {
  const ref = { table: t.id, row: cell.row, column: cell.column };
  if (tooLargeToRead(cell.text)) {
    const message = fmt(M.tooLarge, ctx.locale, { cell: cellName(t.generation, ref, ctx.locale), text: cell.text });
    return { code: rule.code, severity: rule.severity, message, range: cell.range, fixes: [], cells: [ref] };
  }
  let message = fmt(M.text, ctx.locale, { cell: cellName(t.generation, ref, ctx.locale), text: cell.text });
  const fixes: Fix[] = [];
  const meant = disguisedNumber(cell.text);
  if (meant) {
    message += fmt(M.meant, ctx.locale, { value: meant.text });
    fixes.push({
      title: fmt(M.fix, ctx.locale, { text: cell.text, value: meant.text }),
      edits: [{ range: cell.range, newText: meant.text }],
      preferred: false,
    });
  }
  return { code: rule.code, severity: rule.severity, message, range: cell.range, fixes, cells: [ref] };
}

const rule: Rule = {
  code: 'not-a-number',
  severity: 'error',
  doc,
  checkTable(ctx, t) {
    return cellsOf(t).filter(({ cell }) => cell.kind === 'text').map(({ table, cell }) => finding(ctx, table, cell));
  },
};

export default rule;
