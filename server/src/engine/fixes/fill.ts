// Filling blank counts with 0: a clerk's explicit choice, never applied unattended.
import type { ReportDocument } from '../document';
import type { Table, Edit } from '../model';
import { cellEdit, mergeAtSamePoint } from '../edits/cells';

export function fillEdits(doc: ReportDocument, report: number, table: string, row?: string): Edit[] {
  const r = doc.model.reports[report];
  const t = r && (Object.values(r.tables) as Table[]).find(x => x.id === table);
  if (!t) return [];
  const edits: Edit[] = [];
  for (const rw of Object.values(t.rows)) {
    if (row && rw.id !== row) continue;
    for (const c of Object.values(rw.cells)) if (c.kind === 'blank') edits.push(cellEdit(doc, c, 0));
  }
  return mergeAtSamePoint(edits);
}
