// Regenerates snippets/nianbao.code-snippets from the templates:
//   node scripts/gen-snippets.mjs          write the file
//   node scripts/gen-snippets.mjs --check  exit 1 if the committed file is out of date
// The snippet module is TypeScript; esbuild bundles it in memory and we import the result.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'snippets', 'nianbao.code-snippets');

const built = await esbuild.build({
  stdin: { contents: "export { snippetsFileText } from './server/src/engine/render/snippets';", resolveDir: root, loader: 'ts' },
  bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning',
});
const code = built.outputFiles[0].text;
const { snippetsFileText } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
const text = snippetsFileText();

if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== text) {
    console.error(`${path.relative(root, target)} is out of date: run node scripts/gen-snippets.mjs`);
    process.exit(1);
  }
  console.log(`${path.relative(root, target)} is up to date`);
} else {
  writeFileSync(target, text);
  console.log(`wrote ${path.relative(root, target)} (${Object.keys(JSON.parse(text)).length} snippets)`);
}
