// issue 15, items 4 (what the linear renderers must still say), 6 (roll-up) and 7 (small CLI
// faults): a closed pipe, --jobs, control and bidi characters in paths and labels, huge keys.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../../server/src/cli/run';
import { parseCheckArgs } from '../../server/src/cli/check';
import { readSettings } from '../../server/src/settings';
import { ROOT, SAMPLES, readSample, sampleByPrefix } from '../helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');

async function cli(args: string[]) {
  let out = '', err = '';
  const code = await run(args, { out: s => { out += s; }, err: s => { err += s; } });
  return { code, out, err };
}

let tmp: string;
beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-small-')); });
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('nianbao check: small faults', function () {
  this.timeout(120000);

  it('a closed output pipe (| head -1) ends the run quietly: no stack trace, status 141 as SIGPIPE gives', () => {
    // Enough output to fill a pipe: 300 copies of the samples.
    for (let i = 0; i < 30; i++) for (const n of fs.readdirSync(SAMPLES)) fs.copyFileSync(path.join(SAMPLES, n), path.join(tmp, `${i}-${n}`));
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" check --jobs 1 --locale en "${tmp}" | head -1`], { encoding: 'utf8' });
    assert.equal(r.stdout.split('\n').length, 2, 'one line came through');
    assert.equal(r.stderr, '');
    assert.equal(r.status, 141);
  });

  it('--jobs beyond the cores is capped to them', () => {
    assert.equal(parseCheckArgs(['--jobs', '100', 'x']).jobs, os.availableParallelism());
    assert.equal(parseCheckArgs(['--jobs', '1', 'x']).jobs, 1);
  });

  it('a path with a newline, an escape and U+202E is shown escaped in text output, one line per finding', async () => {
    const name = 'a\nb\u001b[31m\u202Etxt.md';
    const file = path.join(tmp, name + '.txt');
    fs.writeFileSync(file, readSample('02_'));
    const r = await cli(['check', '--locale', 'en', file]);
    const shown = path.join(tmp, 'a\\nb\\u001B[31m\\u202Etxt.md.txt');
    assert.ok(!/[\u0000-\u0009\u000b-\u001f\u202e]/.test(r.out), 'no raw control character');
    const lines = r.out.trimEnd().split('\n').filter(l => l);
    // Each line names the file: a finding, its related places (indented) and the summary.
    for (const l of lines.slice(0, -1)) assert.ok(l.replace(/^ {4}/, '').startsWith(shown), l);
    // JSON keeps the name exact (its escapes are JSON's).
    assert.equal(JSON.parse((await cli(['check', '--format', 'json', file])).out).files[0].path, file);
    // And on stderr too: a missing file named with a newline.
    const missing = await cli(['check', path.join(tmp, 'x\ny.txt')]);
    assert.equal(missing.err.trimEnd().split('\n').length, 1);
    assert.match(missing.err, /x\\ny\.txt: no such file or folder/);
  });

  it('a label holding U+202E is shown with it escaped, so it is told apart from the label it imitates', async () => {
    const file = path.join(tmp, 'r.txt');
    fs.writeFileSync(file, readSample('02_').replace('2.其他法律行政止公开', '2.其他法律\u202E行政止公开'));
    const r = await cli(['check', '--format', 'json', '--locale', 'en', file]);
    const messages = JSON.parse(r.out).files[0].diagnostics.map((d: { message: string }) => d.message) as string[];
    assert.ok(messages.some(m => m.includes('「2.其他法律\\u202E行政止公开」')), messages.join('\n'));
    assert.ok(!messages.some(m => m.includes('\u202E')));
  });

  it('an invalid setting key of 1 MB is named by its first 60 characters and its length, not echoed whole', () => {
    const key = 'X'.repeat(1 << 20);
    const { problems, settings } = readSettings({ severity: { [key]: 'off', 'blank-cell': 'off' } });
    assert.equal(problems.length, 1);
    assert.ok(problems[0].length < 200, `${problems[0].length} characters`);
    assert.ok(problems[0].includes(`${'X'.repeat(60)}…(${1 << 20})`));
    assert.deepEqual(settings.severity, { 'blank-cell': 'off' });
  });

  it('16,000 invalid severity keys: each named once, the valid ones kept', () => {
    const severity: Record<string, string> = { 'row-total': 'hint' };
    for (let i = 0; i < 16000; i++) severity[`bad-${i}`] = 'loud';
    const { problems, settings } = readSettings({ severity, template: '2020' });
    assert.equal(problems.length, 16001);
    assert.deepEqual(settings.severity, { 'row-total': 'hint' });
    assert.equal(settings.template, 'auto');
  });

  it('10,000 findings of one code in text output: the first five, one line for the rest, to the last line', async () => {
    const file = path.join(tmp, 'headings.txt');
    fs.writeFileSync(file, readSample('02_') + '\n' + '一、总体情况\n'.repeat(10000));
    const json = JSON.parse((await cli(['check', '--format', 'json', '--locale', 'en', file])).out).files[0].diagnostics as { code: string; range: { start: { line: number } } }[];
    const text = (await cli(['check', '--locale', 'en', file])).out;
    const byCode = new Map<string, number[]>();
    for (const d of json) {
      if (!byCode.has(d.code)) byCode.set(d.code, []);
      byCode.get(d.code)!.push(d.range.start.line + 1);
    }
    const [code, lines] = [...byCode].sort((a, b) => b[1].length - a[1].length)[0];
    assert.ok(lines.length >= 9999, `${code}: ${lines.length}`);
    const shown = text.split('\n').filter(l => new RegExp(`  ${code} `).test(l));
    assert.equal(shown.length, 6);
    assert.match(shown[5], new RegExp(`… and ${lines.length - 5} more ${code} findings like these, to line ${lines[lines.length - 1]}`));
  });
});

describe('nianbao rollup: one file counted once; a non-report refused', () => {
  const A = sampleByPrefix('02_');

  it('a.txt a.txt ./a.txt and a link to it: counted once, with a note per repeat', async () => {
    const a = path.join(tmp, 'a.txt');
    fs.copyFileSync(path.join(SAMPLES, A), a);
    fs.symlinkSync(a, path.join(tmp, 'link.txt'));
    const once = await cli(['rollup', '--format', 'json', '--locale', 'en', a]);
    const many = await cli(['rollup', '--format', 'json', '--locale', 'en', a, a, path.join(tmp, '.', 'a.txt'), path.join(tmp, 'link.txt')]);
    assert.equal(many.code, 0);
    assert.equal(JSON.parse(many.out).text, JSON.parse(once.out).text);
    assert.equal(many.err.match(/the same file as .*a\.txt; counted once/g)?.length, 3, many.err);
  });

  it('an empty file or one that is no report: an input error (exit 2), as in check', async () => {
    const empty = path.join(tmp, 'empty.txt');
    fs.writeFileSync(empty, '');
    const prose = path.join(tmp, 'prose.txt');
    fs.writeFileSync(prose, '今天天气很好。\n');
    for (const f of [empty, prose]) {
      const r = await cli(['rollup', f, path.join(SAMPLES, A)]);
      assert.equal(r.code, 2, f);
      assert.match(r.err, /: not a report/);
      assert.equal(r.out, '');
      assert.equal((await cli(['check', f])).code, 2);
    }
  });
});
