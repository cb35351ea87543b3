// Grammar suite for syntaxes/nianbao.tmLanguage.json. Run from the repo root:
//   node scripts/grammar-suite.mjs
// Tests, each counted once:
//   - fixture:  every test/grammar/*.test.nianbao file, run through vscode-tmgrammar-test
//               (the grammar is found through package.json's contributes.grammars);
//   - label:    every label the templates declare (parts, blocks, rows, row groups, columns,
//               column groups, header notes; both generations, variants included), tokenized
//               in each table encoding, must be highlighted as a label of its kind;
//   - long line: 1,000,000-character lines tokenize in linear time (no catastrophic backtracking);
//   - sanity:   every regex compiles, every #include resolves, language-configuration.json is valid.
// The last line printed is `grammar: N passed, N failed`; the exit code is 1 on any failure.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const GRAMMAR = path.join(root, 'syntaxes', 'nianbao.tmLanguage.json');
const FIXTURES = path.join(root, 'test', 'grammar');
const SCOPE = 'text.nianbao';

let passed = 0;
let failed = 0;
const groups = new Map(); // group → [passed, failed]
function record(name, problems) {
  const group = name.split(/[ :]/)[0];
  const g = groups.get(group) ?? [0, 0];
  groups.set(group, g);
  if (problems.length === 0) { passed++; g[0]++; return; }
  failed++;
  g[1]++;
  console.log(`✖ ${name}`);
  for (const p of problems.slice(0, 12)) console.log(`    ${p.replace(/\n/g, '\n    ')}`);
  if (problems.length > 12) console.log(`    … ${problems.length - 12} more`);
}

// ── the grammar, loaded the way VS Code loads it ─────────────────────────────────
const tm = require('vscode-textmate');
const onig = require('vscode-oniguruma');
await onig.loadWASM(fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
const registry = new tm.Registry({
  onigLib: Promise.resolve({
    createOnigScanner: (patterns) => new onig.OnigScanner(patterns),
    createOnigString: (s) => new onig.OnigString(s),
  }),
  loadGrammar: async (scopeName) =>
    scopeName === SCOPE ? tm.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR) : null,
});
let grammar;
try {
  grammar = await registry.loadGrammar(SCOPE);
  if (!grammar) throw new Error(`no grammar for ${SCOPE}`);
} catch (err) {
  record(`load ${path.relative(root, GRAMMAR)}`, [String(err?.message ?? err)]);
  console.log(`grammar: ${passed} passed, ${failed} failed`);
  process.exit(1);
}

/** Tokens of one line, tokenized on its own (the grammar keeps no state across lines). */
function tokenize(line) {
  return grammar.tokenizeLine(line, tm.INITIAL).tokens;
}

// ── long lines: linear time ─────────────────────────────────────────────────────
// They are tokenized in a child process that is killed when a line runs over budget,
// so a catastrophic regex fails its test instead of hanging the suite.
const N = 1_000_000;
const LONG_LINES = {
  'CJK prose': () => '国'.repeat(N),
  'spaces then text': () => `${' '.repeat(N)}x`,
  'pipes': () => '|'.repeat(N),
  'tab-separated zeros': () => '\t0'.repeat(N / 2),
  'digits and dots': () => '1.'.repeat(N / 2),
  'heading marker then text': () => `一、${'公开 '.repeat(N / 3)}`,
  'row label stem then a long cell': () => `1.属于${'国 '.repeat(N / 2)}`,
  'unclosed citation': () => `《${'条例'.repeat(N / 2)}`,
  'ASCII run (email candidate)': () => `${'a'.repeat(N)}@`,
  'dashes and pipes (table rule candidate)': () => `|${'-'.repeat(N)}x`,
};
const BUDGET_MS = 20_000;

if (process.argv[2] === '--long-lines') {
  // Child mode: tokenize the named lines one after another, reporting each as a JSON line.
  for (const name of process.argv.slice(3)) {
    const line = LONG_LINES[name]();
    process.stdout.write(`${JSON.stringify({ start: name })}\n`);
    const t0 = process.hrtime.bigint();
    const r = grammar.tokenizeLine(line, tm.INITIAL);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    process.stdout.write(`${JSON.stringify({ done: name, ms, stoppedEarly: r.stoppedEarly })}\n`);
  }
  process.exit(0);
}

// ── 1. fixtures ─────────────────────────────────────────────────────────────────
const cli = require.resolve('vscode-tmgrammar-test/dist/unit.js');
const fixtures = fs.existsSync(FIXTURES)
  ? fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.test.nianbao')).sort()
  : [];
if (fixtures.length === 0) record('fixtures: none found in test/grammar/', ['no *.test.nianbao files']);
const runs = fixtures.map((f) => new Promise((resolve) => {
  const rel = path.join('test', 'grammar', f);
  const child = spawn(process.execPath, [cli, '--compact', rel], { cwd: root });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  child.on('close', (code) => resolve([rel, code, out.trim()]));
}));
for (const [rel, code, out] of await Promise.all(runs)) {
  record(`fixture ${rel}`, code === 0 ? [] : [out || `exit ${code}`]);
}

// ── 2. every declared label is highlighted as a label ───────────────────────────
const KIND_SCOPES = {
  part: ['markup.heading.1.nianbao'],
  block: ['entity.name.type.block.nianbao'],
  row: ['entity.name.tag.row.nianbao', 'entity.name.tag.row.total.nianbao', 'entity.name.tag.row-group.nianbao'],
  column: [
    'support.type.column.nianbao', 'support.type.column.total.nianbao',
    'support.type.column-group.nianbao', 'support.type.column-note.nianbao',
  ],
};
// How a label stands in each encoding (spec: "How the tables arrive as text").
const CELL_CONTEXTS = {
  'alone (plain pdftotext)': (l) => [l, 0],
  'tab cell': (l) => [`\t${l}`, 1],
  'pipe cell': (l) => [`${l} |`, 0],
  'TSV row': (l) => [`${l}\t12\t3`, 0],
  'TSV cell': (l) => [`\t${l}\t0`, 1],
  'Markdown table': (l) => [`| ${l} | 12 | 3 |`, 2],
  'pdftotext -layout': (l) => [`      ${l}          12     3`, 6],
};
const HEADING_CONTEXTS = {
  'plain': (l) => [l, 0],
  'indented': (l) => [`    ${l}`, 4],
  'U+3000 indent': (l) => [`\u3000\u3000${l}`, 2],
  'Markdown #': (l) => [`## ${l}`, 3],
};

async function loadTemplates() {
  const esbuild = await import('esbuild');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-grammar-'));
  try {
    const outfile = path.join(dir, 'templates.mjs');
    await esbuild.build({
      entryPoints: [path.join(root, 'server', 'src', 'engine', 'templates', 'index.ts')],
      bundle: true, format: 'esm', platform: 'node', outfile, logLevel: 'silent',
    });
    return (await import(pathToFileURL(outfile).href)).TEMPLATES;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function declaredLabels(templates) {
  const labels = new Map(); // `${kind}\t${label}` → where declared
  const add = (kind, label, where) => {
    if (!label) return;
    const key = `${kind}\t${label}`;
    if (!labels.has(key)) labels.set(key, where);
  };
  for (const [gen, t] of Object.entries(templates)) {
    for (const p of t.parts) {
      for (const h of [p.heading, ...(p.variants ?? [])]) add('part', `${p.numeral}、${h}`, `${gen} part ${p.number}`);
    }
    for (const table of t.tables) {
      const at = `${gen} ${table.id}`;
      for (const h of table.headerLabels ?? []) add('column', h, `${at} header`);
      for (const g of table.groups ?? []) for (const l of [g.label, ...(g.variants ?? [])]) add('row', l, `${at} group ${g.id}`);
      for (const b of table.blocks) {
        for (const l of [b.label, ...(b.variants ?? [])]) add('block', l, `${at} block ${b.id}`);
        for (const c of b.columns) {
          for (const l of [c.label, ...(c.variants ?? [])]) add('column', l, `${at} column ${c.id}`);
          add('column', c.group, `${at} column group of ${c.id}`);
        }
        for (const r of b.rows) for (const l of [r.label, ...(r.variants ?? [])]) add('row', l, `${at} row ${r.id}`);
      }
    }
  }
  return labels;
}

/** Problems with how `label`, placed at `offset` in `line`, is tokenized. */
function labelProblems(kind, line, offset, label) {
  const wanted = KIND_SCOPES[kind];
  const tokens = tokenize(line);
  const problems = [];
  for (let i = offset; i < offset + label.length; i++) {
    if (/\s/.test(line[i])) continue;
    const tok = tokens.find((t) => t.startIndex <= i && i < t.endIndex);
    const scopes = tok ? tok.scopes : [];
    const ok = scopes.some((s) => wanted.includes(s)) && (kind === 'part' || !scopes.some((s) => s.startsWith('markup.heading')));
    if (!ok) {
      problems.push(`「${line[i]}」 at ${i}: ${scopes.join(' ')}`);
      break;
    }
  }
  return problems;
}

let templates;
try {
  templates = await loadTemplates();
} catch (err) {
  record('labels: load the template declarations with esbuild', [String(err?.stack ?? err)]);
}
if (templates) {
  const labels = declaredLabels(templates);
  if (labels.size < 50) record('labels: template declarations', [`only ${labels.size} labels found`]);
  for (const [key, where] of labels) {
    const [kind, label] = key.split('\t');
    const contexts = kind === 'part' ? HEADING_CONTEXTS : CELL_CONTEXTS;
    const problems = [];
    for (const [name, make] of Object.entries(contexts)) {
      const [line, offset] = make(label);
      for (const p of labelProblems(kind, line, offset, label)) problems.push(`${name} ${JSON.stringify(line)}: ${p}`);
    }
    record(`label ${kind} ${label} (${where})`, problems);
  }
}

// ── 3. long lines (tokenized in a child process, see above) ────────────────────
/** Runs `names` in one child; a line over budget gets the child killed and is reported. */
function runLongLines(names) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--long-lines', ...names], { cwd: root });
    const results = new Map();
    let current = null;
    let timer = null;
    let buf = '';
    let err = '';
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => child.kill('SIGKILL'), BUDGET_MS);
    };
    child.stdout.on('data', (d) => {
      buf += d;
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        let msg = {};
        try { msg = JSON.parse(buf.slice(0, nl)); } catch { /* not ours */ }
        buf = buf.slice(nl + 1);
        if (msg.start) { current = msg.start; arm(); }
        if (msg.done) {
          current = null;
          clearTimeout(timer);
          slowest = Math.max(slowest, msg.ms);
          results.set(msg.done, msg.ms > BUDGET_MS || msg.stoppedEarly ? [`took ${Math.round(msg.ms)} ms (budget ${BUDGET_MS} ms)`] : []);
        }
      }
    });
    child.stderr.on('data', (d) => { err += d; });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (current) results.set(current, [signal ? `not done after ${BUDGET_MS} ms: killed (not linear?)` : `child exited ${code}: ${err.trim()}`]);
      resolve(results);
    });
  });
}

let slowest = 0;
{
  let pending = Object.keys(LONG_LINES);
  while (pending.length) {
    const results = await runLongLines(pending);
    for (const [name, problems] of results) record(`long line: ${name}`, problems);
    const rest = pending.filter((n) => !results.has(n));
    if (rest.length === pending.length) {
      for (const n of rest) record(`long line: ${n}`, ['child process produced no result']);
      break;
    }
    pending = rest;
  }
}

// ── 4. sanity: regexes compile, includes resolve, language configuration ────────
{
  const raw = JSON.parse(fs.readFileSync(GRAMMAR, 'utf8'));
  const problems = [];
  if (raw.scopeName !== SCOPE) problems.push(`scopeName is ${raw.scopeName}`);
  const walk = (rule, where) => {
    if (!rule || typeof rule !== 'object') return;
    for (const key of ['match', 'begin', 'end', 'while']) {
      if (typeof rule[key] === 'string') {
        try { new onig.OnigScanner([rule[key]]).dispose(); } catch (err) { problems.push(`${where}.${key}: ${err.message ?? err}`); }
      }
    }
    if (typeof rule.include === 'string' && rule.include.startsWith('#') && !(rule.include.slice(1) in (raw.repository ?? {}))) {
      problems.push(`${where}: unknown include ${rule.include}`);
    }
    for (const list of ['patterns']) (rule[list] ?? []).forEach((r, i) => walk(r, `${where}.${list}[${i}]`));
    for (const caps of ['captures', 'beginCaptures', 'endCaptures']) {
      for (const [n, c] of Object.entries(rule[caps] ?? {})) walk(c, `${where}.${caps}[${n}]`);
    }
  };
  walk(raw, 'grammar');
  for (const [name, rule] of Object.entries(raw.repository ?? {})) walk(rule, `repository.${name}`);
  record('sanity: grammar regexes compile and includes resolve', problems);
}
{
  const problems = [];
  try {
    const conf = JSON.parse(fs.readFileSync(path.join(root, 'language-configuration.json'), 'utf8'));
    const word = new RegExp(conf.wordPattern, 'g');
    const sample = '本年增/减 +8 -156 75627.00 0万元 6834.335元 规章';
    const words = sample.match(word) ?? [];
    for (const w of ['本年增/减', '+8', '-156', '75627.00', '0万元', '6834.335元', '规章']) {
      if (!words.includes(w)) problems.push(`wordPattern does not take ${w} as one word (got ${JSON.stringify(words)})`);
    }
    if (word.test('')) problems.push('wordPattern matches the empty string');
    const pairs = conf.brackets.map(([o, c]) => o + c);
    for (const p of ['（）', '()', '《》', '“”', '【】']) if (!pairs.includes(p)) problems.push(`missing bracket pair ${p}`);
    for (const { open, close } of conf.autoClosingPairs) if (!pairs.includes(open + close)) problems.push(`auto-closing ${open}${close} is not a bracket pair`);
  } catch (err) {
    problems.push(String(err));
  }
  record('sanity: language-configuration.json', problems);
}

for (const [group, [p, f]] of groups) {
  const extra = group === 'long' ? ` (slowest ${Math.round(slowest)} ms)` : '';
  console.log(`  ${group}: ${p} ok, ${f} failing${extra}`);
}
console.log(`grammar: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
