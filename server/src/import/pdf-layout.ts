// Page geometry → report structure, for PDFs: text items and ruling lines in, paragraphs
// and table grids out, in reading order. Pure (no pdfjs here): pdf.ts reads the pages.
// Tables: pdf-grid.ts (ruled) and pdf-unruled.ts; lines: pdf-lines.ts.
import { grids, join, sameFrame, tableOf } from './pdf-grid';
import { lines, spaced, type Line } from './pdf-lines';
import type { Block, Page, TableBlock, TextItem } from './pdf-types';
import { unruledRow, unruledTable, type Run } from './pdf-unruled';

export type * from './pdf-types';
export { joinLine, lines } from './pdf-lines';

/** A page number line printed in the margin: `- 3 -`, `— 3 —`, `第 3 页`, `3 / 6`. */
const FOOTER = /^(?:[-－—–]\s*\d+\s*[-－—–]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/;

/** One page: its tables (by the ruled grid) and its other lines, top to bottom; footers dropped. */
function pageBlocks(page: Page): { tables: TableBlock[]; lines: Line[] } {
  const claimed = new Set<TextItem>();
  const tables = grids(page.segments).map(g => tableOf(page, g, claimed)).filter(t => t.rows.some(r => r.some(c => c.text)));
  const free = lines(page.items.filter(it => !claimed.has(it)))
    .filter(l => !(FOOTER.test(l.text) && (l.y < page.height * 0.12 || l.y > page.height * 0.88)));
  const top = Math.max(-Infinity, ...free.map(l => l.y), ...tables.map(t => t.top));
  const bottom = Math.min(Infinity, ...free.map(l => l.y), ...tables.map(t => t.bottom));
  for (const t of tables) { t.startsPage = t.top >= top; t.endsPage = t.bottom <= bottom; }
  return { tables, lines: free };
}

/**
 * The pages as blocks in reading order: paragraphs (lines joined while they continue one
 * another, also across a page break) and tables (a table ending a page and one in the
 * same frame starting the next are one table).
 */
export function layout(pages: Page[]): Block[] {
  const blocks: Block[] = [];
  let para: { lines: Line[]; page: number; y: number; left: number; right: number } | undefined;
  const flush = () => {
    if (!para) return;
    let text = '';
    for (const l of para.lines) {
      if (text && spaced(text, l.text)) text += ' ';
      text += l.text;
    }
    const first = para.lines[0];
    blocks.push({ kind: 'paragraph', text, page: para.page, x: Math.round(first.x), y: para.y });
    para = undefined;
  };
  for (const page of pages) {
    const { tables, lines: free } = pageBlocks(page);
    const left = Math.min(...free.map(l => l.x));
    const right = Math.max(...free.map(l => l.right));
    const events: ({ y: number; line: Line } | { y: number; table: TableBlock })[] = [
      ...free.map(line => ({ y: line.y, line })),
      ...tables.map(table => ({ y: table.top, table })),
    ].sort((a, b) => b.y - a.y);
    let prev: Line | undefined;
    let unruled: { label?: Run; values: Run[] }[] = [];
    const endUnruled = () => { if (unruled.length) blocks.push(unruledTable(page, unruled)); unruled = []; };
    for (const e of events) {
      const row = 'line' in e ? unruledRow(e.line) : undefined;
      if (row) {
        // A row of a table drawn without rules: never joined into a paragraph.
        flush();
        unruled.push(row);
        prev = undefined;
        continue;
      }
      endUnruled();
      if ('table' in e) {
        flush();
        const last = blocks[blocks.length - 1];
        if (last?.kind === 'table' && last.endsPage && e.table.startsPage && last.page === page.number - 1 && sameFrame(last.columns, e.table.columns)) {
          join(last, e.table);
          last.endsPage = e.table.endsPage;
          last.page = page.number;
        } else blocks.push(e.table);
        prev = undefined;
        continue;
      }
      const l = e.line;
      const continues = para && (prev
        ? prev.y - l.y < Math.max(prev.size, l.size) * 2.2 && Math.abs(prev.size - l.size) < 1
          && prev.right >= para.right - prev.size * 2 && l.x <= para.left + l.size * 0.8
        : para.page === page.number - 1 && l.x <= left + l.size * 0.8 && Math.abs(para.lines[para.lines.length - 1].size - l.size) < 1
          && para.lines[para.lines.length - 1].right >= para.right - l.size * 2);
      if (!continues) {
        flush();
        para = { lines: [l], page: page.number, y: Math.round(page.height - l.y), left, right };
        prev = l;
        continue;
      }
      para!.lines.push(l);
      para!.left = left;
      para!.right = right;
      prev = l;
    }
    endUnruled();
  }
  flush();
  return blocks;
}
