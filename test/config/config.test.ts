// .nianbao.json: found from a report's folder up (or named by --config), JSONC, validated
// with the line of each problem; `nianbao check` follows it; its JSON schema (contributed
// to VS Code) is generated from the same declaration; a severity it writes always wins.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GENERATIONS, ReportDocument, RULES, check } from '../../server/src/engine';
import { run } from '../../server/src/cli/run';
import { configJsonSchema, parseConfig } from '../../server/src/config/schema';
import { CONFIG_FILE, findConfigFile, globPattern } from '../../server/src/config/find';
import { ROOT, SAMPLES, readSample, sampleByPrefix } from '../helpers';

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

describe('.nianbao.json schema', () => {
  it('schemas/nianbao.schema.json is what scripts/gen-config-schema.mjs makes from the declaration now', () => {
    assert.deepEqual(JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'nianbao.schema.json'), 'utf8')), configJsonSchema(), 'run: node scripts/gen-config-schema.mjs');
  });
  it('lists every rule code under severity and every generation under template; package.json contributes it for .nianbao.json', () => {
    const schema = configJsonSchema() as { properties: { severity: { properties: object; additionalProperties: boolean }; template: { enum: string[] } } };
    assert.deepEqual(Object.keys(schema.properties.severity.properties).sort(), RULES.map(r => r.code).sort());
    assert.equal(schema.properties.severity.additionalProperties, false);
    assert.deepEqual([...schema.properties.template.enum].sort(), ['auto', ...GENERATIONS].sort());
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: CONFIG_FILE, url: './schemas/nianbao.schema.json' }]);
  });
});

describe('.nianbao.json reading', () => {
  it('reads JSONC: comments and trailing commas', () => {
    const c = parseConfig('x/.nianbao.json', '// team rules\n{\n  /* CI */ "severity": { "results-total": "off", },\n  "template": "2021",\n  "locale": "en",\n}\n');
    assert.deepEqual(c, { path: 'x/.nianbao.json', severity: { 'results-total': 'off' }, template: '2021', locale: 'en' });
  });
  it('names the file and line of each problem', () => {
    const text = '{\n  "severity": {\n    "results-total": "loud",\n    "no-such-rule": "off"\n  },\n  "template": "2020"\n}\n';
    assert.throws(() => parseConfig('a/.nianbao.json', text), (e: Error) => {
      assert.match(e.message, /^a\/\.nianbao\.json:3: severity\.results-total: /m);
      assert.match(e.message, /^a\/\.nianbao\.json:4: severity\.no-such-rule: /m);
      assert.match(e.message, /^a\/\.nianbao\.json:6: template: /m);
      return true;
    });
    assert.throws(() => parseConfig('b.json', '{\n  "severity": {\n    "blank-cell": "off"\n  \n'), / b\.json:5: expected/);
    assert.throws(() => parseConfig('c.json', '{\n  "colour": 1\n}'), / c\.json:2: colour: /);
  });
  it('is found from the report\'s folder upwards', () => {
    mkdirSync(path.join(tmp, 'a', 'b'), { recursive: true });
    assert.equal(findConfigFile(path.join(tmp, 'a', 'b')), undefined);
    writeFileSync(path.join(tmp, CONFIG_FILE), '{}');
    assert.equal(findConfigFile(path.join(tmp, 'a', 'b')), path.join(tmp, CONFIG_FILE));
    writeFileSync(path.join(tmp, 'a', CONFIG_FILE), '{}');
    assert.equal(findConfigFile(path.join(tmp, 'a', 'b')), path.join(tmp, 'a', CONFIG_FILE));
  });
  it('matches globs: * within a folder, ** across folders', () => {
    assert.ok(globPattern('**/*.txt').test('a/b/c.txt') && globPattern('**/*.txt').test('c.txt'));
    assert.ok(globPattern('reports/*.md').test('reports/x.md') && !globPattern('reports/*.md').test('reports/y/x.md'));
  });
});

describe('a severity written in the configuration always wins', () => {
  it('even when it is the rule\'s default: template-generation "warning" makes the fee note a warning', () => {
    const doc = new ReportDocument(readSample('003'));
    const fee = (sev?: Record<string, 'warning'>) => check(doc, { locale: 'en', severity: sev }).filter(f => f.code === 'template-generation' && /信息处理费/.test(f.message));
    assert.deepEqual(fee().map(f => f.severity), ['information']);
    assert.deepEqual(fee({ 'template-generation': 'warning' }).map(f => f.severity), ['warning']);
  });
});

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
    const cliBundle = readFileSync(path.join(ROOT, 'dist', 'cli.js'), 'utf8');
    assert.doesNotMatch(cliBundle, /ZodError|\$ZodType/);
    assert.match(readFileSync(path.join(ROOT, 'dist', 'config.js'), 'utf8'), /ZodError|\$ZodType/);
  });
});
