// `npm test`: builds once, runs every suite (each prints `N passed, N failed`), and ends
// with one line summing them. `node scripts/test.mjs engine lsp` runs only those suites;
// `unit` is every suite but vscode. Each mocha suite is a folder of test/ (test/README.md).
import { spawnSync } from 'node:child_process';

const mocha = (folder) => ['node', 'scripts/mocha-suite.mjs', folder];
const SUITES = {
  engine: mocha('engine'),
  import: mocha('import'),
  config: mocha('config'),
  cli: mocha('cli'),
  lsp: mocha('lsp'),
  client: mocha('client'),
  project: mocha('project'),
  grammar: ['node', 'scripts/grammar-suite.mjs'],
  vscode: ['node', 'scripts/run-vscode-tests.mjs'],
};
// Names that stand for several suites; `server` is the old name of lsp.
const GROUPS = { unit: Object.keys(SUITES).filter(s => s !== 'vscode'), server: ['lsp'] };
const asked = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(SUITES);
const chosen = [...new Set(asked.flatMap(s => GROUPS[s] ?? [s]))];

const build = spawnSync('node', ['esbuild.mjs'], { stdio: 'inherit' });
if (build.status !== 0) { console.log('0 passed, 1 failed'); process.exit(1); }

let passed = 0, failed = 0;
for (const name of chosen) {
  const cmd = SUITES[name];
  if (!cmd) { console.error(`unknown suite ${name}`); failed++; continue; }
  const res = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 28 });
  process.stdout.write(res.stdout ?? '');
  const lines = (res.stdout ?? '').trim().split('\n').reverse();
  const summary = lines.map(l => /(\d+) passed, (\d+) failed/.exec(l)).find(Boolean);
  if (!summary) { console.log(`[${name}] printed no summary (exit ${res.status}): counted as 1 failure`); failed++; continue; }
  passed += Number(summary[1]);
  failed += Number(summary[2]);
  if (res.status !== 0 && Number(summary[2]) === 0) { console.log(`[${name}] exited ${res.status}`); failed++; }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
