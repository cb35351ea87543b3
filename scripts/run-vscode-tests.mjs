// The VS Code suite (`node scripts/test.mjs vscode`): runs dist/test/vscode/index.js (built
// from test/vscode/ by `node esbuild.mjs`) inside a real VS Code extension host through
// @vscode/test-electron's runTests, and ends its stdout with `vscode: N passed, N failed`.
//
// Default (offline): the "VS Code executable" is scripts/vscode-shim.sh, which runs the tests
// in the extension host of VS Code's server from the npm package code-server, opened by
// headless Debian chromium (scripts/code-server-host.mjs). scripts/install-vscode-host.sh
// installs both on first use and is a no-op afterwards. Three passes, one host each: the
// suite in the Node extension host; the installed pass (test/vscode-installed/), where nianbao
// is not under development but installed from its .vsix, with a copy lacking the capabilities
// declaration beside it, in an untrusted folder (Restricted Mode); and the web pass
// (NIANBAO_TEST_HOST=web), the extension's browser build in the web worker extension host with
// test/vscode-web/index.ts. Their counts add up in the closing line.
//
// NIANBAO_VSCODE=download: the ordinary path instead. runTests downloads desktop VS Code
// (NIANBAO_VSCODE_VERSION, default `stable`) into .vscode-test/ and runs the tests under
// Electron; needs internet, and a display on Linux (e.g. `xvfb-run -a`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { createReportWorkspace } from './code-server-host.mjs';
import { packTestExtensions } from './pack-test-vsix.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const download = process.env.NIANBAO_VSCODE === 'download';
const extensionTestsPath = path.join(root, 'dist', 'test', 'vscode', 'index.js');
const webTestsPath = path.join(root, 'dist', 'test', 'vscode-web', 'index.js');
const installedTestsPath = path.join(root, 'dist', 'test', 'vscode-installed', 'index.js');
const t0 = Date.now();
const seconds = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

function summary(passed, failed, why) {
  if (why) console.error(`[vscode] ${why}`);
  console.log(`[vscode] ${download ? 'desktop VS Code' : 'code-server extension host'}, ${seconds()}`);
  console.log(`vscode: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

for (const f of [extensionTestsPath, webTestsPath, installedTestsPath]) if (!existsSync(f)) summary(0, 1, `${path.relative(root, f)} is missing: run \`node esbuild.mjs\` first`);

if (!download) {
  // the installer's chatter goes to stderr: stdout is the suite's report
  const install = spawnSync('bash', [path.join(root, 'scripts', 'install-vscode-host.sh')], { stdio: ['ignore', process.stderr, process.stderr] });
  if (install.status !== 0) summary(0, 1, `scripts/install-vscode-host.sh failed (${install.status ?? install.signal})`);
}

// test/vscode/index.ts writes { passed, failed } here; it is the source of the counts.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'nianbao-vscode-'));
const resultFile = path.join(tmp, 'result.json');
const extensionTestsEnv = { NIANBAO_TEST_RESULT: resultFile };
const options = { extensionDevelopmentPath: root, extensionTestsPath, extensionTestsEnv };
if (download) {
  // code-server-host.mjs prepares the workspace itself; desktop VS Code needs it here.
  const workspace = path.join(tmp, 'workspace');
  extensionTestsEnv.NIANBAO_TEST_WORKSPACE = workspace;
  extensionTestsEnv.NIANBAO_TEST_REPORTS = JSON.stringify(createReportWorkspace(workspace));
  Object.assign(options, {
    version: process.env.NIANBAO_VSCODE_VERSION ?? 'stable',
    cachePath: path.join(root, '.vscode-test'),
    launchArgs: [workspace, '--disable-extensions'],
  });
} else {
  Object.assign(options, { vscodeExecutablePath: path.join(root, 'scripts', 'vscode-shim.sh'), reuseMachineInstall: true });
}

/** One run of the suite in the host; its { passed, failed } (a host failure counts as one). */
async function pass(extraEnv = {}, testsPath = extensionTestsPath, developmentPath = root) {
  let runError;
  try {
    await runTests({ ...options, extensionDevelopmentPath: developmentPath, extensionTestsPath: testsPath, extensionTestsEnv: { ...extensionTestsEnv, ...extraEnv } });
  } catch (e) {
    runError = e;
  }
  let result;
  try { result = JSON.parse(readFileSync(resultFile, 'utf8')); } catch {}
  rmSync(resultFile, { force: true });
  if (!result) return { passed: 0, failed: 1, why: `the extension host did not report a result${runError ? ` (${runError.message})` : ''}` };
  // a host that fails after the tests passed still fails the suite
  return { passed: result.passed, failed: result.failed || (runError ? 1 : 0), why: runError && !result.failed ? `the extension host failed after the tests: ${runError.message}` : undefined };
}

const runs = [await pass()];
// The installed pass: VS Code never disables an extension under development, so here the one
// under development is only the test runner (test/vscode-installed/) and nianbao is installed
// from its .vsix, with the negative control (the same package without `capabilities`) beside
// it, and the code-server host opens the folder untrusted (desktop VS Code is started by
// runTests with workspace trust disabled and extensions disabled).
if (!download) {
  const t = Date.now();
  let installed;
  try {
    const { declared, undeclared } = await packTestExtensions(path.join(tmp, 'vsix'));
    installed = await pass({ NIANBAO_TEST_TRUST: 'untrusted', NIANBAO_TEST_INSTALL: [declared, undeclared].join(path.delimiter) },
      installedTestsPath, path.join(root, 'test', 'vscode-installed'));
  } catch (e) {
    installed = { passed: 0, failed: 1, why: `could not pack the extension: ${e?.stack ?? e}` };
  }
  console.log(`[vscode] installed pass (untrusted folder): ${installed.passed} passed, ${installed.failed} failed, ${((Date.now() - t) / 1000).toFixed(1)}s`);
  runs.push({ ...installed, why: installed.why && `installed pass: ${installed.why}` });
}
// The web pass: the same host runs the extension in the browser's web worker extension host
// (dist/web/client.js, its server dist/web/server.js in a worker), with the scenarios that
// need no file system of the extension's own (test/vscode-web/index.ts).
if (!download) {
  const t = Date.now();
  const web = await pass({ NIANBAO_TEST_HOST: 'web' }, webTestsPath);
  console.log(`[vscode] web worker extension host pass: ${web.passed} passed, ${web.failed} failed, ${((Date.now() - t) / 1000).toFixed(1)}s`);
  runs.push({ ...web, why: web.why && `web pass: ${web.why}` });
}
rmSync(tmp, { recursive: true, force: true });
summary(runs.reduce((n, r) => n + r.passed, 0), runs.reduce((n, r) => n + r.failed, 0), runs.map(r => r.why).filter(Boolean).join('; ') || undefined);
