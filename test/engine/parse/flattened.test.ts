// Recovering run-together cells: digit runs built from the real samples' rows with the
// separators removed. Unique splits must give back exactly the written numbers; ambiguous
// runs must be refused.
import assert from 'node:assert/strict';
import { ReportDocument, type TableId } from '../../../server/src/engine';
import { recoverDigitRun, rowConstraints, splitDigitRun } from '../../../server/src/engine/parse/flattened';
import { readSample, sampleNames } from '../../helpers';

/** A row's written numbers, when every cell holds a plain count. */
function rowValues(name: string, table: TableId, row: string): number[] | undefined {
  const t = new ReportDocument(readSample(name)).model.reports[0].tables[table];
  const cells = Object.values(t?.rows[row]?.cells ?? {});
  if (!cells.length || cells.some(c => c.kind !== 'number' || !/^\d+$/.test(c.text))) return undefined;
  return cells.map(c => c.value!);
}

describe('flattened digit runs', () => {
  it('the issue\'s 表四 run 10203120001200000 has exactly one split the group totals admit', () => {
    assert.deepEqual(recoverDigitRun('10203120001200000', 15, rowConstraints('2021', 'review_litigation', 'cases')),
      { kind: 'unique', values: [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0] });
  });

  it('corpus 01\'s table 四 row run together: three splits keep the group totals (…12 1 1 6 20 / 1 2 1 16 20 / 1 2 11 6 20), so it is refused', () => {
    const values = rowValues('01', 'review_litigation', 'cases')!;
    assert.deepEqual(values, [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]);
    const constraints = rowConstraints('2021', 'review_litigation', 'cases');
    const splits = splitDigitRun(values.join(''), 15, constraints);
    assert.equal(splits.length, 3);
    assert.ok(splits.some(s => s.join() === values.join()));
    // The first two groups agree in every split: only the 复议后起诉 group is in doubt.
    for (const s of splits) assert.deepEqual(s.slice(0, 10), values.slice(0, 10));
    assert.deepEqual(recoverDigitRun(values.join(''), 15, constraints), { kind: 'ambiguous', splits: 3 });
  });

  it('without the identities the same run is ambiguous: nothing is recovered', () => {
    const values = rowValues('01', 'review_litigation', 'cases')!;
    assert.equal(recoverDigitRun(values.join(''), 15).kind, 'ambiguous');
  });

  it('规范性文件898989 for three columns with no identity: several splits, refused', () => {
    const splits = splitDigitRun('898989', 3);
    assert.ok(splits.length > 1);
    assert.ok(splits.some(s => s.join() === '89,89,89'));
    assert.deepEqual(recoverDigitRun('898989', 3).kind, 'ambiguous');
  });

  it('no leading zeros: "0500" in two columns can only be 0 | 500', () => {
    assert.deepEqual(splitDigitRun('0500', 2), [[0, 500]]);
    assert.deepEqual(recoverDigitRun('00', 3), { kind: 'none' });
  });

  it('every table 三 and 四 row of every sample: a unique split is the written row, never another', () => {
    let unique = 0;
    let ambiguous = 0;
    for (const name of sampleNames()) {
      const doc = new ReportDocument(readSample(name));
      const report = doc.model.reports[0];
      for (const table of ['applications', 'review_litigation'] as const) {
        const t = report.tables[table];
        if (!t) continue;
        for (const row of Object.keys(t.rows)) {
          const values = rowValues(name, table, row);
          const constraints = rowConstraints(t.generation, table, row);
          // Rows that break their own identities (corpus 02's 表四) have no split to find.
          if (!values || !constraints(values)) continue;
          const r = recoverDigitRun(values.join(''), values.length, constraints);
          if (r.kind === 'unique') { unique++; assert.deepEqual(r.values, values, `${name} ${table}.${row}`); }
          else if (r.kind === 'ambiguous') ambiguous++;
          else assert.fail(`${name} ${table}.${row}: the written row is a split, yet none was found`);
        }
      }
    }
    // Both outcomes occur on real rows: 三's zero rows are unique, rows like 3001 53 0 0 61 4 3119 are not.
    assert.ok(unique > 50, `unique ${unique}`);
    assert.ok(ambiguous > 0, `ambiguous ${ambiguous}`);
  });
});
