// Writes schemas/nianbao.schema.json, the JSON schema of .nianbao.json that package.json
// contributes (jsonValidation), from the zod declaration in server/src/config/schema.ts.
// test/config/config.test.ts keeps the file in step.   node scripts/gen-config-schema.mjs
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = await esbuild.build({
  entryPoints: [path.join(ROOT, 'server/src/config/schema.ts')], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent',
});
const module = { exports: {} };
new Function('module', 'exports', 'require', out.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
mkdirSync(path.join(ROOT, 'schemas'), { recursive: true });
writeFileSync(path.join(ROOT, 'schemas', 'nianbao.schema.json'), `${JSON.stringify(module.exports.configJsonSchema(), null, 2)}\n`);
