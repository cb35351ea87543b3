// dist/cli.js, the `nianbao` command (server/src/cli/bin.ts): it runs the CLI bundle from V8's
// code cache beside it, and with no cache, a stale, damaged or unwritable one, runs it the same.
// Each test works on a copy of the two bundles, so the build's own cache is left alone.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../../server/src/cli/run';
import { ROOT, SAMPLES, sampleByPrefix, sampleNames } from '../helpers';

const SEED = path.join(SAMPLES, sampleByPrefix('000'));

let dir: string, cache: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-bin-'));
  for (const f of ['cli.js', 'cli-main.js']) copyFileSync(path.join(ROOT, 'dist', f), path.join(dir, f));
  cache = path.join(dir, 'cli-main.js.cache');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const launch = (...args: string[]) => spawnSync(process.execPath, [path.join(dir, 'cli.js'), ...args], { encoding: 'utf8' });

/** The same check run in this process, without the launcher. */
async function direct(args: string[]) {
  let out = '', err = '';
  const code = await run(args, { out: s => { out += s; }, err: s => { err += s; } });
  return { code, out, err };
}

async function assertSameAsDirect(args: string[]) {
  const want = await direct(args);
  const got = launch(...args);
  assert.equal(got.status, want.code, got.stderr);
  assert.equal(got.stdout, want.out);
  assert.equal(got.stderr, want.err);
}

/** Whether the cache file was replaced since `before` (written files get a new inode: a rename). */
const stamp = () => { const s = statSync(cache); return `${s.ino} ${s.mtimeMs}`; };

describe('dist/cli.js, the launcher with a code cache', function () {
  this.timeout(60000);
  const args = ['check', '--locale', 'en', SEED];

  it('writes the cache after a run that had none, then reads it without writing it again', async () => {
    await assertSameAsDirect(args);
    assert.match(readFileSync(cache, 'latin1').split('\n')[0], /^nianbao code cache 1 v\d+\.\d+\.\d+ \w+ \d+ [\d.]+$/);
    const first = stamp();
    await assertSameAsDirect(args);
    assert.equal(stamp(), first, 'a cache that matches is read, not written again');
    assert.deepEqual(readdirSync(dir).sort(), ['cli-main.js', 'cli-main.js.cache', 'cli.js']);
  });

  it('replaces a cache V8 rejects (its data damaged), and the run is the same', async () => {
    launch(...args);
    const header = readFileSync(cache, 'latin1').split('\n')[0] + '\n';
    writeFileSync(cache, Buffer.concat([Buffer.from(header, 'latin1'), Buffer.alloc(4096, 7)]));
    await assertSameAsDirect(args);
    assert.ok(statSync(cache).size > 4096 + header.length, 'written again from the run');
    const fresh = stamp();
    launch(...args);
    assert.equal(stamp(), fresh);
  });

  it('does not use the cache of another build: a bundle edited to the same size runs as edited', () => {
    launch(...args);
    const old = stamp();
    const bundle = path.join(dir, 'cli-main.js');
    const text = readFileSync(bundle, 'utf8');
    assert.ok(text.includes('"{n} with problems"'));
    // Same length, so only the header (the bundle's size and time) tells the builds apart.
    writeFileSync(bundle, text.replace('"{n} with problems"', '"{n} WITH PROBLEMS"'));
    const r = launch(...args);
    assert.match(r.stdout, /\(1 WITH PROBLEMS\)/);
    assert.notEqual(stamp(), old, 'the stale cache was replaced');
    assert.match(launch(...args).stdout, /\(1 WITH PROBLEMS\)/);
  });

  it('runs the same when the cache can be neither read nor written (a folder in its place)', async () => {
    mkdirSync(cache);
    await assertSameAsDirect(args);
    await assertSameAsDirect(['check', '--format', 'json', '--locale', 'en', SEED]);
    assert.deepEqual(readdirSync(dir).sort(), ['cli-main.js', 'cli-main.js.cache', 'cli.js'], 'no temporary file left');
    assert.ok(statSync(cache).isDirectory());
  });

  it('starts worker threads from itself for many files, with the same output as one thread', () => {
    const many = path.join(dir, 'many');
    mkdirSync(many);
    for (let k = 0; k < 5; k++) for (const n of sampleNames()) copyFileSync(path.join(SAMPLES, n), path.join(many, `${k}_${n}`));
    const one = launch('check', '--format', 'json', '--locale', 'en', '--jobs', '1', many);
    // NODE_DEBUG=worker makes node say which script each worker runs.
    const two = spawnSync(process.execPath, [path.join(dir, 'cli.js'), 'check', '--format', 'json', '--locale', 'en', '--jobs', '2', many], { encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'worker' } });
    assert.equal(two.status, one.status);
    assert.equal(two.stdout, one.stdout);
    const started = two.stderr.match(/create new worker (\S+)/g) ?? [];
    assert.deepEqual(started, [`create new worker ${path.join(dir, 'cli.js')}`, `create new worker ${path.join(dir, 'cli.js')}`]);
  });
});
