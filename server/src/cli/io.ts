// Reading report files: strict UTF-8 (a BOM is dropped), with errors a person can act on.
import { readFileSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';

export class InputError extends Error {}

/** Strict UTF-8; one decoder for every file (making one per file showed in batch profiles). */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

export function readReport(file: string): string {
  let buf: Buffer;
  try { buf = readFileSync(file); } catch (e) { throw new InputError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? e})`); }
  let text: string;
  try { text = UTF8.decode(buf); } catch { throw new InputError(`${file}: not UTF-8 text`); }
  if (text.includes('\u0000')) throw new InputError(`${file}: binary data, not a report`);
  return text.replace(/^\uFEFF/, '');
}

/** Files named on the command line, folders expanded to their .txt and .md files (sorted). */
export function expandPaths(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try { st = statSync(p); } catch { throw new InputError(`${p}: no such file or folder`); }
    if (st.isDirectory()) {
      out.push(...readdirSync(p, { recursive: true }).map(String).filter(f => /\.(txt|md|nianbao)$/i.test(f)).sort().map(f => path.join(p, f)));
    } else out.push(p);
  }
  return out;
}
