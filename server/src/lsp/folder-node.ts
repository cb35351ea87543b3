// The node entry's FolderReader: report files beside a file:// document, with node fs.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FolderReader } from './peers';

const REPORT_FILE = /\.(txt|md|nianbao)$/i;
/** Larger files are not reports (the 2 MB compilation is the largest seen). */
const MAX_BYTES = 16 << 20;

export const nodeFolderReader: FolderReader = {
  pathOf(uri) {
    if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
    try { return fileURLToPath(uri); } catch { return undefined; }
  },
  folderOf: p => path.dirname(p),
  list(dir) {
    const out: { path: string; stamp: string }[] = [];
    let names: string[];
    try { names = readdirSync(dir).filter(n => REPORT_FILE.test(n)).sort(); } catch { return out; }
    for (const n of names) {
      const p = path.join(dir, n);
      try {
        const st = statSync(p);
        if (st.isFile() && st.size <= MAX_BYTES) out.push({ path: p, stamp: `${st.mtimeMs}:${st.size}` });
      } catch { /* gone since the listing */ }
    }
    return out;
  },
  read(p) {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(p));
      return text.includes('\u0000') ? undefined : text.replace(/^\uFEFF/, '');
    } catch { return undefined; }
  },
};
