// Web text (encoding W): the ten crawled pages of test/fixtures/web, each a report on one
// line. Golden files hold what is read (template, parts, every cell), what is left unread
// and why (the runs no unique split reads), and the findings. They were checked by hand
// against the pages (see the commit); UPDATE_GOLDEN=1 rewrites them (review the diff).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ReportDocument, applyEdits, check, fixAll, hover, quickFixes, toJson, type Finding, type Range, type Table } from '../../../server/src/engine';
import { FIXTURES, readWeb, renderModel, textIn, webNames } from '../../helpers';

const WEB = path.join(FIXTURES, 'web');

function render(doc: ReportDocument, findings: Finding[]): string {
  const out = [renderModel(doc.model).trimEnd()];
  for (const r of doc.model.reports) {
    for (const t of Object.values(r.tables) as Table[]) {
      for (const u of t.unsplit) out.push(`${t.id}.${u.row} unread 「${u.run}」: ${u.count === 0 ? 'no split keeps the identities' : `${Number.isFinite(u.count) ? u.count : 'countless'} splits fit`}`);
    }
  }
  for (const f of findings) {
    const cells = f.cells?.map(c => `${c.row}.${c.column}`).join(' ');
    out.push(`${f.severity} ${f.code} @${f.range.start.line + 1}:${f.range.start.character + 1}${cells ? ` [${cells}]` : ''}`);
  }
  return out.join('\n') + '\n';
}

const ARITHMETIC = new Set(['row-total', 'results-total', 'balance', 'review-total']);
const errorsOf = (findings: Finding[]) => findings.filter(f => ARITHMETIC.has(f.code) && f.severity === 'error')
  .map(f => `${f.code} ${f.cells?.[0] ? `${f.cells[0].row}.${f.cells[0].column}` : ''}`).sort();

describe('web text (encoding W): the crawled pages', () => {
  for (const name of webNames()) {
    it(`golden: ${name}`, () => {
      const doc = new ReportDocument(readFileSync(path.join(WEB, name), 'utf8'));
      const actual = render(doc, check(doc, { locale: 'en' }));
      const file = path.join(WEB, name.replace(/\.txt$/, '.golden'));
      if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, actual);
      assert.equal(actual, readFileSync(file, 'utf8'));
    });
  }

  it('every 2019/2021 page reads as one report with six parts and three tables', () => {
    for (const name of webNames().filter(n => !n.startsWith('w40'))) {
      const { reports } = new ReportDocument(readFileSync(path.join(WEB, name), 'utf8')).model;
      assert.equal(reports.length, 1, name);
      assert.deepEqual(reports[0].parts.map(p => p.number), [1, 2, 3, 4, 5, 6], name);
      assert.deepEqual(Object.keys(reports[0].tables).sort(), ['applications', 'proactive', 'review_litigation'], name);
    }
  });

  it('the real arithmetic errors are found, and no other (w13 balance, w29 （七）总计)', () => {
    const expected: Record<string, string[]> = {
      w13: ['balance new.natural_person', 'balance new.total'],
      w29: ['balance new.natural_person', 'results-total results_total.natural_person', 'row-total results_total.total'],
    };
    for (const name of webNames()) {
      const doc = new ReportDocument(readFileSync(path.join(WEB, name), 'utf8'));
      assert.deepEqual(errorsOf(check(doc, { locale: 'en' })), expected[name.slice(0, 3)] ?? [], name);
    }
  });

  it('every range points into the long line exactly: cells, labels, findings, the JSON model', () => {
    for (const name of webNames()) {
      const text = readFileSync(path.join(WEB, name), 'utf8');
      const doc = new ReportDocument(text);
      const json = toJson(doc.model, doc) as ReturnType<typeof toJson> & { tables: Record<string, { cells: Record<string, Record<string, { text: string; range: Range }>> } | null> };
      let n = 0;
      for (const t of Object.values(json.tables)) for (const row of Object.values(t?.cells ?? {})) for (const c of Object.values(row)) { assert.equal(textIn(text, c.range), c.text, name); n++; }
      if (!name.startsWith('w40')) assert.ok(n > 100, `${name}: ${n} cells`);
      for (const r of doc.model.reports) for (const t of Object.values(r.tables) as Table[]) for (const row of Object.values(t.rows)) {
        if (row.label) assert.equal(textIn(text, doc.physicalRange(row.label.range)), row.label.text, name);
      }
      for (const f of check(doc, { locale: 'en' })) {
        assert.ok(f.range.start.line <= 9 && f.range.end.line <= 9, `${name} ${f.code}`);
        if (f.code === 'flattened-ambiguous' || f.code === 'recovered-cells') assert.match(textIn(text, f.range), /^[0-9]/, `${name} ${f.code}`);
      }
      assert.equal(doc.getText(), text);
    }
  });

  it('hover in the long line explains the cell under it', () => {
    const text = readWeb('w13');
    const doc = new ReportDocument(text);
    const line = text.split('\n')[9];
    const at = line.indexOf('1000001四、结转下年度继续办理') ; // （七）总计's run
    const h = hover(doc, { line: 9, character: at }, 'en');
    assert.ok(h && /（七）总计/.test(h) && /自然人/.test(h), h);
    const label = line.indexOf('行政处罚');
    assert.match(hover(doc, { line: 9, character: label + 1 }, 'en') ?? '', /行政处罚/);
  });

  it('a fix inside a glued run writes the run out cell by cell, and fix-all clears the finding', () => {
    // （七）总计's run with its 总计 changed: 1000001 → 1000002 (seven digits, one split).
    const text = readWeb('w13').replace('（七）总计1000001', '（七）总计1000002');
    const doc = new ReportDocument(text);
    const findings = check(doc, { locale: 'en' });
    const found = findings.filter(f => f.code === 'row-total');
    assert.equal(found.length, 1);
    const f = found[0];
    assert.equal(textIn(text, f.range), '2');
    const actions = quickFixes(doc, findings, f.range, 'en');
    const own = actions.find(a => a.findings.includes(f) && a.edits.length === 1);
    assert.ok(own, actions.map(a => a.title).join(', '));
    assert.equal(textIn(text, own.edits[0].range), '1000002');
    assert.equal(own.edits[0].newText, '1 0 0 0 0 0 1');
    const fixed = applyEdits(text, own.edits);
    assert.ok(fixed.includes('（七）总计1 0 0 0 0 0 1四、结转下年度继续办理'));
    const again = new ReportDocument(fixed);
    assert.deepEqual(check(again, { locale: 'en' }).filter(x => x.code === 'row-total'), []);
    assert.equal(again.model.reports[0].tables.applications!.rows.results_total.cells.total.value, 1);

    const all = fixAll(doc, check(doc, { locale: 'en' }), 'en');
    const allFixed = applyEdits(text, all.edits);
    const after = new ReportDocument(allFixed);
    assert.deepEqual(check(after, { locale: 'en' }).filter(x => x.code === 'row-total'), []);
    assert.equal(applyEdits(allFixed, fixAll(after, check(after, { locale: 'en' }), 'en').edits), allFixed, 'fix-all twice changes nothing');
  });

  it('typing in the long line gives what a fresh read gives', () => {
    const text = readWeb('w14');
    const doc = new ReportDocument(text);
    check(doc);
    const line = text.split('\n')[9];
    let current = text;
    // Edits inside cells, labels, headings and prose, each as a keystroke would send it.
    const at = (s: string) => line.indexOf(s);
    const edits = [
      { offset: at('4000004'), del: 1, ins: '5' },
      { offset: at('（七）总计'), del: 0, ins: '9' },
      { offset: at('（七）总计'), del: 1, ins: '' },
      { offset: at('三、收到和处理'), del: 1, ins: '' },
      { offset: at('三、收到和处理') - 1, del: 0, ins: '三' },
      { offset: 5, del: 3, ins: '' },
    ];
    for (const e of edits) {
      const range = { start: { line: 9, character: e.offset }, end: { line: 9, character: e.offset + e.del } };
      doc.update([{ range, text: e.ins }]);
      current = applyEdits(current, [{ range, newText: e.ins }]);
      const fresh = new ReportDocument(current);
      assert.equal(doc.getText(), current);
      assert.equal(renderModel(doc.model), renderModel(fresh.model));
      assert.deepEqual(check(doc, { locale: 'en' }).map(f => [f.code, f.range, f.message]), check(fresh, { locale: 'en' }).map(f => [f.code, f.range, f.message]));
    }
  });

  it('a negative 本年增/减 written in words is read where one split fits (行政许可5减30 = 5 | -3 | 0)', () => {
    const text = readWeb('w15').replace('行政许可1-10', '行政许可5减30');
    const doc = new ReportDocument(text);
    const row = doc.model.reports[0].tables.proactive!.rows.licensing;
    assert.deepEqual(Object.values(row.cells).map(c => c.value), [5, -3, 0]);
    assert.equal(textIn(text, doc.physicalRange(row.cells.change.range)), '减3');
    assert.deepEqual(check(doc, { locale: 'en' }).filter(f => f.code === 'negative-count'), []);
  });

  it('the crawler header gives the title and, for an undated report, the date report-date checks', () => {
    const text = readWeb('w14');
    const doc = new ReportDocument(text);
    const r = doc.model.reports[0];
    assert.equal(r.title?.text, '平潭综合实验区公安局2024年政府信息公开工作年度报告');
    assert.equal(r.dates.signature, undefined);
    assert.equal(r.dates.published?.text, '2025-01-20');
    assert.deepEqual(check(doc, { locale: 'en' }).filter(f => f.code === 'report-date'), []);
    const late = text.replace('发布时间: 2025-01-20', '发布时间: 2025-03-20');
    const found = check(new ReportDocument(late), { locale: 'en' }).filter(f => f.code === 'report-date');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /published on 2025-03-20.*2025年1月31日/);
    assert.equal(textIn(late, found[0].range), '2025-03-20');
  });

  it('random keystrokes in every page (digits, spaces, 、, labels, line breaks) read as a fresh read does', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const inserts = ['0', '1', ' ', '、', '三', '\n', '（', '总计', '2.', '元', '-', '\u3000', ''];
    for (const name of webNames()) {
      let text = readFileSync(path.join(WEB, name), 'utf8');
      const doc = new ReportDocument(text);
      check(doc);
      for (let i = 0; i < 15; i++) {
        const lines = text.split('\n');
        const line = random() < 0.9 ? 9 : Math.floor(random() * lines.length);
        const length = lines[line]?.length ?? 0;
        const at = Math.floor(random() * (length + 1));
        const del = random() < 0.4 ? Math.min(length - at, Math.floor(random() * 4)) : 0;
        const ins = inserts[Math.floor(random() * inserts.length)];
        const range = { start: { line, character: at }, end: { line, character: at + del } };
        doc.update([{ range, text: ins }]);
        text = applyEdits(text, [{ range, newText: ins }]);
        const fresh = new ReportDocument(text);
        const what = `${name}, edit ${i}: ${JSON.stringify({ line, at, del, ins })}`;
        assert.equal(doc.getText(), text, what);
        assert.equal(renderModel(doc.model), renderModel(fresh.model), what);
        assert.deepEqual(check(doc, { locale: 'en' }).map(f => [f.code, f.range, f.message]), check(fresh, { locale: 'en' }).map(f => [f.code, f.range, f.message]), what);
      }
    }
  });

  it('a keystroke in one report of a long line re-reads only its section: the other reports and tables are kept', () => {
    const bodies = ['w13', 'w14', 'w39'].map(n => readWeb(n).split('\n')[9]);
    const text = bodies.join(' ');
    const doc = new ReportDocument(text);
    const before = doc.model.reports;
    assert.equal(before.length, 3);
    // A digit typed into table 三 of the middle report.
    const cell = before[1].tables.applications!.rows.granted.cells.natural_person;
    const at = doc.physicalPosition(cell.range.end);
    doc.update([{ range: { start: at, end: at }, text: '0' }]);
    const after = doc.model.reports;
    assert.equal(after[0], before[0]);
    assert.equal(after[2], before[2]);
    assert.notEqual(after[1], before[1]);
    assert.equal(after[1].tables.proactive, before[1].tables.proactive);
    // Table 四 is copied per report build (its generation follows the report), its rows kept.
    assert.equal(after[1].tables.review_litigation!.rows, before[1].tables.review_litigation!.rows);
    assert.notEqual(after[1].tables.applications, before[1].tables.applications);
    assert.equal(renderModel(doc.model), renderModel(new ReportDocument(doc.getText()).model));
  });

  it('other documents are not cut: lines without inline part headings stay one line each', () => {
    const doc = new ReportDocument('平潭综合实验区2021年政府信息公开工作年度报告\n一、总体情况\n' + '本年度我局认真落实。'.repeat(30));
    assert.equal(doc.segmented, false);
  });
});
