// The import registry: formats recognised by their bytes first, UTF-8 text passed through
// unchanged, importers loaded only when a file needs them (and never bundled into the CLI,
// the server or the client), desktop-only formats refused in the browser with a message;
// and where imported text came from, said in both languages.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  FORMATS, IMPORT_EXTENSIONS, REPORT_EXTENSIONS, TEXT_EXTENSIONS, ImportError, describeSource, formatOf, importFile, isImportable, sourceAt,
  type Importer, type ProvenanceEntry,
} from '../../server/src/import';
import { ROOT, FIXTURES, readSample, sampleByPrefix } from '../helpers';

const pdfBytes = () => new Uint8Array(readFileSync(path.join(FIXTURES, 'import', '02_hongze_district_2023.pdf')));
const utf8 = (s: string) => new TextEncoder().encode(s);
const noLoad = () => { throw new Error('no importer should be loaded'); };

describe('import registry', () => {
  it('knows a PDF by its bytes, whatever its name', () => {
    const f = formatOf(pdfBytes(), 'report.txt');
    assert.ok(f !== 'utf-8' && f?.module === 'pdf');
    assert.equal(formatOf(pdfBytes(), 'x.PDF') !== 'utf-8' && (formatOf(pdfBytes(), 'x.PDF') as { module: string }).module, 'pdf');
  });

  it('passes UTF-8 report text through unchanged (a BOM dropped), without loading any importer', async () => {
    const text = readSample(sampleByPrefix('002'));
    const r = await importFile(utf8('\uFEFF' + text), 'r.txt', { load: noLoad });
    assert.equal(r.text, text);
    assert.equal(r.encoding, 'utf-8');
    assert.deepEqual(r.provenance, []);
  });

  it('refuses bytes that are neither UTF-8 nor a format it imports, naming what it imports', async () => {
    const gbk = new Uint8Array([0xc4, 0xea, 0xb1, 0xa8, 0x0a]); // 年报 in GBK
    await assert.rejects(importFile(gbk, 'r.bin', { load: noLoad }), (e: unknown) =>
      e instanceof ImportError && /not UTF-8 text/.test(e.text.en) && e.text.en.includes('.pdf') && /不是 UTF-8 文本/.test(e.text['zh-cn']));
  });

  it('loads the importer of a format only when a file of it is imported, once per file', async () => {
    const loaded: string[] = [];
    const fake: Importer = async () => ({ text: '一、总体情况\n', encoding: 'pdf', notes: [], provenance: [] });
    const r = await importFile(pdfBytes(), 'a.pdf', { load: m => { loaded.push(m); return fake; } });
    assert.deepEqual(loaded, ['pdf']);
    assert.equal(r.text, '一、总体情况\n');
  });

  it('in a browser, a format whose importer needs the desktop says so', async () => {
    await assert.rejects(importFile(pdfBytes(), 'a.pdf', { load: noLoad, browser: true }), (e: unknown) =>
      e instanceof ImportError && /desktop/.test(e.text.en) && /桌面版/.test(e.text['zh-cn']));
  });

  it('lists extensions once: text, importable, and both for folders', () => {
    assert.deepEqual(TEXT_EXTENSIONS, ['.txt', '.md', '.nianbao']);
    assert.ok(IMPORT_EXTENSIONS.includes('.pdf'));
    for (const e of [...TEXT_EXTENSIONS, ...IMPORT_EXTENSIONS]) assert.ok(REPORT_EXTENSIONS.includes(e));
    assert.ok(isImportable('年报.PDF'));
    assert.ok(!isImportable('年报.txt.bak'));
  });

  it('every format has its importer module, and the build has its bundle; the other bundles do not carry it', () => {
    for (const f of FORMATS) {
      const src = readFileSync(path.join(ROOT, 'server', 'src', 'import', `${f.module}.ts`), 'utf8');
      assert.match(src, /^export const importer\b/m, f.module);
      assert.ok(existsSync(path.join(ROOT, 'dist', 'import', `${f.module}.js`)), `dist/import/${f.module}.js`);
      if (f.browser) assert.ok(existsSync(path.join(ROOT, 'dist', 'web', 'import', `${f.module}.js`)), `dist/web/import/${f.module}.js`);
    }
    // pdfjs is over a megabyte: the CLI, the servers and the clients load it only on import.
    for (const b of ['cli-main.js', 'server.js', 'client.js', 'web/server.js', 'web/client.js']) {
      const code = readFileSync(path.join(ROOT, 'dist', b), 'utf8');
      assert.ok(!code.includes('pdfjsWorker') && !code.includes('PDFDocumentProxy'), `${b} bundles pdfjs`);
    }
  });
});

describe('where imported text came from', () => {
  it('says each kind of source position in both languages', () => {
    assert.deepEqual(describeSource({ kind: 'pdf', page: 3, x: 0, y: 0 }), { en: 'page 3', 'zh-cn': '第 3 页' });
    assert.deepEqual(describeSource({ kind: 'pdf', page: 3, x: 0, y: 0, table: 2, row: 5 }), { en: 'page 3, table 2 row 5', 'zh-cn': '第 3 页 表格 2 第 5 行' });
    assert.deepEqual(describeSource({ kind: 'table', table: 2, row: 5, cell: 3 }), { en: 'table 2 row 5 cell 3', 'zh-cn': '表格 2 第 5 行第 3 格' });
    assert.deepEqual(describeSource({ kind: 'paragraph', paragraph: 4 }), { en: 'paragraph 4', 'zh-cn': '第 4 段' });
    assert.deepEqual(describeSource({ kind: 'sheet', sheet: '表三', cell: 'B5' }), { en: 'sheet 表三 cell B5', 'zh-cn': '工作表 表三 单元格 B5' });
    assert.deepEqual(describeSource({ kind: 'text', line: 12 }), { en: 'line 12', 'zh-cn': '第 12 行' });
  });

  it('finds the entry of a range: the one holding it, else the nearest on its line, else the one before', () => {
    const p = (line: number, start: number, end: number, page: number): ProvenanceEntry => ({ line, start, end, source: { kind: 'pdf', page, x: 0, y: 0 } });
    const prov = [p(0, 0, 6, 1), p(4, 2, 5, 2), p(4, 8, 10, 3), p(9, 0, 3, 4)];
    const at = (line: number, character: number) => (sourceAt(prov, { start: { line, character } }) as { page: number } | undefined)?.page;
    assert.equal(at(4, 3), 2);
    assert.equal(at(4, 9), 3);
    assert.equal(at(4, 7), 3);   // between the cells: the nearer one
    assert.equal(at(6, 0), 3);   // a line of its own: what precedes it
    assert.equal(at(0, 2), 1);
    assert.equal(sourceAt([], { start: { line: 0, character: 0 } }), undefined);
  });
});
