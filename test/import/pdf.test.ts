// The real published PDFs import to exactly the cells of the same reports as text (their
// golden files): every number of every row of the three standard tables, the template,
// the year and the six parts. And what a user sees besides: page footers gone, provenance
// back to the page, scanned PDFs refused.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ReportDocument, check } from '../../server/src/engine';
import { describeSource, importFile, ImportError, sourceAt, type ImportResult } from '../../server/src/import';
import { loadBundled } from '../../server/src/import/load';
import { FIXTURES, cellsOf, readSample, renderModel } from '../helpers';

const PDFS = [
  ['01_huaian_city_2024.pdf', '01_huaian_city_2024_pdflayout'],
  ['02_hongze_district_2023.pdf', '02_hongze_district_2023_pdflayout'],
  ['03_hongze_district_2024.pdf', '03_hongze_district_2024_pdfraw'],
] as const;

const importFixture = (name: string): Promise<ImportResult> =>
  importFile(new Uint8Array(readFileSync(path.join(FIXTURES, 'import', name))), name, { load: loadBundled });

const cache = new Map<string, Promise<ImportResult>>();
const imported = (name: string) => { if (!cache.has(name)) cache.set(name, importFixture(name)); return cache.get(name)!; };

describe('PDF import: the real published reports, cell for cell', function () {
  this.timeout(60_000);
  for (const [pdf, sample] of PDFS) {
    it(`${pdf} holds the cells of ${sample}`, async () => {
      const r = await imported(pdf);
      const golden = readFileSync(path.join(FIXTURES, 'golden', `${sample}.golden`), 'utf8');
      assert.equal(cellsOf(renderModel(new ReportDocument(r.text).model)), cellsOf(golden));
      assert.equal(r.encoding, 'pdf');
    });

    it(`${pdf} checks with the findings of ${sample} (codes and messages)`, async () => {
      const r = await imported(pdf);
      const said = (text: string) => check(new ReportDocument(text), { locale: 'en' })
        .map(f => `${f.code}: ${f.message}`).sort();
      assert.deepEqual(said(r.text), said(readSample(`${sample}.txt`)));
    });
  }

  it('drops the `- N -` page footers and joins the table split across pages', async () => {
    const r = await imported('02_hongze_district_2023.pdf');
    assert.doesNotMatch(r.text, /^[-–—]\s*\d+\s*[-–—]$/m);
    // 表三 runs from page 3 onto page 4: one table, no prose between its rows.
    const doc = new ReportDocument(r.text);
    const t = doc.model.reports[0].tables.applications!;
    const lines = Object.values(t.rows).map(row => Object.values(row.cells)[0].range.start.line);
    const between = r.text.split('\n').slice(Math.min(...lines), Math.max(...lines) + 1);
    assert.ok(between.every(l => l === '' || l.startsWith('|')), between.filter(l => !l.startsWith('|')).join('\n'));
  });

  it('maps cells back to their page, table and row', async () => {
    const r = await imported('02_hongze_district_2023.pdf');
    const doc = new ReportDocument(r.text);
    const cell = doc.model.reports[0].tables.applications!.rows['unavailable.needs_creation'].cells.total;
    const source = sourceAt(r.provenance, cell.range);
    assert.equal(source?.kind, 'pdf');
    assert.equal(source.kind === 'pdf' && source.page, 3);
    assert.match(describeSource(source).en, /^page 3, table \d+ row \d+$/);
    assert.match(describeSource(source)['zh-cn'], /^第 3 页 表格 \d+ 第 \d+ 行$/);
    const late = doc.model.reports[0].tables.applications!.rows['not_processed.complaint'].cells.total;
    assert.equal((sourceAt(r.provenance, late.range) as { page: number }).page, 4);
  });
});

describe('PDF import: files it must refuse', function () {
  this.timeout(30_000);
  it('a scanned (image-only) PDF: no text layer, OCR first', async () => {
    await assert.rejects(importFixture('scanned.pdf'), (e: unknown) => e instanceof ImportError && /no text layer: a scanned PDF needs OCR first/.test(e.text.en) && /扫描版/.test(e.text['zh-cn']));
  });
  it('an encrypted PDF (a user password): says so, reads nothing', async () => {
    await assert.rejects(importFixture('encrypted.pdf'), (e: unknown) => e instanceof ImportError && /encrypted/.test(e.text.en) && /加密/.test(e.text['zh-cn']));
  });
  it('a damaged PDF: cannot read it', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF');
    await assert.rejects(importFile(bytes, 'broken.pdf', { load: loadBundled }), (e: unknown) => e instanceof ImportError && /PDF/.test(e.text.en));
  });
});
