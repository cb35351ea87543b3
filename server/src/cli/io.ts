// Reading report files: strict UTF-8 (a BOM is dropped), with errors a person can act on.
import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { TEXT_EXTENSIONS } from '../import';

export class InputError extends Error {}


export function readReport(file: string): string {
  let buf: Buffer;
  try { buf = readFileSync(file); } catch (e) { throw new InputError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? e})`); }
  // Validated, then decoded: several times faster than a fatal TextDecoder on a batch.
  if (!isUtf8(buf)) throw new InputError(`${file}: not UTF-8 text`);
  const text = buf.toString('utf8');
  if (text.includes('\u0000')) throw new InputError(`${file}: binary data, not a report`);
  return text.replace(/^\uFEFF/, '');
}

/** Files named on the command line, folders expanded to their files with these extensions (default: report text; sorted). */
export function expandPaths(paths: string[], extensions: readonly string[] = TEXT_EXTENSIONS): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try { st = statSync(p); } catch { throw new InputError(`${p}: no such file or folder`); }
    if (st.isDirectory()) {
      out.push(...readdirSync(p, { recursive: true }).map(String).filter(f => extensions.includes(path.extname(f).toLowerCase())).sort().map(f => path.join(p, f)));
    } else out.push(p);
  }
  return out;
}
