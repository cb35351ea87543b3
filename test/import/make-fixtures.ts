// The import fixtures, made from the real sample reports: Word files with merged header
// cells and automatic heading numbering, saved web pages with site chrome (one in GBK,
// laid out in tables as older sites are), spreadsheets (one table on one sheet; the three
// tables on three sheets), and the text in GBK and UTF-16. `node scripts/make-import-fixtures.mjs`
// writes them to test/fixtures/import/; the tests read the committed files.
import {
  AlignmentType, Document, LevelFormat, LevelSuffix, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import * as iconv from 'iconv-lite';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TEMPLATES } from '../../server/src/engine';
import { chineseCount } from '../../server/src/import/numbering';
import { placeCells, reportBlocks, type Block, type FormRows } from './report-blocks';

export interface Fixture { file: string; sample: string; make: (samples: string) => Promise<Uint8Array> }

const blocksOf = (samples: string, sample: string) => reportBlocks(readFileSync(path.join(samples, sample), 'utf8'));
/** Fixed, so that the script makes the same bytes each time. */
const CREATED = new Date('2025-01-20T08:00:00Z');

/** The zip again with every entry dated CREATED and the document's own dates set to it: the same bytes on every run. */
async function deterministic(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name];
    if (entry.dir) continue;
    let data: string | Uint8Array = await entry.async('uint8array');
    if (name === 'docProps/core.xml') data = new TextDecoder().decode(data).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${CREATED.toISOString().replace(/\.\d+Z$/, 'Z')}`);
    out.file(name, data, { date: CREATED, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', platform: 'UNIX' });
}
const S12 = '12_huaian_city_2024_derived_tabcells.txt';
const S002 = '002_e246dbc8ebcc4636.txt';
const S11 = '11_hongze_district_2023_derived_pipecells.txt';

export const FIXTURES: Fixture[] = [
  { file: 'huaian-2024.docx', sample: S12, make: s => docx(blocksOf(s, S12)) },
  { file: 'zhangping-2020.docx', sample: S002, make: s => docx(blocksOf(s, S002)) },
  { file: 'huaian-2024.html', sample: S12, make: async s => html(blocksOf(s, S12), { charset: 'utf-8', site: '淮安市人民政府', tables: false }) },
  { file: 'zhangping-2020-gbk.htm', sample: S002, make: async s => html(blocksOf(s, S002), { charset: 'gb2312', site: '漳平市人民政府', tables: true }) },
  { file: 'huaian-2024.mhtml', sample: S12, make: async s => mhtml(html(blocksOf(s, S12), { charset: 'utf-8', site: '淮安市人民政府', tables: false })) },
  { file: 'huaian-2024-table3.xlsx', sample: S12, make: s => xlsx(blocksOf(s, S12).filter(b => b.kind === 'table' && b.id === 'applications')) },
  { file: 'hongze-2023-tables.xlsx', sample: S11, make: s => xlsx(blocksOf(s, S11).filter(b => b.kind === 'table'), true) },
  { file: 'zhangping-2020-gbk.txt', sample: S002, make: async s => iconv.encode(readFileSync(path.join(s, S002), 'utf8'), 'gbk') },
  { file: 'huaian-2024-gbk.txt', sample: S12, make: async s => iconv.encode(readFileSync(path.join(s, S12), 'utf8'), 'gbk') },
  { file: 'huaian-2024-utf16.txt', sample: S12, make: async s => iconv.encode(readFileSync(path.join(s, S12), 'utf8'), 'utf16le', { addBOM: true }) },
];

// ── Word ──────────────────────────────────────────────────────────────────────────────
// Part headings carry their numbering in a paragraph style (一、 from Word's chineseCounting
// list), the （一） items of a part a numbering of their own; the text holds neither.

const SUB_ITEM = /^（([一二三四五六七八九十]+)）/;

async function docx(blocks: Block[]): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  let item = 0;
  for (const b of blocks) {
    if (b.kind === 'table') { children.push(docxTable(b.rows), new Paragraph('')); continue; }
    if (b.part) {
      item = 0;
      children.push(new Paragraph({ style: 'PartHeading', children: [new TextRun({ text: b.part.rest, bold: true })] }));
      continue;
    }
    const sub = SUB_ITEM.exec(b.text);
    if (sub && sub[1] === chineseCount(item + 1)) {
      item++;
      children.push(new Paragraph({ numbering: { reference: 'parts', level: 1 }, children: [new TextRun(b.text.slice(sub[0].length))] }));
    } else {
      children.push(new Paragraph({ indent: { firstLine: 640 }, children: [new TextRun(b.text)] }));
    }
  }
  const doc = new Document({
    creator: 'nianbao', title: 'fixture', revision: 1,
    numbering: {
      config: [{
        reference: 'parts',
        levels: [
          { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT, suffix: LevelSuffix.NOTHING },
          { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT, suffix: LevelSuffix.NOTHING },
        ],
      }],
    },
    styles: { paragraphStyles: [{ id: 'PartHeading', name: 'Part Heading', basedOn: 'Normal', paragraph: { numbering: { reference: 'parts', level: 0 } } }] },
    sections: [{ children }],
  });
  return deterministic(new Uint8Array(await Packer.toBuffer(doc)));
}

function docxTable(rows: FormRows): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(cells => new TableRow({
      children: cells.map(c => new TableCell({
        // Header labels broken over lines as the printed forms break them.
        children: (c.header ? c.text.split(/(?<=）)(?=.)/) : [c.text]).map(t => new Paragraph({ children: [new TextRun({ text: t, bold: c.header })] })),
        ...(c.colSpan && c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
        ...(c.rowSpan && c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
      })),
    })),
  });
}

// ── Web page ─────────────────────────────────────────────────────────────────────────

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/ {2,}/g, m => ' ' + '&nbsp;'.repeat(m.length - 1));

function htmlTable(rows: FormRows): string {
  const tr = rows.map(cells => '<tr>' + cells.map(c => {
    const span = `${c.colSpan && c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan && c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}`;
    return `<td${span} style="border:1px solid #000"><p style="text-align:center">${c.header ? `<strong>${esc(c.text)}</strong>` : esc(c.text)}</p></td>`;
  }).join('') + '</tr>').join('\n');
  return `<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse"><tbody>\n${tr}\n</tbody></table>`;
}

function html(blocks: Block[], o: { charset: string; site: string; tables: boolean }): Uint8Array {
  // A title line goes to the page heading, outside the article body, as sites print it.
  const title = blocks[0]?.kind === 'p' && /年度报告$/.test(blocks[0].text) ? blocks[0].text : undefined;
  const body = (title ? blocks.slice(1) : blocks).map(b =>
    b.kind === 'table' ? htmlTable(b.rows)
      : b.part ? `<p style="text-indent:2em"><strong>${esc(b.text)}</strong></p>`
        : `<p style="text-indent:2em">${esc(b.text)}</p>`).join('\n');
  const head = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=${o.charset}" />
<title>${esc(title ?? '政府信息公开工作年度报告')}_${o.site}</title>
<style type="text/css">body{font-family:"宋体"} .nav li{display:inline} </style>
<script type="text/javascript">var _hmt = _hmt || []; if (a < b && c > 0) { document.write("<p>一、不是正文</p>"); }</script>
</head>`;
  const nav = `<div class="head"><div class="logo">${o.site}</div><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul>
<form action="/search"><input type="text" name="q" value="请输入关键字" /><input type="submit" value="搜索" /></form></div>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政府信息公开</a> &gt; <a href="/zwgk/ndbg/">政府信息公开年报</a></div>`;
  const article = `${title ? `<h1 class="title">${esc(title)}</h1>\n` : ''}<div class="info">发布时间：2025-01-20 来源：政府办公室 浏览次数：<span id="hits">1024</span></div>
<div class="TRS_Editor">
${body}
</div>
<div class="tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】 我要收藏 文章分享 扫一扫在手机打开当前页</div>`;
  const related = `<div class="related"><h3>相关阅读</h3><ul><li><a href="/a1.html">往年政府信息公开工作年度报告</a></li><li><a href="/a2.html">一、政务公开目录</a></li></ul></div>`;
  const foot = `<div class="foot">主办单位：${o.site}办公室 &nbsp; 网站标识码：3208000001 &copy; 版权所有<br/>建议使用1920×1080分辨率浏览</div>`;
  const page = o.tables
    // Older sites: the page laid out in tables, the article in a cell of the inner one.
    ? `${head}\n<body>\n<table width="1000" align="center"><tr><td>${nav}</td></tr>\n<tr><td><table width="100%"><tr><td width="760" valign="top">\n${article}\n</td><td valign="top">${related}</td></tr></table></td></tr>\n<tr><td>${foot}</td></tr></table>\n</body></html>\n`
    : `${head}\n<body>\n${nav}\n<div class="main"><div class="article">\n${article}\n</div>\n${related}</div>\n${foot}\n</body></html>\n`;
  return o.charset === 'utf-8' ? new TextEncoder().encode(page) : new Uint8Array(iconv.encode(page, 'gbk'));
}

/** The page as a browser's "save as single file" writes it: MIME, the HTML quoted-printable. */
function mhtml(page: Uint8Array): Uint8Array {
  let qp = '';
  let line = '';
  for (const b of page) {
    const ch = b === 0x0a ? '\r\n' : (b >= 0x21 && b <= 0x7e && b !== 0x3d) || b === 0x20 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (ch === '\r\n') { qp += line + ch; line = ''; continue; }
    if (line.length + ch.length > 75) { qp += line + '=\r\n'; line = ''; }
    line += ch;
  }
  qp += line;
  const boundary = '----MultipartBoundary--nianbao';
  const text = ['From: <Saved by Blink>', 'Snapshot-Content-Location: https://www.huaian.gov.cn/zwgk/ndbg/2024.html', 'Subject: report',
    'Date: Mon, 20 Jan 2025 08:00:00 -0000', 'MIME-Version: 1.0', `Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="${boundary}"`, '',
    `--${boundary}`, 'Content-Type: text/html', 'Content-ID: <frame-0@mhtml.blink>', 'Content-Transfer-Encoding: quoted-printable',
    'Content-Location: https://www.huaian.gov.cn/zwgk/ndbg/2024.html', '', qp, '',
    `--${boundary}`, 'Content-Type: text/css', 'Content-Transfer-Encoding: quoted-printable', 'Content-Location: https://www.huaian.gov.cn/style.css', '', 'body { font-family: =E5=AE=8B=E4=BD=93; }', '',
    `--${boundary}--`, ''].join('\r\n');
  return new TextEncoder().encode(text);
}

// ── Spreadsheet ──────────────────────────────────────────────────────────────────────

const SHEET_NAMES: Record<string, string> = { proactive: '主动公开', applications: '依申请公开', review_litigation: '复议诉讼' };

/** Sheets of tables; with `titled`, each under a title row (表三 收到和处理… merged across) as offices head them. */
async function xlsx(tables: Block[], titled = false): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'nianbao';
  wb.created = CREATED;
  wb.modified = CREATED;
  for (const t of tables) {
    if (t.kind !== 'table') continue;
    const ws = wb.addWorksheet(SHEET_NAMES[t.id]);
    const placed = placeCells(t.rows);
    const top = titled ? 1 : 0;
    if (titled) {
      const decl = TEMPLATES['2021'].tables.find(x => x.id === t.id)!;
      ws.getCell(1, 1).value = `${decl.name} ${TEMPLATES['2021'].parts[decl.part - 1].heading}`;
      ws.mergeCells(1, 1, 1, Math.max(...placed.map(p => p.col + (p.cell.colSpan ?? 1))));
    }
    for (const { row, col, cell } of placed) {
      const c = ws.getCell(top + row + 1, col + 1);
      // Numbers are stored as numbers (decimals kept by the cell's format), as typed in Excel.
      const number = /^-?\d+(\.\d+)?$/.exec(cell.text);
      if (number) {
        c.value = Number(cell.text);
        if (number[1]) c.numFmt = '0.' + '0'.repeat(number[1].length - 1);
      } else {
        c.value = cell.text;
      }
      if ((cell.colSpan ?? 1) > 1 || (cell.rowSpan ?? 1) > 1) ws.mergeCells(top + row + 1, col + 1, top + row + (cell.rowSpan ?? 1), col + (cell.colSpan ?? 1));
    }
  }
  return deterministic(new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer));
}
