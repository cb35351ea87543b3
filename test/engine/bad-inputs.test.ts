// Bad inputs, one named test each: the engine gives a clear finding or a graceful result,
// never a crash or a hang. The large ones (50 MB, 1,000,000-character lines) run in a
// worker thread with a deadline, so a hang fails its test instead of stalling the suite.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { ReportDocument, check, fixAll, hover, type Cell, type Finding, type Table } from '../../server/src/engine';
import { InputError, readReport } from '../../server/src/cli/io';
import { readSettings } from '../../server/src/settings';
import { compilation } from '../bench/corpus';
import { Positions } from '../fuzz/properties';
import { readSample, readWeb, renderModel } from '../helpers';

interface Summary { lines: number; reports: number; withTables: number; findings: number; problems: string[] }

/** Parse, check, fix-all and a hover; what went wrong with ranges or rules, in words. */
function run(text: string): Summary {
  const doc = new ReportDocument(text);
  const findings = check(doc, { locale: 'en' });
  fixAll(doc, findings, 'en');
  for (const f of findings.slice(0, 10)) hover(doc, f.range.start, 'en');
  const pos = new Positions(text);
  const problems: string[] = [];
  for (const f of findings) {
    if (f.code === 'internal-error') problems.push(f.message);
    const p = pos.rangeProblem(f.range, f.code);
    if (p) problems.push(p);
  }
  const reports = doc.model.reports;
  return { lines: doc.lineCount, reports: reports.length, withTables: reports.filter(r => Object.keys(r.tables).length === 3).length, findings: findings.length, problems: problems.slice(0, 5) };
}

const LONG = 1_000_000;
const longLine = (unit: string) => unit.repeat(Math.ceil(LONG / unit.length)).slice(0, LONG);
/** Runs of one thing, the kinds a regex could stumble over: digits, spaces, tabs, pipes, punctuation, CJK. */
const LONG_UNITS = ['1', ' ', '\t', '|', ',', ':', '、', '\u3000', '1 ', '- ', '总计', '2021年', '（一）', '第1页'];

/** Cases run in a worker: each returns summaries. */
const HEAVY: Record<string, () => Summary[]> = {
  '50 MB': () => [run(compilation(50 * 1024 * 1024).text)],
  'long lines alone': () => LONG_UNITS.map(u => run(longLine(u) + 'x')),
  'long lines in a report': () => {
    const lines = readSample('002').split('\n');
    // In the title area, part 一's prose, inside table 三, and after the signature.
    return ['1', ' ', ',', '1 '].flatMap(u => [5, 40, 130, 370].map(at => {
      const copy = [...lines];
      copy.splice(at, 0, longLine(u));
      return run(copy.join('\n'));
    }));
  },
  // A crawled page (the whole report on one line) whose part 六 runs on 1,000,000
  // characters without a space or a 。 before a date: the footer search once tried each
  // position of the run (80,000 characters took 12 s).
  'a web line\'s long part 六': () => {
    const web = readWeb('w21');
    const six = web.indexOf('六、其他需要报告的事项') + '六、其他需要报告的事项'.length;
    return [run(`${web.slice(0, six)}${longLine('本机关政府信息公开')}2021年1月20日${web.slice(six)}`)];
  },
};

if (!isMainThread && (workerData as { badInput?: string } | null)?.badInput) {
  parentPort!.postMessage(HEAVY[(workerData as { badInput: string }).badInput]());
}

/** Runs a heavy case in a worker thread; rejects when it does not finish by the deadline. */
function inWorker(name: string, deadlineMs: number): Promise<Summary[]> {
  return new Promise((resolve, reject) => {
    const w = new Worker(__filename, { workerData: { badInput: name } });
    const timer = setTimeout(() => { void w.terminate(); reject(new Error(`${name}: not finished after ${deadlineMs} ms (a hang, or far too slow)`)); }, deadlineMs);
    w.once('message', (s: Summary[]) => { clearTimeout(timer); void w.terminate(); resolve(s); });
    w.once('error', e => { clearTimeout(timer); reject(e); });
  });
}

const parse = (text: string) => new ReportDocument(text);
const findingsOf = (text: string) => check(parse(text), { locale: 'en' });
const brief = (fs: Finding[]) => fs.map(f => `${f.code}@${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.message}`);
const cells = (t: Table | undefined): Cell[] => Object.values(t?.rows ?? {}).flatMap(r => Object.values(r.cells));

/** Rewrites every number cell of the first report's tables (back to front, so ranges hold). */
function rewriteNumbers(text: string, rewrite: (written: string) => string): string {
  const doc = parse(text);
  const all = Object.values(doc.model.reports[0].tables).flatMap(t => cells(t)).filter(c => c.kind === 'number');
  const lines = text.split('\n');
  for (const c of all.sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)) {
    const l = lines[c.range.start.line];
    lines[c.range.start.line] = l.slice(0, c.range.start.character) + rewrite(c.text) + l.slice(c.range.end.character);
  }
  return lines.join('\n');
}
const valuesOf = (text: string) => Object.values(parse(text).model.reports[0].tables).map(t => cells(t).map(c => `${t!.id}.${c.row}.${c.column}=${c.value}`)).flat();

if (isMainThread) {
  describe('bad input: nothing', () => {
    it('an empty file: one empty report, no findings, no crash', () => {
      const doc = parse('');
      assert.equal(doc.model.reports.length, 1);
      assert.deepEqual(doc.model.reports[0].parts, []);
      assert.deepEqual(check(doc, { locale: 'zh-cn' }), []);
      assert.equal(hover(doc, { line: 0, character: 0 }, 'en'), undefined);
    });
    it('only blank lines and spaces: no findings', () => {
      assert.deepEqual(findingsOf('\n\n \u3000\n\t\n\r\n'), []);
    });
  });

  describe('bad input: binary bytes', () => {
    const bytes = Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919 + (i >> 7) * 31) % 256));
    it('read as Latin-1 or as UTF-8 with replacement characters: no crash, every range inside', () => {
      for (const text of [bytes.toString('latin1'), bytes.toString('utf8')]) {
        const s = run(text);
        assert.deepEqual(s.problems, []);
        assert.equal(s.withTables, 0);
      }
    });
    it('the CLI refuses them with a clear message: binary data, or not UTF-8', () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-bad-'));
      try {
        writeFileSync(path.join(dir, 'nul.txt'), Buffer.concat([Buffer.from('一、总体情况\n'), Buffer.from([0, 1, 2, 0])]));
        writeFileSync(path.join(dir, 'gbk.txt'), bytes);
        assert.throws(() => readReport(path.join(dir, 'nul.txt')), (e: Error) => e instanceof InputError && /binary data, not a report/.test(e.message));
        assert.throws(() => readReport(path.join(dir, 'gbk.txt')), (e: Error) => e instanceof InputError && /not UTF-8 text/.test(e.message));
      } finally { rmSync(dir, { recursive: true, force: true }); }
    });
  });

  describe('bad input: size', function () {
    this.timeout(120000);
    it('a 50 MB file (about 5,000 reports pasted together): parsed and checked once, every report found, every range inside', async () => {
      const [s] = await inWorker('50 MB', 90000);
      const expected = compilation(50 * 1024 * 1024).copies;
      assert.equal(s.reports, expected);
      assert.equal(s.withTables, expected);
      assert.deepEqual(s.problems, []);
      assert.ok(s.findings > 0);
    });
    it('one 1,000,000-character line of digits, spaces, tabs, pipes, punctuation or CJK: graceful', async () => {
      const all = await inWorker('long lines alone', 60000);
      all.forEach((s, i) => {
        assert.deepEqual(s.problems, [], JSON.stringify(LONG_UNITS[i]));
        assert.equal(s.withTables, 0);
      });
    });
    it('a 1,000,000-character line pasted into a real report (title, prose, table, signature): the report still reads', async () => {
      const all = await inWorker('long lines in a report', 60000);
      for (const s of all) {
        assert.deepEqual(s.problems, []);
        assert.equal(s.withTables, 1);
      }
    });
  });

  describe('bad input: a web line', function () {
    this.timeout(120000);
    it('a crawled report whose part 六 runs 1,000,000 characters without a space or 。: read, its tables whole', async () => {
      const [s] = await inWorker('a web line\'s long part 六', 60000);
      assert.deepEqual(s.problems, []);
      assert.equal(s.reports, 1);
      assert.equal(s.withTables, 1);
    });
  });

  describe('bad input: line ends and byte-order mark', () => {
    const seed = readSample('002');
    it('CRLF line ends: the same model and the same findings as LF', () => {
      const crlf = seed.replace(/\n/g, '\r\n');
      assert.equal(renderModel(parse(crlf).model), renderModel(parse(seed).model));
      assert.deepEqual(brief(findingsOf(crlf)), brief(findingsOf(seed)));
      assert.equal(parse(crlf).getText(), crlf);
    });
    it('lone CR line ends (old Mac): the same model and the same findings as LF', () => {
      const cr = seed.replace(/\n/g, '\r');
      assert.equal(renderModel(parse(cr).model), renderModel(parse(seed).model));
      assert.deepEqual(brief(findingsOf(cr)), brief(findingsOf(seed)));
    });
    it('mixed line ends in one file: the same tables', () => {
      let i = 0;
      const mixed = seed.replace(/\n/g, () => ['\n', '\r\n', '\r'][i++ % 3]);
      assert.equal(renderModel(parse(mixed).model), renderModel(parse(seed).model));
    });
    it('a BOM before the title: the same model; findings below the first line unchanged', () => {
      const bom = '\uFEFF' + seed;
      assert.equal(renderModel(parse(bom).model), renderModel(parse(seed).model));
      const below = (fs: Finding[]) => brief(fs.filter(f => f.range.start.line > 0));
      assert.deepEqual(below(findingsOf(bom)), below(findingsOf(seed)));
    });
  });

  describe('bad input: how numbers are written', () => {
    const seed = readSample('002');
    it('full-width digits (０１２) read as the same numbers', () => {
      const wide = rewriteNumbers(seed, t => t.replace(/\d/g, d => String.fromCharCode(0xff10 + Number(d))));
      assert.notEqual(wide, seed);
      assert.deepEqual(valuesOf(wide), valuesOf(seed));
      assert.deepEqual(findingsOf(wide).map(f => f.code), findingsOf(seed).map(f => f.code));
    });
    it('thousands separators (1,234) read as one number, and totals add up with them', () => {
      // Row 一 of table 三: 自然人 20 → 1,220 and 总计 25 → 1,225 keep the row total true.
      const lines = seed.split('\n');
      assert.equal(lines[125], '20 |');
      assert.equal(lines[131], '25 |');
      lines[125] = '1,220 |';
      lines[131] = '1,225 |';
      const t = parse(lines.join('\n')).model.reports[0].tables.applications!;
      assert.equal(t.rows.new.cells.natural_person.value, 1220);
      assert.equal(t.rows.new.cells.total.value, 1225);
      assert.ok(!check(parse(lines.join('\n')), { locale: 'en' }).some(f => f.code === 'row-total' && f.range.start.line === 131));
    });
    it('U+3000 and NBSP padding around numbers: the same numbers, and each cell\'s range is just its digits', () => {
      const padded = rewriteNumbers(seed, t => `\u3000${t}\u00a0`);
      assert.deepEqual(valuesOf(padded), valuesOf(seed));
      const doc = parse(padded);
      for (const c of Object.values(doc.model.reports[0].tables).flatMap(t => cells(t))) {
        if (c.kind === 'number') assert.equal(doc.getTextIn(c.range), c.text);
      }
    });
    it('/ — 无 in cells are blanks, each named by blank-cell with what was written, never read as 0', () => {
      const lines = seed.split('\n');
      lines[125] = '/ |';
      lines[131] = '— |';
      lines[318] = '无 |';
      const text = lines.join('\n');
      const t = parse(text).model.reports[0].tables.applications!;
      for (const c of [t.rows.new.cells.natural_person, t.rows.new.cells.total, t.rows.results_total.cells.natural_person]) {
        assert.equal(c.kind, 'blank');
        assert.equal(c.value, null);
      }
      const blanks = findingsOf(text).filter(f => f.code === 'blank-cell');
      for (const [line, written] of [[125, '/'], [131, '—'], [318, '无']] as const) {
        const f = blanks.find(x => x.range.start.line === line);
        assert.ok(f, `blank-cell on line ${line}`);
        assert.ok(f.message.includes(`「${written}」`), f.message);
      }
    });
  });

  describe('bad input: a table whose encoding changes halfway', () => {
    const switchHalfway = (text: string, convert: (line: string) => string) => {
      const t = parse(text).model.reports[0].tables.applications!;
      const mid = Math.floor((t.range.start.line + t.range.end.line) / 2);
      return text.split('\n').map((l, i) => (i >= mid && i <= t.range.end.line ? convert(l) : l)).join('\n');
    };
    const cases: [string, string, (l: string) => string][] = [
      ['000', 'tab cells → pipe cells', l => (/^\t[^\t]*$/.test(l) ? `${l.slice(1)} |` : l)],
      ['002', 'pipe cells → tab cells', l => (/^[^|]*\S[^|]* \|\s*$/.test(l) ? `\t${l.replace(/\s*\|\s*$/, '')}` : l)],
      ['004', 'TSV rows → Markdown rows', l => (l.includes('\t') ? `| ${l.split('\t').join(' | ')} |` : l)],
    ];
    for (const [seedName, what, convert] of cases) {
      it(`seed ${seedName}, ${what}: every number still lands in its row and column`, () => {
        const seed = readSample(seedName);
        const mixed = switchHalfway(seed, convert);
        assert.notEqual(mixed, seed);
        assert.deepEqual(valuesOf(mixed), valuesOf(seed));
        assert.deepEqual(run(mixed).problems, []);
      });
    }
  });

  describe('workspace settings are data only', () => {
    it('values that look like code are rejected as invalid data and never run', () => {
      const g = globalThis as { __nianbaoRan?: boolean };
      const { settings, problems } = readSettings({
        severity: { 'row-total': "require('child_process').execSync('touch /tmp/nianbao-pwned')", 'blank-cell': { toString: '() => { globalThis.__nianbaoRan = true }' } },
        template: '${process.exit(1)}',
        detect: 'eval("globalThis.__nianbaoRan = true")',
        inlayHints: { enabled: 'function () { globalThis.__nianbaoRan = true }' },
      });
      assert.deepEqual(settings.severity, {});
      assert.equal(settings.template, 'auto');
      assert.equal(settings.detect, 'ask');
      assert.equal(settings.inlayHints.enabled, true);
      for (const key of ['severity.row-total', 'severity.blank-cell', 'template', 'detect', 'inlayHints.enabled']) {
        assert.ok(problems.some(p => p.startsWith(`nianbao.${key}`)), `${key} reported: ${problems.join('; ')}`);
      }
      assert.equal(g.__nianbaoRan, undefined);
    });
    it('keys that could reach an object\'s prototype are plain data: nothing is polluted', () => {
      const raw = JSON.parse('{"severity": {"__proto__": {"polluted": "error"}, "constructor": "off"}, "__proto__": {"template": "2019"}}');
      const { settings } = readSettings(raw);
      assert.equal(({} as { polluted?: string }).polluted, undefined);
      assert.equal(settings.template, 'auto');
      assert.equal(Object.getPrototypeOf(settings.severity), Object.prototype);
    });
  });
}
