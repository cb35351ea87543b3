// Text files in the encodings Chinese offices save: UTF-8 (with or without BOM), UTF-16
// (Windows "Unicode"), GBK / GB2312 / GB18030. The character set is told by the BOM, by
// UTF-8 validity, by the zero bytes of UTF-16, or by a detector (chardet); the text is
// decoded by iconv-lite. A file whose character set cannot be told is refused: reading it
// anyway would hand the engine mojibake and findings about nonsense.
import type { Msg } from '../engine/i18n';
import * as chardet from 'chardet';
import * as iconv from 'iconv-lite';
import { ImportError, type Importer, type ProvenanceEntry } from './types';

/** The character sets a report may come in, as chardet names them → as iconv-lite decodes them. */
const SUPPORTED: Record<string, string> = {
  'UTF-8': 'utf8', 'UTF-16LE': 'utf16le', 'UTF-16BE': 'utf16be', GB18030: 'gb18030', Big5: 'big5',
};
/** Below this chardet confidence (0–100) a guess is not trusted. */
const MIN_CONFIDENCE = 50;

export interface Decoded { text: string; charset: string; how: 'bom' | 'utf-8' | 'zero bytes' | 'detected' | 'declared'; confidence?: number }

const utf8 = (bytes: Uint8Array, fatal: boolean) => new TextDecoder('utf-8', { fatal, ignoreBOM: true }).decode(bytes);

function isUtf8(bytes: Uint8Array): boolean {
  try { utf8(bytes, true); return true; } catch { return false; }
}

/**
 * UTF-16 without a BOM: ASCII characters (digits, line breaks) leave a zero high byte, so
 * one side of the pairs is often zero; the other side only for the few CJK characters
 * ending in 00 (一 U+4E00).
 */
function utf16ByZeros(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  if (bytes.length < 4 || bytes.length % 2) return undefined;
  let even = 0, odd = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) (i % 2 ? odd++ : even++);
  const pairs = bytes.length / 2;
  if (odd >= pairs * 0.1 && even <= odd / 4) return 'UTF-16LE';
  if (even >= pairs * 0.1 && odd <= even / 4) return 'UTF-16BE';
  return undefined;
}

/** Characters no report holds: C0/C1 controls (tab, line breaks and form feed aside), U+FFFD, lone surrogates. */
const GARBAGE = /[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const decodeWith = (bytes: Uint8Array, charset: string) =>
  iconv.decode(bytes as Buffer, SUPPORTED[charset], { stripBOM: true });

const refuse = (en: string, zh: string) => new ImportError({ en, 'zh-cn': zh });

/**
 * The text of `bytes` and how its character set was told. `declared` (an HTML page's
 * charset, say) is trusted when the bytes are not UTF-8 and it decodes them cleanly.
 * Throws ImportError when the character set cannot be told.
 */
export function decodeText(bytes: Uint8Array, declared?: string): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: utf8(bytes.subarray(3), false), charset: 'UTF-8', how: 'bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checked(bytes, 'UTF-16LE', 'bom');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checked(bytes, 'UTF-16BE', 'bom');
  // Valid UTF-8 first, even against a declaration: pages saved as UTF-8 keep their old gb2312 meta.
  if (isUtf8(bytes)) return { text: utf8(bytes, false), charset: 'UTF-8', how: 'utf-8' };
  const named = declared && charsetName(declared);
  if (named && named !== 'UTF-8') {
    const text = decodeWith(bytes, named);
    if (!GARBAGE.test(text)) return { text, charset: named, how: 'declared' };
  }
  const wide = utf16ByZeros(bytes);
  if (wide) return checked(bytes, wide, 'zero bytes');
  const best = chardet.analyse(bytes).find(m => SUPPORTED[m.name] && m.name !== 'UTF-8');
  if (!best || best.confidence < MIN_CONFIDENCE) {
    throw refuse(
      'The character set of this file cannot be told (it is not UTF-8, UTF-16 or GBK/GB18030 text). Save it as UTF-8 and open it again.',
      '无法判断此文件的字符编码（不是 UTF-8、UTF-16 或 GBK/GB18030 文本）。请另存为 UTF-8 后重新打开。',
    );
  }
  return checked(bytes, best.name, 'detected', best.confidence);
}

function checked(bytes: Uint8Array, charset: string, how: Decoded['how'], confidence?: number): Decoded {
  const text = decodeWith(bytes, charset);
  const bad = GARBAGE.exec(text);
  if (bad) {
    const line = text.slice(0, bad.index).split('\n').length;
    throw refuse(
      `The file reads as ${charset}, but line ${line} holds bytes that are not ${charset} text; the file may be damaged or mix character sets. Save it as UTF-8 and open it again.`,
      `此文件按 ${charset} 读取，但第 ${line} 行含有不属于 ${charset} 的字节；文件可能已损坏或混用了多种编码。请另存为 UTF-8 后重新打开。`,
    );
  }
  return { text, charset, how, confidence };
}

/** A charset label as pages and MIME headers write it → the name used here (GB2312 and GBK read as GB18030, their superset). */
export function charsetName(label: string): string | undefined {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (/^utf-?8$/.test(l)) return 'UTF-8';
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936|windows-936|euc-cn|hz-gb-2312)$/.test(l)) return 'GB18030';
  if (/^utf-?16(le)?$/.test(l)) return 'UTF-16LE';
  if (/^utf-?16be$/.test(l)) return 'UTF-16BE';
  if (/^(big5|big5-hkscs|cp950)$/.test(l)) return 'Big5';
  return undefined;
}

/** The note that says how the text was read. */
export function readAs(d: Decoded, declared?: string): Msg {
  const how = {
    bom: ['its byte order mark', '字节顺序标记'],
    'utf-8': ['valid UTF-8', '有效的 UTF-8'],
    'zero bytes': ['told by its zero bytes', '按零字节判断'],
    detected: [`detected, confidence ${d.confidence}%`, `自动识别，置信度 ${d.confidence}%`],
    declared: [`declared as ${declared ?? d.charset}`, `声明的编码为 ${declared ?? d.charset}`],
  }[d.how];
  return { en: `Read as ${d.charset} (${how[0]}).`, 'zh-cn': `按 ${d.charset} 编码读取（${how[1]}）。` };
}

export const importer: Importer = async (bytes) => {
  const d = decodeText(bytes);
  const provenance: ProvenanceEntry[] = [];
  d.text.split('\n').forEach((line, i) => {
    const end = line.replace(/\r$/, '').length;
    if (line.trim()) provenance.push({ line: i, start: 0, end, source: { kind: 'text', line: i + 1 } });
  });
  const notes = d.charset === 'UTF-8' ? [] : [readAs(d)];
  return { text: d.text, encoding: `text/${d.charset}`, notes, provenance };
};
