// Importing Word, web pages, spreadsheets and non-UTF-8 text: each fixture (made from a
// real sample by scripts/make-import-fixtures.mjs) imports to the cells of its sample, and
// checking the import finds what checking the sample finds.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as iconv from 'iconv-lite';
import JSZip from 'jszip';
import { ReportDocument, check, type Finding } from '../../server/src/engine';
import { importer as docx } from '../../server/src/import/docx';
import { importer as html } from '../../server/src/import/html';
import { importer as text } from '../../server/src/import/text';
import { chineseCount, formatNumber } from '../../server/src/import/numbering';
import { isDocx, isHtml, isMhtml, isOle2, isXlsx } from '../../server/src/import/sniff';
import { cellValueText, importer as xlsx } from '../../server/src/import/xlsx';
import { ImportError, type ImportResult, type Importer, type SourcePosition } from '../../server/src/import/types';
import { FIXTURES as FIXTURE_DIR, SAMPLES, readSample } from '../helpers';
import { FIXTURES } from './make-fixtures';

const IMPORTERS: Record<string, Importer> = { docx, html, htm: html, mhtml: html, xlsx, txt: text };
const DIR = path.join(FIXTURE_DIR, 'import');
const importerOf = (file: string) => IMPORTERS[path.extname(file).slice(1)];
const importFixture = (file: string) => importerOf(file)(new Uint8Array(readFileSync(path.join(DIR, file))), file);

/** Every cell of every table the text holds, with its row label as matched: `table.row.column` → what was read. */
function cells(reportText: string, only?: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  const report = new ReportDocument(reportText).model.reports[0];
  for (const t of Object.values(report?.tables ?? {})) {
    if (!t || (only && !only.has(t.id))) continue;
    out.set(`${t.id} generation`, t.generation);
    for (const row of Object.values(t.rows)) {
      out.set(`${t.id}.${row.id} label`, `${row.label?.text} (${row.label?.how})`);
      for (const c of Object.values(row.cells)) out.set(`${t.id}.${row.id}.${c.column}`, `${c.kind} ${JSON.stringify(c.text)} ${c.kind === 'number' ? `${c.value}${c.unit ?? ''}` : ''}`);
    }
  }
  return out;
}

/** The prose: every line outside the tables, trimmed, in order. */
function prose(reportText: string): string[] {
  const doc = new ReportDocument(reportText);
  const tables = Object.values(doc.model.reports[0]?.tables ?? {});
  const lines: string[] = [];
  for (let i = 0; i < doc.lineCount; i++) {
    if (tables.some(t => t && i >= t.range.start.line && i <= t.range.end.line)) continue;
    const line = doc.line(i).trim();
    if (!/^[\s|:\-]*$/.test(line)) lines.push(line);
  }
  return lines;
}

/** Findings as a user reads them (code and message, both languages); ranges differ between the two texts. */
const findingsOf = (reportText: string) => {
  const doc = new ReportDocument(reportText);
  const say = (fs: Finding[]) => fs.map(f => `${f.code}: ${f.message}`);
  return [...say(check(doc, { locale: 'en' })), ...say(check(doc, { locale: 'zh-cn' }))].sort();
};

/** The fixtures that hold the whole report (the spreadsheets hold its tables only). */
const WHOLE = /\.(docx|html?|mhtml|txt)$/;

describe('import: each fixture reads as the sample it was made from', () => {
  for (const f of FIXTURES) {
    it(`${f.file} has every cell of ${f.sample}`, async () => {
      const imported = await importFixture(f.file);
      const expected = cells(readSample(f.sample));
      const tableIds = WHOLE.test(f.file) ? undefined : new Set([...cells(imported.text).keys()].map(k => k.split(/[. ]/)[0]));
      const want = tableIds ? new Map([...expected].filter(([k]) => tableIds.has(k.split(/[. ]/)[0]))) : expected;
      assert.ok(want.size > 20, 'the fixture holds tables');
      assert.deepEqual(cells(imported.text, tableIds), want);
    });
    if (WHOLE.test(f.file)) {
      it(`${f.file} keeps every line of prose of ${f.sample}, headings numbered`, async () => {
        assert.deepEqual(prose((await importFixture(f.file)).text), prose(readSample(f.sample)));
      });
      it(`${f.file}: import → check finds what checking ${f.sample} finds`, async () => {
        const imported = await importFixture(f.file);
        assert.deepEqual(findingsOf(imported.text), findingsOf(readSample(f.sample)));
      });
    }
  }

  it('the fixture script still makes the committed bytes', async function () {
    this.timeout(20000);
    for (const f of FIXTURES) {
      const made = await f.make(SAMPLES);
      assert.ok(Buffer.from(made).equals(readFileSync(path.join(DIR, f.file))), `${f.file} differs: run node scripts/make-import-fixtures.mjs`);
    }
  });
});

const at = (r: ImportResult, line: string, written: string): SourcePosition | undefined => {
  const i = r.text.split('\n').findIndex(l => l.startsWith(line));
  assert.ok(i >= 0, `no line ${line}`);
  return r.provenance.find(p => p.line === i && r.text.split('\n')[i].slice(p.start, p.end) === written)?.source;
};

describe('import: where the text came from', () => {
  it('Word: a cell names its table, row and grid column; a heading its paragraph', async () => {
    const r = await importFixture('huaian-2024.docx');
    // 表三 is the second table; three header rows, then 一、本年新收 with 总计 in the tenth grid column.
    assert.deepEqual(at(r, '| 一、本年新收', '3119'), { kind: 'table', table: 2, row: 4, cell: 10 });
    assert.deepEqual(at(r, '| 一、本年新收', '一、本年新收政府信息公开申请数量'), { kind: 'table', table: 2, row: 4, cell: 1 });
    assert.equal(at(r, '三、收到和处理', '三、收到和处理政府信息公开申请情况')?.kind, 'paragraph');
  });

  it('Word: merged header cells are written once, in their first place', async () => {
    const r = await importFixture('huaian-2024.docx');
    assert.match(r.text, /\n\| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） \| 申请人情况 \|\n\| 自然人 \| 法人或其他组织 \| 总计 \|\n\| 商业企业 \| 科研机构 \| 社会公益组织 \| 法律服务机构 \| 其他 \|\n/);
    assert.match(r.text, /\n\| 行政复议 \| 行政诉讼 \|\n\| 结果维持 \| 结果纠正 \| 其他结果 \| 尚未审结 \| 总计 \| 未经复议直接起诉 \| 复议后起诉 \|\n/);
  });

  it('web page: cells of rowspan/colspan tables at their grid position', async () => {
    const r = await importFixture('zhangping-2020-gbk.htm');
    assert.deepEqual(at(r, '| 1.属于国家秘密', '1.属于国家秘密'), { kind: 'table', table: 2, row: 8, cell: 3 });
    assert.equal(r.encoding, 'html/GB18030');
  });

  it('spreadsheet: sheet and A1 cell', async () => {
    const r = await importFixture('huaian-2024-table3.xlsx');
    assert.deepEqual(at(r, '| 一、本年新收', '3119'), { kind: 'sheet', sheet: '依申请公开', cell: 'J4' });
  });

  it('text: the line', async () => {
    const r = await importFixture('zhangping-2020-gbk.txt');
    assert.deepEqual(at(r, '一、总体情况', '一、总体情况'), { kind: 'text', line: r.text.split('\n').indexOf('一、总体情况') + 1 });
  });
});

const refused = async (importer: Importer, bytes: Uint8Array, pattern: RegExp) => {
  await assert.rejects(importer(bytes, 'x'), (e: unknown) => {
    assert.ok(e instanceof ImportError, String(e));
    assert.match(e.text.en, pattern);
    assert.ok(/[\u4e00-\u9fff]/.test(e.text['zh-cn']));
    return true;
  });
};

describe('import: text encodings', () => {
  const sample = readSample('12_huaian_city_2024_derived_tabcells.txt');
  for (const [charset, encoding] of [['gbk', 'text/GB18030'], ['gb18030', 'text/GB18030'], ['utf16le', 'text/UTF-16LE'], ['utf16be', 'text/UTF-16BE']]) {
    it(`${charset} without a BOM is told and decoded to the same text`, async () => {
      const r = await text(new Uint8Array(iconv.encode(sample, charset)), 'x.txt');
      assert.equal(r.encoding, encoding);
      assert.equal(r.text, sample);
      assert.equal(r.notes.length, 1);
    });
  }

  it('UTF-8 with a BOM reads without it, and without a note', async () => {
    const r = await text(new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample)])), 'x.txt');
    assert.equal(r.text, sample);
    assert.equal(r.encoding, 'text/UTF-8');
    assert.deepEqual(r.notes, []);
  });

  it('a file whose character set cannot be told is refused, not read as mojibake', async () => {
    let x = 7;
    const noise = Uint8Array.from({ length: 4000 }, () => ((x = (x * 1103515245 + 12345) >>> 0) >>> 24));
    await refused(text, noise, /cannot be told/);
    await refused(text, new Uint8Array(iconv.encode('Résumé café naïve. '.repeat(30), 'latin1')), /cannot be told/);
    await refused(text, new Uint8Array(iconv.encode('日本語のテキストです。これは報告ではありません。'.repeat(20), 'shift_jis')), /cannot be told/);
    await refused(text, new Uint8Array(iconv.encode('年报', 'gbk')), /cannot be told/);
  });

  it('GBK text with stray bytes is refused and the line named', async () => {
    const bytes = Buffer.concat([iconv.encode(sample.slice(0, 2000), 'gbk'), Buffer.from([0x81, 0x0a, 0x01, 0x02]), iconv.encode(sample.slice(2000), 'gbk')]);
    await refused(text, new Uint8Array(bytes), /line \d+ holds bytes/);
  });
});

describe('import: web pages', () => {
  const page = (body: string, charset = 'utf-8') => new Uint8Array(iconv.encode(`<html><head><meta charset="${charset}"></head><body>${body}</body></html>`, charset === 'utf-8' ? 'utf8' : 'gbk'));

  it('rowspan and colspan resolve into a grid; group labels get rows of their own', async () => {
    const r = await html(page(`<div><p>一、总体情况</p><p>二、主动公开政府信息情况</p>
      <table><tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>5</td></tr>
      <tr><td rowspan=2>（三）不予公开</td><td>1.属于国家秘密</td><td>0</td></tr>
      <tr><td>2.其他法律行政法规禁止公开</td><td>1</td></tr></table></div>`), 'p.html');
    assert.match(r.text, /\| 三、本年度办理结果 \|\n\| （一）予以公开 \| 5 \|\n\| （三）不予公开 \|\n\| 1\.属于国家秘密 \| 0 \|\n\| 2\.其他法律行政法规禁止公开 \| 1 \|\n$/);
  });

  it('a page saved as UTF-8 under an old gb2312 declaration still reads as UTF-8', async () => {
    const bytes = new TextEncoder().encode('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>一、总体情况</p><p>二、主动公开政府信息情况</p></body></html>');
    const r = await html(bytes, 'p.html');
    assert.equal(r.encoding, 'html/UTF-8');
    assert.match(r.text, /^一、总体情况\n\n二、主动公开政府信息情况\n$/);
  });

  it('the report is found among the chrome; navigation and footer are left out, with a note', async () => {
    const r = await importFixture('huaian-2024.html');
    assert.doesNotMatch(r.text, /当前位置|打印本页|主办单位|相关阅读|不是正文/);
    assert.match(r.text, /^淮安市人民政府2024 年政府信息公开工作年度报告\n/, 'the title printed above the article is kept');
    assert.match(r.notes[0].en, /TRS_Editor.*left out/);
  });

  it('a page saved by Word keeps its list numbers and drops its Office markup', async () => {
    const r = await html(page(`<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
      <div class=WordSection1><p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US>一、<span
      style='font:7.0pt "Times New Roman"'>&nbsp;</span></span><![endif]><span>总体情况<o:p></o:p></span></p>
      <p class=MsoNormal><span>二、主动公开政府信息情况</span></p></div>`), 'word.htm');
    assert.equal(r.text, '一、 总体情况\n\n二、主动公开政府信息情况\n');
    assert.deepEqual(new ReportDocument(r.text).model.reports[0].parts.map(x => [x.number, x.standardNumbering]), [[1, true], [2, true]]);
  });

  it('a page with no report is refused', async () => {
    await refused(html, page('<ul><li>首页</li><li>政务公开</li></ul><p>欢迎访问</p>'), /holds no report/);
  });
});

describe('import: Word and spreadsheets refuse what they cannot read', () => {
  it('bytes that are not a zip', async () => {
    await refused(docx, new TextEncoder().encode('一、总体情况'), /not a Word document/);
    await refused(xlsx, new TextEncoder().encode('一、总体情况'), /not an Excel workbook/);
  });

  it('a workbook with the three tables on three sheets becomes a report skeleton', async () => {
    const r = await importFixture('hongze-2023-tables.xlsx');
    const parts = new ReportDocument(r.text).model.reports[0].parts.map(p => p.number);
    assert.deepEqual(parts, [1, 2, 3, 4, 5, 6]);
    assert.match(r.notes[0].en, /report skeleton/);
  });
});

describe('import: telling formats apart by their bytes', () => {
  const fixture = (f: string) => new Uint8Array(readFileSync(path.join(DIR, f)));
  it('Word, Excel, web pages and MHTML are told apart; text is none of them', () => {
    const kinds = (b: Uint8Array) => Object.entries({ isDocx, isXlsx, isHtml, isMhtml, isOle2 }).filter(([, f]) => f(b)).map(([k]) => k);
    assert.deepEqual(kinds(fixture('huaian-2024.docx')), ['isDocx']);
    assert.deepEqual(kinds(fixture('hongze-2023-tables.xlsx')), ['isXlsx']);
    assert.deepEqual(kinds(fixture('huaian-2024.html')), ['isHtml']);
    assert.deepEqual(kinds(fixture('zhangping-2020-gbk.htm')), ['isHtml']);
    assert.deepEqual(kinds(fixture('huaian-2024.mhtml')), ['isMhtml']);
    assert.deepEqual(kinds(fixture('zhangping-2020-gbk.txt')), []);
    assert.deepEqual(kinds(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), ['isOle2']);
  });
});

describe('import: numbering and cell values', () => {
  it('Chinese counting as documents write it', () => {
    assert.deepEqual([1, 6, 10, 11, 20, 21, 99, 100, 105, 110].map(n => chineseCount(n)), ['一', '六', '十', '十一', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十']);
    assert.deepEqual(['decimal', 'decimalEnclosedCircle', 'ideographTraditional', 'upperRoman', 'lowerLetter', 'decimalFullWidth'].map(f => formatNumber(3, f)), ['3', '③', '丙', 'III', 'c', '３']);
    assert.equal(formatNumber(3, 'bullet'), undefined);
  });

  it('spreadsheet values as Excel shows them', () => {
    assert.equal(cellValueText(75627, '0.00'), '75627.00');
    assert.equal(cellValueText(0.1 + 0.2), '0.3');
    assert.equal(cellValueText(1234.5, '#,##0.00_ ;[Red]-#,##0.00'), '1234.50');
    assert.equal(cellValueText({ formula: 'SUM(B2:G2)', result: 3119 } as never), '3119');
    assert.equal(cellValueText({ richText: [{ text: '一、本年新收' }, { text: '政府信息公开申请数量' }] } as never), '一、本年新收政府信息公开申请数量');
    assert.equal(cellValueText(null), '');
  });
});

describe('import: damaged input gets a clear refusal, never a crash', () => {
  for (const file of ['huaian-2024.docx', 'hongze-2023-tables.xlsx', 'zhangping-2020-gbk.htm', 'huaian-2024.mhtml', 'zhangping-2020-gbk.txt']) {
    it(`${file} cut short or with bytes changed`, async function () {
      this.timeout(30000);
      const bytes = new Uint8Array(readFileSync(path.join(DIR, file)));
      let x = 3;
      const random = () => ((x = (x * 1103515245 + 12345) >>> 0) >>> 8);
      for (let k = 0; k < 24; k++) {
        let b = bytes.subarray(0, Math.floor((bytes.length * (k + 1)) / 13));
        if (k >= 12) { b = bytes.slice(); for (let j = 0; j < 8; j++) b[random() % b.length] = random() & 255; }
        try {
          const r = await importerOf(file)(b, file);
          assert.equal(typeof r.text, 'string');
        } catch (e) {
          assert.ok(e instanceof ImportError, `${file} variant ${k}: ${String(e)}`);
        }
      }
    });
  }

  it('a page nested thousands of elements deep reads without overflowing the stack', async () => {
    const deep = '<div>'.repeat(20000) + '<p>一、总体情况</p><p>二、主动公开政府信息情况</p>' + '</div>'.repeat(20000);
    const r = await html(new TextEncoder().encode(`<html><body>${deep}</body></html>`), 'deep.html');
    assert.match(r.text, /一、总体情况\n\n二、主动公开政府信息情况/);
  });
});

describe('import: Word list numbering as Word shows it', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const lvl = (ilvl: number, fmt: string, text: string, style = '') =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/>${style ? `<w:pStyle w:val="${style}"/>` : ''}<w:lvlText w:val="${text}"/></w:lvl>`;
  const p = (text: string, pPr = '') => `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const numPr = (numId: number, ilvl?: number) => `<w:numPr>${ilvl === undefined ? '' : `<w:ilvl w:val="${ilvl}"/>`}<w:numId w:val="${numId}"/></w:numPr>`;

  async function word(body: string): Promise<Uint8Array> {
    const zip = new JSZip();
    zip.file('word/document.xml', `<w:document ${W}><w:body>${body}</w:body></w:document>`);
    zip.file('word/numbering.xml', `<w:numbering ${W}>
      <w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、', 'Part')}${lvl(1, 'chineseCounting', '（%2）', 'Item')}${lvl(2, 'decimal', '%3.')}</w:abstractNum>
      <w:abstractNum w:abstractNumId="1">${lvl(0, 'decimal', '%1.')}${lvl(1, 'decimal', '%1.%2')}</w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
    </w:numbering>`);
    zip.file('word/styles.xml', `<w:styles ${W}>
      <w:style w:styleId="Part"><w:pPr>${numPr(1)}</w:pPr></w:style>
      <w:style w:styleId="Item"><w:pPr>${numPr(1)}</w:pPr></w:style>
      <w:style w:styleId="ItemBold"><w:basedOn w:val="Item"/></w:style>
    </w:styles>`);
    return zip.generateAsync({ type: 'uint8array' });
  }

  it('text boxes are left out, and the note says how many', async () => {
    const box = (t: string) => `<w:p><w:r><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:txbxContent>${p(t)}</w:txbxContent></wp:anchor></w:drawing></w:r></w:p>`;
    const r = await docx(await word(p('总体情况', '<w:pStyle w:val="Part"/>') + box('附件：统计表') + box(' ')), 'box.docx');
    assert.equal(r.text, '一、总体情况\n');
    assert.match(r.notes[0].en, /^1 text box with text was left out/);
  });

  it('levels from the paragraph, its style or the level that names the style; counters restart below and on startOverride', async () => {
    const r = await docx(await word([
      p('总体情况', '<w:pStyle w:val="Part"/>'),
      p('主动公开', '<w:pStyle w:val="Item"/>'),
      p('依申请公开', '<w:pStyle w:val="ItemBold"/>'),
      p('甲', numPr(1, 2)),
      p('乙', numPr(1, 2)),
      p('主动公开政府信息情况', '<w:pStyle w:val="Part"/>'),
      p('平台', '<w:pStyle w:val="Item"/>'),
      p('第一条', numPr(2, 0)),
      p('细则', numPr(2, 1)),
      p('重新编号', numPr(3, 0)),
      p('无编号', numPr(0, 0)),
    ].join('')), 'lists.docx');
    assert.deepEqual(r.text.split('\n').filter(Boolean), [
      '一、总体情况', '（一）主动公开', '（二）依申请公开', '1.甲', '2.乙', '二、主动公开政府信息情况', '（一）平台', '1.第一条', '1.1 细则', '1.重新编号', '无编号',
    ]);
  });
});
