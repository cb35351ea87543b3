// Where a piece of imported text came from, said to the user in both languages, and the
// provenance entry for a range of the imported text (a finding's range).
import type { Msg } from '../engine/i18n';
import type { ProvenanceEntry, SourcePosition } from './types';

/** "page 3, table 2 row 5" / "第 3 页 表格 2 第 5 行", "table 2 row 5 cell 3" / "表格 2 第 5 行第 3 格" … */
export function describeSource(s: SourcePosition): Msg {
  switch (s.kind) {
    case 'pdf': {
      const table = s.table !== undefined && s.row !== undefined;
      return {
        en: `page ${s.page}${table ? `, table ${s.table} row ${s.row}` : ''}`,
        'zh-cn': `第 ${s.page} 页${table ? ` 表格 ${s.table} 第 ${s.row} 行` : ''}`,
      };
    }
    case 'table': return { en: `table ${s.table} row ${s.row} cell ${s.cell}`, 'zh-cn': `表格 ${s.table} 第 ${s.row} 行第 ${s.cell} 格` };
    case 'paragraph': return { en: `paragraph ${s.paragraph}`, 'zh-cn': `第 ${s.paragraph} 段` };
    case 'sheet': return { en: `sheet ${s.sheet} cell ${s.cell}`, 'zh-cn': `工作表 ${s.sheet} 单元格 ${s.cell}` };
    case 'text': return { en: `line ${s.line}`, 'zh-cn': `第 ${s.line} 行` };
  }
}

interface Position { line: number; character: number }

/**
 * The source of the imported text at a range: the entry that holds its start, else the
 * nearest entry on its line, else the last entry before it (a finding between cells, or on
 * a line of its own, is placed by what precedes it).
 */
export function sourceAt(provenance: readonly ProvenanceEntry[], range: { start: Position; end?: Position }): SourcePosition | undefined {
  const { line, character } = range.start;
  let before: ProvenanceEntry | undefined;
  let sameLine: ProvenanceEntry | undefined;
  let distance = Infinity;
  for (const e of provenance) {
    if (e.line > line) break;
    if (e.line < line) { before = e; continue; }
    if (character >= e.start && character <= e.end) return e.source;
    const d = character < e.start ? e.start - character : character - e.end;
    if (d < distance) { distance = d; sameLine = e; }
    if (e.start <= character) before = e;
  }
  return (sameLine ?? before)?.source;
}
