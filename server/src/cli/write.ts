// How `check --fix` replaces a file: never in place. The new text goes to a file beside the
// real target (a symbolic link is resolved: the file it names is replaced, the link stays),
// with the target's mode and owner, flushed to disk, then renamed over the target, so the
// target is always either the old text or the new one, whatever happens (a kill, a full
// disk). Just before, the target must still be exactly what was read (the same file, size,
// mtime and content); otherwise it is left alone. A file with other hard links stops
// sharing them: the other names keep the old text.
import fs from 'node:fs';
import path from 'node:path';
import { readFileOnce, type FileStamp } from './io';

export class ChangedOnDisk extends Error {}

/** Whether the file at `real` is still the one read, unchanged; its stat when it is. */
function unchanged(real: string, was: FileStamp): fs.BigIntStats | undefined {
  let now;
  if (was.sha256 === undefined) return undefined;
  try { now = readFileOnce(real); } catch { return undefined; }
  const s = now.stamp;
  if (s.dev !== was.dev || s.ino !== was.ino || s.size !== was.size || s.mtimeNs !== was.mtimeNs || s.sha256 !== was.sha256) return undefined;
  return fs.statSync(real, { bigint: true });
}

/**
 * Replaces the file `file` (as named: a link is followed) with `bytes`, if it is still what
 * `was` describes; throws ChangedOnDisk if not, or the write's error (the target untouched).
 */
export function replaceFile(file: string, bytes: Uint8Array, was: FileStamp): void {
  let real: string;
  try { real = fs.realpathSync(file); } catch { throw new ChangedOnDisk(file); }
  const st = unchanged(real, was);
  if (!st) throw new ChangedOnDisk(file);
  const dir = path.dirname(real);
  const tmp = path.join(dir, `.${path.basename(real)}.nianbao-${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
  const fd = fs.openSync(tmp, 'wx', 0o600);
  let renamed = false;
  try {
    try {
      for (let at = 0; at < bytes.length;) at += fs.writeSync(fd, bytes, at, Math.min(bytes.length - at, 1 << 16));
      const mine = fs.fstatSync(fd);
      if (BigInt(mine.uid) !== st.uid || BigInt(mine.gid) !== st.gid) fs.fchownSync(fd, Number(st.uid), Number(st.gid));
      fs.fchmodSync(fd, Number(st.mode & 0o7777n));
      fs.fsyncSync(fd);
    } finally { fs.closeSync(fd); }
    // Checked again at the last moment: a run takes a while, editors save meanwhile.
    if (!unchanged(real, was)) throw new ChangedOnDisk(file);
    fs.renameSync(tmp, real);
    renamed = true;
  } finally {
    if (!renamed) try { fs.unlinkSync(tmp); } catch { /* already gone */ }
  }
  // The rename itself survives a power cut once the folder is flushed (where folders can be).
  try {
    const d = fs.openSync(dir, 'r');
    try { fs.fsyncSync(d); } finally { fs.closeSync(d); }
  } catch { /* not supported here */ }
}
