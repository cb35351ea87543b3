// Word (.docx): the zip's word/document.xml read element by element, so that tables keep
// their merged cells (gridSpan across, vMerge down) and paragraphs their automatic
// numbering (一、 （一） 1.), which Word stores apart from the text. mammoth's HTML drops
// both; its zip and XML readers (jszip, @xmldom/xmldom) are used directly instead.
import type { Msg } from '../engine/i18n';
import JSZip from 'jszip';
import { ListCounters, type Level } from './numbering';
import { ImportError, type Importer } from './types';
import { ReportWriter, type GridCell } from './write';
import { attr, kid, kids, parseXml, prop, type El } from './xml';

interface Numbering {
  /** numId → the list's levels and the key its counters live under. */
  lists: Map<string, { key: string; levels: (Level | undefined)[] }>;
  /** styleId → the numbering its paragraphs inherit. */
  styles: Map<string, { numId?: string; ilvl?: number; basedOn?: string }>;
  /** styleId → the list level that names it (<w:lvl><w:pStyle>): heading styles of a multilevel list. */
  styleLevels: Map<string, number>;
}

function readNumbering(numberingXml: string | undefined, stylesXml: string | undefined): Numbering {
  const lists = new Map<string, { key: string; levels: (Level | undefined)[] }>();
  const styles = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  const styleLevels = new Map<string, number>();
  if (numberingXml) {
    const root = parseXml(numberingXml).documentElement;
    const abstract = new Map<string, (Level | undefined)[]>();
    for (const a of kids(root, 'abstractNum')) {
      const levels: (Level | undefined)[] = [];
      for (const l of kids(a, 'lvl')) {
        const suff = prop(l, 'suff');
        const style = prop(l, 'pStyle');
        if (style) styleLevels.set(style, Number(attr(l, 'ilvl') ?? 0));
        levels[Number(attr(l, 'ilvl') ?? 0)] = {
          start: Number(prop(l, 'start') ?? 1),
          numFmt: prop(l, 'numFmt') ?? 'decimal',
          lvlText: prop(l, 'lvlText') ?? '',
          suffix: suff === 'space' || suff === 'nothing' ? suff : 'tab',
        };
      }
      abstract.set(attr(a, 'abstractNumId') ?? '', levels);
    }
    for (const n of kids(root, 'num')) {
      const numId = attr(n, 'numId') ?? '';
      const abstractId = prop(n, 'abstractNumId') ?? '';
      const levels = [...(abstract.get(abstractId) ?? [])];
      let own = false;
      for (const o of kids(n, 'lvlOverride')) {
        const i = Number(attr(o, 'ilvl') ?? 0);
        const start = prop(o, 'startOverride');
        if (start !== undefined && levels[i]) { levels[i] = { ...levels[i]!, start: Number(start) }; own = true; }
      }
      // Lists of one abstract definition share their counters unless one restarts.
      lists.set(numId, { key: own ? `num:${numId}` : `abstract:${abstractId}`, levels });
    }
  }
  if (stylesXml) {
    for (const s of kids(parseXml(stylesXml).documentElement, 'style')) {
      const numPr = kid(kid(s, 'pPr'), 'numPr');
      const ilvl = prop(numPr, 'ilvl');
      styles.set(attr(s, 'styleId') ?? '', { numId: prop(numPr, 'numId'), ilvl: ilvl === undefined ? undefined : Number(ilvl), basedOn: prop(s, 'basedOn') });
    }
  }
  return { lists, styles, styleLevels };
}

class DocxReader {
  private counters = new ListCounters();
  private writer = new ReportWriter();
  private paragraphs = 0;
  private tables = 0;

  constructor(private numbering: Numbering) {}

  /** The numbering label of a paragraph (its own numPr, else its style's), advancing the counters. */
  private label(pPr: El | undefined): string {
    const numPr = kid(pPr, 'numPr');
    let numId = prop(numPr, 'numId');
    let ilvlText = prop(numPr, 'ilvl');
    for (let style = prop(pPr, 'pStyle'), hops = 0; numId === undefined && style && hops < 10; hops++) {
      const s = this.numbering.styles.get(style);
      numId = s?.numId;
      const level = s?.ilvl ?? this.numbering.styleLevels.get(style);
      if (ilvlText === undefined && level !== undefined) ilvlText = String(level);
      style = s?.basedOn;
    }
    if (!numId || numId === '0') return '';
    const list = this.numbering.lists.get(numId);
    return list ? this.counters.next(list.key, list.levels, Number(ilvlText ?? 0)) ?? '' : '';
  }

  /** A paragraph's text: its numbering label, then its runs (tabs, breaks; deletions and field codes left out). */
  paragraphText(p: El): string {
    let text = this.label(kid(p, 'pPr'));
    const walk = (el: El) => {
      for (const c of kids(el)) {
        switch (c.localName) {
          case 't': text += c.textContent ?? ''; break;
          case 'tab': text += '\t'; break;
          case 'br': case 'cr': text += '\n'; break;
          case 'noBreakHyphen': text += '-'; break;
          case 'del': case 'delText': case 'instrText': case 'pPr': case 'rPr': case 'drawing': case 'pict': case 'object': case 'fldData': break;
          case 'AlternateContent': { const f = kid(c, 'Fallback'); if (f) walk(f); break; }
          default: walk(c);
        }
      }
    };
    walk(p);
    return text;
  }

  /** Block-level content of the body (or of a content control): paragraphs and tables. */
  blocks(parent: El): void {
    for (const el of kids(parent)) {
      if (el.localName === 'p') {
        this.paragraphs++;
        this.writer.paragraph(this.paragraphText(el), { kind: 'paragraph', paragraph: this.paragraphs });
      } else if (el.localName === 'tbl') {
        this.tables++;
        this.writer.table(this.grid(el, this.tables));
      } else if (el.localName === 'sdt') {
        const content = kid(el, 'sdtContent');
        if (content) this.blocks(content);
      } else if (el.localName === 'ins' || el.localName === 'customXml' || el.localName === 'smartTag') {
        this.blocks(el);
      }
    }
  }

  /** A table as a grid: gridSpan continuations and vMerge continuations marked merged. */
  grid(tbl: El, table: number): GridCell[][] {
    const rows: GridCell[][] = [];
    kids(tbl, 'tr').forEach((tr, r) => {
      const row: GridCell[] = [];
      const before = Number(prop(kid(tr, 'trPr'), 'gridBefore') ?? 0);
      for (let i = 0; i < before; i++) row.push({ text: '', merged: true });
      for (const tc of cellsOf(tr)) {
        const tcPr = kid(tc, 'tcPr');
        const span = Math.max(1, Number(prop(tcPr, 'gridSpan') ?? 1));
        const vMerge = kid(tcPr, 'vMerge');
        const continued = vMerge !== undefined && attr(vMerge, 'val') !== 'restart';
        const source = { kind: 'table' as const, table, row: r + 1, cell: row.length + 1 };
        row.push(continued ? { text: '', merged: true, source } : { text: this.cellText(tc), source });
        for (let i = 1; i < span; i++) row.push({ text: '', merged: true });
      }
      rows.push(row);
    });
    return rows;
  }

  /** A cell's paragraphs, one per line; a table nested in a cell contributes its cells' text. */
  private cellText(tc: El): string {
    const lines: string[] = [];
    const walk = (el: El) => {
      for (const c of kids(el)) {
        if (c.localName === 'p') lines.push(this.paragraphText(c));
        else if (c.localName === 'tbl') for (const tr of kids(c, 'tr')) for (const inner of cellsOf(tr)) walk(inner);
        else if (c.localName === 'sdt') { const content = kid(c, 'sdtContent'); if (content) walk(content); }
      }
    };
    walk(tc);
    return lines.join('\n');
  }

  result(notes: Msg[]) {
    return this.writer.result('docx', notes);
  }
}

/** The cells of a row, including those wrapped in content controls. */
function cellsOf(tr: El): El[] {
  return kids(tr).flatMap(c => (c.localName === 'tc' ? [c] : c.localName === 'sdt' ? kids(kid(c, 'sdtContent'), 'tc') : []));
}

/** Text boxes float beside the text, outside its order: they are left out, and the user told how many. */
function textBoxNotes(document: Document): Msg[] {
  const boxes = Array.from(document.getElementsByTagName('w:txbxContent')).filter(el => {
    for (let n: Node | null = el.parentNode; n; n = n.parentNode) if ((n as Element).localName === 'Fallback') return false;
    return true;
  }).filter(el => (el.textContent ?? '').trim()).length;
  return boxes ? [{
    en: `${boxes} text box${boxes > 1 ? 'es' : ''} with text ${boxes > 1 ? 'were' : 'was'} left out: text boxes stand outside the document's flow. Copy their text into the report if it belongs there.`,
    'zh-cn': `略去了 ${boxes} 个含文字的文本框：文本框不在正文顺序之中。如其内容属于年报正文，请复制到相应位置。`,
  }] : [];
}

const notDocx = () => new ImportError({
  en: 'This file is not a Word document (.docx). A .doc file from older Word or WPS must be saved as .docx first.',
  'zh-cn': '此文件不是 Word 文档（.docx）。旧版 Word 或 WPS 的 .doc 文件请先另存为 .docx。',
});

const damaged = (why: string) => new ImportError({
  en: `This Word document is damaged and cannot be read (${why}). Open it in Word or WPS and save it again.`,
  'zh-cn': `此 Word 文档已损坏，无法读取（${why}）。请用 Word 或 WPS 打开后重新保存。`,
});

export const importer: Importer = async (bytes) => {
  let zip: JSZip;
  try { zip = await JSZip.loadAsync(bytes); } catch { throw notDocx(); }
  if (!zip.file('word/document.xml')) throw notDocx();
  let reader: DocxReader;
  let document: Document;
  try {
    const part = (name: string) => zip.file(name)?.async('string');
    reader = new DocxReader(readNumbering(await part('word/numbering.xml'), await part('word/styles.xml')));
    document = parseXml((await part('word/document.xml'))!);
  } catch (e) {
    throw damaged(e instanceof Error ? e.message : String(e));
  }
  const body = kid(document.documentElement, 'body');
  if (body) reader.blocks(body);
  return reader.result(textBoxNotes(document));
};
