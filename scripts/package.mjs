// `npm run package`: builds (vsce runs the vscode:prepublish script, `node esbuild.mjs`),
// packs nianbao-<version>.vsix with only the files .vscodeignore lets in, then lists what
// the package holds and its size.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { name, version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const vsix = `${name}-${version}.vsix`;
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');

const run = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], { cwd: root, stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);

// The central directory at the end of the zip names every entry; no unzip tool needed.
const zip = readFileSync(path.join(root, vsix));
const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
const count = zip.readUInt16LE(eocd + 10);
let at = zip.readUInt32LE(eocd + 16);
const entries = [];
for (let i = 0; i < count; i++) {
  const size = zip.readUInt32LE(at + 24);
  const nameLength = zip.readUInt16LE(at + 28);
  const extra = zip.readUInt16LE(at + 30);
  const comment = zip.readUInt16LE(at + 32);
  entries.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), size });
  at += 46 + nameLength + extra + comment;
}
const kb = n => `${(n / 1024).toFixed(1)} KB`;
for (const e of entries) console.log(`${kb(e.size).padStart(10)}  ${e.name}`);
console.log(`${vsix}: ${entries.length} files, ${kb(statSync(path.join(root, vsix)).size)}`);
