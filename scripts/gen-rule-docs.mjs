// Generates docs/rules.md from the rule registry: each rule's code (the heading, so
// diagnostics can link docs/rules.md#<code>), default severity, its zh-cn and en paragraphs,
// a genuine example finding in both languages and the fixes offered with it.
//
// Examples are real engine output: the first sample report that already shows the finding,
// else a small change to a sample (one line changed, deleted, duplicated, …) found by trying
// generic mutations in order. The change is recorded in the file (an HTML comment) so that
// test/engine/rules/docs.test.ts can replay it and check the messages are still current.
//
//   node scripts/gen-rule-docs.mjs            write docs/rules.md
//   node scripts/gen-rule-docs.mjs --check    exit 1 if docs/rules.md would change
import * as esbuild from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'docs', 'rules.md');
const SAMPLES = path.join(ROOT, 'samples');
/** Give up looking for a mutation example after this long (the rule is then listed without one). */
const SEARCH_BUDGET_MS = 180_000;

async function loadEngine() {
  // The engine's facade, plus its part-heading reader (to move and delete whole parts).
  const entry = `export * from './server/src/engine'; export { classifyHeading } from './server/src/engine/parse/headings';`;
  const built = await esbuild.build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'warning',
  });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-rules-'));
  const file = path.join(dir, 'engine.cjs');
  writeFileSync(file, built.outputFiles[0].text);
  try { return createRequire(import.meta.url)(file); } finally { rmSync(dir, { recursive: true, force: true }); }
}

const { RULES, ReportDocument, check, classifyHeading } = await loadEngine();

// ---- Finding examples ------------------------------------------------------------------

const sampleNames = readdirSync(SAMPLES).filter(f => f.endsWith('.txt')).sort();
const sampleLines = Object.fromEntries(sampleNames.map(n => [n, readFileSync(path.join(SAMPLES, n), 'utf8').split('\n')]));

/**
 * A change to a sample: lines [start, start + deleteCount) replaced by `insert`, whose items
 * are new lines (strings) or [from, to) ranges of the sample's own lines (moved, repeated).
 */
const inserted = (lines, s) => s.insert.flatMap(x => (typeof x === 'string' ? [x] : lines.slice(x[0], x[1])));
const applySplice = (lines, s) => [...lines.slice(0, s.start), ...inserted(lines, s), ...lines.slice(s.start + s.deleteCount)];

/** The other samples, unchanged, as the reports at hand (cross-year compares with last year's). */
const peerDocs = new Map(sampleNames.map(n => [n, new ReportDocument(sampleLines[n].join('\n'))]));
const peersOf = name => sampleNames.filter(n => n !== name).map(n => peerDocs.get(n));

function findingsIn(lines, locale, name) {
  return check(new ReportDocument(lines.join('\n')), { locale, peers: peersOf(name) });
}

/**
 * How good an example a finding is, lower is better: on the changed lines (or the sample
 * as published) before elsewhere; then with a preferred fix, with any fix, with none.
 */
function tier(f, splice) {
  const local = !splice || (f.range.start.line >= splice.start - 2 && f.range.start.line <= splice.start + Math.max(1, splice.size) + 1);
  return (local ? 0 : 3) + (f.fixes.some(x => x.preferred) ? 0 : f.fixes.length ? 1 : 2);
}

/** The best example of `code` among findings (en), as an index, with its tier. */
function best(en, code, splice) {
  let out;
  en.forEach((f, i) => {
    if (f.code !== code) return;
    const t = tier(f, splice);
    if (!out || t < out.tier) out = { index: i, tier: t };
  });
  return out;
}

const NUMBER = /(?<![\d.])\d+(?:\.\d+)?(?![\d.])/;
const CJK = /[\u4e00-\u9fff]/g;
const NUMERALS = '一二三四五六七八九十';
const isHeading = line => classifyHeading(line) !== undefined;
/** The line after part heading i's part: the next heading, or the end. */
const partEnd = (l, i) => { let j = i + 1; while (j < l.length && !isHeading(l[j])) j++; return j; };
/** A line ending in two or more numbers apart (spaces, tabs or pipes), after an optional label. */
const RUN_TOGETHER = /^(.*?)((?:\d+[ \t|]+)+\d+)(\s*\|?\s*)$/;
const TITLE_YEAR = /20\d\d(\s*年(?:度)?(?:[^，。]*)报告)/;
const NUMERAL_MARK = /[一二三四五六七八九十]+(?=[、.．，,])/;

/** Generic mutations, smallest first: each maps (lines, i) to a splice, or null where it does not apply. */
const MUTATIONS = [
  // A title dated before 2019: tried only for the rule it is for, so no other rule's example moves.
  ['title year before 2019', (l, i) => TITLE_YEAR.test(l[i]) && { start: i, deleteCount: 1, insert: [l[i].replace(TITLE_YEAR, '2018$1')] }, ['pre-2019-format']],
  ['number + 1', (l, i) => NUMBER.test(l[i]) && { start: i, deleteCount: 1, insert: [l[i].replace(NUMBER, n => String(Number(n) + 1))] }],
  ['number in words', (l, i) => NUMBER.test(l[i]) && { start: i, deleteCount: 1, insert: [l[i].replace(NUMBER, '若干')] }],
  // A row's numbers run together, as crawled web text has them (recovered-cells, flattened-ambiguous).
  ['cells run together', (l, i) => RUN_TOGETHER.test(l[i]) && { start: i, deleteCount: 1, insert: [l[i].replace(RUN_TOGETHER, (_, head, nums, tail) => head + nums.replace(/[ \t|]+/g, '') + tail)] }],
  ['number negated', (l, i) => NUMBER.test(l[i]) && { start: i, deleteCount: 1, insert: [l[i].replace(NUMBER, n => '-' + n)] }],
  ['number in 元', (l, i) => NUMBER.test(l[i]) && { start: i, deleteCount: 1, insert: [l[i].replace(NUMBER, n => n + '元')] }],
  ['number blanked', (l, i) => NUMBER.test(l[i]) && { start: i, deleteCount: 1, insert: [l[i].replace(NUMBER, '')] }],
  ['heading renumbered', (l, i) => isHeading(l[i]) && NUMERAL_MARK.test(l[i]) && { start: i, deleteCount: 1, insert: [l[i].replace(NUMERAL_MARK, '1')] }],
  ['heading numeral changed', (l, i) => isHeading(l[i]) && NUMERAL_MARK.test(l[i]) && { start: i, deleteCount: 1, insert: [l[i].replace(/[一二三四五六七八九十]/, c => NUMERALS[(NUMERALS.indexOf(c) + 2) % 9])] }],
  ['part body deleted', (l, i) => isHeading(l[i]) && partEnd(l, i) > i + 1 && {
    start: i + 1, deleteCount: partEnd(l, i) - i - 1, insert: [],
    note: `lines ${i + 2}–${partEnd(l, i)} deleted (the text under \`${l[i].trim()}\`, which stays)`,
  }],
  ['parts swapped', (l, i) => {
    if (!isHeading(l[i])) return null;
    const j = partEnd(l, i);
    if (j >= l.length) return null;
    const k = partEnd(l, j);
    return { start: i, deleteCount: k - i, insert: [[j, k], [i, j]],
      note: `lines ${i + 1}–${j} (the part under \`${l[i].trim()}\`) moved after lines ${j + 1}–${k} (the part under \`${l[j].trim()}\`)` };
  }],
  ['line deleted', (l, i) => l[i].trim() !== '' && { start: i, deleteCount: 1, insert: [] }],
  ['line duplicated', (l, i) => l[i].trim() !== '' && { start: i, deleteCount: 0, insert: [[i, i + 1]] }],
  ['lines swapped', (l, i) => i + 1 < l.length && l[i].trim() !== '' && l[i + 1].trim() !== '' && { start: i, deleteCount: 2, insert: [l[i + 1], l[i]] }],
  ['word changed', (l, i) => (l[i].match(CJK) ?? []).length >= 4 && { start: i, deleteCount: 1, insert: [l[i].replace(/(?<=[\u4e00-\u9fff])[\u4e00-\u9fff]/, '某')] }],
  ['label removed', (l, i) => /^[^\d|\t]*[\u4e00-\u9fff][^\d|\t]*(?=[|\t ]+\d)/.test(l[i]) && { start: i, deleteCount: 1, insert: [l[i].replace(/^[^\d|\t]*[\u4e00-\u9fff][^\d|\t]*(?=[|\t ]+\d)/, '')] }],
  ['part deleted', (l, i) => isHeading(l[i]) && {
    start: i, deleteCount: partEnd(l, i) - i, insert: [],
    note: `lines ${i + 1}–${partEnd(l, i)} (the part under \`${l[i].trim()}\`) deleted`,
  }],
];

function findExamples(codes) {
  const found = new Map();
  const keep = (code, sample, splice, en, zh, hit) =>
    found.set(code, { sample, splice, tier: hit.tier, en: en[hit.index], zh: zh[hit.index] });
  const counts = new Map();
  // 1. The samples as they are: a real report beats any constructed example.
  for (const name of sampleNames) {
    const en = findingsIn(sampleLines[name], 'en', name);
    const zh = findingsIn(sampleLines[name], 'zh-cn', name);
    counts.set(name, en.length);
    for (const code of codes) {
      const hit = best(en, code, null);
      if (hit && (!found.has(code) || hit.tier < found.get(code).tier)) keep(code, name, null, en, zh, hit);
    }
  }
  // 2. Small changes, smallest kind first, on the cleanest samples first. A code keeps looking
  // for a better example (on the changed line, with a fix) for a while after its first one.
  const frozen = new Set(found.keys());
  const patience = new Map();
  const PATIENCE = 300;
  const bases = [...sampleNames].sort((a, b) => counts.get(a) - counts.get(b) || a.localeCompare(b));
  const deadline = Date.now() + SEARCH_BUDGET_MS;
  for (const [kind, mutate, only] of MUTATIONS) {
    for (const name of bases) {
      const lines = sampleLines[name];
      for (let i = 0; i < lines.length; i++) {
        const unfound = codes.filter(c => !frozen.has(c));
        if (!unfound.length) return found;
        const open = only ? unfound.filter(c => only.includes(c)) : unfound;
        if (!open.length) break;
        if (Date.now() > deadline) { console.warn(`gen-rule-docs: search budget spent; still looking for ${open.join(', ')}`); return found; }
        const splice = mutate(lines, i);
        if (!splice) continue;
        splice.size = inserted(lines, splice).length;
        for (const c of open) if (patience.has(c) && patience.set(c, patience.get(c) - 1).get(c) <= 0) frozen.add(c);
        const en = findingsIn(applySplice(lines, splice), 'en', name);
        let zh;
        for (const code of open) {
          const hit = best(en, code, splice);
          if (!hit || (found.has(code) && hit.tier >= found.get(code).tier)) continue;
          zh ??= findingsIn(applySplice(lines, splice), 'zh-cn', name);
          keep(code, name, { ...splice, kind }, en, zh, hit);
          if (hit.tier === 0) frozen.add(code);
          else if (hit.tier < 3 && !patience.has(code)) patience.set(code, PATIENCE);
        }
      }
    }
  }
  return found;
}

// ---- Rendering -------------------------------------------------------------------------

/** Markdown-escapes text shown as prose (messages, titles). The test uses the same escaping. */
const md = s => s.replace(/[\\`*_<>[\]~|]/g, c => '\\' + c);
/** JSON in an HTML comment: `--` would end the comment early. */
const commentJson = v => JSON.stringify(v).replace(/--/g, '-\\u002d');
const firstSentence = s => /^.*?(?:。|\.(?=\s|$))/.exec(s)?.[0] ?? s;

/** Longer changes are told in words (the mutation's note) rather than shown as a diff. */
const DIFF_LINES = 8;

function renderSplice(sample, s) {
  const link = `[\`samples/${sample}\`](../samples/${sample})`;
  const old = sampleLines[sample].slice(s.start, s.start + s.deleteCount);
  const fresh = inserted(sampleLines[sample], s);
  if (s.note && Math.max(old.length, fresh.length) > DIFF_LINES) return [`${link} with ${s.note}.`];
  const where = old.length === 1 ? `line ${s.start + 1}` : `lines ${s.start + 1}–${s.start + old.length}`;
  const what = !old.length ? `a line added after line ${s.start} (${s.kind})` : fresh.length ? `${where} changed (${s.kind})` : `${where} deleted`;
  const fence = [...old, ...fresh].some(l => l.includes('```')) ? '~~~' : '```';
  return [`${link} with ${what}:`, '', fence + 'diff', ...old.map(l => '-' + l), ...fresh.map(l => '+' + l), fence];
}

function renderExample(code, ex) {
  if (!ex) return ['*No sample report, nor a small change to one, shows this finding yet.*'];
  const provenance = { code, sample: ex.sample, splice: ex.splice && { start: ex.splice.start, deleteCount: ex.splice.deleteCount, insert: ex.splice.insert } };
  const out = [
    ex.splice
      ? `**Example 示例:** ${renderSplice(ex.sample, ex.splice).join('\n')}`
      : `**Example 示例:** [\`samples/${ex.sample}\`](../samples/${ex.sample}) as published.`,
    '',
    `<!-- example ${commentJson(provenance)} -->`,
    '',
    `> line ${ex.en.range.start.line + 1}, ${ex.en.severity}`,
    '>',
    `> zh-cn: ${md(ex.zh.message)}`,
    '>',
    `> en: ${md(ex.en.message)}`,
    '',
  ];
  if (!ex.en.fixes.length) out.push('Fixes 修复: none offered with this finding.');
  else {
    out.push('Fixes offered 修复:', '');
    ex.en.fixes.forEach((f, i) => {
      const how = f.preferred ? 'preferred: applied by Fix all and `nianbao check --fix`' : 'a quick fix only, never applied unattended';
      out.push(`- ${md(ex.zh.fixes[i].title)} / ${md(f.title)} — ${how}`);
    });
  }
  return out;
}

function render(examples) {
  const out = [
    '# nianbao rules 规则',
    '',
    '<!-- Generated by `node scripts/gen-rule-docs.mjs` from the rule registry (server/src/engine/rules). Do not edit: test/engine/rules/docs.test.ts fails when this file and the registry disagree. -->',
    '',
    'Every finding nianbao reports has a stable code, the heading of its section below (diagnostics link',
    'to `docs/rules.md#<code>`), and a default severity that settings can change or turn off. Each',
    'section gives what the rule checks in Chinese and in English, a genuine example of the finding',
    '(the engine\'s output on a bundled sample report, or on a sample after the small change shown,',
    'with the other samples at hand as they would be in one folder),',
    'and the fixes offered with it. Preferred fixes break nothing that held: Fix all in the editor and',
    '`nianbao check --fix` apply only those.',
    '',
    '| code | severity | 检查内容 | what it checks |',
    '|---|---|---|---|',
    ...RULES.map(r => `| [${r.code}](#${r.code}) | ${r.severity} | ${md(firstSentence(r.doc['zh-cn']))} | ${md(firstSentence(r.doc.en))} |`),
  ];
  for (const r of RULES) {
    out.push(
      '', `## ${r.code}`, '',
      `Default severity 默认级别: **${r.severity}**`, '',
      md(r.doc['zh-cn']), '',
      md(r.doc.en), '',
      ...renderExample(r.code, examples.get(r.code)),
    );
  }
  return out.join('\n') + '\n';
}

const codes = RULES.map(r => r.code);
const examples = findExamples(codes);
const text = render(examples);
for (const c of codes) if (!examples.has(c)) console.warn(`gen-rule-docs: no example found for ${c}`);

if (process.argv.includes('--check')) {
  let current = '';
  try { current = readFileSync(OUT, 'utf8'); } catch { /* missing: out of date */ }
  if (current !== text) { console.error('docs/rules.md is out of date: run node scripts/gen-rule-docs.mjs'); process.exit(1); }
} else {
  writeFileSync(OUT, text);
  console.log(`docs/rules.md: ${codes.length} rules, ${examples.size} with examples (${[...examples.values()].filter(e => e.splice).length} on a changed sample)`);
}
