// The CLI on files it imports: `check` and `parse` take a PDF directly (findings point into
// the imported text and name the page), folders include PDFs, --fix leaves them alone,
// `nianbao import` writes the text beside the source and never over a file without
// --force; a scanned PDF exits 2 with its message.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ReportDocument, check } from '../../server/src/engine';
import { run } from '../../server/src/cli/run';
import { FIXTURES, ROOT, cellsOf, readSample, renderModel } from '../helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const PDF02 = path.join(FIXTURES, 'import', '02_hongze_district_2023.pdf');
const SCANNED = path.join(FIXTURES, 'import', 'scanned.pdf');

async function cli(args: string[]) {
  let out = '', err = '';
  const code = await run(args, { out: s => { out += s; }, err: s => { err += s; } });
  return { code, out, err };
}

interface JsonDiagnostic { code: string; message: string; source?: string; range: { start: { line: number } } }
interface JsonFile { path: string; imported?: { from: string; notes: string[] }; fixed?: number; diagnostics: JsonDiagnostic[] }

let tmp: string;
beforeEach(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'nianbao-import-')); });
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('nianbao check on a PDF', function () {
  this.timeout(60_000);

  it('finds the errors of the report as text, and says on which page each one is', async () => {
    const r = await cli(['check', '--locale', 'en', PDF02]);
    assert.equal(r.code, 1, r.err);
    const review = r.out.split('\n').filter(l => l.includes('review-total'));
    assert.equal(review.length, 2);
    for (const l of review) assert.match(l, /02_hongze_district_2023\.pdf:\d+:\d+ +error +review-total .*\(page 4, table \d+ row \d+\)$/);
    assert.match(r.out, /imported from PDF/);
    const zh = await cli(['check', '--locale', 'zh-cn', PDF02]);
    assert.match(zh.out, /（第 4 页 表格 \d+ 第 \d+ 行）/);
  });

  it('JSON: findings point into the imported text and name their source', async () => {
    const r = await cli(['check', '--format', 'json', '--locale', 'en', PDF02]);
    const [f] = JSON.parse(r.out).files as JsonFile[];
    assert.equal(f.imported?.from, 'pdf');
    assert.ok(f.imported!.notes.length > 0);
    const text = (await cli(['parse', PDF02])).code;
    assert.equal(text, 0);
    for (const d of f.diagnostics) assert.match(d.source ?? '', /^page \d/, d.code);
  });

  it('gives the findings of checking the same report as text (codes and messages; ranges aside)', async () => {
    const pdf = JSON.parse((await cli(['check', '--format', 'json', '--locale', 'en', PDF02])).out).files[0] as JsonFile;
    const sample = check(new ReportDocument(readSample('02_hongze_district_2023_pdflayout.txt')), { locale: 'en' });
    assert.deepEqual(pdf.diagnostics.map(d => `${d.code} ${d.message}`).sort(), sample.map(f => `${f.code} ${f.message}`).sort());
  });

  it('SARIF: located in the PDF without a text region, the page in the message', async () => {
    const sarif = JSON.parse((await cli(['check', '--format', 'sarif', '--locale', 'en', PDF02])).out);
    const results = sarif.runs[0].results as { message: { text: string }; locations: { physicalLocation: { region?: unknown } }[]; properties: { importedRegion: unknown } }[];
    assert.ok(results.length > 0);
    for (const x of results) {
      assert.equal(x.locations[0].physicalLocation.region, undefined);
      assert.ok(x.properties.importedRegion);
      assert.match(x.message.text, /\(page \d/);
    }
  });

  it('--fix leaves the PDF as it was and says it does not rewrite it', async () => {
    const copy = path.join(tmp, 'r.pdf');
    copyFileSync(PDF02, copy);
    const r = await cli(['check', '--fix', '--locale', 'en', copy]);
    assert.equal(r.code, 1);
    assert.deepEqual(readFileSync(copy), readFileSync(PDF02));
    assert.match(r.out, /--fix does not rewrite it/);
  });

  it('a folder includes its PDFs; a scanned one is not checked (exit 2, OCR first)', async () => {
    copyFileSync(PDF02, path.join(tmp, 'a.pdf'));
    copyFileSync(SCANNED, path.join(tmp, 'b.pdf'));
    writeFileSync(path.join(tmp, 'c.txt'), readSample('02_hongze_district_2023_pdflayout.txt'));
    const r = await cli(['check', '--format', 'json', '--locale', 'en', tmp]);
    assert.equal(r.code, 2);
    // The scanned one is listed with its error, as every file that could not be checked is.
    const listed = JSON.parse(r.out).files as (JsonFile & { error?: string })[];
    assert.deepEqual(listed.map(f => path.basename(f.path)), ['a.pdf', 'b.pdf', 'c.txt']);
    assert.match(listed[1].error ?? '', /no text layer/);
    assert.equal(listed[0].error, undefined);
    assert.match(r.err, /b\.pdf: no text layer: a scanned PDF needs OCR first/);
  });

  it('a PDF named .txt is still read as a PDF', async () => {
    const disguised = path.join(tmp, '年报.txt');
    copyFileSync(PDF02, disguised);
    const r = await cli(['check', '--format', 'json', '--locale', 'en', disguised]);
    assert.equal((JSON.parse(r.out).files as JsonFile[])[0].imported?.from, 'pdf');
  });

  it('the built CLI exits 2 on a scanned PDF, with the message in the user\'s language', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', SCANNED], { encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8' } });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /没有文字层：扫描版 PDF 需要先做文字识别/);
    const p = spawnSync(process.execPath, [CLI, 'parse', SCANNED], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
    assert.equal(p.status, 2);
    assert.match(p.stderr, /no text layer/);
  });
});

describe('nianbao import', function () {
  this.timeout(60_000);

  it('writes the report beside the PDF; checking it finds what checking the PDF finds', async () => {
    const src = path.join(tmp, '洪泽2023.pdf');
    copyFileSync(PDF02, src);
    const r = await cli(['import', '--locale', 'en', src]);
    assert.equal(r.code, 0, r.err);
    const md = path.join(tmp, '洪泽2023.md');
    assert.match(r.out, /洪泽2023\.pdf → .*洪泽2023\.md \(pdf\)/);
    const golden = readFileSync(path.join(FIXTURES, 'golden', '02_hongze_district_2023_pdflayout.golden'), 'utf8');
    assert.equal(cellsOf(renderModel(new ReportDocument(readFileSync(md, 'utf8')).model)), cellsOf(golden));
    const fromPdf = JSON.parse((await cli(['check', '--format', 'json', '--locale', 'en', src])).out).files[0] as JsonFile;
    const fromMd = JSON.parse((await cli(['check', '--format', 'json', '--locale', 'en', md])).out).files[0] as JsonFile;
    assert.deepEqual(fromMd.diagnostics.map(d => [d.code, d.message, d.range.start.line]), fromPdf.diagnostics.map(d => [d.code, d.message, d.range.start.line]));
  });

  it('never overwrites an existing file without --force', async () => {
    const src = path.join(tmp, 'r.pdf');
    copyFileSync(PDF02, src);
    writeFileSync(path.join(tmp, 'r.md'), 'mine');
    const r = await cli(['import', '--locale', 'en', src]);
    assert.equal(r.code, 2);
    assert.match(r.err, /r\.md: exists; not overwritten \(--force overwrites it\)/);
    assert.equal(readFileSync(path.join(tmp, 'r.md'), 'utf8'), 'mine');
    assert.equal((await cli(['import', '--force', src])).code, 0);
    assert.notEqual(readFileSync(path.join(tmp, 'r.md'), 'utf8'), 'mine');
  });

  it('--out DIR and --format tabs: tab-separated cells, the same cells', async () => {
    const out = path.join(tmp, 'out');
    mkdirSync(out);
    const r = await cli(['import', '--out', out, '--format', 'tabs', PDF02]);
    assert.equal(r.code, 0, r.err);
    const txt = readFileSync(path.join(out, '02_hongze_district_2023.txt'), 'utf8');
    assert.doesNotMatch(txt, /^\|/m);
    assert.match(txt, /^一、本年新收政府信息公开申请数量\t21\t0\t0\t0\t0\t0\t21$/m);
    const golden = readFileSync(path.join(FIXTURES, 'golden', '02_hongze_district_2023_pdflayout.golden'), 'utf8');
    assert.equal(cellsOf(renderModel(new ReportDocument(txt).model)), cellsOf(golden));
  });

  it('a scanned PDF: nothing written, exit 2', async () => {
    const r = await cli(['import', '--out', tmp, '--locale', 'en', SCANNED]);
    assert.equal(r.code, 2);
    assert.match(r.err, /no text layer/);
    assert.ok(!existsSync(path.join(tmp, 'scanned.md')));
  });

  it('usage errors: no files, a bad format', async () => {
    assert.equal((await cli(['import'])).code, 2);
    assert.equal((await cli(['import', '--format', 'docx', PDF02])).code, 2);
  });
});
