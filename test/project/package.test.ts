// The installable package and the manifest's words: the .vsix holds only what the installed
// extension reads (per `vsce ls`, which applies .vscodeignore), every %key% of package.json
// and every runtime string of the client is translated, and the severity setting knows
// every rule code.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GENERATIONS, RULES } from '../../server/src/engine';
import { FORMATS } from '../../server/src/import';
import { ROOT } from '../helpers';

const ALLOWED = [
  /^package\.json$/, /^package\.nls(\.[a-z-]+)?\.json$/, /^README\.md$/, /^LICENSE$/, /^images\/icon\.png$/,
  /^language-configuration\.json$/, /^schemas\/[a-z-]+\.schema\.json$/, /^syntaxes\/[^/]+\.json$/, /^snippets\/[^/]+\.code-snippets$/, /^l10n\/bundle\.l10n(\.[a-z-]+)?\.json$/,
  /^dist\/(client|server|cli|export)\.js$/, /^dist\/web\/(client|server)\.js$/,
  /^dist\/import\/[a-z0-9-]+\.js$/, /^dist\/web\/import\/[a-z0-9-]+\.js$/,
  /^media\/[a-z0-9-]+\.(js|css)$/, // the table view's webview script and style
];
const json = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));

describe('package', function () {
  this.timeout(30_000);
  let files: string[];
  before(() => {
    const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n').map(l => l.trim()).filter(Boolean);
  });

  it('vsce ls lists only bundles and declarative files', () => {
    const stray = files.filter(f => !ALLOWED.some(r => r.test(f)));
    assert.deepEqual(stray, [], `not meant for the .vsix: ${stray.join(', ')}`);
  });

  it('vsce ls lists everything the manifest points at', () => {
    const pkg = json('package.json');
    const referenced = [
      pkg.main, pkg.browser, pkg.icon,
      ...pkg.contributes.languages.map((l: { configuration?: string }) => l.configuration),
      ...pkg.contributes.grammars.map((g: { path: string }) => g.path),
      ...pkg.contributes.snippets.map((s: { path: string }) => s.path),
      ...pkg.contributes.jsonValidation.map((v: { url: string }) => v.url),
    ].filter(Boolean).map((p: string) => path.posix.normalize(p));
    for (const p of referenced) if (existsSync(path.join(ROOT, p))) assert.ok(files.includes(p), `${p} is missing from the package`);
    for (const p of ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'README.md', 'LICENSE', 'l10n/bundle.l10n.zh-cn.json']) {
      assert.ok(files.includes(p), `${p} is missing from the package`);
    }
    // The node client starts dist/server.js and the web client dist/web/server.js: both ship once built.
    for (const p of ['dist/server.js', 'dist/web/server.js']) if (existsSync(path.join(ROOT, p))) assert.ok(files.includes(p), p);
  });

  it('vsce ls lists the bundle of every registered importer (loaded when a file of its format is imported)', () => {
    for (const f of FORMATS) {
      assert.ok(files.includes(`dist/import/${f.module}.js`), `dist/import/${f.module}.js`);
      if (f.browser) assert.ok(files.includes(`dist/web/import/${f.module}.js`), `dist/web/import/${f.module}.js`);
    }
  });
});

describe('manifest words', () => {
  const pkg = readFileSync(path.join(ROOT, 'package.json'), 'utf8');
  const keys = [...new Set([...pkg.matchAll(/"%([^%"]+)%"/g)].map(m => m[1]))];

  for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
    it(`${file} has exactly the %keys% package.json uses`, () => {
      const nls = json(file);
      assert.deepEqual(keys.filter(k => !(k in nls)), [], 'missing');
      assert.deepEqual(Object.keys(nls).filter(k => !keys.includes(k)), [], 'unused');
    });
  }

  it('every runtime string of the client has a zh-cn translation, and none is stale', () => {
    const dir = path.join(ROOT, 'client', 'src');
    const used = new Set<string>();
    for (const f of readdirSync(dir, { recursive: true }).map(String).filter(f => f.endsWith('.ts'))) {
      for (const m of readFileSync(path.join(dir, f), 'utf8').matchAll(/l10n\.t\('((?:[^'\\]|\\.)*)'/g)) used.add(m[1]);
    }
    assert.ok(used.size > 10, `found only ${used.size} l10n.t strings: has the call style changed?`);
    const bundle = json('l10n/bundle.l10n.zh-cn.json');
    assert.deepEqual([...used].filter(k => !(k in bundle)), [], 'untranslated');
    assert.deepEqual(Object.keys(bundle).filter(k => !used.has(k)), [], 'stale');
  });

  // The command palette matches "Category: Title": a user of either language types 年报 or nianbao.
  it('every contributed command reads "年报" and "nianbao" in the palette, in both languages', () => {
    const commands: { command: string; title: string; category?: string }[] = json('package.json').contributes.commands;
    assert.ok(commands.length >= 8);
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = json(file);
      const word = (s: string | undefined) => (s ?? '').replace(/^%(.+)%$/, (_, k) => nls[k]);
      for (const c of commands) {
        const shown = `${word(c.category)}: ${word(c.title)}`;
        assert.ok(shown.includes('年报') && shown.toLowerCase().includes('nianbao'), `${file} ${c.command}: ${shown}`);
      }
    }
  });

  it('nianbao.severity lists every rule code the engine has', () => {
    const severity = JSON.parse(pkg).contributes.configuration.properties['nianbao.severity'];
    const listed = Object.keys(severity.properties);
    assert.deepEqual(RULES.map(r => r.code).filter(c => !listed.includes(c)), []);
  });

  it('nianbao.template offers auto and every declared generation', () => {
    assert.deepEqual(JSON.parse(pkg).contributes.configuration.properties['nianbao.template'].enum, ['auto', ...GENERATIONS]);
  });

  it('declares Restricted Mode (it runs no workspace code) and virtual workspaces (limited: no folder peers) support', () => {
    const caps = json('package.json').capabilities;
    assert.equal(caps?.untrustedWorkspaces?.supported, true);
    assert.equal(caps?.virtualWorkspaces?.supported, 'limited');
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      assert.match(json(file)['capabilities.virtualWorkspaces.description'], /peers|跨年度/, file);
    }
  });
});
