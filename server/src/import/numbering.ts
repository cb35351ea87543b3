// Automatic list numbering as text: Word's numFmt values (ECMA-376 ST_NumberFormat) and
// the counters behind them, so that 一、 二、 （一） 1. come out as the reader sees them.

const DIGITS = '零一二三四五六七八九';
const LEGAL = '零壹贰叁肆伍陆柒捌玖';
const TIANGAN = '甲乙丙丁戊己庚辛壬癸';
const DIZHI = '子丑寅卯辰巳午未申酉戌亥';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (counts as Chinese documents write them). */
export function chineseCount(n: number, digits = DIGITS, ten = '十', hundred = '百', thousand = '千'): string {
  if (n <= 0 || n >= 10000) return String(n);
  const units = ['', ten, hundred, thousand];
  const parts = String(n).split('').map(Number).reverse();
  let out = '';
  let zero = false;
  for (let i = parts.length - 1; i >= 0; i--) {
    const d = parts[i];
    if (d === 0) { zero = out !== ''; continue; }
    if (zero) { out += digits[0]; zero = false; }
    // 十二, not 一十二, when ten is the highest place.
    out += (d === 1 && i === 1 && parts.length === 2 && digits === DIGITS ? '' : digits[d]) + units[i];
  }
  return out;
}

const roman = (n: number): string => {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
};
const letter = (n: number) => String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
const enclosed = (n: number, first: number) => (n >= 1 && n <= 20 ? String.fromCodePoint(first + n - 1) : String(n));

/** A counter value in one of Word's number formats; undefined for bullets and none. */
export function formatNumber(n: number, numFmt: string): string | undefined {
  switch (numFmt) {
    case 'bullet': case 'none': return undefined;
    case 'chineseCounting': case 'chineseCountingThousand': case 'japaneseCounting': case 'taiwaneseCounting': case 'taiwaneseCountingThousand': case 'ideographDigital': return chineseCount(n);
    case 'chineseLegalSimplified': case 'koreanLegal': return chineseCount(n, LEGAL, '拾', '佰', '仟');
    case 'ideographTraditional': return TIANGAN[(n - 1) % 10];
    case 'ideographZodiac': return DIZHI[(n - 1) % 12];
    case 'decimalEnclosedCircle': case 'decimalEnclosedCircleChinese': case 'ideographEnclosedCircle': return enclosed(n, 0x2460);
    case 'decimalEnclosedParen': return enclosed(n, 0x2474);
    case 'decimalEnclosedFullstop': return enclosed(n, 0x2488);
    case 'decimalFullWidth': case 'decimalFullWidth2': return String(n).replace(/[0-9]/g, d => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    case 'lowerLetter': return letter(n);
    case 'upperLetter': return letter(n).toUpperCase();
    case 'lowerRoman': return roman(n);
    case 'upperRoman': return roman(n).toUpperCase();
    default: return String(n);
  }
}

export interface Level { start: number; numFmt: string; lvlText: string; suffix: 'tab' | 'space' | 'nothing' }

/**
 * Counters of list levels. `next(key, levels, ilvl)` advances level `ilvl` of the list
 * `key`, restarts the deeper levels, and returns the label text (lvlText with %1…%9 filled).
 */
export class ListCounters {
  private counters = new Map<string, number[]>();

  next(key: string, levels: readonly (Level | undefined)[], ilvl: number): string | undefined {
    const level = levels[ilvl];
    if (!level) return undefined;
    const c = this.counters.get(key) ?? [];
    c[ilvl] = c[ilvl] === undefined ? level.start : c[ilvl] + 1;
    c.length = ilvl + 1;
    this.counters.set(key, c);
    if (level.numFmt === 'bullet' || level.numFmt === 'none') return undefined;
    const text = level.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const l = levels[i];
      return l ? formatNumber(c[i] ?? l.start, l.numFmt) ?? '' : '';
    });
    // A tab after 一、 or （一） is layout, not text; after 1 or a it reads as a space.
    const sep = level.suffix === 'nothing' || /[、．.)）:：]$/.test(text) ? '' : ' ';
    return text + sep;
  }
}
