// `npm run fuzz -- --runs N [--seed S] [--no-timing]`: the long fuzz run. For N mutated
// samples and N assembled documents, the engine properties of test/fuzz/properties.ts;
// for N/10 of them, random edits through the incremental path compared with a full parse;
// then linear time: doubling a document (or a long line in it) three or four times.
// Prints what it found; exits 1 on any failure.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ReportDocument, applyEdits, check, fixAll } from '../../server/src/engine';
import { compilation } from '../bench/corpus';
import { readSample, readWeb } from '../helpers';
import { fileText } from '../../server/src/cli/text';
import { readSettings } from '../../server/src/settings';
import { assembledDocument, mutatedSample } from './generators';
import { engineProblems } from './properties';
import { corruptedReading, doubtProblems } from './doubt';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const RUNS = opt('--runs', 1000);
const SEED = opt('--seed', Date.now() % 2 ** 31);
const TIMING = !args.includes('--no-timing');

let failures = 0;
const fail = (what: string, detail: string) => { failures++; console.log(`FAIL ${what}\n${detail}\n`); };

function properties(name: string, arb: fc.Arbitrary<{ name: string; text: string }>, runs: number) {
  const t = performance.now();
  const r = fc.check(fc.property(arb, fc.constantFrom('en' as const, 'zh-cn' as const), (input, locale) => {
    const problems = engineProblems(input.text, { locale, maxFixes: 20 });
    if (problems.length) throw new Error(`${input.name}:\n  ${problems.slice(0, 8).join('\n  ')}`);
  }), { numRuns: runs, seed: SEED });
  const s = ((performance.now() - t) / 1000).toFixed(1);
  if (r.failed) fail(`${name} (seed ${SEED}, ${r.numRuns} runs, shrunk ${r.numShrinks}×)`, String(r.errorInstance instanceof Error ? r.errorInstance.message : r.errorInstance).slice(0, 4000));
  else console.log(`ok   ${name}: ${r.numRuns} runs in ${s} s`);
}

/** Random edits (LSP ranges, maybe out of range) on mutated samples: incremental ≡ full. */
function incremental(runs: number) {
  const edit = fc.record({
    line: fc.nat({ max: 500 }), character: fc.nat({ max: 60 }), lines: fc.oneof(fc.constant(0), fc.nat({ max: 4 }), fc.nat({ max: 80 })), span: fc.nat({ max: 80 }),
    text: fc.oneof(fc.constantFrom('0', '7', '\n', '\r\n', '\r', '\t', ' |', '五、', '（七）总计', '一、总体情况\n', '2021年度报告\n', '\u3000', ''), fc.string({ maxLength: 6 })),
  });
  const t = performance.now();
  const r = fc.check(fc.property(mutatedSample(2), fc.array(edit, { minLength: 1, maxLength: 12 }), (input, edits) => {
    const doc = new ReportDocument(input.text);
    for (const e of edits) {
      doc.update([{ range: { start: { line: e.line, character: e.character }, end: { line: e.line + e.lines, character: e.span } }, text: e.text }]);
      assert.deepEqual(doc.model, new ReportDocument(doc.getText()).model, input.name);
    }
  }), { numRuns: runs, seed: SEED });
  if (r.failed) fail(`incremental ≡ full (seed ${SEED})`, String((r.errorInstance as Error)?.message ?? r.errorInstance).slice(0, 3000));
  else console.log(`ok   incremental ≡ full: ${r.numRuns} edit sequences in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

/** Corrupted readings of every sample in every encoding: no false arithmetic error (test/fuzz/doubt.ts). */
function doubt(runs: number) {
  const t = performance.now();
  const r = fc.check(fc.property(corruptedReading, c => {
    const problems = doubtProblems(c);
    if (problems.length) throw new Error(problems.slice(0, 4).join('\n'));
  }), { numRuns: runs, seed: SEED });
  if (r.failed) fail(`doubt never shows as an arithmetic error (seed ${SEED})`, String((r.errorInstance as Error)?.message ?? r.errorInstance).slice(0, 3000));
  else console.log(`ok   doubt never shows as an arithmetic error: ${r.numRuns} corrupted readings in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

/** Fastest of a few runs of `work` (by default parse + check). */
function timeOf<T>(input: T, work: (input: T) => unknown): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    work(input);
    best = Math.min(best, performance.now() - t);
  }
  return best;
}
const parseAndCheck = (text: string) => check(new ReportDocument(text), { locale: 'en' });

/**
 * Linear time: over all the doublings the time grows at most 2.5× as much as the size, or
 * the last doubling at most triples it (quadratic growth over three doublings is 64×
 * against 8×, and 4× in each). One doubling alone is at the mercy of a garbage collection.
 */
function doubling(name: string, make: (k: number) => string, steps: number): void;
function doubling<T>(name: string, make: (k: number) => T, steps: number, work: (input: T) => unknown, sizeOf: (input: T) => number, unit: string): void;
function doubling(name: string, make: (k: number) => unknown, steps: number, work: (input: any) => unknown = parseAndCheck, sizeOf: (input: any) => number = (t: string) => t.length, unit = 'k chars') {
  const times: number[] = [];
  const sizes: number[] = [];
  for (let k = 0; k < steps; k++) {
    const input = make(k);
    sizes.push(sizeOf(input));
    times.push(timeOf(input, work));
  }
  const line = sizes.map((s, i) => `${(s / 1000).toFixed(0)}${unit} ${times[i].toFixed(0)} ms`).join(' → ');
  // Fixed costs dominate below a few milliseconds. Quadratic time shows end to end and in
  // the last doubling alike (4×); noise rarely in both.
  const growth = times[steps - 1] / Math.max(times[0], 5);
  const lastStep = times[steps - 1] / Math.max(times[steps - 2], 5);
  if (growth > 2.5 * (sizes[steps - 1] / sizes[0]) && lastStep > 3) fail(`linear time: ${name}`, line);
  else console.log(`ok   linear time, ${name}: ${line}`);
}

function timing() {
  // issue 15: the CLI's text output of a file with tens of thousands of findings (one
  // code), and settings with thousands of invalid keys, were quadratic.
  const seed2 = readSample('02_');
  doubling('text output of repeated part headings', k => {
    const text = `${seed2}\n${'一、总体情况\n'.repeat(2500 * 2 ** k)}`;
    const findings = check(new ReportDocument(text), { locale: 'en' });
    return { path: 'r.txt', template: '2021' as const, reports: 2, findings };
  }, 4, r => fileText(r, 'en'), r => r.findings.length, 'k findings');
  doubling('settings with invalid severity keys', k => {
    const severity: Record<string, string> = {};
    for (let i = 0; i < 2000 * 2 ** k; i++) severity[`bad-${i}`] = 'loud';
    return { severity };
  }, 4, raw => readSettings(raw), raw => Object.keys(raw.severity).length, 'k keys');

  // issue 15: --fix on a compilation of 1,456 reports took 7 minutes (each edit copied the
  // text; each fix was compared with every edit taken).
  doubling('fix-all and its edits applied, on corpus 02 repeated', k => {
    const text = `${seed2}\n`.repeat(50 * 2 ** k);
    const doc = new ReportDocument(text);
    return { text, doc, findings: check(doc, { locale: 'en' }) };
  }, 4, ({ text, doc, findings }) => applyEdits(text, fixAll(doc, findings, 'en').edits), x => x.text.length, 'k chars');

  // A web line (a whole crawled report on one line) whose part 六 runs on without a space
  // or a 。 to a date that is not a footer's (no 印发): the footer's pattern once began with
  // the words before the date and, finding no footer, tried each position of the run
  // (80k characters: 12 s).
  const web = readWeb('w21');
  const six = web.indexOf('六、其他需要报告的事项') + '六、其他需要报告的事项'.length;
  doubling('a web line\'s part 六 without a space or 。 up to a date', k =>
    `${web.slice(0, six)}${'本机关政府信息公开'.repeat(Math.ceil((10_000 * 2 ** k) / 9))}2021年1月20日${web.slice(six)}`, 4);

  const unit = compilation(256 * 1024).text;
  doubling('a compilation doubled', k => unit.repeat(2 ** k), 5);
  const seed = readSample('002').split('\n');
  for (const [what, piece] of [['digits', '1'], ['spaces', ' '], ['commas', ','], ['"1 " runs', '1 '], ['tabs', '\t'], ['CJK', '总计']] as const) {
    for (const at of [40, 130]) {
      doubling(`one long line of ${what} at line ${at} of seed 002`, k => {
        const copy = [...seed];
        copy.splice(at, 0, piece.repeat(Math.ceil((125_000 * 2 ** k) / piece.length)));
        return copy.join('\n');
      }, 4);
    }
  }
}

console.log(`nianbao fuzz: ${RUNS} runs per property, seed ${SEED}\n`);
properties('mutated samples', mutatedSample(), RUNS);
properties('assembled documents', assembledDocument, RUNS);
incremental(Math.max(1, Math.floor(RUNS / 10)));
doubt(RUNS);
if (TIMING) timing();
console.log(failures ? `\n${failures} failed (seed ${SEED})` : '\nall passed');
process.exitCode = failures ? 1 : 0;
