// Edits that write a value into a cell, keeping the table's encoding: only the cell's own
// text changes.
import type { ReportDocument } from '../document';
import type { Cell } from '../model';
import type { Edit } from '../rules/types';

export const formatValue = (v: number) => String(v);

export function cellEdit(doc: ReportDocument, cell: Cell, value: number): Edit {
  const text = formatValue(value);
  const { range } = cell;
  if (cell.kind !== 'blank') return { range, newText: text };
  const line = doc.line(range.start.line);
  const written = doc.getTextIn(range);
  // A blank between pipes keeps its padding: `|  |` → `| 0 |`.
  if (written.length >= 2 && /^ +$/.test(written)) return { range, newText: ` ${text} ` };
  // A pipe-only line (seed 003's blank 总计): write the cell before its pipe.
  if (line[range.end.character] === '|' && written === '') return { range, newText: `${text} ` };
  return { range, newText: text };
}
