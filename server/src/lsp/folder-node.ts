// The node entry's FolderReader: report files beside a file:// document, with node fs. The
// same files and the same size limit as the command line's peers (cli/io.ts).
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_REPORT_BYTES, listReportFiles, readReport } from '../cli/io';
import type { FolderReader } from './peers';

export const nodeFolderReader: FolderReader = {
  pathOf(uri) {
    if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
    try { return fileURLToPath(uri); } catch { return undefined; }
  },
  folderOf: p => path.dirname(p),
  list(dir) {
    const out: { path: string; stamp: string }[] = [];
    for (const p of listReportFiles(dir)) {
      try {
        const st = lstatSync(p);
        if (st.isFile() && st.size <= MAX_REPORT_BYTES) out.push({ path: p, stamp: `${st.mtimeMs}:${st.size}` });
      } catch { /* gone since the listing */ }
    }
    return out;
  },
  read(p) {
    try { return readReport(p); } catch { return undefined; }
  },
};
