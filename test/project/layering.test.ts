// The layers of the source tree, read from its import statements: no module imports itself
// through others (a cycle), the engine and the importers know nothing of VS Code or the
// language server, and the engine's lower layers do not reach up into the rules.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers';

interface Import { spec: string; target?: string; typeOnly: boolean }

/** Every import and re-export of a TypeScript file: what it names, where that resolves, whether only types. */
export function importsOf(source: string, file: string): Import[] {
  const out: Import[] = [];
  // Comments could hold `import … from '…'` text: drop them first (strings keep their quotes).
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const forms = /^\s*(import|export)\s+(type\s+)?(?:([^'";]*?)\s+from\s+)?'([^']+)'|\bimport\(\s*'([^']+)'\s*\)|\brequire\(\s*'([^']+)'\s*\)/gm;
  for (const m of code.matchAll(forms)) {
    const spec = m[4] ?? m[5] ?? m[6];
    const clause = m[3] ?? '';
    // `import { type A, type B } from` is as erased as `import type`.
    const names = /^\{([^}]*)\}$/.exec(clause.trim())?.[1].split(',').map(s => s.trim()).filter(Boolean);
    const typeOnly = !!m[2] || (!!names?.length && names.every(n => n.startsWith('type ')));
    // `export { x } from`, `export * from` re-export at run time; a bare `export … ` without from is not an import.
    if (m[1] === 'export' && !m[4]) continue;
    out.push({ spec, typeOnly, target: spec.startsWith('.') ? resolve(file, spec) : undefined });
  }
  return out;
}

function resolve(from: string, spec: string): string | undefined {
  const base = path.join(path.dirname(from), spec);
  return [base + '.ts', path.join(base, 'index.ts'), base].find(f => existsSync(f) && statSync(f).isFile());
}

const tsFiles = (dir: string) => readdirSync(dir, { recursive: true }).map(String).filter(f => f.endsWith('.ts')).map(f => path.join(dir, f));

/** The graph of server/src and client/src: each file's imports. */
function graph(): Map<string, Import[]> {
  const files = [...tsFiles(path.join(ROOT, 'server', 'src')), ...tsFiles(path.join(ROOT, 'client', 'src'))];
  return new Map(files.map(f => [f, importsOf(readFileSync(f, 'utf8'), f)]));
}

/** The cycles among run-time imports (type-only ones are erased and load nothing): one path for each. */
export function cycles(g: Map<string, Import[]>): string[][] {
  const out: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const i of g.get(f) ?? []) {
      if (i.typeOnly || !i.target || !g.has(i.target)) continue;
      if (state.get(i.target) === 'open') out.push([...stack.slice(stack.indexOf(i.target)), i.target]);
      else if (!state.has(i.target)) visit(i.target);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of g.keys()) if (!state.has(f)) visit(f);
  return out;
}

const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join('/');
const within = (f: string, dir: string) => rel(f).startsWith(dir + '/');

describe('layering: the import graph of server/src and client/src', () => {
  const g = graph();

  it('reads the imports (the graph is not empty and sees the facade)', () => {
    const facade = g.get(path.join(ROOT, 'server', 'src', 'engine', 'index.ts'));
    assert.ok(facade && facade.some(i => i.target?.endsWith(path.join('engine', 'document.ts'))));
    assert.ok(g.size > 100, `${g.size} files`);
  });

  it('finds a cycle when there is one (the check itself)', () => {
    const a = '/x/a.ts', b = '/x/b.ts', c = '/x/c.ts';
    const toy = new Map<string, Import[]>([
      [a, [{ spec: './b', target: b, typeOnly: false }]],
      [b, [{ spec: './c', target: c, typeOnly: false }, { spec: './a', target: a, typeOnly: true }]],
      [c, [{ spec: './a', target: a, typeOnly: false }]],
    ]);
    assert.deepEqual(cycles(toy), [[a, b, c, a]]);
    toy.set(c, []);
    assert.deepEqual(cycles(toy), []);
    assert.deepEqual(importsOf("import type { A } from './a';\nimport { type B, C } from './b';\nexport { D } from './d';\n// import x from './e';\n", '/x/f.ts').map(i => [i.spec, i.typeOnly]),
      [['./a', true], ['./b', false], ['./d', false]]);
  });

  it('has no import cycles', () => {
    assert.deepEqual(cycles(g).map(c => c.map(rel).join(' → ')), []);
  });

  it('the engine and the importers import no VS Code, LSP, server or client code', () => {
    const bad: string[] = [];
    for (const [f, imports] of g) {
      if (!within(f, 'server/src/engine') && !within(f, 'server/src/import')) continue;
      for (const i of imports) {
        const outside = i.target && (within(i.target, 'server/src/lsp') || within(i.target, 'client/src'));
        if (/^(vscode|vscode-languageserver|vscode-languageclient|vscode-jsonrpc|@vscode\/)/.test(i.spec) || outside) bad.push(`${rel(f)} imports ${i.spec}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('model.ts, body.ts, peers.ts, parse/, edits/, fixes/ and render/ import no rule module, not even a type', () => {
    const bad: string[] = [];
    for (const [f, imports] of g) {
      const r = rel(f);
      const lower = ['server/src/engine/model.ts', 'server/src/engine/body.ts', 'server/src/engine/peers.ts'].includes(r)
        || ['edits', 'fixes', 'render', 'parse'].some(d => within(f, `server/src/engine/${d}`));
      if (!lower) continue;
      for (const i of imports) if (i.target && within(i.target, 'server/src/engine/rules')) bad.push(`${r} imports ${i.spec}`);
    }
    assert.deepEqual(bad, []);
  });

  it('rules and edits/ import nothing from fixes/ (what applies, widens or verifies fixes runs after the check)', () => {
    // edits/ writes a cell, a label, a heading or a table in the report's own encoding and
    // re-reads the text to prove it; rules build their fixes with it. fixes/ (fill,
    // recompute, verify) works on the findings the rules made.
    const bad: string[] = [];
    for (const [f, imports] of g) {
      if (!within(f, 'server/src/engine/rules') && !within(f, 'server/src/engine/edits')) continue;
      for (const i of imports) if (i.target && within(i.target, 'server/src/engine/fixes')) bad.push(`${rel(f)} imports ${i.spec}`);
    }
    assert.deepEqual(bad, []);
  });
});
