// issue 15, items 1–3: `check --fix` never leaves a part of a report (a kill, a full disk),
// never overwrites what changed on disk meanwhile, and a folder walk takes regular report
// files only, each real file once, never following a link out of the folder.
import assert from 'node:assert/strict';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../../server/src/cli/run';
import { MAX_REPORT_BYTES } from '../../server/src/report-files';
import { nodeFolderReader } from '../../server/src/lsp/folder-node';
import { ROOT, readSample, setCell } from '../helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');

async function cli(args: string[]) {
  let out = '', err = '';
  const code = await run(args, { out: s => { out += s; }, err: s => { err += s; } });
  return { code, out, err };
}
const json = (out: string) => JSON.parse(out).files as { path: string; fixed?: number; error?: string; diagnostics?: { code: string }[] }[];

/** Corpus 02: its two 表四 总计 cells are 0 where the parts give 11 and 5; --fix rewrites them. */
const FIXABLE = readSample('02_');
const fixedOnce = (dir: string) => {
  const f = path.join(dir, 'fixed.txt');
  fs.writeFileSync(f, FIXABLE);
  execFileSync(process.execPath, [CLI, 'check', '--fix', f], { stdio: 'ignore' });
  return fs.readFileSync(f, 'utf8');
};

let tmp: string;
beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-fix-')); });
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Replaces fs[name] while `body` runs (the CLI calls node's fs module: the one injectable file system). */
async function patched<K extends keyof typeof fs>(name: K, make: (orig: (typeof fs)[K]) => (typeof fs)[K], body: () => Promise<void>) {
  const orig = fs[name];
  (fs as any)[name] = make(orig);
  try { await body(); } finally { (fs as any)[name] = orig; }
}

describe('check --fix writes a new file and renames it over the report', function () {
  this.timeout(120000);

  it('a process killed while it writes (SIGKILL, a real child) leaves the old text or the new one, never a part', async () => {
    // ≈ 4 MB: the report, then prose; --fix rewrites the two totals, so the new text is known.
    const padding = '\n' + '本机关持续推进政务公开工作，不断提高公开质量。\n'.repeat(60000);
    const old = FIXABLE + padding;
    const fresh = fixedOnce(tmp) + padding;
    fs.rmSync(path.join(tmp, 'fixed.txt'));
    const file = path.join(tmp, 'big.txt');
    fs.writeFileSync(file, old);
    const size = fs.statSync(file).size;
    const child = spawn(process.execPath, [CLI, 'check', '--fix', file], { stdio: 'ignore' });
    const exited = new Promise(r => child.on('exit', r));
    // Watch the folder until a write shows (the target changed size, or a file beside it grew), then kill.
    let seen = '';
    while (!seen && child.exitCode === null) {
      for (const n of fs.readdirSync(tmp)) {
        let st; try { st = fs.statSync(path.join(tmp, n)); } catch { continue; }
        if (n === 'big.txt' ? st.size !== size : st.size > 0) { seen = n; break; }
      }
      if (!seen) await new Promise(r => setImmediate(r));
    }
    child.kill('SIGKILL');
    await exited;
    assert.ok(seen, 'a write was seen before the process ended');
    const after = fs.readFileSync(file, 'utf8');
    assert.ok(after === old || after === fresh, `the report is the old text or the new one, not ${Buffer.byteLength(after)} bytes of ${size}`);
  });

  it('a full disk (ENOSPC after 16,384 bytes) leaves the report as it was, no file beside it, and exit 2 with the reason', async () => {
    const file = path.join(tmp, 'report.txt');
    const old = FIXABLE + '\n' + '本机关持续推进政务公开工作。\n'.repeat(4000);
    fs.writeFileSync(file, old);
    let written = 0;
    // A disk with 16,384 bytes free: writes fill it, then fail.
    await patched('writeSync', orig => ((fd: number, buf: any, offset?: any, length?: any, ...rest: any[]) => {
      if (written >= 16384) { const e = new Error('ENOSPC: no space left on device') as NodeJS.ErrnoException; e.code = 'ENOSPC'; throw e; }
      if (typeof offset !== 'number') { offset = 0; length = buf.length; }
      const n = (orig as any)(fd, buf, offset, Math.min(length ?? buf.length - offset, 16384 - written), ...rest);
      written += n;
      return n;
    }) as any, async () => {
      const r = await cli(['check', '--fix', '--locale', 'en', file]);
      assert.equal(r.code, 2);
      assert.match(r.err, /report\.txt: cannot write \(ENOSPC\)/);
    });
    assert.ok(written > 0, 'the write began');
    assert.equal(fs.readFileSync(file, 'utf8'), old);
    assert.deepEqual(fs.readdirSync(tmp), ['report.txt']);
  });

  it('through a symbolic link: the file it names is replaced, the link stays a link', async () => {
    fs.mkdirSync(path.join(tmp, 'real'));
    const target = path.join(tmp, 'real', 'a.txt');
    fs.writeFileSync(target, FIXABLE);
    const link = path.join(tmp, 'link.txt');
    fs.symlinkSync(target, link);
    const r = await cli(['check', '--fix', '--locale', 'en', link]);
    assert.equal(r.code, 0, r.err + r.out);
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.equal(fs.readlinkSync(link), target);
    assert.equal(fs.readFileSync(target, 'utf8'), fixedOnce(tmp));
    assert.deepEqual(fs.readdirSync(path.join(tmp, 'real')), ['a.txt']);
  });

  it('keeps the mode and (as root) the owner', async () => {
    const file = path.join(tmp, 'report.txt');
    fs.writeFileSync(file, FIXABLE);
    fs.chmodSync(file, 0o640);
    const root = process.getuid?.() === 0;
    if (root) fs.chownSync(file, 1234, 4321);
    assert.equal((await cli(['check', '--fix', file])).code, 0);
    const st = fs.statSync(file);
    assert.equal(st.mode & 0o7777, 0o640);
    if (root) assert.deepEqual([st.uid, st.gid], [1234, 4321]);
    assert.notEqual(fs.readFileSync(file, 'utf8'), FIXABLE);
  });
});

describe('check --fix never overwrites what changed on disk while it ran', () => {
  it('a line saved into the report just before the write: left alone, "changed on disk while checking: not fixed", exit 2', async () => {
    const file = path.join(tmp, 'report.txt');
    fs.writeFileSync(file, FIXABLE);
    let saved = false;
    // An editor saves the report at the moment the CLI opens a file to write.
    await patched('openSync', orig => ((p: fs.PathLike, flags?: any, ...rest: any[]) => {
      if (!saved && flags !== undefined && typeof flags === 'string' && /[wa]/.test(flags)) {
        saved = true;
        fs.appendFileSync(file, '\n新增的一行\n');
      }
      return (orig as any)(p, flags, ...rest);
    }) as any, async () => {
      const r = await cli(['check', '--fix', '--format', 'json', '--locale', 'en', file]);
      assert.ok(saved);
      assert.equal(r.code, 2);
      assert.match(r.err, /report\.txt: changed on disk while checking: not fixed/);
    });
    assert.equal(fs.readFileSync(file, 'utf8'), FIXABLE + '\n新增的一行\n');
    assert.deepEqual(fs.readdirSync(tmp), ['report.txt']);
  });

  it('two hard links of one file named together: checked and fixed once; the other name keeps the old text (documented)', async () => {
    const a = path.join(tmp, 'a.txt'), b = path.join(tmp, 'b.txt');
    fs.writeFileSync(a, FIXABLE);
    fs.linkSync(a, b);
    const r = await cli(['check', '--fix', '--format', 'json', '--locale', 'en', a, b, `${tmp}/./a.txt`]);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(json(r.out).map(f => [f.path, f.fixed]), [[a, 3]]);
    assert.match(r.err, /b\.txt: the same file as .*a\.txt; checked once/);
    assert.equal(fs.readFileSync(a, 'utf8'), fixedOnce(tmp));
    assert.equal(fs.readFileSync(b, 'utf8'), FIXABLE);
  });
});

const checkDir = (...args: string[]) => {
  // A child process: a FIFO opened for reading would block the whole process, not just a promise.
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '--locale', 'en', ...args], { encoding: 'utf8', timeout: 30000 });
  assert.equal(r.error, undefined, 'the run ends');
  return { code: r.status, out: r.stdout, err: r.stderr, files: json(r.stdout) };
};

describe('a folder walk takes regular report files only, each once, and writes only inside the folder', function () {
  this.timeout(60000);

  it('a FIFO, links to /dev/zero and /dev/urandom, link loops and a folder named x.txt: passed over; the report checked once', () => {
    const dir = path.join(tmp, 'dir');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'a.txt'), FIXABLE);
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
    fs.symlinkSync('/dev/urandom', path.join(dir, 'random.md'));
    for (const n of ['self', 'a', 'b']) fs.symlinkSync('.', path.join(dir, n));
    fs.mkdirSync(path.join(dir, 'x.txt'));
    fs.writeFileSync(path.join(dir, 'x.txt', 'inner.txt'), FIXABLE);
    const r = checkDir(dir);
    assert.equal(r.code, 1, r.err);
    assert.equal(r.err, '');
    assert.deepEqual(r.files.map(f => path.relative(dir, f.path)), ['a.txt', path.join('x.txt', 'inner.txt')]);
    const fixed = checkDir('--fix', dir);
    assert.equal(fixed.code, 0, fixed.err);
    assert.deepEqual(fixed.files.map(f => f.fixed), [3, 3]);
  });

  it('a link to a folder outside is not followed: --fix never writes outside the folder named', () => {
    const outside = path.join(tmp, 'outside');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'b.txt'), FIXABLE);
    const dir = path.join(tmp, 'dir');
    fs.mkdirSync(dir);
    fs.symlinkSync(outside, path.join(dir, 'linked'));
    fs.symlinkSync(path.join(outside, 'b.txt'), path.join(dir, 'c.txt'));
    const r = checkDir('--fix', dir);
    assert.deepEqual(r.files, []);
    assert.equal(fs.readFileSync(path.join(outside, 'b.txt'), 'utf8'), FIXABLE);
  });

  it('hard links inside the folder: one real file, checked once', () => {
    fs.writeFileSync(path.join(tmp, 'a.txt'), FIXABLE);
    fs.linkSync(path.join(tmp, 'a.txt'), path.join(tmp, 'b.txt'));
    assert.deepEqual(checkDir(tmp).files.map(f => path.basename(f.path)), ['a.txt']);
  });

  it(`a file over ${MAX_REPORT_BYTES >> 20} MB: named, refused with the limit (exit 2); in a folder, skipped with a note`, () => {
    const big = path.join(tmp, 'big.txt');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, MAX_REPORT_BYTES + 1);
    fs.writeFileSync(path.join(tmp, 'a.txt'), FIXABLE);
    const named = checkDir(big);
    assert.equal(named.code, 2);
    assert.match(named.err, /big\.txt: larger than 16 MB, the limit for a report file/);
    assert.deepEqual(named.files.map(f => [path.basename(f.path), f.error]), [['big.txt', `${big}: larger than 16 MB, the limit for a report file`]]);
    const walked = checkDir(tmp);
    assert.equal(walked.code, 1);
    assert.match(walked.err, /big\.txt: larger than 16 MB, the limit for a report file; skipped/);
  });

  it('folder peers: last year\'s report over the limit is not read (the CLI and the server alike)', async () => {
    const LAST = readSample('02_'), THIS = readSample('03_');
    // Last year's report carrying 5 forward where this year's says 0: a cross-year finding when it is read.
    const last = setCell(LAST, 'applications', 'carried_forward', 'natural_person', '5');
    fs.writeFileSync(path.join(tmp, 'this.txt'), THIS);
    fs.writeFileSync(path.join(tmp, 'last.txt'), last);
    const crossYear = async () => (json((await cli(['check', '--format', 'json', '--locale', 'en', path.join(tmp, 'this.txt')])).out)[0].diagnostics ?? []).filter(d => d.code === 'cross-year').length;
    assert.equal(await crossYear(), 1, 'read when small');
    fs.appendFileSync(path.join(tmp, 'last.txt'), '\n' + '本机关持续推进政务公开工作。\n'.repeat(Math.ceil(MAX_REPORT_BYTES / 40)));
    assert.equal(await crossYear(), 0, 'not read over the limit');
    assert.deepEqual(nodeFolderReader.list(tmp).map(f => path.basename(f.path)), ['this.txt']);
    assert.equal(nodeFolderReader.read(path.join(tmp, 'last.txt')), undefined);
  });

  it('the server\'s folder peers: no FIFO, no device, no link', () => {
    fs.writeFileSync(path.join(tmp, 'a.txt'), FIXABLE);
    execFileSync('mkfifo', [path.join(tmp, 'pipe.txt')]);
    fs.symlinkSync('/dev/zero', path.join(tmp, 'zero.txt'));
    fs.symlinkSync(path.join(tmp, 'a.txt'), path.join(tmp, 'link.txt'));
    assert.deepEqual(nodeFolderReader.list(tmp).map(f => path.basename(f.path)), ['a.txt']);
    assert.equal(nodeFolderReader.read(path.join(tmp, 'pipe.txt')), undefined);
  });
});
