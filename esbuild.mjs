// One build for every bundle: the VS Code client, the language server (node and
// browser), the CLI, and the test suites. `node esbuild.mjs [--watch]`.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

// The template declarations are validated here, once, with zod (templates/checked.ts run
// at build time); every bundle gets the checked data in that module's place, so nothing
// validates templates, or loads zod for them, when it starts. A bad declaration fails the build.
const checkedModule = /[\\/]engine[\\/]templates[\\/]checked\.ts$/;
async function checkedTemplates() {
  const out = await esbuild.build({
    entryPoints: ['server/src/engine/templates/checked.ts'], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(module, module.exports, () => { throw new Error('checked.ts requires nothing at run time'); });
  return JSON.stringify(module.exports.CHECKED);
}
// Once per build (and per rebuild under --watch, so an edited declaration is checked again).
let checking;
const shipCheckedTemplates = {
  name: 'checked-templates',
  setup(build) {
    build.onStart(() => { checking = undefined; });
    build.onLoad({ filter: checkedModule }, async () => ({ contents: `export const CHECKED = ${await (checking ??= checkedTemplates())};`, loader: 'js' }));
  },
};

const node = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'warning', plugins: [shipCheckedTemplates] };
const browser = { bundle: true, platform: 'browser', format: 'cjs', target: 'es2022', sourcemap: true, logLevel: 'warning', plugins: [shipCheckedTemplates] };

// What ships in the .vsix is minified (with source maps); the CLI and tests are not.
const shipped = { minify: true };
const bundles = [
  { ...node, ...shipped, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...browser, ...shipped, entryPoints: ['client/src/browser.ts'], outfile: 'dist/web/client.js', external: ['vscode'] },
  { ...node, ...shipped, entryPoints: ['server/src/lsp/node.ts'], outfile: 'dist/server.js' },
  { ...browser, ...shipped, format: 'iife', entryPoints: ['server/src/lsp/browser.ts'], outfile: 'dist/web/server.js' },
  // The `nianbao` command: a small launcher running the CLI bundle from V8's code cache (cli/bin.ts).
  { ...node, entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...node, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-main.js' },
  // Export to Excel/CSV (exceljs), required on first use by the CLI and the node server.
  { ...node, ...shipped, entryPoints: ['server/src/cli/export.ts'], outfile: 'dist/export.js' },
  // .nianbao.json's validator (zod), required by the CLI only when a configuration file exists.
  { ...node, ...shipped, entryPoints: ['server/src/config/schema.ts'], outfile: 'dist/config.js' },
].filter(b => existsSync(b.entryPoints[0]));

// Importers (server/src/import/<module>.ts exporting `importer`): one bundle each, loaded
// only when a file of that format is imported (server/src/import/load.ts); a web bundle
// too for those the registry marks `browser: true` (an iife setting self.nianbaoImporter).
const importDir = 'server/src/import';
const importers = existsSync(importDir)
  ? readdirSync(importDir).filter(f => f.endsWith('.ts') && /^export const importer\b/m.test(readFileSync(path.join(importDir, f), 'utf8'))).map(f => f.slice(0, -3))
  : [];
const registry = existsSync(`${importDir}/index.ts`) ? readFileSync(`${importDir}/index.ts`, 'utf8') : '';
const inBrowser = new Set([...registry.matchAll(/module: '([\w-]+)',[^\n]*browser: true/g)].map(m => m[1]));
for (const m of importers) {
  bundles.push({ ...node, ...shipped, entryPoints: [`${importDir}/${m}.ts`], outfile: `dist/import/${m}.js` });
  if (inBrowser.has(m)) bundles.push({ ...browser, ...shipped, format: 'iife', globalName: 'nianbaoImporter', entryPoints: [`${importDir}/${m}.ts`], outfile: `dist/web/import/${m}.js` });
}

// Test suites: every *.test.ts plus runners, one bundle each, under dist/test/<suite>/.
const testEntries = existsSync('test')
  ? readdirSync('test', { recursive: true }).map(String)
      .filter(f => /\.(test|bench|fuzz)\.ts$|(^|\/)(index|run)\.ts$/.test(f) && !f.includes('fixtures') && !f.startsWith('vscode-web'))
      .map(f => path.join('test', f))
  : [];
if (testEntries.length) {
  // A renamed or moved test must not run again from its old bundle.
  rmSync('dist/test', { recursive: true, force: true });
  bundles.push({
    ...node, entryPoints: testEntries, outdir: 'dist/test', outbase: 'test',
    external: ['vscode', 'mocha', 'markdownlint', 'markdownlint/*'],
  });
}

// The web pass of the VS Code suite: one browser bundle (mocha's browser build included, `assert`
// a small stand-in) that the web worker extension host loads (test/vscode-web/index.ts).
if (existsSync('test/vscode-web/index.ts')) {
  bundles.push({
    ...browser, entryPoints: ['test/vscode-web/index.ts'], outfile: 'dist/test/vscode-web/index.js',
    external: ['vscode'], alias: { assert: './test/vscode-web/assert.ts' },
  });
}

const watch = process.argv.includes('--watch');
await Promise.all(bundles.map(async b => {
  if (watch) await (await esbuild.context(b)).watch();
  else await esbuild.build(b);
}));

// The CLI's code cache, made by one check of a sample so it holds the functions a check runs
// (cli/bin.ts writes it after a run that had none). Under --watch the first run after a rebuild does.
const seed = 'samples/000_84d930cebacf0df8.txt';
if (!watch && existsSync('dist/cli.js') && existsSync(seed)) {
  spawnSync(process.execPath, ['dist/cli.js', 'check', seed], { stdio: 'ignore' });
}
