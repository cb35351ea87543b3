// `nianbao check` follows .nianbao.json: a rule turned off in a parent folder's file is off,
// --config names another file, a broken file is refused with its line, `files` patterns pick
// the files of a folder; and zod stays out of the CLI bundle. (Reading the file: test/config.)
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../../server/src/cli/run';
import { CONFIG_FILE } from '../../server/src/config/find';
import { ROOT, SAMPLES, sampleByPrefix } from '../helpers';

async function cli(args: string[]) {
  let out = '', err = '';
  const code = await run(args, { out: s => { out += s; }, err: s => { err += s; } });
  return { code, out, err };
}
const codesIn = (out: string, file: string): string[] =>
  (JSON.parse(out).files as { path: string; diagnostics: { code: string }[] }[]).find(f => path.basename(f.path) === file)!.diagnostics.map(d => d.code);

let tmp: string;
beforeEach(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'nianbao-config-')); });
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('nianbao check with .nianbao.json', () => {
  const seed = sampleByPrefix('002');
  function layout() {
    mkdirSync(path.join(tmp, 'reports', '2020'), { recursive: true });
    copyFileSync(path.join(SAMPLES, seed), path.join(tmp, 'reports', '2020', seed));
    return path.join(tmp, 'reports', '2020', seed);
  }

  it('turns off a rule the file in a parent folder turns off', async () => {
    const file = layout();
    const before = await cli(['check', '--format', 'json', file]);
    assert.ok(codesIn(before.out, seed).includes('results-total'));
    writeFileSync(path.join(tmp, CONFIG_FILE), '{\n  // totals are checked by another tool\n  "severity": { "results-total": "off" }\n}\n');
    const after = await cli(['check', '--format', 'json', file]);
    assert.equal(after.err, '');
    assert.ok(!codesIn(after.out, seed).includes('results-total'));
    assert.deepEqual(codesIn(after.out, seed), codesIn(before.out, seed).filter(c => c !== 'results-total'));
  });

  it('reads the file --config names instead, and its locale unless --locale is given', async () => {
    const file = layout();
    const elsewhere = path.join(tmp, 'ci.json');
    writeFileSync(path.join(tmp, CONFIG_FILE), '{ "severity": { "results-total": "off" } }');
    writeFileSync(elsewhere, '{ "locale": "zh-cn" }');
    const totals = (out: string) => (JSON.parse(out).files[0].diagnostics as { code: string; message: string }[]).filter(d => d.code === 'results-total').map(d => d.message);
    const zh = await cli(['check', '--format', 'json', '--config', elsewhere, file]);
    assert.equal(zh.err, '');
    assert.equal(totals(zh.out).length, 2, 'the .nianbao.json found above is not read');
    assert.doesNotMatch(totals(zh.out)[0], /written/);
    const en = await cli(['check', '--format', 'json', '--locale', 'en', '--config', elsewhere, file]);
    assert.match(totals(en.out)[0], /written 23/);
  });

  it('refuses a broken file with its line, exit 2', async () => {
    const file = layout();
    writeFileSync(path.join(tmp, CONFIG_FILE), '{\n  "severity": {\n    "results-total": "of"\n  }\n}\n');
    const r = await cli(['check', file]);
    assert.equal(r.code, 2);
    assert.match(r.err, /\.nianbao\.json:3: severity\.results-total: /);
    const missing = await cli(['check', '--config', path.join(tmp, 'none.json'), file]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /none\.json: no such configuration file/);
  });

  it('checks in a folder only the files its `files` patterns name', async () => {
    layout();
    copyFileSync(path.join(SAMPLES, sampleByPrefix('003')), path.join(tmp, 'notes.txt'));
    const all = await cli(['check', '--format', 'json', tmp]);
    assert.equal(JSON.parse(all.out).files.length, 2);
    writeFileSync(path.join(tmp, CONFIG_FILE), '{ "files": ["reports/**/*.txt"] }');
    const some = await cli(['check', '--format', 'json', tmp]);
    assert.deepEqual(JSON.parse(some.out).files.map((f: { path: string }) => path.basename(f.path)), [seed]);
  });

  it('keeps zod out of the CLI bundle: the validator is dist/config.js, read only when a file exists', () => {
    // dist/cli.js is the launcher (cli/bin.ts); the CLI itself is dist/cli-main.js.
    const cliBundle = readFileSync(path.join(ROOT, 'dist', 'cli-main.js'), 'utf8');
    assert.doesNotMatch(cliBundle, /ZodError|\$ZodType/);
    assert.match(readFileSync(path.join(ROOT, 'dist', 'config.js'), 'utf8'), /ZodError|\$ZodType/);
  });
});
