// Runs the extension's VS Code test suite in a REAL VS Code extension host, offline.
//
// VS Code's own server (lib/vscode/out/server-main.js from the npm package code-server,
// installed by scripts/install-vscode-host.sh) runs a Node extension host; headless Debian
// chromium, driven by playwright-core, opens the web workbench that starts it. The workbench
// reads extensionDevelopmentPath / extensionTestsPath from the `payload` query parameter
// (honoured because of --enable-smoke-test-driver), the extension host runs the mocha suite,
// and the workbench reports the exit code through window.codeAutomationExit. This is how
// VS Code runs its own browser integration tests.
//
// Usage: takes the flags @vscode/test-electron's runTests passes to a VS Code executable
// (see scripts/vscode-shim.sh); everything but these two is ignored:
//   node scripts/code-server-host.mjs --extensionDevelopmentPath=<dir> --extensionTestsPath=<index.js>
// Env:
//   NIANBAO_TEST_WORKSPACE   folder to open; default: a fresh temp dir holding samples/*.txt
//                            under report-like names (REPORT_NAMES below)
//   NIANBAO_TEST_REPORTS     JSON { seed id: file name } for the tests; set here by default
//   NIANBAO_TEST_RESULT      where test/vscode/index.ts writes { passed, failed }; default temp
//   NIANBAO_TEST_TIMEOUT_MS  whole run, default 300000
//   NIANBAO_TEST_TRUST=untrusted  open the folder without trusting it (Restricted Mode)
//   NIANBAO_TEST_INSTALL     .vsix files (separated by path.delimiter) the server installs into its
//                            --extensions-dir as it starts (--install-extension … --start-server;
//                            the workbench waits for them): ordinary installed extensions, not
//                            under development. The tests get that folder in NIANBAO_TEST_EXTENSIONS_DIR.
//   NIANBAO_TEST_HOST=web   run the extension in the browser's web worker extension host
//                            instead of the server's Node one (user setting remote.extensionKind
//                            { "<publisher>.<name>": ["web"] }); the web tests, which have no
//                            process.env, get these variables from the user setting nianbaoTest.env;
//                            give --extensionTestsPath=dist/test/vscode-web/index.js (a browser
//                            bundle: VS Code runs the tests in the host the extension runs in).
//                            The payload's `extensionDevelopmentKind` does nothing in this VS Code
//                            (1.100: the web workbench never reads it), hence the setting.
//   NIANBAO_TEST_VERBOSE=1   relay the server's and the browser's own logs too
//   NIANBAO_TEST_KEEP=1      keep the temp dir (server logs, workspace) for inspection
//   CODE_SERVER_DIR, CHROMIUM_PATH   override the installed locations
//   NIANBAO_SCREENSHOT       a PNG path: when the extension host creates `<path>.request`,
//                            the workbench page is saved there and `<path>.done` created
//                            (scripts/screenshot-tableview.mjs)
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Seed id (sample file name without .txt) -> file name in the test workspace. The names
// must match the language's filenamePatterns (`*年度报告*.txt`); samples not listed here
// are copied as `报告-<seed id>-年度报告.txt`.
export const REPORT_NAMES = {
  '000_84d930cebacf0df8': '坎市镇2020年政府信息公开工作年度报告.txt',
  '002_e246dbc8ebcc4636': '漳平市2020年政府信息公开工作年度报告.txt',
  '003_88f4efaced47710b': '长滩镇2021年政府信息公开工作年度报告.txt',
  '004_cf77e8731c91250a': '隆德县联财镇2019年政府信息公开工作年度报告.txt',
  '01_huaian_city_2024_pdflayout': '淮安市人民政府2024年政府信息公开工作年度报告.txt',
  '02_hongze_district_2023_pdflayout': '洪泽区人民政府2023年政府信息公开工作年度报告.txt',
  '03_hongze_district_2024_pdfraw': '淮安市洪泽区人民政府2024年政府信息公开工作年度报告.txt',
};
export const reportFileName = seed => REPORT_NAMES[seed] ?? `报告-${seed}-年度报告.txt`;

/** Copies samples/*.txt into `dir` under report names; returns { seed id: file name }. */
export function createReportWorkspace(dir, samplesDir = path.join(ROOT, 'samples')) {
  mkdirSync(dir, { recursive: true });
  const reports = {};
  for (const f of readdirSync(samplesDir).filter(f => f.endsWith('.txt')).sort()) {
    const seed = f.slice(0, -'.txt'.length);
    reports[seed] = reportFileName(seed);
    copyFileSync(path.join(samplesDir, f), path.join(dir, reports[seed]));
  }
  return reports;
}

/** The { seed id: file name } entries of REPORT_NAMES-style names present in `dir`. */
function reportsIn(dir) {
  const names = new Set(readdirSync(dir));
  const seeds = existsSync(path.join(ROOT, 'samples'))
    ? readdirSync(path.join(ROOT, 'samples')).filter(f => f.endsWith('.txt')).map(f => f.slice(0, -4))
    : Object.keys(REPORT_NAMES);
  return Object.fromEntries(seeds.map(s => [s, reportFileName(s)]).filter(([, n]) => names.has(n)));
}

// Routine workbench log lines, relayed only with NIANBAO_TEST_VERBOSE.
const WORKBENCH_CHATTER = new RegExp([
  /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin extensions cache|ChatSessionStore:)/,
  /^\[Service Worker\] registration/, // the server has no service worker
  /ENOTFOUND open-vsx\.org/, // the marketplace is offline
].map(r => r.source).join('|'));

async function main() {
  const t0 = Date.now();
  const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
  const log = msg => console.log(`[vscode-host] ${msg}`);
  const env = process.env;
  const verbose = !!env.NIANBAO_TEST_VERBOSE;

  const flags = Object.fromEntries(process.argv.slice(2).filter(a => /^--[\w-]+=/.test(a))
    .map(a => [a.slice(2, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
  const extensionDevelopmentPath = path.resolve(flags.extensionDevelopmentPath ?? ROOT);
  const extensionTestsPath = path.resolve(flags.extensionTestsPath ?? path.join(ROOT, 'dist', 'test', 'vscode', 'index.js'));
  const codeServerDir = env.CODE_SERVER_DIR
    ? path.join(env.CODE_SERVER_DIR, 'node_modules', 'code-server')
    : path.join(ROOT, '.vscode-test', 'code-server', 'node_modules', 'code-server');
  const serverMain = path.join(codeServerDir, 'lib', 'vscode', 'out', 'server-main.js');
  const chromiumPath = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const timeoutMs = Number(env.NIANBAO_TEST_TIMEOUT_MS ?? 300_000);

  for (const [what, file] of [['VS Code server', serverMain], ['chromium', chromiumPath], ['test index', extensionTestsPath]]) {
    if (!existsSync(file)) {
      console.error(`[vscode-host] ${what} not found: ${file}` + (what === 'test index' ? ' (run `node esbuild.mjs`)' : ' (run scripts/install-vscode-host.sh)'));
      process.exit(1);
    }
  }

  // One private, short temp dir for everything the server, extension host and browser write:
  // VS Code puts unix sockets under TMPDIR, and sun_path is limited to 108 bytes.
  const base = os.tmpdir().length <= 40 ? os.tmpdir() : '/tmp';
  const tmp = mkdtempSync(path.join(base, 'nb-vsc-'));
  const dir = name => { const d = path.join(tmp, name); mkdirSync(d, { recursive: true }); return d; };
  const isolated = {
    TMPDIR: dir('tmp'),
    XDG_CONFIG_HOME: dir('xdg-config'),
    XDG_DATA_HOME: dir('xdg-data'),
    XDG_CACHE_HOME: dir('xdg-cache'),
    VSCODE_AGENT_FOLDER: dir('agent'),
  };

  let workspace = env.NIANBAO_TEST_WORKSPACE ? path.resolve(env.NIANBAO_TEST_WORKSPACE) : undefined;
  let reports;
  if (workspace) reports = env.NIANBAO_TEST_REPORTS ? JSON.parse(env.NIANBAO_TEST_REPORTS) : reportsIn(workspace);
  else reports = createReportWorkspace(workspace = path.join(tmp, 'workspace'));
  const resultFile = env.NIANBAO_TEST_RESULT ?? path.join(tmp, 'result.json');
  rmSync(resultFile, { force: true });
  const extensionsDir = dir('extensions');
  const install = (env.NIANBAO_TEST_INSTALL ?? '').split(path.delimiter).filter(Boolean).map(f => path.resolve(f));
  const testEnv = {
    NIANBAO_TEST_WORKSPACE: workspace, NIANBAO_TEST_REPORTS: JSON.stringify(reports), NIANBAO_TEST_RESULT: resultFile,
    NIANBAO_TEST_EXTENSIONS_DIR: extensionsDir,
  };
  const userData = dir('user-data');
  if (env.NIANBAO_TEST_HOST === 'web') {
    // VS Code Server keeps the user settings on the server, under --user-data-dir.
    const { publisher, name } = JSON.parse(readFileSync(path.join(extensionDevelopmentPath, 'package.json'), 'utf8'));
    const webEnv = { ...testEnv, NIANBAO_TEST_HOST: 'web', ...(env.MOCHA_GREP ? { MOCHA_GREP: env.MOCHA_GREP } : {}) };
    mkdirSync(path.join(userData, 'User'), { recursive: true });
    writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
      'remote.extensionKind': { [`${publisher}.${name}`]: ['web'] },
      'nianbaoTest.env': webEnv,
    }, null, 2));
  }

  let server, browser, finished = false, serverLog = '';
  async function finish(code, why) {
    if (finished) return;
    finished = true;
    if (why) console.error(`[vscode-host] ${why}`);
    if (why && !verbose && serverLog) console.error(`[vscode-host] server output:\n${serverLog.trimEnd().split('\n').slice(-40).join('\n')}`);
    try { await browser?.close(); } catch {}
    await killGroup(server);
    if (env.NIANBAO_TEST_KEEP) log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
    log(`done in ${elapsed()}, exit ${code}`);
    process.exit(code);
  }
  setTimeout(() => finish(1, `timed out after ${timeoutMs} ms`), timeoutMs);
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) process.on(sig, () => finish(code, `got ${sig}`));
  try {
    await start();
  } catch (e) {
    await finish(1, `host did not start: ${e?.stack ?? e}`);
  }

  async function start() {
    // 1. VS Code's server, in its own process group so the extension host and its language
    //    server processes can be killed together. Its environment reaches the extension host.
    server = spawn(process.execPath, [serverMain,
      '--host', '127.0.0.1', '--port', '0',
      '--without-connection-token', '--accept-server-license-terms', '--enable-smoke-test-driver',
      '--disable-telemetry',
      // NIANBAO_TEST_TRUST=untrusted: the folder opens untrusted, in Restricted Mode (see test/vscode-installed/).
      ...(env.NIANBAO_TEST_TRUST === 'untrusted' ? [] : ['--disable-workspace-trust']),
      '--server-data-dir', dir('server-data'), '--user-data-dir', userData, '--extensions-dir', extensionsDir,
      ...install.flatMap(vsix => ['--install-extension', vsix]), ...(install.length ? ['--start-server'] : []),
    ], {
      env: { ...env, ...isolated, ...testEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const relay = (prefix, stream) => d => {
      const text = d.toString();
      serverLog += text;
      if (serverLog.length > 1 << 20) serverLog = serverLog.slice(-(1 << 19));
      if (verbose) stream.write(text.split('\n').filter(Boolean).map(l => `${prefix} ${l}\n`).join(''));
    };
    server.stdout.on('data', relay('[server]', process.stderr));
    server.stderr.on('data', relay('[server]', process.stderr));
    const port = await new Promise(resolve => {
      const onData = () => {
        const m = /Extension host agent listening on (\d+)/.exec(serverLog);
        if (m) { server.stdout.off('data', onData); resolve(Number(m[1])); }
      };
      server.stdout.on('data', onData);
      server.on('exit', (code, signal) => finish(1, `VS Code server exited (${code ?? signal})`));
    });
    log(`VS Code server (code-server ${readVersion(codeServerDir)}) listening on ${port} after ${elapsed()}`);

    // 2. Headless chromium opens the workbench; the test output and exit code come back
    //    through the two functions the workbench calls when they exist.
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      env: { ...env, ...isolated, HOME: dir('browser-home') },
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    if (verbose) {
      page.on('console', m => console.error(`[browser] ${m.text()}`));
      page.on('pageerror', e => console.error(`[browser] page error: ${e.message}`));
    }
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      // the workbench's log, which includes the extension host's console (mocha's reporter)
      if (!verbose && typeof args?.[0] === 'string' && WORKBENCH_CHATTER.test(args[0])) return;
      (type === 'error' || type === 'warn' ? console.error : console.log)(...args);
    });
    await page.exposeFunction('codeAutomationExit', async (code, logs) => {
      let result = '(none)';
      try { result = readFileSync(resultFile, 'utf8').trim(); } catch {}
      log(`extension host exited with ${code} after ${elapsed()}; result ${result}`);
      if (code !== 0 && verbose) for (const f of logs ?? []) console.error(`[log ${f.relativePath}]\n${f.contents}`);
      await finish(code);
    });

    const remote = p => `vscode-remote://127.0.0.1:${port}${p.split('/').map(encodeURIComponent).join('/')}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(extensionDevelopmentPath)],
      ['extensionTestsPath', remote(extensionTestsPath)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ]);
    if (env.NIANBAO_SCREENSHOT) watchScreenshotRequests(page, path.resolve(env.NIANBAO_SCREENSHOT));
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
    log(`workbench opened on ${workspace} after ${elapsed()}`);
  }
}

/** Saves the page to `file` whenever `<file>.request` appears, then answers with `<file>.done`. */
function watchScreenshotRequests(page, file) {
  const timer = setInterval(async () => {
    if (!existsSync(`${file}.request`)) return;
    rmSync(`${file}.request`, { force: true });
    try {
      await page.screenshot({ path: file });
      console.log(`[vscode-host] screenshot saved to ${file}`);
      // How the editor's font renders a CJK character, a full-width space and a Latin one
      // (the alignment of Format Document's Markdown tables rests on these widths).
      const widths = await page.evaluate(() => {
        const lines = document.querySelector('.monaco-editor .view-lines');
        if (!lines) return undefined;
        const style = getComputedStyle(lines);
        const span = document.createElement('span');
        span.style.cssText = `font-family:${style.fontFamily};font-size:${style.fontSize};white-space:pre;position:absolute;visibility:hidden`;
        document.body.appendChild(span);
        const width = text => { span.textContent = text; return span.getBoundingClientRect().width / text.length; };
        const out = { fontFamily: style.fontFamily, fontSize: style.fontSize, latin: width('a'.repeat(100)), digit: width('0'.repeat(100)), cjk: width('政'.repeat(100)), ideographicSpace: width('\u3000'.repeat(100)), space: width(' '.repeat(100)) };
        span.remove();
        return out;
      });
      if (widths) { writeFileSync(`${file}.fonts.json`, JSON.stringify(widths, null, 2) + '\n'); console.log(`[vscode-host] editor font widths: ${JSON.stringify(widths)}`); }
    } catch (e) {
      console.error(`[vscode-host] screenshot failed: ${e?.message ?? e}`);
    }
    writeFileSync(`${file}.done`, '');
  }, 200);
  timer.unref();
}

function readVersion(dir) {
  try { return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version; } catch { return '?'; }
}

/** SIGTERM the process group, SIGKILL it if still alive after 3 s. */
async function killGroup(child) {
  if (!child?.pid) return;
  const alive = () => { try { process.kill(-child.pid, 0); return true; } catch { return false; } };
  try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
  for (let i = 0; i < 30 && alive(); i++) await new Promise(r => setTimeout(r, 100));
  try { process.kill(-child.pid, 'SIGKILL'); } catch {}
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch(e => { console.error('[vscode-host]', e?.stack ?? e); process.exit(1); });
}
