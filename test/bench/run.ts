// `npm run bench`: how fast the engine, the server and the CLI are, as medians over
// repeated runs and as ratios measured in the same run. Prints numbers; asserts nothing.
// `node dist/test/bench/run.js [--only 1,2,…] [--quick]`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import path from 'node:path';
import { ReportDocument, check, type Range, type TextChange } from '../../server/src/engine';
import { readSample, sampleByPrefix, sampleNames, ROOT } from '../helpers';
import { compilation, rng, SEEDS, varyNumbers, webLine } from './corpus';
import { LspClient, SERVER } from './lsp';
import { importFile } from '../../server/src/import';
import { loadBundled } from '../../server/src/import/load';
import { applyServerV8Flags, SERVER_V8_FLAGS } from '../../server/src/lsp/v8-flags';
import { interleaved, mark, median, ms, now, p95, ratio } from './stats';

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const only = args.includes('--only') ? new Set(args[args.indexOf('--only') + 1].split(',').map(Number)) : undefined;
const wanted = (n: number) => !only || only.has(n);

const targets: { what: string; value: string; target: string; met: boolean }[] = [];
const target = (what: string, value: string, goal: string, met: boolean) => targets.push({ what, value, target: goal, met });

let sink = 0;
const LINE_BREAK = /\r\n|\r|\n/;
const DIGIT = /\d/;
/** The bare scan: split into lines, one regex pass (is there a number on the line?). */
function bare(text: string): number {
  let n = 0;
  for (const line of text.split(LINE_BREAK)) if (DIGIT.test(line)) n++;
  return n;
}
/** What an editor needs on open: the parse, the model and every rule's findings. */
function full(text: string): number {
  const doc = new ReportDocument(text);
  return check(doc, { locale: 'zh-cn' }).length + doc.model.reports.length;
}

/** A full garbage collection (V8's gc(), reached without --expose-gc on the command line). */
function fullCollection() {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

function title(s: string) { console.log(`\n## ${s}\n`); }
function row(cells: (string | number)[]) { console.log(`| ${cells.join(' | ')} |`); }

// ── 1 ─────────────────────────────────────────────────────────────────────────────
function seedsVsBare() {
  title('1. Full parse + check of each seed vs the bare scan (split into lines + one regex pass)');
  row(['seed', 'chars', 'lines', 'full (median)', 'bare (median)', 'full/bare']);
  row(['---', '---:', '---:', '---:', '---:', '---:']);
  const runs = QUICK ? 40 : 200;
  for (const seed of SEEDS) {
    const text = readSample(seed);
    // The bare scan is ~1000× cheaper: 20 of them per sample keep the timer's resolution out of it.
    const s = interleaved({ full: () => { sink += full(text); }, bare: () => { for (let i = 0; i < 20; i++) sink += bare(text); } }, runs, 20);
    const f = median(s.full), b = median(s.bare) / 20;
    row([sampleByPrefix(seed), text.length, text.split(LINE_BREAK).length, ms(f), ms(b), ratio(f, b)]);
    target(`full/bare, seed ${seed}`, ratio(f, b), '≤ 5×', f / b <= 5);
  }
}

// ── 2 ─────────────────────────────────────────────────────────────────────────────
interface Keystroke { name: string; at: Range['start'] }

/** A number cell and a line of prose in a report in the middle of the compilation. */
function keystrokeSites(doc: ReportDocument): Keystroke[] {
  const reports = doc.model.reports;
  const r = reports[Math.floor(reports.length / 2)];
  const t = r.tables.applications ?? Object.values(r.tables)[0]!;
  const cell = Object.values(t.rows).flatMap(x => Object.values(x.cells)).find(c => c.kind === 'number')!;
  let prose = -1;
  for (let l = r.range.start.line; l <= r.range.end.line; l++) {
    const s = doc.line(l);
    if (s.length >= 40 && !/[\t|]/.test(s) && !/\s{2,}/.test(s.trim())) { prose = l; break; }
  }
  return [
    { name: 'table cell', at: cell.range.end },
    { name: 'prose', at: { line: prose, character: Math.floor(doc.line(prose).length / 2) } },
  ];
}

function typeAndUndo(doc: ReportDocument, at: Range['start'], text: string, runs: number): number[] {
  const lines = text.split(LINE_BREAK).length - 1;
  const end: Range['start'] = lines ? { line: at.line + lines, character: text.length - text.lastIndexOf('\n') - 1 } : { line: at.line, character: at.character + text.length };
  return alternate(doc, { range: { start: at, end: at }, text }, { range: { start: at, end }, text: '' }, runs);
}

/** Edit `a` and edit `b` (its undo) applied in turn, each timed with the model and the check after it. */
function alternate(doc: ReportDocument, a: TextChange, b: TextChange, runs: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    doc.update([i % 2 === 0 ? a : b]);
    sink += check(doc, { locale: 'zh-cn' }).length + doc.model.reports.length;
    samples.push(now() - t);
  }
  return samples;
}

/**
 * What a keystroke allocates, which load does not change (timings do): bytes of heap per
 * edit (median of the edits between which no collection fell) and how often a collection
 * fell between two edits. Run apart from the timed edits, so reading the heap is not timed.
 */
function allocation(doc: ReportDocument, a: TextChange, b: TextChange, runs: number): { bytes: number; collections: number } {
  const used = () => v8.getHeapStatistics().used_heap_size;
  const deltas: number[] = [];
  let collections = 0;
  for (let i = 0; i < runs; i++) {
    const before = used();
    doc.update([i % 2 === 0 ? a : b]);
    sink += check(doc, { locale: 'zh-cn' }).length + doc.model.reports.length;
    const d = used() - before;
    if (d >= 0) deltas.push(d);
    else collections++;
  }
  return { bytes: median(deltas), collections };
}

/** Keystrokes that add or remove lines, each with its undo, in the middle report of the compilation. */
function lineEdits(doc: ReportDocument): { name: string; a: TextChange; b: TextChange }[] {
  const sites = keystrokeSites(doc);
  const prose = sites[1].at;
  const proseEnd = { line: prose.line, character: doc.line(prose.line).length };
  const next = { line: prose.line + 1, character: 0 };
  const row = sites[0].at.line;
  const rowStart = { line: row, character: 0 }, rowNext = { line: row + 1, character: 0 };
  const rowText = doc.getTextIn({ start: rowStart, end: rowNext });
  return [
    { name: 'Enter in prose, typed and deleted', a: { range: { start: prose, end: prose }, text: '\n' }, b: { range: { start: prose, end: { line: prose.line + 1, character: 0 } }, text: '' } },
    { name: 'Backspace joining a prose line to the next, and Enter', a: { range: { start: proseEnd, end: next }, text: '' }, b: { range: { start: proseEnd, end: proseEnd }, text: '\n' } },
    { name: 'a table row pasted (a copy of the row), and undone', a: { range: { start: rowStart, end: rowStart }, text: rowText }, b: { range: { start: rowStart, end: rowNext }, text: '' } },
    { name: 'a table row deleted, and restored', a: { range: { start: rowStart, end: rowNext }, text: '' }, b: { range: { start: rowStart, end: rowStart }, text: rowText } },
  ];
}

function compilationBench(big: { text: string; bytes: number; copies: number }) {
  title(`2. A ${(big.bytes / 1048576).toFixed(2)} MB compilation (${big.copies} reports pasted together)`);
  const runs = QUICK ? 3 : 9;
  const s = interleaved({ full: () => { sink += full(big.text); }, bare: () => { sink += bare(big.text); } }, runs, 2);
  const f = median(s.full), b = median(s.bare);
  console.log(`full parse + check: median ${ms(f)}, bare scan ${ms(b)}: full/bare ${ratio(f, b)}\n`);
  target('full/bare, 2 MB', ratio(f, b), '≤ 10×', f / b <= 10);

  const doc = new ReportDocument(big.text);
  check(doc, { locale: 'zh-cn' });
  // The keystrokes start from a collected heap, as a server's does once V8's memory reducer
  // has run after the document was opened: else they pay for the garbage of every full
  // check before them (bench 1's thousand, the nine above), whose collection fell among
  // them (a full run's p95 was 1.1–1.2 ms, `--only 2`'s 0.5 ms).
  fullCollection();
  row(['keystroke (update + model + check)', 'median', 'p95', 'full/keystroke (median)']);
  row(['---', '---:', '---:', '---:']);
  const n = QUICK ? 100 : 1000;
  const allocated: string[] = [];
  for (const site of keystrokeSites(doc)) {
    // Untimed first: the incremental path's code (a full parse never runs it) is still being
    // optimised by V8 during the first keystrokes, and the garbage of the full checks above
    // is still being collected. Timed with them, a quarter of the slowest 5 % were those
    // first 50 keystrokes: the p95 measured start-up, not typing. 100: even, so the text is as it was.
    typeAndUndo(doc, site.at, '7', 100);
    const k = typeAndUndo(doc, site.at, '7', n);
    row([`digit in a ${site.name}, typed and deleted`, ms(median(k)), ms(p95(k)), ratio(f, median(k))]);
    target(`keystroke in ${site.name}: full/incremental`, ratio(f, median(k)), '≥ 50×', f / median(k) >= 50);
    target(`keystroke in ${site.name}: p95`, ms(p95(k)), '< 1 ms', p95(k) < 1);
    const edit: TextChange = { range: { start: site.at, end: site.at }, text: '7' };
    const undo: TextChange = { range: { start: site.at, end: { line: site.at.line, character: site.at.character + 1 } }, text: '' };
    const m = allocation(doc, edit, undo, QUICK ? 100 : 400);
    allocated.push(`digit in a ${site.name}: ${(m.bytes / 1024).toFixed(0)} KB allocated per keystroke (median), a collection between ${m.collections} of ${QUICK ? 100 : 400} keystrokes`);
  }
  // Edits that move every later line: the sections after them are moved, not parsed again.
  for (const e of lineEdits(doc)) {
    const k = alternate(doc, e.a, e.b, QUICK ? 40 : 400);
    row([e.name, ms(median(k)), ms(p95(k)), ratio(f, median(k))]);
    target(`${e.name}: full/incremental`, ratio(f, median(k)), '≥ 50×', f / median(k) >= 50);
  }
  console.log(`\n${allocated.join('\n')}`);
}

// ── 3 ─────────────────────────────────────────────────────────────────────────────
async function markdownlintBench(big: { text: string; bytes: number }) {
  title('3. markdownlint 0.40 (library, default rules) on the same bytes, as the peer');
  let lint: (o: object) => unknown;
  try {
    // markdownlint is ESM only; a computed specifier keeps the import dynamic under CommonJS.
    const specifier = 'markdownlint/sync';
    ({ lint } = await import(specifier) as { lint: (o: object) => unknown });
  } catch (e) {
    console.log(`markdownlint not installed (${(e as Error).message}); skipped`);
    return;
  }
  row(['document', 'markdownlint (median)', 'nianbao full (median)', 'markdownlint/nianbao']);
  row(['---', '---:', '---:', '---:']);
  const docs: [string, string, number][] = [
    ...SEEDS.map(s => [sampleByPrefix(s), readSample(s), QUICK ? 10 : 40] as [string, string, number]),
    [`${(big.bytes / 1048576).toFixed(2)} MB compilation`, big.text, QUICK ? 2 : 5],
  ];
  for (const [name, text, runs] of docs) {
    const s = interleaved({
      markdownlint: () => { sink += Object.keys(lint({ strings: { doc: text } }) as object).length; },
      nianbao: () => { sink += full(text); },
    }, runs, 2);
    const m = median(s.markdownlint), n = median(s.nianbao);
    row([name, ms(m), ms(n), ratio(m, n)]);
    if (name.startsWith('002') || runs < 10) target(`markdownlint/nianbao, ${name.startsWith('002') ? 'seed 002' : '2 MB'}`, ratio(m, n), '≥ 30×', m / n >= 30);
  }
}

// ── 4 and 6 ───────────────────────────────────────────────────────────────────────
/** didChange → publishDiagnostics for the same version, typing a digit in a cell and deleting it. */
async function serverLatency(client: LspClient, uri: string, text: string, runs: number): Promise<{ open: number; samples: number[] }> {
  let t = now();
  let version = 1;
  const opened = client.diagnostics(uri, version, 120000);
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'nianbao', version, text } });
  await opened;
  const open = now() - t;
  const doc = new ReportDocument(text);
  const at = keystrokeSites(doc)[0].at;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    version++;
    const change = i % 2 === 0
      ? { range: { start: at, end: at }, text: '7' }
      : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
    const got = client.diagnostics(uri, version);
    t = now();
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    await got;
    samples.push(now() - t);
  }
  return { open, samples };
}

/** didOpen → publishDiagnostics, each time as a new document (closed after): the whole first check and its conversion. */
async function openLatency(client: LspClient, text: string, runs: number): Promise<{ samples: number[]; cpu: number }> {
  const samples: number[] = [];
  const cpu0 = client.cpuMs();
  for (let i = 0; i < runs; i++) {
    const uri = `file:///bench/open-${i}.txt`;
    const got = client.diagnostics(uri, 1, 120000);
    const t = now();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'nianbao', version: 1, text } });
    await got;
    samples.push(now() - t);
    client.notify('textDocument/didClose', { textDocument: { uri } });
  }
  return { samples, cpu: (client.cpuMs() - cpu0) / runs };
}

async function serverBench(big: { text: string; bytes: number }) {
  title('4. The real server over stdio: didChange → publishDiagnostics (debounce set to 0)');
  if (!existsSync(SERVER)) { console.log(`${SERVER} not built; skipped (and 6)`); return; }
  // Opens first, in a server of their own: no other open document is re-checked as a peer meanwhile.
  const opener = new LspClient();
  try {
    await opener.initialize({ debounceMs: 0 });
    row(['document', 'open → diagnostics (median)', 'p95', 'server CPU per open', 'opens']);
    row(['---', '---:', '---:', '---:', '---:']);
    for (const seed of ['000', '002']) {
      const opens = await openLatency(opener, readSample(seed), QUICK ? 40 : 100);
      row([`seed ${seed}`, ms(median(opens.samples)), ms(p95(opens.samples)), ms(opens.cpu), opens.samples.length]);
    }
    console.log('');
  } finally {
    await opener.close();
  }
  const client = new LspClient();
  try {
    await client.initialize({ debounceMs: 0 });
    const before = client.memory();
    row(['document', 'open → diagnostics', 'change → diagnostics p50', 'p95']);
    row(['---', '---:', '---:', '---:']);
    const seed = await serverLatency(client, 'file:///bench/seed-002.txt', readSample('002'), QUICK ? 50 : 300);
    row(['seed 002', ms(seed.open), ms(median(seed.samples)), ms(p95(seed.samples))]);
    target('stdio latency p95, seed', ms(p95(seed.samples)), '< 10 ms', p95(seed.samples) < 10);
    const large = await serverLatency(client, 'file:///bench/compilation.txt', big.text, QUICK ? 20 : 100);
    row([`${(big.bytes / 1048576).toFixed(2)} MB compilation`, ms(large.open), ms(median(large.samples)), ms(p95(large.samples))]);
    const after = client.memory();
    title('6. Memory of the server holding the 2 MB document');
    console.log(`RSS after initialize: ${(before.rssKb / 1024).toFixed(0)} MB; holding both documents: ${(after.rssKb / 1024).toFixed(0)} MB; peak (VmHWM): ${(after.peakKb / 1024).toFixed(0)} MB`);
    target('server peak RSS with the 2 MB document (no target)', `${(after.peakKb / 1024).toFixed(0)} MB`, '—', true);
  } finally {
    await client.close();
  }
}

// ── 5 ─────────────────────────────────────────────────────────────────────────────
function cliBench() {
  title('5. CLI batch: 1,000 report files, one invocation, `check --jobs 2`');
  const cli = path.join(ROOT, 'dist', 'cli.js');
  if (!existsSync(cli)) { console.log(`${cli} not built; skipped`); return; }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-'));
  try {
    const names = sampleNames();
    const texts = names.map(n => readSample(n));
    for (let i = 0; i < 1000; i++) {
      const k = i % names.length;
      writeFileSync(path.join(dir, `${String(i).padStart(4, '0')}_${names[k]}`), varyNumbers(texts[k], rng(i)));
    }
    row(['jobs', 'wall time (median of 3)', 'reports/second', 'files reported']);
    row(['---', '---:', '---:', '---:']);
    for (const jobs of [2, 1]) {
      const walls: number[] = [];
      let reported = 0;
      for (let r = 0; r < 3; r++) {
        const t = now();
        const res = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--jobs', String(jobs), dir], { encoding: 'utf8', maxBuffer: 1 << 30 });
        walls.push(now() - t);
        try { reported = (JSON.parse(res.stdout) as { files: unknown[] }).files.length; } catch { reported = -1; console.log(res.stderr.slice(0, 500)); }
      }
      const w = median(walls);
      row([jobs, ms(w), (1000 / (w / 1000)).toFixed(0), reported]);
      if (jobs === 2) target('1,000 reports, --jobs 2', ms(w), '< 3 s', w < 3000);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ── 7 ─────────────────────────────────────────────────────────────────────────────
function webBench() {
  const web = webLine();
  title(`7. Web text: a ${(web.bytes / 1048576).toFixed(2)} MB document on ONE line (${web.copies} crawled reports joined)`);
  const runs = QUICK ? 3 : 7;
  const s = interleaved({ full: () => { sink += full(web.text); }, bare: () => { sink += bare(web.text); } }, runs, 1);
  const f = median(s.full), b = median(s.bare);
  console.log(`full parse + check: median ${ms(f)}, bare scan ${ms(b)}: full/bare ${ratio(f, b)}\n`);
  target('web line 1 MB: full parse + check', ms(f), '< 1 s', f < 1000);

  const doc = new ReportDocument(web.text);
  check(doc, { locale: 'zh-cn' });
  // A digit typed and deleted after a cell of table 三 in the middle report, at its physical position.
  const r = doc.model.reports[Math.floor(doc.model.reports.length / 2)];
  const cell = Object.values(r.tables.applications!.rows).flatMap(x => Object.values(x.cells)).find(c => c.kind === 'number')!;
  const at = doc.physicalPosition(cell.range.end);
  const k = typeAndUndo(doc, at, '7', QUICK ? 20 : 100);
  row(['keystroke in the long line (update + model + check)', 'median', 'p95', 'full/keystroke (median)']);
  row(['---', '---:', '---:', '---:']);
  row(['digit after a table cell, typed and deleted', ms(median(k)), ms(p95(k)), ratio(f, median(k))]);
  target('web line: full/keystroke', ratio(f, median(k)), '≥ 10×', f / median(k) >= 10);
}

// ── 8 ─────────────────────────────────────────────────────────────────────────────
/** Importing the real published PDFs: the first import (loading pdfjs) and warm medians. */
async function importBench() {
  title('8. Importing the real published PDFs (pdfjs, in-process)');
  row(['file', 'pages', 'KB', 'first import (loads pdfjs)', 'median of next']);
  row(['---', '---:', '---:', '---:', '---:']);
  const runs = QUICK ? 3 : 7;
  for (const name of ['01_huaian_city_2024.pdf', '02_hongze_district_2023.pdf', '03_hongze_district_2024.pdf']) {
    const bytes = new Uint8Array(readFileSync(path.join(ROOT, 'test', 'fixtures', 'import', name)));
    const t0 = now();
    const first = await importFile(bytes, name, { load: loadBundled });
    const cold = now() - t0;
    const warm: number[] = [];
    for (let i = 0; i < runs; i++) { const t = now(); await importFile(bytes, name, { load: loadBundled }); warm.push(now() - t); }
    const pages = /read (\d+) page/.exec(first.notes[0]?.en ?? '')?.[1] ?? '?';
    row([name, pages, (bytes.length / 1024).toFixed(0), ms(cold), ms(median(warm))]);
  }
}

// ── 9 ─────────────────────────────────────────────────────────────────────────────
/**
 * CPU time (user + system, ms) of this process's finished children so far, from Linux's
 * /proc/self/stat (cutime and cstime, in ticks of 10 ms): undefined elsewhere. Summed over
 * many runs it tells what a run costs even when other processes share the cores.
 */
function childCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields[0] is field 3, state
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch { return undefined; }
}

/** One seed checked by a fresh `nianbao check` process, against a process that does nothing. */
function startupBench() {
  title('9. Start-up: `nianbao check` of one seed, the whole process, vs `node -e 0`');
  const cli = path.join(ROOT, 'dist', 'cli.js');
  if (!existsSync(cli)) { console.log(`${cli} not built; skipped`); return; }
  const seed = path.join(ROOT, 'samples', sampleByPrefix('000'));
  const cpu: Record<string, number> = { bare: 0, check: 0 };
  const runs = QUICK ? 7 : 31, warmup = 2;
  let round = 0;
  const spawnMs = (name: string, args: string[]) => () => {
    const before = childCpuMs();
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
    if (round >= warmup * 2) cpu[name] += (childCpuMs() ?? NaN) - (before ?? NaN);
    round++;
  };
  const s = interleaved({ bare: spawnMs('bare', ['-e', '0']), check: spawnMs('check', [cli, 'check', seed]) }, runs, warmup);
  const bare = median(s.bare), whole = median(s.check);
  row(['process', 'wall (median)', 'p95', 'CPU, user + system (mean)']);
  row(['---', '---:', '---:', '---:']);
  row(['node -e 0', ms(bare), ms(p95(s.bare)), ms(cpu.bare / runs)]);
  row([`nianbao check ${sampleByPrefix('000')}`, ms(whole), ms(p95(s.check)), ms(cpu.check / runs)]);
  console.log(`\ncheck − node -e 0: wall ${ms(whole - bare)}, CPU ${ms((cpu.check - cpu.bare) / runs)} (CPU counts node's helper threads too; load now: ${os.loadavg()[0].toFixed(1)})`);
  target('one seed, whole process, over node -e 0', ms(whole - bare), '≤ 80 ms', whole - bare <= 80);
}

function machine(): string {
  const cpu = /model name\s*:\s*(.*)/.exec(existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '')?.[1] ?? os.cpus()[0]?.model;
  return `${new Date().toISOString().slice(0, 10)} · ${os.availableParallelism()} cores (${cpu}) · ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM · node ${process.version} · ${os.platform()} ${os.release()}`;
}

async function main() {
  // In-process benches run the engine as the language server does (lsp/v8-flags.ts);
  // NIANBAO_BENCH_V8_DEFAULTS=1 keeps V8's defaults, to compare.
  const serverFlags = !process.env.NIANBAO_BENCH_V8_DEFAULTS;
  if (serverFlags) applyServerV8Flags();
  console.log(`# nianbao bench\n\n${machine()}\nV8 flags in this process: ${serverFlags ? `the server's, ${SERVER_V8_FLAGS.join(' ')}` : 'defaults'}`);
  const big = compilation();
  if (wanted(1)) seedsVsBare();
  if (wanted(2)) compilationBench(big);
  if (wanted(3)) await markdownlintBench(big);
  if (wanted(4) || wanted(6)) await serverBench(big);
  if (wanted(5)) cliBench();
  if (wanted(7)) webBench();
  if (wanted(8)) await importBench();
  if (wanted(9)) startupBench();
  title('Targets');
  row(['measure', 'value', 'target', '']);
  row(['---', '---:', '---', '---']);
  for (const t of targets) row([t.what, t.value, t.target, t.target === '—' ? '' : mark(t.met)]);
  if (sink === -1) console.log(sink);
}

main().catch(e => { console.error(e); process.exitCode = 1; });
