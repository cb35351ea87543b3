// Recomputing totals over a scope until nothing more can be recomputed safely: the engine
// behind "recompute this row / this table / the whole document" and fix-all.
import type { ReportDocument } from '../document';
import { doubtfulRows, evaluate, identitiesOf, solve, valuesOf, wouldBreak } from '../identities';
import { tablesOf, type Cell, type Table, type Edit } from '../model';
import { cellKey, type Identity } from '../templates';
import { cellEdits } from '../edits/cells';

/** Edits setting every total in scope that can be recomputed without breaking an identity that holds. */
export function recomputeEdits(doc: ReportDocument, filter: (report: number, table: Table, i: Identity) => boolean): Edit[] {
  const edits: Edit[] = [];
  doc.model.reports.forEach((report, r) => {
    for (const t of tablesOf(report)) {
      const original = valuesOf(t);
      const v = new Map(original);
      // An identity through a row read with doubt may fail because of the reading: never recompute by it.
      const ids = identitiesOf(t).filter(i => filter(r, t, i) && !doubtfulRows(t, i).length);
      for (let pass = 0; pass < 20; pass++) {
        let changed = false;
        for (const i of ids) {
          const e = evaluate(i, v);
          const current = v.get(cellKey(i.solveFor.row, i.solveFor.column));
          // A failing identity, or a blank total whose addends are all written.
          if (e ? e.holds : current !== null) continue;
          const value = solve(i, v);
          if (value === undefined || value < 0 || !t.rows[i.solveFor.row]?.cells[i.solveFor.column]) continue;
          if (wouldBreak(t, v, i.solveFor, value, i).length) continue;
          v.set(cellKey(i.solveFor.row, i.solveFor.column), value);
          changed = true;
        }
        if (!changed) break;
      }
      const changes: { cell: Cell; value: number }[] = [];
      for (const [key, value] of v) {
        if (value === original.get(key) || value === null) continue;
        const [row, column] = key.split('|');
        changes.push({ cell: t.rows[row].cells[column], value });
      }
      edits.push(...cellEdits(doc, changes));
    }
  });
  return edits;
}
