// Golden tests: every number cell of every sample lands at the right row and column with
// the right value. The golden files were checked by hand against the reports' text;
// UPDATE_GOLDEN=1 rewrites them (review the diff before committing).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ReportDocument } from '../../../server/src/engine';
import { FIXTURES, readSample, renderModel, sampleNames } from '../../helpers';

describe('golden parses of the sample reports', () => {
  for (const name of sampleNames()) {
    it(name, () => {
      const actual = renderModel(new ReportDocument(readSample(name)).model);
      const file = path.join(FIXTURES, 'golden', name.replace(/\.txt$/, '.golden'));
      if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, actual);
      assert.equal(actual, readFileSync(file, 'utf8'));
    });
  }
});

describe('cell ranges are exact', () => {
  for (const name of sampleNames()) {
    it(name, () => {
      const doc = new ReportDocument(readSample(name));
      let n = 0;
      for (const r of doc.model.reports) for (const t of Object.values(r.tables)) for (const row of Object.values(t!.rows)) {
        for (const c of Object.values(row.cells)) {
          const written = doc.getTextIn(c.range);
          if (c.kind === 'blank') assert.equal(written.trim().replace(/[\u00a0\u3000]/g, ''), c.text, `${row.id}.${c.column}`);
          else assert.equal(written, c.text, `${row.id}.${c.column} at ${JSON.stringify(c.range)}`);
          n++;
        }
        if (row.label) assert.equal(doc.getTextIn(row.label.range), row.label.text);
      }
      assert.ok(n > 0);
    });
  }
});
