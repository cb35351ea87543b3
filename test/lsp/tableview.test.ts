// The table view's data (server/src/lsp/tableview.ts) and the webview updates computed
// from it (client/src/tableview/patch.ts), on the samples and edits of them.
import assert from 'node:assert/strict';
import { GENERATIONS, ReportDocument, TABLE_IDS, check, type Finding } from '../../server/src/engine';
import { tableViewOf } from '../../server/src/lsp/tableview';
import { updateFor } from '../../client/src/tableview/patch';
import { readSample, sampleNames } from '../helpers';

const view = (doc: ReportDocument, locale: 'en' | 'zh-cn' = 'en') => tableViewOf('file:///r.txt', doc, check(doc, { locale }), locale);
const findingsOf = (doc: ReportDocument) => check(doc, { locale: 'en' });

describe('table view data', () => {
  it('header spans tile every header run exactly, for every generation and table', () => {
    // An empty document still gets no grids; take a sample of each generation instead.
    for (const name of sampleNames()) {
      const r = view(new ReportDocument(readSample(name)));
      for (const report of r.reports) {
        assert.deepEqual(report.tables.map(t => t.id), [...TABLE_IDS]);
        for (const t of report.tables) {
          let covered: number[][] = [];
          let line = 0;
          for (const row of t.rows) {
            if (row.kind !== 'header') { covered = []; line = 0; continue; }
            covered[line] ??= [];
            let col = 0;
            for (const c of row.cells) {
              while (covered[line][col]) col++;
              const span = c.kind === 'label' ? c.colspan ?? 1 : 1;
              const down = c.kind === 'label' ? c.rowspan ?? 1 : 1;
              for (let dr = 0; dr < down; dr++) for (let dc = 0; dc < span; dc++) {
                covered[line + dr] ??= [];
                assert.ok(!covered[line + dr][col + dc], `${name} ${t.id}: header cell covered twice`);
                covered[line + dr][col + dc] = 1;
              }
              col += span;
            }
            assert.equal(covered[line].filter(Boolean).length, t.width, `${name} ${t.id}: header row ${line} covers ${covered[line].filter(Boolean).length} of ${t.width}`);
            line++;
          }
          for (const row of t.rows.filter(r => r.kind === 'data')) {
            assert.equal(row.cells.length, t.width, `${name} ${t.id}: data row width`);
          }
        }
      }
    }
    assert.ok(GENERATIONS.length >= 2);
  });

  it('gives every cell its state as read, and every finding to the cells it names', () => {
    for (const name of sampleNames()) {
      const doc = new ReportDocument(readSample(name));
      const r = view(doc);
      const findings: Finding[] = findingsOf(doc);
      for (const [ri, report] of doc.model.reports.entries()) {
        for (const id of TABLE_IDS) {
          const table = report.tables[id];
          for (const row of Object.values(table?.rows ?? {})) {
            for (const cell of Object.values(row.cells)) {
              const shown = r.cells[`${ri}:${id}:${cell.row}:${cell.column}`];
              assert.ok(shown, `${name}: ${id} ${cell.row}×${cell.column} is in the view`);
              assert.equal(shown.state, cell.kind);
              assert.equal(shown.text, cell.text);
              assert.deepEqual(shown.range, cell.range);
            }
          }
        }
      }
      for (const f of findings.filter(f => f.cells?.length && doc.model.reports.length === 1)) {
        for (const c of f.cells!) {
          const shown = r.cells[`0:${c.table}:${c.row}:${c.column}`];
          if (!shown) continue; // a cell the template of another generation has
          assert.ok(shown.findings?.some(x => x.message === f.message), `${name}: ${f.code} not on ${c.row}×${c.column}`);
        }
      }
    }
  });

  it('shows blank cells as blank and cells of a missing table as unread', () => {
    const blank = view(new ReportDocument(readSample('001')));
    assert.ok(Object.values(blank.cells).some(c => c.state === 'blank' && c.text === ''));
    const text = readSample('002');
    const start = text.indexOf('四、政府信息公开行政复议');
    const end = text.indexOf('五、', start);
    const cut = view(new ReportDocument(text.slice(0, start) + text.slice(end)));
    const t4 = cut.reports[0].tables.find(t => t.id === 'review_litigation')!;
    assert.equal(t4.absent, true);
    assert.ok(Object.entries(cut.cells).filter(([k]) => k.startsWith('0:review_litigation:')).every(([, c]) => c.state === 'unread' && !c.range));
  });

  it('updates: a changed number sends only the cells it changes, prose edits send nothing, a new shape sends everything', () => {
    const doc = new ReportDocument(readSample('002'));
    const first = view(doc);
    assert.equal(updateFor(undefined, first)?.type, 'full');
    const [key, cell] = Object.entries(first.cells).find(([k]) => k === '0:applications:results_total:total')!;
    assert.ok(cell.findings?.some(f => f.primary), 'the failing total of seed 002 is marked');
    doc.update([{ range: cell.range!, text: '25' }]);
    const fixed = view(doc);
    const patch = updateFor(first, fixed);
    assert.equal(patch?.type, 'patch');
    if (patch?.type !== 'patch') return;
    assert.ok(key in patch.cells, 'the changed total is sent');
    assert.equal(patch.cells[key].text, '25');
    assert.notDeepEqual(patch.cells[key].findings, cell.findings, 'with its new findings');
    assert.ok(Object.keys(patch.cells).length < Object.keys(fixed.cells).length / 4, `patch of ${Object.keys(patch.cells).length}`);
    assert.ok(Object.values(patch.cells).every(c => !('range' in c)), 'ranges stay in the extension');

    // An edit in the prose above the tables moves every range and changes nothing shown.
    doc.update([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '另\n' }]);
    assert.equal(updateFor(fixed, view(doc)), undefined);

    const other = view(new ReportDocument(readSample('003')));
    assert.equal(updateFor(fixed, other)?.type, 'full', 'another generation');
  });

  it('speaks the UI language', () => {
    const doc = new ReportDocument(readSample('002'));
    assert.match(view(doc, 'zh-cn').labels.blank, /空白/);
    assert.match(view(doc, 'en').labels.blank, /blank/);
    assert.match(view(doc, 'zh-cn').reports[0].tables[1].title, /表三/);
  });
});
