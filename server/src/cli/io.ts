// Reading report files: regular files only, at most MAX_REPORT_BYTES, strict UTF-8 (a BOM is
// dropped), each read once with what identifies it; errors a person can act on. The CLI,
// its peers and the server's folder peers all read and list files through here.
import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { MAX_REPORT_BYTES, TEXT_EXTENSIONS, isReportName } from '../report-files';

export class InputError extends Error {
  override name = 'InputError';
  /** In a folder walk such a file is skipped with a note, not a failure of the run. */
  constructor(message: string, readonly skippable = false) { super(message); }
  /** A bundle loaded on demand (dist/export.js) has its own copy of this class: known by name. */
  static [Symbol.hasInstance](value: unknown): boolean { return value instanceof Error && value.name === 'InputError'; }
}

export { MAX_REPORT_BYTES };
const MAX_MB = MAX_REPORT_BYTES >> 20;

/** What a file was when it was read: checked again before it is replaced (see write.ts). */
/** `sha256` only when the file may be replaced (`--fix`): node:crypto costs start-up time a plain check need not pay. */
export interface FileStamp { dev: bigint; ino: bigint; size: bigint; mtimeNs: bigint; sha256?: string }

export interface ReportFile { text: string; bom: boolean; stamp: FileStamp }

/** A file's bytes and stamp (with the content's hash if `hashed`), read once through one descriptor; refuses anything but a regular file of at most the limit. */
export function readFileOnce(file: string, hashed = true): { bytes: Buffer; stamp: FileStamp } {
  let fd: number;
  // Non-blocking: opening a FIFO for reading would otherwise wait for a writer forever.
  try { fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0)); } catch (e) { throw new InputError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? e})`); }
  try {
    const st = fs.fstatSync(fd, { bigint: true });
    if (!st.isFile()) throw new InputError(`${file}: not a regular file`, true);
    const tooLarge = () => new InputError(`${file}: larger than ${MAX_MB} MB, the limit for a report file`, true);
    if (st.size > MAX_REPORT_BYTES) throw tooLarge();
    // Read to the end (the file may grow meanwhile), never past the limit.
    let buf = Buffer.allocUnsafe(Number(st.size) + 1);
    let n = 0, got: number;
    try {
      for (;;) {
        if (n === buf.length) {
          if (n > MAX_REPORT_BYTES) break;
          const bigger = Buffer.allocUnsafe(Math.min(MAX_REPORT_BYTES + 1, 2 * n + 4096));
          buf.copy(bigger, 0, 0, n);
          buf = bigger;
        }
        if ((got = fs.readSync(fd, buf, n, buf.length - n, n)) <= 0) break;
        n += got;
      }
    } catch (e) { throw new InputError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? e})`); }
    if (n > MAX_REPORT_BYTES) throw tooLarge();
    const bytes = Buffer.from(buf.subarray(0, n));
    const after = fs.fstatSync(fd, { bigint: true });
    return { bytes, stamp: { dev: after.dev, ino: after.ino, size: after.size, mtimeNs: after.mtimeNs, ...(hashed ? { sha256: sha256(bytes) } : {}) } };
  } finally { fs.closeSync(fd); }
}

export const sha256 = (bytes: Uint8Array) => (require('node:crypto') as typeof import('node:crypto')).createHash('sha256').update(bytes).digest('hex');

/** The one read of a report file: its text (BOM dropped, and noted), and its stamp. */
export function readReportFile(file: string, hashed = true): ReportFile {
  const { bytes, stamp } = readFileOnce(file, hashed);
  // Validated, then decoded: several times faster than a fatal TextDecoder on a batch.
  if (!isUtf8(bytes)) throw new InputError(`${file}: not UTF-8 text`);
  const text = bytes.toString('utf8');
  if (text.includes('\u0000')) throw new InputError(`${file}: binary data, not a report`);
  const bom = text.startsWith('\uFEFF');
  return { text: bom ? text.slice(1) : text, bom, stamp };
}

export const readReport = (file: string): string => readReportFile(file).text;

/**
 * The report files in a folder and its subfolders (sorted): regular files with a report
 * extension. Symbolic links are not followed (a link to a folder could lead outside it, or
 * round in a loop; a link to a file is the file it names, checked where it is), and FIFOs,
 * devices and sockets are skipped whatever their names; so is a folder named like a report.
 */
export function walkReportFiles(dir: string, extensions: readonly string[] = TEXT_EXTENSIONS): string[] {
  const out: string[] = [];
  const visit = (rel: string) => {
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(path.join(dir, rel), { withFileTypes: true }); } catch { return; }
    for (const d of entries) {
      const r = rel ? path.join(rel, d.name) : d.name;
      if (d.isDirectory()) visit(r);
      else if (d.isFile() && isReportName(d.name, extensions)) out.push(r);
    }
  };
  visit('');
  return out.sort().map(f => path.join(dir, f));
}

/** The report files directly in a folder (sorted; the same kinds of file as walkReportFiles); none when it cannot be read. */
export function listReportFiles(dir: string): string[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).filter(d => d.isFile() && isReportName(d.name)).map(d => path.join(dir, d.name)).sort();
  } catch { return []; }
}

/** What tells one real file from another: device and inode (a path's own when it cannot be read; the read then says why). */
export function fileId(file: string): string {
  try { const st = fs.statSync(file, { bigint: true }); return `${st.dev}:${st.ino}`; } catch { return path.resolve(file); }
}

/** Files named on the command line, folders expanded to their files with these extensions (default: report text; see walkReportFiles). */
export function expandPaths(paths: string[], extensions: readonly string[] = TEXT_EXTENSIONS): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try { st = fs.statSync(p); } catch { throw new InputError(`${p}: no such file or folder`); }
    if (st.isDirectory()) out.push(...walkReportFiles(p, extensions));
    else out.push(p);
  }
  return out;
}
