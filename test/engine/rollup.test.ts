// Roll-up (汇总) of real reports: sums equal to hand-computed ones, identities kept,
// doubtful inputs named, mixed generations refused.
import assert from 'node:assert/strict';
import { ReportDocument, check, type TableId } from '../../server/src/engine';
import { rollup } from '../../server/src/engine/rollup';
import { readSample } from '../helpers';

const input = (name: string) => ({ path: name, doc: new ReportDocument(readSample(name)) });
const IDENTITY_RULES = ['row-total', 'results-total', 'balance', 'review-total'];

function rolled(names: string[]) {
  const r = rollup(names.map(input), 'en');
  assert.ok(r.ok, r.ok ? '' : r.reason);
  const doc = new ReportDocument(r.text);
  const report = doc.model.reports[0];
  const row = (table: TableId, id: string) => Object.values(report.tables[table]!.rows[id]!.cells).map(c => (c.unit ? `${c.value}${c.unit}` : c.value));
  return { r, doc, report, row };
}

describe('rollup', () => {
  it('seeds 000+001+002+004 (2019): every table summed cell by cell, as read by hand from the golden parses', () => {
    const { r, report, row } = rolled(['000', '001', '002', '004']);
    assert.equal(r.generation, '2019');
    assert.equal(report.tables.applications!.encoding, 'markdown');
    // 规范性文件: 1 1 6 + 35 35 35 + 84 84 286 + 0 0 0
    assert.deepEqual(row('proactive', 'normative_documents'), [120, 120, 327]);
    // 行政许可: 0 8 0 + 0 0 0 + 885 -156 12550 + 0 0 0
    assert.deepEqual(row('proactive', 'licensing'), [885, -148, 12550]);
    // 政府集中采购: 9 75627 + 0 0万元 + 264 6834.335元 + 0 0 (in 元)
    assert.deepEqual(row('proactive', 'procurement'), [273, '82461.335元']);
    // Table 三: only 002 has applications (blank cells of 001 count as 0).
    assert.deepEqual(row('applications', 'new'), [20, 5, 0, 0, 0, 0, 25]);
    assert.deepEqual(row('applications', 'carried_over'), [3, 0, 0, 0, 0, 0, 3]);
    assert.deepEqual(row('applications', 'granted'), [11, 3, 0, 0, 0, 0, 14]);
    assert.deepEqual(row('applications', 'results_total'), [23, 5, 0, 0, 0, 0, 28]);
    assert.deepEqual(row('review_litigation', 'cases'), [0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('identities: what held in every input holds in the sum; 002\'s unitemised （七）总计 is the one that does not, and 002 says so', () => {
    const { r, doc } = rolled(['000', '001', '002', '004']);
    const broken = check(doc, { locale: 'en' }).filter(f => IDENTITY_RULES.includes(f.code));
    assert.deepEqual(broken.map(f => `${f.code}:${f.cells?.[0]?.column}`).sort(), ['results-total:natural_person', 'results-total:total']);
    const notes = new Map(r.ok ? r.notes.map(n => [n.path, n.problems]) : []);
    assert.ok(notes.get('002')!.some(p => /table 三 .*: 2 identity\(ies\) do not hold/.test(p)), notes.get('002')!.join('\n'));
    assert.ok(notes.get('001')!.some(p => /blank or non-numeric cell/.test(p)));
    assert.ok(notes.get('000')!.some(p => /without a unit \(75627.00\) was taken as 元/.test(p)));
    // Balanced inputs give a balanced sum.
    const clean = rolled(['000', '004']);
    assert.deepEqual(check(clean.doc, { locale: 'en' }).filter(f => IDENTITY_RULES.includes(f.code)), []);
  });

  it('corpus 01 + 12 (2021, the same numbers twice): every cell doubled, every identity holding', () => {
    const { r, doc, row } = rolled(['01', '12']);
    assert.equal(r.generation, '2021');
    assert.deepEqual(row('applications', 'new'), [6002, 106, 0, 0, 122, 8, 6238]);
    assert.deepEqual(row('proactive', 'normative_documents'), [16, 52, 132]);
    assert.deepEqual(check(doc, { locale: 'en' }).filter(f => IDENTITY_RULES.includes(f.code)), []);
    assert.deepEqual(r.ok && r.notes.map(n => n.problems), [[], []]);
  });

  it('mixed generations are refused, naming which report uses which', () => {
    const r = rollup([input('002'), input('01')], 'en');
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.reason : '', /different template generations .*2019: 002; 2021: 01/);
    const zh = rollup([input('002'), input('01')], 'zh-cn');
    assert.match(!zh.ok ? zh.reason : '', /模板版本不同，无法汇总/);
    assert.equal(rollup([], 'en').ok, false);
  });
});
