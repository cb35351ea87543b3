// What activating the extension costs, outside VS Code: loading the client bundle
// (dist/client.js, with `vscode` stubbed) and starting the language server
// (dist/server.js --stdio) until it answers `initialize`. Medians of N runs, each in a
// fresh node process. `node scripts/measure-activation.mjs [REPO_ROOT] [N]`; used for
// docs/performance.md (before/after comparisons of a change: run it on both trees).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? '.');
const runs = Number(process.argv[3] ?? 15);
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const loadClient = `
const Module = require('module');
const stub = new Proxy(function () {}, { get: (t, k) => (k === '__esModule' ? true : stub), apply: () => stub, construct: () => stub });
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? stub : load.call(this, request, ...rest); };
const t = process.hrtime.bigint();
require(${JSON.stringify(path.join(root, 'dist', 'client.js'))});
process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));
`;

function clientLoad() {
  const r = spawnSync(process.execPath, ['-e', loadClient], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr.slice(-500));
  return Number(r.stdout);
}

function serverReady() {
  return new Promise((resolve, reject) => {
    const t = process.hrtime.bigint();
    const p = spawn(process.execPath, [path.join(root, 'dist', 'server.js'), '--stdio']);
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    p.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    p.stdout.once('data', () => { resolve(Number(process.hrtime.bigint() - t) / 1e6); p.kill(); });
    p.once('error', reject);
  });
}

const client = [], server = [];
for (let i = 0; i < runs; i++) { client.push(clientLoad()); server.push(await serverReady()); }
console.log(`${root}: client bundle load ${median(client).toFixed(1)} ms, server start to initialize ${median(server).toFixed(1)} ms (medians of ${runs})`);
