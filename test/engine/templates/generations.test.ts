// Template generations are data: a made-up third generation (test/fixtures/templates/gen2031.ts,
// one row renamed and one column added to table 二), registered from its declaration alone, is
// chosen by its years, detected in a report, checked, hovered and offered as snippets.
import assert from 'node:assert/strict';
import {
  GENERATIONS, ReportDocument, TEMPLATES, check, currentGeneration, generationForYear, hover, registerTemplate,
  type Generation, type Table,
} from '../../../server/src/engine';
import { renderTable } from '../../../server/src/engine/render';
import { buildSnippets } from '../../../server/src/engine/render/snippets';
import { validateTemplate } from '../../../server/src/engine/templates/schema';
import { CHECKED } from '../../../server/src/engine/templates/checked';
import { DECLARATIONS } from '../../../server/src/engine/templates/declarations';
import gen2031 from '../../fixtures/templates/gen2031';
import { readSample } from '../../helpers';

const G2031 = '2031' as Generation;
/** A real 2024 report (2021 template) moved to 2031: its title, period and prose name 2031. */
const on2031 = readSample('12_huaian_city_2024').replaceAll('2024', '2031');

/** The report with its table 二 replaced by the 2031 one, holding `values` (the rest as read). */
function with2031Table(text: string, values: (row: string, column: string) => number | undefined): string {
  const doc = new ReportDocument(text);
  const t = doc.model.reports[0].tables.proactive!;
  const lines = text.split('\n');
  const old = t.rows;
  const table = renderTable(G2031, 'proactive', 'tab-cells', (row, column) => values(row, column) ?? old[row]?.cells[column]?.value ?? 0);
  lines.splice(t.range.start.line, t.range.end.line - t.range.start.line + 1, table);
  return lines.join('\n');
}

const positionOf = (t: Table, row: string, column: string) => t.rows[row]!.cells[column].range.start;

describe('a third template generation, registered from a declaration', () => {
  let unregister: () => void;
  before(() => { unregister = registerTemplate(validateTemplate(gen2031)); });
  after(() => unregister());

  it('is listed, newest last, and chosen for the years it declares', () => {
    assert.deepEqual(GENERATIONS, ['2019', '2021', '2031']);
    assert.equal(currentGeneration(), '2031');
    assert.deepEqual([2018, 2019, 2020, 2021, 2030, 2031, 2040].map(generationForYear), ['2019', '2019', '2019', '2021', '2021', '2031', '2031']);
  });

  it('is detected in a report whose table 二 has its renamed row and new column', () => {
    const text = with2031Table(on2031, (row, column) => (column === 'amended' ? 2 : undefined));
    assert.match(text, /地方政府规章/);
    const report = new ReportDocument(text).model.reports[0];
    assert.equal(report.year, 2031);
    assert.equal(report.template, '2031');
    const t = report.tables.proactive!;
    assert.equal(t.generation, '2031');
    assert.equal(t.rows.regulations?.cells.amended?.value, 2);
    assert.equal(t.rows.normative_documents?.cells.amended?.value, 2);
    assert.deepEqual(t.unplaced, []);
  });

  it('is checked: a 2021 table 二 in a 2031 report is the wrong generation, a 2031 one is not', () => {
    const codes = (text: string) => check(new ReportDocument(text), { locale: 'en' });
    const wrong = codes(on2031).filter(f => f.code === 'template-generation' && f.severity === 'warning');
    assert.equal(wrong.length, 1);
    assert.match(wrong[0].message, /follows the 2021 template \(国办公开办函〔2021〕30号; its 「规章」\)\. A report on 2031 should use the 2031 template \(（虚构）2031年模板\)/);
    const right = with2031Table(on2031, () => undefined);
    assert.deepEqual(codes(right).filter(f => f.code === 'template-generation' && f.severity === 'warning'), []);
    // The new column is a count like any other, and table 三's totals are checked on the 2031 template.
    const negative = check(new ReportDocument(with2031Table(on2031, (row, column) => (row === 'regulations' && column === 'amended' ? -3 : undefined))), { locale: 'zh-cn' });
    assert.ok(negative.some(f => f.code === 'negative-count' && f.message.includes('本年修订件数')), 'negative-count on the new column');
    const before = check(new ReportDocument(right), { locale: 'en' }).filter(f => f.code === 'results-total').length;
    const total = new ReportDocument(right).model.reports[0].tables.applications!.rows.results_total!.cells.natural_person;
    const broken = right.split('\n');
    const line = broken[total.range.start.line];
    broken[total.range.start.line] = line.slice(0, total.range.start.character) + String(Number(total.value) + 1) + line.slice(total.range.end.character);
    const after = check(new ReportDocument(broken.join('\n')), { locale: 'en' });
    assert.equal(new ReportDocument(broken.join('\n')).model.reports[0].tables.applications!.generation, '2031');
    assert.ok(after.filter(f => f.code === 'results-total').length > before, 'a broken total of the 2031 table 三 is found');
  });

  it('is hovered: the new column is named by its declared label', () => {
    const doc = new ReportDocument(with2031Table(on2031, () => undefined));
    const t = doc.model.reports[0].tables.proactive!;
    const md = hover(doc, positionOf(t, 'regulations', 'amended'), 'zh-cn') ?? '';
    assert.match(md, /本年修订件数/);
    assert.match(md, /地方政府规章/);
  });

  it('is offered as snippets that read back as complete 2031 tables', () => {
    const snippets = Object.values(buildSnippets());
    const table2 = snippets.find(s => s.prefix.includes('表二2031'));
    assert.ok(table2, 'a 表二2031 snippet');
    assert.ok(snippets.find(s => s.prefix.includes('表二'))!.prefix.includes('表二2031'), 'the newest generation answers 表二');
    const body = table2.body.join('\n').replace(/\$\{\d+:((?:\\.|[^\\}])*)\}|\\(.)/g, (_m, def?: string, esc?: string) => (def !== undefined ? def.replace(/\\(.)/g, '$1') : esc!));
    const part = TEMPLATES[G2031].parts[1];
    const doc = new ReportDocument(`2031年政府信息公开工作年度报告\n${part.numeral}、${part.heading}\n\n${body}\n`);
    const t = doc.model.reports[0].tables.proactive!;
    assert.equal(t.generation, '2031');
    assert.deepEqual(t.unplaced, []);
    assert.deepEqual(Object.keys(t.rows.regulations!.cells), ['issued', 'repealed', 'in_force', 'amended']);
  });

  it('leaves the built-in generations as they were once removed', () => {
    unregister();
    try {
      assert.deepEqual(GENERATIONS, ['2019', '2021']);
      assert.equal(generationForYear(2031), '2021');
      const report = new ReportDocument(on2031).model.reports[0];
      assert.equal(report.tables.proactive!.generation, '2021');
    } finally {
      unregister = registerTemplate(validateTemplate(gen2031));
    }
  });
});

describe('the template declarations as shipped', () => {
  it('are the declarations validated at build time (esbuild.mjs puts the checked data in place of templates/checked.ts)', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(CHECKED)), DECLARATIONS.map(validateTemplate));
    assert.deepEqual(GENERATIONS, DECLARATIONS.map(d => d.generation));
  });
  it('refuse a declaration that does not validate, naming where', () => {
    const bad = { ...gen2031, generation: '2032', identities: [{ code: 'x', table: 'applications', forEach: 'row', lhs: ['nobody'], rhs: ['total'], solveFor: 'total' }] };
    assert.throws(() => validateTemplate(bad), /identity x: unknown column nobody/);
    assert.throws(() => validateTemplate({ ...gen2031, generation: '20 31' }), /generation: a generation name/);
  });
});
