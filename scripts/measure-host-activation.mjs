// What activating the extension and opening a report cost in the REAL VS Code extension host
// (code-server's, through scripts/code-server-host.mjs), for one or more built extension
// folders, e.g. a worktree of an older commit next to this one. A measuring tool, not a test.
//
//   node scripts/measure-host-activation.mjs [--runs N] [--settle MS] DIR...
//
// Each DIR is an extension folder built with `node esbuild.mjs` (dist/client.js, dist/server.js).
// Runs are interleaved (DIR1 warm, DIR1 cold, DIR2 warm, DIR2 cold, then again N times), each in a
// fresh host (its own VS Code server, extension host and chromium) whose workspace holds only
// seed 000 as 坎市镇2020年政府信息公开工作年度报告.txt. Instead of the repo's suite the host runs
// the probe below (the same file for every DIR, so old commits are measured alike); after
// --settle ms (default 2000: the workbench's own start-up work) it measures, in the extension host:
//   warm: `getExtension(id).activate()` until it resolves (activate), until the API's `ready`
//         (the language server started and initialized), then opening the report in an editor
//         until its first non-empty diagnostics (open→diag);
//   cold: opening the report with the extension inactive (it activates on onLanguage:nianbao)
//         until its first diagnostics, as a user opening a report in a fresh window.
// Both also read the host's own activation marks (globalThis.MonacoPerformanceMarks, where the
// extension host keeps the marks `code/extHost/{will,did}LoadExtensionCode/<id>` and
// `{will,did}ActivateExtension/<id>`, the data behind "Developer: Show Running Extensions":
// code loading = require of dist/client.js, activate call = activate() until it returned/resolved),
// the extension host's CPU time (process.cpuUsage) over activate(), and the language server's CPU
// time from its start to the first diagnostics (/proc, clock ticks of 10 ms).
// Prints one line per run, then per DIR and mode: median [min–max]; and the load average.
// Env: CODE_SERVER_DIR (as for code-server-host.mjs), NIANBAO_MEASURE_KEEP=1 keeps the temp dir.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEED = '000_84d930cebacf0df8';
const REPORT = '坎市镇2020年政府信息公开工作年度报告.txt';

// Runs in the extension host as the module given by --extensionTestsPath (CommonJS, written
// out with its source below). Everything it needs comes through the environment.
async function run() {
  const vscode = require('vscode');
  const fs = require('fs');
  const env = process.env;
  const ms = (a, b) => (a === undefined || b === undefined ? undefined : Math.round((b - a) * 10) / 10);
  const cpuMs = u => (u.user + u.system) / 1000;
  const out = { mode: env.NIANBAO_MEASURE_MODE };
  try {
    await new Promise(r => setTimeout(r, Number(env.NIANBAO_MEASURE_SETTLE_MS)));
    const ext = vscode.extensions.getExtension(env.NIANBAO_MEASURE_EXTENSION_ID);
    out.activeBefore = ext.isActive; // must be false, or the numbers mean nothing
    const uri = vscode.Uri.file(env.NIANBAO_MEASURE_REPORT);
    const firstDiagnostics = () => new Promise((resolve, reject) => {
      const timer = setTimeout(() => { sub.dispose(); reject(new Error('no diagnostics within 60 s')); }, 60_000);
      const sub = vscode.languages.onDidChangeDiagnostics(e => {
        const n = e.uris.some(u => u.toString() === uri.toString()) ? vscode.languages.getDiagnostics(uri).length : 0;
        if (n > 0) { sub.dispose(); clearTimeout(timer); resolve({ at: performance.now(), count: n }); }
      });
    });
    const open = async () => {
      const diagnostics = firstDiagnostics();
      const t = performance.now();
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const d = await diagnostics;
      out.openToDiagnosticsMs = ms(t, d.at);
      out.diagnostics = d.count;
    };
    const t0 = performance.now(), cpu0 = process.cpuUsage(), epoch0 = Date.now();
    if (out.mode === 'cold') {
      await open();
    } else {
      const api = await ext.activate();
      out.activateMs = ms(t0, performance.now());
      out.activateHostCpuMs = cpuMs(process.cpuUsage(cpu0));
      await api.ready;
      out.readyMs = ms(t0, performance.now());
      await open();
    }
    // The extension host's marks (epoch ms) for this extension.
    const marks = new Map((globalThis.MonacoPerformanceMarks?.getMarks?.() ?? []).map(m => [m.name, m.startTime]));
    const mark = what => marks.get(`code/extHost/${what}/${ext.id}`);
    out.hostCodeLoadingMs = ms(mark('willLoadExtensionCode'), mark('didLoadExtensionCode'));
    out.hostActivateCallMs = ms(mark('willActivateExtension'), mark('didActivateExtension'));
    out.hostLoadToActivatedMs = ms(mark('willLoadExtensionCode'), mark('didActivateExtension'));
    // where the probe's time went: each mark, ms after the probe began
    out.marksMs = Object.fromEntries(['willLoadExtensionCode', 'didLoadExtensionCode', 'willActivateExtension', 'didActivateExtension']
      .map(w => [w, ms(epoch0, mark(w))]));
    // The language server: this host's child running the extension's dist/server.js.
    const server = path => {
      for (const pid of fs.readdirSync('/proc').filter(p => /^\d+$/.test(p))) {
        try {
          const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          if (Number(fields[1]) !== process.pid) continue;
          if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(path)) continue;
          return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, 100 ticks a second
        } catch { /* gone */ }
      }
      return undefined;
    };
    out.serverCpuMs = server(require('path').join(ext.extensionPath, 'dist', 'server.js'));
  } catch (e) {
    out.error = String(e?.stack ?? e);
  }
  fs.writeFileSync(env.NIANBAO_TEST_RESULT, JSON.stringify(out) + '\n');
  if (out.error) throw new Error(out.error);
}

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : Number(args.splice(i, 2)[1]);
};
const runs = option('--runs', 5);
const settleMs = option('--settle', 2000);
const dirs = args.map(d => path.resolve(d));
if (dirs.length === 0) {
  console.error('usage: node scripts/measure-host-activation.mjs [--runs N] [--settle MS] EXTENSION_DIR...');
  process.exit(2);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'nb-act-'));
const probe = path.join(tmp, 'probe.cjs');
writeFileSync(probe, `// written by scripts/measure-host-activation.mjs\nexports.run = ${run.toString()};\n`);
const workspace = mkdtempSync(path.join(tmp, 'ws-'));
copyFileSync(path.join(ROOT, 'samples', `${SEED}.txt`), path.join(workspace, REPORT));
const label = dir => path.relative(process.cwd(), dir) || '.';

const results = [];
for (let round = 1; round <= runs; round++) {
  for (const dir of dirs) {
    for (const mode of ['warm', 'cold']) {
      const { publisher, name } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
      const resultFile = path.join(tmp, 'result.json');
      rmSync(resultFile, { force: true });
      const load = os.loadavg()[0];
      const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'code-server-host.mjs'),
        `--extensionDevelopmentPath=${dir}`, `--extensionTestsPath=${probe}`], {
        encoding: 'utf8',
        env: {
          ...process.env, NIANBAO_TEST_WORKSPACE: workspace, NIANBAO_TEST_REPORTS: JSON.stringify({ [SEED]: REPORT }),
          NIANBAO_TEST_RESULT: resultFile, NIANBAO_TEST_TIMEOUT_MS: '180000',
          NIANBAO_MEASURE_MODE: mode, NIANBAO_MEASURE_SETTLE_MS: String(settleMs),
          NIANBAO_MEASURE_EXTENSION_ID: `${publisher}.${name}`, NIANBAO_MEASURE_REPORT: path.join(workspace, REPORT),
        },
      });
      let m;
      try { m = JSON.parse(readFileSync(resultFile, 'utf8')); } catch { m = { error: `no result (exit ${r.status})` }; }
      if (m.error || m.activeBefore) {
        console.error(`${label(dir)} ${mode}: ${m.error ?? 'the extension was active before the probe'}\n${(r.stdout + r.stderr).slice(-2000)}`);
        continue;
      }
      m = { dir, mode, load, ...m };
      results.push(m);
      console.log(JSON.stringify({ round, ...m, dir: label(dir) }));
    }
  }
}

const FIELDS = ['activateMs', 'readyMs', 'openToDiagnosticsMs', 'hostCodeLoadingMs', 'hostActivateCallMs', 'hostLoadToActivatedMs', 'activateHostCpuMs', 'serverCpuMs'];
const median = xs => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const fmt = x => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
console.log(`\nmedian [min–max] in ms over the runs; load average (1 min) at the runs' starts ${fmt(Math.min(...results.map(r => r.load)))}–${fmt(Math.max(...results.map(r => r.load)))}`);
for (const dir of dirs) {
  for (const mode of ['warm', 'cold']) {
    const rs = results.filter(r => r.dir === dir && r.mode === mode);
    const cells = FIELDS.map(f => [f, rs.map(r => r[f]).filter(x => typeof x === 'number')]).filter(([, xs]) => xs.length)
      .map(([f, xs]) => `${f} ${fmt(median(xs))} [${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}]`);
    console.log(`${label(dir)} ${mode} (${rs.length} runs): ${cells.join(', ')}`);
  }
}
if (process.env.NIANBAO_MEASURE_KEEP) console.log(`kept ${tmp}`);
else rmSync(tmp, { recursive: true, force: true });
