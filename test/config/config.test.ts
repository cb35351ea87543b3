// .nianbao.json: found from a report's folder up (or named by --config), JSONC, validated
// with the line of each problem; its JSON schema (contributed to VS Code) is generated from
// the same declaration; a severity it writes always wins. `nianbao check` following it:
// test/cli/config.test.ts.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GENERATIONS, ReportDocument, RULES, check } from '../../server/src/engine';
import { configJsonSchema, parseConfig } from '../../server/src/config/schema';
import { CONFIG_FILE, findConfigFile, globPattern } from '../../server/src/config/find';
import { ROOT, readSample } from '../helpers';

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
