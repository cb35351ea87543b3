// `nianbao check` and cross-year: the files checked together and the report files of each
// input's folder are peers. Real pair: corpus 02 (洪泽区 2023) and 03 (洪泽区 2024).
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../../server/src/cli/run';
import { ROOT, SAMPLES, readSample, sampleByPrefix, sampleNames, setCell } from '../helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');

async function cli(args: string[], workerScript?: string) {
  let out = '', err = '';
  const code = await run(args, { out: s => { out += s; }, err: s => { err += s; }, workerScript });
  return { code, out, err };
}

interface JsonFile { path: string; diagnostics: { code: string; message: string; range: { start: { line: number } } }[] }
const crossYear = (out: string, file: string) =>
  (JSON.parse(out).files as JsonFile[]).find(f => path.basename(f.path) === file)?.diagnostics.filter(d => d.code === 'cross-year') ?? [];

const LAST = sampleByPrefix('02_');
const THIS = sampleByPrefix('03_');

let tmp: string;
beforeEach(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'nianbao-cross-')); });
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

/** The pair in a folder; last year's 四 × 自然人 written as `carried` when given. */
function pair(dir: string, carried?: string): { last: string; this: string } {
  mkdirSync(dir, { recursive: true });
  const last = path.join(dir, LAST), mine = path.join(dir, THIS);
  let text = readSample('02_');
  if (carried !== undefined) text = setCell(text, 'applications', 'carried_forward', 'natural_person', carried);
  writeFileSync(last, text);
  copyFileSync(path.join(SAMPLES, THIS), mine);
  return { last, this: mine };
}

const check = (...paths: string[]) => cli(['check', '--format', 'json', '--locale', 'en', ...paths]);

describe('nianbao check: cross-year with the same body\'s reports of two years', () => {
  it('the real pair agrees (0 carried over, 0 carried forward; 现行有效件数 adds up): silent, named or not', async () => {
    const p = pair(tmp);
    assert.deepEqual(crossYear((await check(p.this)).out, THIS), []);
    assert.deepEqual(crossYear((await check(p.this, p.last)).out, THIS), []);
    assert.deepEqual(crossYear((await check(tmp)).out, THIS), []);
  });

  it('last year\'s 四 × 自然人 changed to 5: this year\'s report gets the finding with both values, whether last year\'s is named or only in the folder', async () => {
    const p = pair(tmp, '5');
    const expected = /column 「自然人」 is 0, but last year's report \(2023\) carried 5 forward/;
    for (const args of [[p.this], [p.this, p.last], [p.last, p.this], [tmp]]) {
      const found = crossYear((await check(...args)).out, THIS);
      assert.equal(found.length, 1, `${args.join(' ')}: ${JSON.stringify(found)}`);
      assert.match(found[0].message, expected);
      // Line 130 of corpus 03 holds its 二、上年结转.
      assert.equal(found[0].range.start.line + 1, 130);
      // Last year's report has nothing to compare with (no 2022 report).
      assert.deepEqual(crossYear((await check(...args)).out, LAST), []);
    }
  });

  it('says it in Chinese with --locale zh-cn, in text output', async () => {
    const p = pair(tmp, '5');
    const r = await cli(['check', '--locale', 'zh-cn', p.this]);
    assert.match(r.out, /cross-year +「二、上年结转政府信息公开申请数量」行「自然人」列为 0，但上年度（2023 年）报告的「四、结转下年度继续办理」行「自然人」列为 5。/);
  });

  it('a folder in which last year\'s report is another body\'s (洪泽区 → 涟水县) or two years back: silent', async () => {
    const p = pair(tmp, '5');
    writeFileSync(p.last, readFileSync(p.last, 'utf8').replace(/洪泽/g, '涟水'));
    assert.deepEqual(crossYear((await check(p.this)).out, THIS), []);
    writeFileSync(p.last, readFileSync(p.last, 'utf8').replace(/涟水/g, '洪泽').replace(/2023/g, '2022'));
    assert.deepEqual(crossYear((await check(p.this)).out, THIS), []);
  });

  it('a file in another folder is a peer only when named with it', async () => {
    const p = pair(path.join(tmp, 'a'), '5');
    const other = path.join(tmp, 'b');
    mkdirSync(other);
    const moved = path.join(other, LAST);
    writeFileSync(moved, readFileSync(p.last, 'utf8'));
    rmSync(p.last);
    assert.deepEqual(crossYear((await check(p.this)).out, THIS), []);
    assert.equal(crossYear((await check(p.this, moved)).out, THIS).length, 1);
  });

  it('in worker threads: the same findings as in one thread', async function () {
    this.timeout(120000);
    pair(tmp, '5');
    // Enough reports of other bodies for two workers (25 files each); corpus 11 is 洪泽区 2023 too.
    for (let k = 0; k < 8; k++) for (const n of sampleNames().filter(n => !/^(02|03|11)_/.test(n))) copyFileSync(path.join(SAMPLES, n), path.join(tmp, `${k}_${n}`));
    const marker = path.join(os.tmpdir(), `nianbao-cross-started-${process.pid}`);
    const entry = path.join(os.tmpdir(), `nianbao-cross-worker-${process.pid}.js`);
    writeFileSync(marker, '');
    writeFileSync(entry, `require('fs').appendFileSync(${JSON.stringify(marker)}, 'w\\n'); require(${JSON.stringify(CLI)});`);
    const many = await cli(['check', '--format', 'json', '--locale', 'en', '--jobs', '2', tmp], entry);
    assert.equal(readFileSync(marker, 'utf8'), 'w\nw\n', 'two workers');
    rmSync(marker);
    rmSync(entry);
    const one = await cli(['check', '--format', 'json', '--locale', 'en', '--jobs', '1', tmp]);
    assert.equal(many.out, one.out);
    assert.equal(crossYear(many.out, THIS).length, 1);
  });
});
