// What activating the extension costs, outside VS Code: loading the client bundle
// (dist/client.js, `vscode` stubbed) and the language server bundle (dist/server.js, which
// sets up its connection as it loads), each in a fresh node process. CPU time of the load
// (user + system: steadier than wall time on a shared machine) and wall time, medians of N.
// `node scripts/measure-activation.mjs [REPO_ROOT] [N]`; for docs/performance.md, run on
// the trees before and after a change.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? '.');
const runs = Number(process.argv[3] ?? 15);
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const probe = bundle => `
const Module = require('module');
const stub = new Proxy(function () {}, { get: (t, k) => (k === '__esModule' ? true : stub), apply: () => stub, construct: () => stub });
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? stub : load.call(this, request, ...rest); };
process.argv = [process.argv[0], 'bundle.js', '--stdio'];
const c = process.cpuUsage(), t = process.hrtime.bigint();
require(${JSON.stringify(bundle)});
const u = process.cpuUsage(c);
process.stdout.write(JSON.stringify({ cpu: (u.user + u.system) / 1000, wall: Number(process.hrtime.bigint() - t) / 1e6 }));
process.exit(0);
`;

function measure(bundle) {
  const cpu = [], wall = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['-e', probe(path.join(root, 'dist', bundle))], { encoding: 'utf8', input: '' });
    if (r.status !== 0) throw new Error(r.stderr.slice(-500));
    const m = JSON.parse(r.stdout);
    cpu.push(m.cpu); wall.push(m.wall);
  }
  return `${bundle}: cpu ${median(cpu).toFixed(0)} ms, wall ${median(wall).toFixed(0)} ms`;
}

console.log(`${root} (medians of ${runs}): ${measure('client.js')}; ${measure('server.js')}`);
