// The client is thin: what it needs of the engine (is this a report, the tables to insert,
// the settings' validity) it asks the server through the shared protocol module, so no
// engine module, importer and no zod is in its bundles. Read from the bundles' source maps
// (every module esbuild put in) and from client/src's imports.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers';

const PROTOCOL = 'server/src/lsp/protocol.ts';

/** The modules in a bundle, as paths from the repo root (dependencies as node_modules/<package>/…). */
function modulesOf(bundle: string): string[] {
  const map = JSON.parse(readFileSync(path.join(ROOT, `${bundle}.map`), 'utf8')) as { sources: string[] };
  return map.sources.map(s => {
    const abs = path.resolve(path.dirname(path.join(ROOT, bundle)), s);
    const dep = abs.lastIndexOf(`${path.sep}node_modules${path.sep}`);
    return dep >= 0 ? abs.slice(dep + 1).split(path.sep).join('/') : path.relative(ROOT, abs).split(path.sep).join('/');
  });
}

describe('client bundles', () => {
  for (const bundle of ['dist/client.js', 'dist/web/client.js']) {
    it(`${bundle} holds the client and the protocol, and no engine module, importer, settings schema or zod`, () => {
      const modules = modulesOf(bundle);
      assert.ok(modules.includes('client/src/core.ts') && modules.includes(PROTOCOL), `the client is there: ${modules.filter(m => !m.startsWith('node_modules/')).join(', ')}`);
      assert.deepEqual(modules.filter(m => m.startsWith('server/') && m !== PROTOCOL), [], 'only the protocol module of the server');
      assert.deepEqual(modules.filter(m => m.startsWith('node_modules/zod/')), [], 'no zod');
    });
  }

  it('client/src imports nothing of the server but the protocol module', () => {
    const dir = path.join(ROOT, 'client', 'src');
    const found: string[] = [];
    for (const f of readdirSync(dir, { recursive: true }).map(String).filter(f => f.endsWith('.ts'))) {
      for (const m of readFileSync(path.join(dir, f), 'utf8').matchAll(/\bfrom\s+'([^']+)'/g)) {
        const target = m[1].startsWith('.') ? path.relative(ROOT, path.resolve(path.dirname(path.join(dir, f)), m[1])).split(path.sep).join('/') : m[1];
        if (target.startsWith('server/') && `${target}.ts` !== PROTOCOL) found.push(`${f}: ${m[1]}`);
        if (target === 'zod' || target.startsWith('zod/')) found.push(`${f}: ${m[1]}`);
      }
    }
    assert.deepEqual(found, []);
  });
});
