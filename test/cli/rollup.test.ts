// `nianbao rollup`: sums reports of one generation into a balanced report; refuses mixtures.
import assert from 'node:assert/strict';
import path from 'node:path';
import { run } from '../../server/src/cli/run';
import { ReportDocument, check } from '../../server/src/engine';
import { SAMPLES, sampleByPrefix } from '../helpers';

async function cli(args: string[]) {
  let out = '', err = '';
  const code = await run(args, { out: s => { out += s; }, err: s => { err += s; } });
  return { code, out, err };
}
const file = (p: string) => path.join(SAMPLES, sampleByPrefix(p));

describe('nianbao rollup', () => {
  it('sums corpus 01 and 12 (the same 2021 report in two encodings) into doubled, balanced tables', async () => {
    const { code, out } = await cli(['rollup', '--locale', 'en', file('01_'), file('12_')]);
    assert.equal(code, 0);
    const r = new ReportDocument(out).model.reports[0];
    const cf = r.tables.applications!.rows.carried_forward.cells;
    assert.equal(cf.natural_person.value, 206);
    assert.equal(cf.total.value, 206);
    assert.deepEqual(check(new ReportDocument(out), { locale: 'en' }).filter(f => /total|balance/.test(f.code)), []);
  });
  it('refuses reports of different generations and says which is which', async () => {
    const { code, err } = await cli(['rollup', '--locale', 'en', file('000'), file('01_')]);
    assert.equal(code, 1);
    assert.match(err, /different template generations/);
  });
  it('prints JSON with the generation, the text and the notes', async () => {
    const { code, out } = await cli(['rollup', '--format', 'json', '--locale', 'en', file('000'), file('004')]);
    assert.equal(code, 0);
    const j = JSON.parse(out);
    assert.equal(j.generation, '2019');
    assert.ok(j.notes.some((n: { problems: string[] }) => n.problems.some(p => /part 六/.test(p))));
  });
});
