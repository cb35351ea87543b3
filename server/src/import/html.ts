// Web pages (.html, .htm, and .mhtml as browsers save a page with its resources): the
// page's character set (BOM, then UTF-8 validity, then its <meta> or MIME header, then a
// detector), its text read into paragraphs and tables (rowspan/colspan resolved into a
// grid), and the report found among the site's chrome: the smallest element that holds
// as many of the report's part headings and tables as the whole page.
import type { Msg } from '../engine/i18n';
import { TEMPLATES } from '../engine/templates';
import { decodeText, readAs } from './text';
import { elements, parseHtml, type HElement } from './html-dom';
import { readMhtml } from './mhtml';
import { ImportError, type Importer } from './types';
import { ReportWriter, type GridCell } from './write';

type Block =
  | { kind: 'p'; text: string; path: HElement[]; heading: boolean }
  | { kind: 'table'; rows: GridCell[][]; path: HElement[] };

const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article', 'header', 'footer', 'nav', 'aside', 'main', 'blockquote', 'center', 'pre', 'tr', 'td', 'th', 'table', 'tbody', 'thead', 'tfoot', 'caption', 'form', 'fieldset', 'address', 'figure', 'figcaption', 'hr', 'body']);
const IGNORED = new Set(['head', 'select', 'option', 'button', 'input', 'textarea', 'iframe', 'object', 'embed', 'img', 'map', 'area', 'canvas', 'video', 'audio']);
const HEADING = /^h[1-6]$/;
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Source whitespace as a browser shows it: runs become one space; a line break between Chinese characters, nothing. */
const collapse = (s: string) => s.replace(/[ \t\r\n\f]+/g, (m, i: number, all: string) =>
  (/[\r\n]/.test(m) && CJK.test(all[i - 1] ?? '') && CJK.test(all[i + m.length] ?? '') ? '' : ' '));

/** Reads the page into blocks, each with the elements it lies in. */
class PageReader {
  blocks: Block[] = [];
  private line = '';
  private path: HElement[] = [];
  private heading = false;

  read(el: HElement, path: HElement[]): void {
    if (IGNORED.has(el.tag)) return;
    const here = [...path, el];
    if (el.tag === 'br') { this.line += '\n'; return; }
    if (el.tag === 'table' && !hasNested(el)) {
      this.flush();
      this.blocks.push({ kind: 'table', rows: this.grid(el), path: here });
      return;
    }
    const block = BLOCK.has(el.tag);
    if (block) this.flush();
    if (HEADING.test(el.tag) || /title/i.test(el.attrs.class ?? '') || /title/i.test(el.attrs.id ?? '')) this.heading = true;
    for (const c of el.children) {
      if (typeof c === 'string') {
        if (!this.line.trim()) this.path = here;
        this.line += collapse(c);
      } else {
        this.read(c, here);
      }
    }
    if (block) this.flush();
  }

  private flush(): void {
    const text = this.line.split('\n').map(l => l.replace(/\u00a0/g, ' ').replace(/ {2,}/g, ' ').trim()).filter(Boolean).join('\n');
    if (text) this.blocks.push({ kind: 'p', text, path: this.path, heading: this.heading });
    this.line = '';
    this.heading = false;
  }

  /** A data table as a grid: cells spanning rows or columns leave merged continuations. */
  private grid(table: HElement): GridCell[][] {
    const grid: GridCell[][] = [];
    const rows = [...rowsOf(table)];
    rows.forEach((tr, r) => {
      grid[r] ??= [];
      let c = 0;
      for (const td of tr.children) {
        if (typeof td === 'string' || (td.tag !== 'td' && td.tag !== 'th')) continue;
        while (grid[r][c]) c++;
        const colSpan = span(td.attrs.colspan, 100);
        const rowSpan = Math.min(span(td.attrs.rowspan, 1000), rows.length - r);
        const source = { kind: 'table' as const, table: 0, row: r + 1, cell: c + 1 };
        for (let dr = 0; dr < rowSpan; dr++) {
          grid[r + dr] ??= [];
          for (let dc = 0; dc < colSpan; dc++) grid[r + dr][c + dc] = dr || dc ? { text: '', merged: true } : { text: cellText(td), source };
        }
        c += colSpan;
      }
    });
    return grid.map(row => Array.from(row, c => c ?? { text: '' }));
  }
}

const span = (v: string | undefined, max: number) => Math.min(max, Math.max(1, parseInt(v ?? '1', 10) || 1));

function hasNested(table: HElement): boolean {
  for (const _ of elements(table, 'table')) return true;
  return false;
}

/** The rows of a table, through tbody/thead/tfoot, not those of tables nested in its cells. */
function* rowsOf(el: HElement): Generator<HElement> {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.tag === 'tr') yield c;
    else if (c.tag !== 'table' && c.tag !== 'td' && c.tag !== 'th') yield* rowsOf(c);
  }
}

function cellText(td: HElement): string {
  const reader = new PageReader();
  reader.read({ ...td, tag: 'div' }, []);
  return reader.blocks.map(b => (b.kind === 'p' ? b.text : '')).join('\n');
}

/** Part headings (一、… 六、 with one of the part's keywords) a block holds: the report's own structure. */
function partOf(text: string): number | undefined {
  const m = /^\s*([一二三四五六])\s*[、.．]/.exec(text);
  if (!m || text.length > 60) return undefined;
  for (const t of Object.values(TEMPLATES)) {
    const part = t.parts.find(p => p.numeral === m[1]);
    if (part && part.keywords.some(k => text.includes(k))) return part.number;
  }
  return undefined;
}

/** The deepest element holding as many part headings and tables as the whole page. */
function contentRoot(blocks: Block[], body: HElement): HElement {
  const score = new Map<HElement, { parts: Set<number>; tables: number }>();
  for (const b of blocks) {
    const part = b.kind === 'p' ? partOf(b.text) : undefined;
    for (const el of b.path) {
      const s = score.get(el) ?? { parts: new Set<number>(), tables: 0 };
      if (part) s.parts.add(part);
      if (b.kind === 'table') s.tables++;
      score.set(el, s);
    }
  }
  const value = (el: HElement) => { const s = score.get(el); return s ? s.parts.size * 3 + s.tables : 0; };
  let root = body;
  for (;;) {
    const best = value(root);
    const child = root.children.find((c): c is HElement => typeof c !== 'string' && value(c) === best);
    if (!child || best === 0) return root;
    root = child;
  }
}

const describe = (el: HElement) => `<${el.tag}${el.attrs.id ? ` id="${el.attrs.id}"` : ''}${el.attrs.class ? ` class="${el.attrs.class}"` : ''}>`;

/** The page's declared character set: <meta charset> or http-equiv Content-Type, in its first bytes. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
}

export function importHtml(bytes: Uint8Array, declared?: string, container = 'html'): ReturnType<Importer> {
  const charset = declared ?? declaredCharset(bytes);
  const decoded = decodeText(bytes, charset);
  const page = parseHtml(decoded.text);
  const body = elements(page, 'body').next().value ?? page;
  const reader = new PageReader();
  reader.read(body, []);
  const all = reader.blocks;
  const root = contentRoot(all, body);
  const inside = (b: Block) => b.path.includes(root);
  let content = all.filter(inside);
  const notes: Msg[] = [];
  if (!content.some(b => b.kind === 'table' || partOf(b.kind === 'p' ? b.text : ''))) {
    throw new ImportError({
      en: 'This page holds no report: none of its paragraphs is a part heading (一、总体情况 …) and it has no table.',
      'zh-cn': '此网页中没有年报内容：既没有部分标题（一、总体情况 ……），也没有表格。',
    });
  }
  // The title is often printed above the article, outside the element that holds it.
  const first = all.indexOf(content[0]);
  const title = all.slice(0, first).reverse().find(b => b.kind === 'p' && b.heading && /报告|年报/.test(b.text) && b.text.length <= 80);
  if (title && !(content[0].kind === 'p' && /报告|年报/.test(content[0].text) && content[0].text.length <= 80)) content = [title, ...content];
  const left = all.filter(b => !content.includes(b)).length;
  if (left) {
    notes.push({
      en: `The report was taken from the page's ${describe(root)}; ${left} blocks of site navigation, links and footer were left out.`,
      'zh-cn': `已从网页的 ${describe(root)} 中提取年报正文；略去了 ${left} 段网站导航、链接和页脚。`,
    });
  }
  if (decoded.charset !== 'UTF-8') notes.push(readAs(decoded, charset));
  const writer = new ReportWriter();
  let paragraphs = 0, tables = 0;
  for (const b of content) {
    if (b.kind === 'p') writer.paragraph(b.text, { kind: 'paragraph', paragraph: ++paragraphs });
    else {
      tables++;
      writer.table(b.rows.map(row => row.map(c => (c.source?.kind === 'table' ? { ...c, source: { ...c.source, table: tables } } : c))));
    }
  }
  return Promise.resolve(writer.result(`${container}/${decoded.charset}`, notes));
}

export const importer: Importer = async (bytes) => {
  const mime = readMhtml(bytes);
  if (mime) return importHtml(mime.html, mime.charset, 'mhtml');
  return importHtml(bytes);
};
