// Loading bundles on demand in Node (CLI, language server, tests): dist/import/<module>.js and dist/export.js,
// found beside the running bundle or a few folders up (tests run from dist/test/<suite>).
// A plain require at run time, so the heavy libraries are read only when a file needs them.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Importer } from './types';

export function loadBundled(module: string): Importer {
  if (!/^[a-z0-9-]+$/.test(module)) throw new Error(`bad importer module name '${module}'`);
  return requireBundled<{ importer: Importer }>(`import/${module}.js`).importer;
}

/** A bundle of dist/ (`relative` to it) required on first use: heavy libraries stay out of start-up. */
export function requireBundled<T>(relative: string): T {
  for (let dir = __dirname, up = 0; up < 4; up++, dir = path.dirname(dir)) {
    const file = path.join(dir, relative);
    if (existsSync(file)) return require(file) as T;
  }
  throw new Error(`bundle ${relative} not found near ${__dirname} (build with node esbuild.mjs)`);
}
