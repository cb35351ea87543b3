// Takes the README's screenshot of the table view in the real VS Code host:
//   node esbuild.mjs && node scripts/screenshot-tableview.mjs [out.png]
// Runs scripts/code-server-host.mjs with test/screenshot/index.ts as the "tests", which
// opens seed 002 and the table view and asks the host to save the workbench page.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv[2] ?? path.join(ROOT, 'images', 'tableview.png'));
const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'code-server-host.mjs'),
  `--extensionDevelopmentPath=${ROOT}`, `--extensionTestsPath=${path.join(ROOT, 'dist', 'test', 'screenshot', 'index.js')}`,
], { stdio: 'inherit', env: { ...process.env, NIANBAO_SCREENSHOT: out } });
process.exit(r.status ?? 1);
