// Makes the import fixtures (test/fixtures/import/) from the sample reports in samples/:
// Word, web pages, spreadsheets and GBK / UTF-16 text. The makers live in
// test/import/make-fixtures.ts (the tests use them too); this bundles and runs them.
// `node scripts/make-import-fixtures.mjs`
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'dist', 'make-import-fixtures.js');
await esbuild.build({
  entryPoints: [path.join(root, 'test/import/make-fixtures.ts')], outfile: out,
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning',
});
const { FIXTURES } = createRequire(import.meta.url)(out);
const dir = path.join(root, 'test', 'fixtures', 'import');
mkdirSync(dir, { recursive: true });
for (const f of FIXTURES) {
  const bytes = await f.make(path.join(root, 'samples'));
  writeFileSync(path.join(dir, f.file), bytes);
  console.log(`${f.file}  ${bytes.length} bytes  from samples/${f.sample}`);
}
