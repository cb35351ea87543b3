// The `nianbao` command (dist/cli.js): runs the CLI bundle (dist/cli-main.js) from V8's code
// cache, so a run neither parses the bundle again nor compiles again the functions the last
// check ran. Node 22's module.enableCompileCache does this for every module; node 20 has none,
// so this does it for the one file. Only node built-ins here: this file is compiled every run.
//
// The cache (dist/cli-main.js.cache) is the bundle's size and time as a header, then V8's data.
// It is written after a run that found none, a stale one or one V8 rejected (a new node), and
// read only when its header matches the bundle: otherwise, or when it cannot be read or written,
// the bundle is compiled as any script is. The build writes it (esbuild.mjs, after a check).
import { closeSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { Script } from 'node:vm';

const bundle = path.join(__dirname, 'cli-main.js');
const cacheFile = `${bundle}.cache`;

/** The cache's data if its header is `header`. */
function readCache(header: string): Buffer | undefined {
  let data: Buffer;
  try { data = readFileSync(cacheFile); } catch { return undefined; }
  const n = header.length;
  return data.length > n && data.toString('latin1', 0, n) === header ? data.subarray(n) : undefined;
}

/**
 * Written whole or not at all (a temporary file renamed): runs at once never read half a cache.
 * The file is opened first: where it cannot be (an installation the user cannot write to),
 * no run pays for making the data.
 */
function writeCache(script: Script, header: string): void {
  const tmp = `${cacheFile}.${process.pid}`;
  let fd: number;
  try { fd = openSync(tmp, 'w'); } catch { return; }
  try {
    try {
      const data = Buffer.concat([Buffer.from(header, 'latin1'), script.createCachedData()]);
      for (let at = 0; at < data.length;) at += writeSync(fd, data, at);
    } finally { closeSync(fd); }
    renameSync(tmp, cacheFile);
  } catch {
    try { unlinkSync(tmp); } catch { /* already gone */ }
  }
}

// Stat before reading: a bundle rebuilt in between is then newer than its header says, never older.
const { size, mtimeMs } = statSync(bundle);
const header = `nianbao code cache 1 ${process.version} ${process.arch} ${size} ${mtimeMs}\n`;
const source = readFileSync(bundle, 'utf8');
const cachedData = readCache(header);
// The bundle runs as this file's body would (same module, require, __filename), as node wraps
// a module: require.main is this file, so worker threads start this file too (cli/run.ts).
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
// After the run, the cache holds the functions it compiled, not only the top level. Worker
// threads (they run this file too) leave it to the main thread.
if (!cachedData || script.cachedDataRejected) {
  process.once('beforeExit', () => {
    if ((require('node:worker_threads') as typeof import('node:worker_threads')).isMainThread) writeCache(script, header);
  });
}
(script.runInThisContext() as (...a: unknown[]) => void).call(module.exports, module.exports, require, module, __filename, __dirname);
