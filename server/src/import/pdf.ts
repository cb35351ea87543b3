// PDF → report text (pdfjs-dist, its legacy build for Node, no worker thread): each page's
// text items with their positions and its ruling lines, laid out by pdf-layout.ts, written
// by write.ts. A PDF without a text layer (scanned) or that cannot be opened (encrypted,
// damaged) is refused with a message: never read wrong.
import type { Msg } from '../engine/i18n';
import { ImportError, type Importer } from './types';
import { layout } from './pdf-layout';
import type { Page, Segment, TextItem } from './pdf-types';
import { ReportWriter } from './write';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Pdfjs | undefined;

/** pdfjs, loaded on first use; its warnings at load (no canvas in Node: not needed to read text) kept off the console. */
function load(): Pdfjs {
  if (pdfjs) return pdfjs;
  const log = console.log, warn = console.warn;
  console.log = console.warn = () => {};
  // pdfjs makes one DOMMatrix when it loads, for drawing on a canvas, which reading text never
  // does: a stand-in for that moment (Node has none, and the canvas package is not shipped).
  const g = globalThis as { DOMMatrix?: unknown };
  const stub = g.DOMMatrix === undefined;
  if (stub) g.DOMMatrix = class {};
  try {
    // The worker's code runs in this thread (pdfjs's "fake worker"), found on globalThis.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= require('pdfjs-dist/legacy/build/pdf.worker.mjs');
    pdfjs = require('pdfjs-dist/legacy/build/pdf.mjs') as Pdfjs;
  } finally {
    console.log = log;
    console.warn = warn;
    if (stub) delete g.DOMMatrix;
  }
  return pdfjs;
}

const NO_TEXT: Msg = {
  en: 'no text layer: a scanned PDF needs OCR first (run it through OCR, then import the result)',
  'zh-cn': '没有文字层：扫描版 PDF 需要先做文字识别（OCR），再导入识别结果',
};
const ENCRYPTED: Msg = {
  en: 'the PDF is encrypted (password protected): save an unprotected copy, then import it',
  'zh-cn': 'PDF 已加密（有密码保护）：请另存一份未加密的副本再导入',
};
const damaged = (why: string): Msg => ({ en: `cannot read the PDF (${why})`, 'zh-cn': `无法读取该 PDF（${why}）` });

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]] as const;

/** The straight lines a page strokes or fills as thin bars: the rules of its tables. */
function rulings(lib: Pdfjs, fnArray: number[], argsArray: unknown[][]): Segment[] {
  const { OPS } = lib;
  const out: Segment[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i], args = argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.constructPath) {
      const [paint, data] = args as [number, (ArrayLike<number> | null)[]];
      const path = data?.[0];
      if (!path) continue;
      const stroked = paint === OPS.stroke || paint === OPS.closeStroke || paint === OPS.fillStroke || paint === OPS.eoFillStroke;
      const filled = paint === OPS.fill || paint === OPS.eoFill;
      if (!stroked && !filled) continue;
      const points = polylines(path).map(poly => poly.map(([x, y]) => apply(ctm, x, y)));
      for (const poly of points) {
        if (stroked) for (let k = 1; k < poly.length; k++) out.push({ x0: poly[k - 1][0], y0: poly[k - 1][1], x1: poly[k][0], y1: poly[k][1] });
        else {
          // A filled bar a few points thin is drawn as a line.
          const xs = poly.map(p => p[0]), ys = poly.map(p => p[1]);
          const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
          if (y1 - y0 <= 2 && x1 - x0 > 3) out.push({ x0, y0: (y0 + y1) / 2, x1, y1: (y0 + y1) / 2 });
          else if (x1 - x0 <= 2 && y1 - y0 > 3) out.push({ x0: (x0 + x1) / 2, y0, x1: (x0 + x1) / 2, y1 });
        }
      }
    }
  }
  // Only axis-aligned lines are rules.
  return out.filter(s => Math.abs(s.x0 - s.x1) <= 1 || Math.abs(s.y0 - s.y1) <= 1);
}

/** pdfjs's path data (moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4) as polylines of straight parts. */
function polylines(path: ArrayLike<number>): [number, number][][] {
  const out: [number, number][][] = [];
  let cur: [number, number][] = [];
  for (let i = 0; i < path.length;) {
    const op = path[i++];
    if (op === 0) { if (cur.length > 1) out.push(cur); cur = [[path[i], path[i + 1]]]; i += 2; }
    else if (op === 1) { cur.push([path[i], path[i + 1]]); i += 2; }
    else if (op === 2) { if (cur.length > 1) out.push(cur); cur = [[path[i + 4], path[i + 5]]]; i += 6; }
    else if (op === 3) { if (cur.length > 1) out.push(cur); cur = [[path[i + 2], path[i + 3]]]; i += 4; }
    else if (op === 4) { if (cur.length > 1) { cur.push(cur[0]); out.push(cur); cur = [cur[0]]; } }
    else break;
  }
  if (cur.length > 1) out.push(cur);
  return out;
}

export const importer: Importer = async (bytes) => {
  const lib = load();
  let doc;
  try {
    // pdfjs takes ownership of the buffer it is given: a copy keeps the caller's bytes intact.
    doc = await lib.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') throw new ImportError(ENCRYPTED);
    throw new ImportError(damaged((e as Error).message ?? String(e)));
  }
  try {
    const pages: Page[] = [];
    let glyphs = 0;
    const blank: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , width, height] = page.view;
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || !it.str.trim()) continue;
        const [a, b, , , x, y] = it.transform as number[];
        items.push({ text: it.str, x, y, width: it.width, size: Math.hypot(a, b) || it.height });
        glyphs += it.str.replace(/\s/g, '').length;
      }
      if (!items.length) blank.push(n);
      const ops = await page.getOperatorList();
      pages.push({ number: n, width, height, items, segments: rulings(lib, ops.fnArray, ops.argsArray as unknown[][]) });
      page.cleanup();
    }
    if (glyphs === 0) throw new ImportError(NO_TEXT);
    const writer = new ReportWriter();
    const notes: Msg[] = [];
    let tables = 0, joined = 0;
    for (const b of layout(pages)) {
      if (b.kind === 'paragraph') writer.paragraph(b.text, { kind: 'pdf', page: b.page, x: b.x, y: b.y });
      else {
        tables++;
        const pagesSpanned = new Set(b.rows.flatMap(r => r.map(c => (c.source?.kind === 'pdf' ? c.source.page : 0)).filter(Boolean)));
        if (pagesSpanned.size > 1) joined++;
        writer.table(b.rows.map((row, r) => row.map(c => (c.source?.kind === 'pdf' ? { ...c, source: { ...c.source, table: tables, row: r + 1 } } : c))));
      }
    }
    notes.push({
      en: `read ${doc.numPages} page${doc.numPages === 1 ? '' : 's'} and ${tables} table${tables === 1 ? '' : 's'}${joined ? ` (${joined} continued across pages, joined)` : ''}; page footers dropped`,
      'zh-cn': `读取了 ${doc.numPages} 页、${tables} 个表格${joined ? `（其中 ${joined} 个跨页，已拼接）` : ''}；已去掉页脚页码`,
    });
    // A page without text in a PDF that has some: scanned, or only a picture. Said, not skipped silently.
    if (blank.length) notes.push({
      en: `page${blank.length === 1 ? '' : 's'} ${blank.join(', ')} ha${blank.length === 1 ? 's' : 've'} no text layer (scanned or a picture): ${blank.length === 1 ? 'its' : 'their'} content is not in the import`,
      'zh-cn': `第 ${blank.join('、')} 页没有文字层（扫描件或图片），其内容未能导入`,
    });
    return writer.result('pdf', notes);
  } finally {
    await doc.destroy();
  }
};
