// User-facing text exists in Simplified Chinese and English; the client's locale picks.
// Messages are declared next to the rule that uses them, as { en, 'zh-cn' } pairs.

export type Locale = 'en' | 'zh-cn';
export interface Msg { en: string; 'zh-cn': string }

/** 'zh', 'zh-CN', 'zh-Hans' … → zh-cn; anything else → en. */
export function localeOf(tag: string | undefined): Locale {
  return tag && /^zh/i.test(tag) ? 'zh-cn' : 'en';
}

/**
 * Control and invisible formatting characters (bidi overrides such as U+202E, zero-width
 * spaces, C0/C1 controls but tab and line ends) as \u escapes: text from a report shown in
 * a message cannot reorder the message, and two labels that look alike are told apart.
 */
export function visible(s: string): string {
  return INVISIBLE.test(s) ? s.replace(INVISIBLE_ALL, c => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`) : s;
}
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');

/** Fills {name} placeholders (their values made visible: see visible()). */
export function fmt(msg: Msg, locale: Locale, args: Record<string, string | number> = {}): string {
  // Split once per template into text and names (odd places): a batch formats many thousands.
  let parts = split.get(msg[locale]);
  if (!parts) split.set(msg[locale], (parts = msg[locale].split(/\{(\w+)\}/)));
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i];
    out += (k in args ? visible(String(args[k])) : `{${k}}`) + parts[i + 1];
  }
  return out;
}
const split = new Map<string, string[]>();

/** Fills a message in both languages, for text made before the reader's locale is known (an import's notes). */
export function fill(msg: Msg, args: Record<string, string | number>): Msg {
  return { en: fmt(msg, 'en', args), 'zh-cn': fmt(msg, 'zh-cn', args) };
}

/** Joins a list the way each language does. */
export function list(items: string[], locale: Locale): string {
  return items.join(locale === 'zh-cn' ? '、' : ', ');
}
