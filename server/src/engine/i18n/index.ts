// User-facing text exists in Simplified Chinese and English; the client's locale picks.
// Messages are declared next to the rule that uses them, as { en, 'zh-cn' } pairs.

export type Locale = 'en' | 'zh-cn';
export interface Msg { en: string; 'zh-cn': string }

/** 'zh', 'zh-CN', 'zh-Hans' … → zh-cn; anything else → en. */
export function localeOf(tag: string | undefined): Locale {
  return tag && /^zh/i.test(tag) ? 'zh-cn' : 'en';
}

/** Fills {name} placeholders. */
export function fmt(msg: Msg, locale: Locale, args: Record<string, string | number> = {}): string {
  // Split once per template into text and names (odd places): a batch formats many thousands.
  let parts = split.get(msg[locale]);
  if (!parts) split.set(msg[locale], (parts = msg[locale].split(/\{(\w+)\}/)));
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i];
    out += (k in args ? String(args[k]) : `{${k}}`) + parts[i + 1];
  }
  return out;
}
const split = new Map<string, string[]>();

/** Joins a list the way each language does. */
export function list(items: string[], locale: Locale): string {
  return items.join(locale === 'zh-cn' ? '、' : ', ');
}
