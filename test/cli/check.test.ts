// `nianbao check` (and parse's failure modes) through run() with a fake Io, on the real
// sample reports and copies of them; once through the built dist/cli.js for exit codes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ReportDocument, RULES, applyEdits, check } from '../../server/src/engine';
import { run } from '../../server/src/cli/run';
import { ROOT, SAMPLES, sampleByPrefix, sampleNames } from '../helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function cli(args: string[], workerScript?: string) {
  let out = '', err = '';
  const code = await run(args, { out: s => { out += s; }, err: s => { err += s; }, workerScript });
  return { code, out, err };
}

interface JsonDiagnostic { code: string; severity: string; message: string; range: { start: { line: number; character: number } }; fixes: { title: string; edits: unknown[] }[] }
interface JsonFile { path: string; template: string; fixed?: number; diagnostics: JsonDiagnostic[] }
const files = (out: string): JsonFile[] => JSON.parse(out).files;
const fileOf = (out: string, prefix: string) => files(out).find(f => path.basename(f.path).startsWith(prefix))!;

let tmp: string;
beforeEach(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'nianbao-cli-')); });
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('nianbao check --format json', () => {
  it('finds the known errors in the samples folder and exits 1', async () => {
    const r = await cli(['check', '--format', 'json', '--locale', 'en', SAMPLES]);
    assert.equal(r.code, 1, r.err);
    assert.equal(r.err, '');
    assert.deepEqual(files(r.out).map(f => path.basename(f.path)), sampleNames());
    const seed002 = fileOf(r.out, '002').diagnostics.filter(d => d.code === 'results-total');
    assert.deepEqual(seed002.map(d => [d.range.start.line + 1, d.severity]), [[319, 'error'], [325, 'error']]);
    // The total satisfies 一 + 二 = （七）总计 + 四: the addends, the suspects, are listed with it.
    const related = (seed002[0] as JsonDiagnostic & { related?: { range: unknown; message: string }[] }).related ?? [];
    assert.equal(related.length, 19);
    assert.match(related[0].message, /^addend row 「（一）予以公开」, column 「自然人」: 11$/);
    const corpus02 = fileOf(r.out, '02_').diagnostics.filter(d => d.code === 'review-total');
    assert.equal(corpus02.length, 2);
    assert.match(corpus02[0].message, /written 0, .* gives 11/);
    assert.match(corpus02[1].message, /written 0, .* gives 5/);
  });

  it('has exactly the documented keys', async () => {
    const r = await cli(['check', '--format', 'json', '--locale', 'zh-cn', path.join(SAMPLES, sampleByPrefix('02_'))]);
    const [f] = files(r.out);
    assert.deepEqual(Object.keys(f).sort(), ['diagnostics', 'path', 'template']);
    assert.equal(f.template, '2021');
    for (const d of f.diagnostics) assert.deepEqual(Object.keys(d).filter(k => k !== 'related').sort(), ['code', 'fixes', 'message', 'range', 'severity']);
    const review = f.diagnostics.find(d => d.code === 'review-total')!;
    assert.deepEqual(Object.keys(review.fixes[0]).sort(), ['edits', 'title']);
    assert.match(review.message, /填写为 0/);
  });

  it('counts the reports of a file holding two, and gives the first one\'s template', async () => {
    const two = path.join(tmp, 'two.txt');
    writeFileSync(two, readFileSync(path.join(SAMPLES, sampleByPrefix('002')), 'utf8') + '\n' + readFileSync(path.join(SAMPLES, sampleByPrefix('01_')), 'utf8'));
    const [f] = files((await cli(['check', '--format', 'json', '--locale', 'en', two])).out) as (JsonFile & { reports?: number })[];
    assert.equal(f.reports, 2);
    assert.equal(f.template, '2019');
  });
});

describe('nianbao check --fix', () => {
  it('fixes the two 总计 cells of corpus 02 in place, and the label typo, touching nothing else; then exits 0', async () => {
    const file = path.join(tmp, sampleByPrefix('02_'));
    copyFileSync(path.join(SAMPLES, sampleByPrefix('02_')), file);
    const before = readFileSync(file, 'utf8');
    const r = await cli(['check', '--fix', '--format', 'json', '--locale', 'en', file]);
    assert.equal(r.code, 0, r.out + r.err);
    const [f] = files(r.out);
    assert.equal(f.fixed, 3);
    assert.ok(!f.diagnostics.some(d => d.severity === 'error'), 'no error remains after the fix');
    assert.ok(f.diagnostics.some(d => d.code === 'template-generation'), 'a finding without a safe fix stays');

    // The new text is the old one with the two review-total cells set to 11 and 5 and the
    // typo 2.其他法律行政止公开 given the template's label (row-label's preferred fix): no other change.
    const findings = check(new ReportDocument(before), { locale: 'en' });
    const totals = findings.filter(x => x.code === 'review-total');
    const label = findings.filter(x => x.code === 'row-label').flatMap(x => x.fixes.filter(y => y.preferred).flatMap(y => y.edits));
    assert.equal(label.length, 1);
    assert.equal(label[0].newText.trim(), '2.其他法律行政法规禁止公开');
    const expected = applyEdits(before, [{ range: totals[0].range, newText: '11' }, { range: totals[1].range, newText: '5' }, ...label]);
    assert.equal(readFileSync(file, 'utf8'), expected);

    const again = await cli(['check', '--fix', '--format', 'json', '--locale', 'en', file]);
    assert.equal(files(again.out)[0].fixed, 0);
    assert.equal(readFileSync(file, 'utf8'), expected, 'a second --fix changes nothing');
  });

  it('leaves a file with nothing safe to fix untouched and still exits 1 (seed 002: the fixes would break other totals)', async () => {
    const file = path.join(tmp, 'seed002.txt');
    copyFileSync(path.join(SAMPLES, sampleByPrefix('002')), file);
    const before = readFileSync(file, 'utf8');
    const r = await cli(['check', '--fix', '--locale', 'en', file]);
    assert.equal(r.code, 1);
    assert.equal(readFileSync(file, 'utf8'), before);
    assert.match(r.out, /results-total/);
  });

  it('keeps a byte order mark', async () => {
    const file = path.join(tmp, 'bom.txt');
    writeFileSync(file, '\uFEFF' + readFileSync(path.join(SAMPLES, sampleByPrefix('02_')), 'utf8'));
    assert.equal((await cli(['check', '--fix', '--locale', 'en', file])).code, 0);
    assert.ok(readFileSync(file, 'utf8').startsWith('\uFEFF'));
  });
});

describe('nianbao check --format text', () => {
  it('prints path:line:col  severity  code  message, a summary per file and the totals', async () => {
    const r = await cli(['check', '--locale', 'en', SAMPLES]);
    const json = files((await cli(['check', '--format', 'json', '--locale', 'en', SAMPLES])).out);
    const seed = path.join(SAMPLES, sampleByPrefix('002'));
    assert.match(r.out, new RegExp(`^${escape(seed)}:319:1 +error +results-total +row 「（七）总计」, column 「自然人」: written 23`, 'm'));
    for (const f of json) assert.match(r.out, new RegExp(`^${escape(f.path)}  .*template ${f.template}`, 'm'));
    const all = json.flatMap(f => f.diagnostics);
    const n = (s: string) => all.filter(d => d.severity === s).length;
    const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
    const total = r.out.trimEnd().split('\n').pop()!;
    assert.ok(total.startsWith(`10 files, ${plural(n('error'), 'error')}, ${plural(n('warning'), 'warning')}, ${plural(n('note'), 'note')}`), total);
  });

  it('lists a finding\'s related places under it, the first three as path:line:col and a count of the rest', async () => {
    const seed = path.join(SAMPLES, sampleByPrefix('002'));
    const r = await cli(['check', '--locale', 'en', seed]);
    const json = fileOf((await cli(['check', '--format', 'json', '--locale', 'en', seed])).out, '002');
    const first = json.diagnostics.find(d => d.code === 'results-total') as JsonDiagnostic & { related: { range: { start: { line: number; character: number } }; message: string }[] };
    const lines = r.out.split('\n');
    const at = lines.findIndex(l => l.startsWith(`${seed}:${first.range.start.line + 1}:`));
    const shown = first.related.slice(0, 3).map(p => `    ${seed}:${p.range.start.line + 1}:${p.range.start.character + 1}  ${p.message}`);
    assert.deepEqual(lines.slice(at + 1, at + 5), [...shown, `    … and ${first.related.length - 3} more places (--format json lists all)`]);
    // The duplicate heading of seed 001 names the first one: one place, no count.
    const dup = await cli(['check', '--locale', 'zh-cn', path.join(SAMPLES, sampleByPrefix('001'))]);
    assert.match(dup.out, /duplicate-part .*\n {4}\S+:394:1  第五部分「存在的主要问题及改进情况」的第一个标题\n\S+  /);
  });

  it('says the totals in Chinese with --locale zh-cn', async () => {
    const r = await cli(['check', '--locale', 'zh-cn', path.join(SAMPLES, sampleByPrefix('002'))]);
    assert.match(r.out, /「（七）总计」行「自然人」列：填写为 23/);
    assert.match(r.out, /^1 个文件，2 个错误，/m);
  });
});


describe('nianbao check: bad input', () => {
  it('reports a file whose character set cannot be told, still checks the others, and exits 2', async () => {
    const bad = path.join(tmp, 'gbk.txt');
    writeFileSync(bad, Buffer.from([0xc4, 0xea, 0xb1, 0xa8, 0x0a, 0xff, 0xfe])); // 年报 in GBK, then junk
    const good = path.join(SAMPLES, sampleByPrefix('002'));
    const r = await cli(['check', '--format', 'json', '--locale', 'en', bad, good]);
    assert.equal(r.code, 2);
    assert.match(r.err, /gbk\.txt: The character set of this file cannot be told/);
    // Listed with its error, in input order (issue 15: it was left out).
    assert.deepEqual(files(r.out).map(f => f.path), [bad, good]);
    assert.match((files(r.out)[0] as unknown as { error: string }).error, /^.*gbk\.txt: The character set of this file cannot be told/);
  });

  it('reports a missing path and exits 2', async () => {
    const r = await cli(['check', '--locale', 'en', path.join(tmp, 'nope.txt')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /nope\.txt: no such file or folder/);
  });

  it('rejects unknown options and a missing path list with usage, exit 2', async () => {
    assert.equal((await cli(['check', '--format', 'xml', SAMPLES])).code, 2);
    const none = await cli(['check']);
    assert.equal(none.code, 2);
    assert.match(none.err, /usage:/);
  });

  it('--help and -h, alone or after any verb, print the usage on stdout and exit 0', async () => {
    const asks = [['--help'], ['-h'], ['help'], ...['check', 'parse', 'rollup', 'import', 'export'].flatMap(v => [[v, '--help'], [v, '-h']]), ['check', '--locale', 'en', '--help', SAMPLES]];
    for (const args of asks) {
      const r = await cli(args);
      assert.deepEqual([r.code, r.err], [0, ''], args.join(' '));
      assert.match(r.out, /^usage:\n {2}nianbao parse/, args.join(' '));
      assert.match(r.out, /nianbao check \[--format/);
    }
    // After `--` a name is a path, even one spelled like an option.
    const path = await cli(['check', '--', '-h']);
    assert.equal(path.code, 2);
    assert.match(path.err, /-h: no such file or folder/);
    const built = spawnSync(process.execPath, [CLI, 'check', '--help'], { encoding: 'utf8' });
    assert.deepEqual([built.status, built.stderr], [0, '']);
    assert.match(built.stdout, /^usage:/);
  });

  it('parse: a binary file is exit 2 with a message', async () => {
    const bin = path.join(tmp, 'report.txt');
    writeFileSync(bin, Buffer.from('二、主动公开政府信息情况\n\u0000\u0001\u0002', 'utf8'));
    const r = await cli(['parse', bin]);
    assert.equal(r.code, 2);
    assert.match(r.err, /binary data, not a report/);
    assert.equal(r.out, '');
  });
});

/** The parts of SARIF 2.1.0 a consumer relies on (a hand-written subset of the schema). */
function assertSarif(log: any, text: (uri: string) => string) {
  assert.equal(log.version, '2.1.0');
  assert.ok(Array.isArray(log.runs) && log.runs.length === 1);
  const runObj = log.runs[0];
  assert.equal(runObj.tool.driver.name, 'nianbao');
  const rules = runObj.tool.driver.rules as any[];
  assert.deepEqual(rules.map(r => r.id), RULES.map(r => r.code));
  for (const r of rules) {
    for (const k of ['shortDescription', 'fullDescription', 'help']) assert.equal(typeof r[k].text, 'string', `${r.id}.${k}`);
    assert.ok(['error', 'warning', 'note'].includes(r.defaultConfiguration.level));
  }
  assert.ok(Array.isArray(runObj.results));
  for (const res of runObj.results) {
    assert.equal(typeof res.ruleId, 'string');
    assert.equal(rules[res.ruleIndex].id, res.ruleId);
    assert.ok(['error', 'warning', 'note'].includes(res.level));
    assert.equal(typeof res.message.text, 'string');
    const loc = res.locations[0].physicalLocation;
    assert.equal(typeof loc.artifactLocation.uri, 'string');
    const g = loc.region;
    for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn']) assert.ok(Number.isInteger(g[k]) && g[k] >= 1, k);
    assert.ok(g.endLine > g.startLine || (g.endLine === g.startLine && g.endColumn >= g.startColumn));
    text(loc.artifactLocation.uri); // the artifact resolves
  }
}

describe('nianbao check --format sarif', () => {
  it('is structurally valid SARIF 2.1.0 whose regions point at the cells', async () => {
    const r = await cli(['check', '--format', 'sarif', '--locale', 'en', path.relative(process.cwd(), SAMPLES)]);
    assert.equal(r.code, 1);
    const log = JSON.parse(r.out);
    const read = (uri: string) => readFileSync(path.resolve(process.cwd(), decodeURIComponent(uri)), 'utf8');
    assertSarif(log, read);
    const results = log.runs[0].results as any[];
    const seed = results.filter(x => x.ruleId === 'results-total' && x.locations[0].physicalLocation.artifactLocation.uri.includes('002_'));
    assert.equal(seed.length, 2);
    // 1-based line and column: the region holds the written total, 23 and 28.
    const cellText = (x: any) => {
      const g = x.locations[0].physicalLocation.region;
      return read(x.locations[0].physicalLocation.artifactLocation.uri).split('\n')[g.startLine - 1].slice(g.startColumn - 1, g.endColumn - 1);
    };
    assert.deepEqual(seed.map(cellText), ['23', '28']);
    assert.equal(seed[0].level, 'error');
  });

  it('lists an unreadable file as a failed notification', async () => {
    const bad = path.join(tmp, 'bad.txt');
    writeFileSync(bad, Buffer.from([0xff, 0xfe, 0x00]));
    const r = await cli(['check', '--format', 'sarif', '--locale', 'en', bad]);
    assert.equal(r.code, 2);
    const inv = JSON.parse(r.out).runs[0].invocations[0];
    assert.equal(inv.executionSuccessful, false);
    assert.match(inv.toolExecutionNotifications[0].message.text, /bad\.txt/);
  });
});

describe('nianbao check --jobs', () => {
  it('checks many files in worker threads with the same output, in input order', async function () {
    this.timeout(120000);
    const dir = path.join(tmp, 'many');
    mkdirSync(dir);
    for (let k = 0; k < 6; k++) for (const n of sampleNames()) copyFileSync(path.join(SAMPLES, n), path.join(dir, `${k}_${n}`));
    // A worker entry that records each start, then runs the CLI bundle as a worker does.
    const marker = path.join(tmp, 'started');
    const entry = path.join(tmp, 'worker.js');
    writeFileSync(entry, `require('fs').appendFileSync(${JSON.stringify(marker)}, 'w\\n'); require(${JSON.stringify(CLI)});`);
    const one = await cli(['check', '--format', 'json', '--locale', 'en', '--jobs', '1', dir], entry);
    const many = await cli(['check', '--format', 'json', '--locale', 'en', '--jobs', '2', dir], entry);
    assert.equal(readFileSync(marker, 'utf8'), 'w\nw\n', 'two workers started for --jobs 2, none for --jobs 1');
    assert.equal(many.code, one.code);
    assert.equal(many.out, one.out);
    const text = await cli(['check', '--locale', 'en', '--jobs', '2', dir], entry);
    assert.equal(text.out, (await cli(['check', '--locale', 'en', '--jobs', '1', dir])).out);
  });
});

describe('dist/cli.js', () => {
  const node = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  it('exits 1 on the samples, 0 on a fixed copy, 2 on a missing path', () => {
    const samples = node('check', '--locale', 'en', 'samples');
    assert.equal(samples.status, 1, samples.stderr);
    assert.match(samples.stdout, /^10 files, /m);
    const fixed = path.join(tmp, 'fixed.txt');
    copyFileSync(path.join(SAMPLES, sampleByPrefix('02_')), fixed);
    assert.equal(node('check', '--fix', '--locale', 'en', fixed).status, 0);
    assert.equal(node('check', '--locale', 'en', fixed).status, 0);
    const missing = node('check', path.join(tmp, 'missing'));
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no such file or folder/);
  });
});
