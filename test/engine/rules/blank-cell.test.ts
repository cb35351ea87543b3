// The blank-cell rule (server/src/engine/rules/blank-cell.ts) on the real samples and mutations of them.
import assert from 'node:assert/strict';
import { ReportDocument, applyEdits, check, quickFixes } from '../../../server/src/engine';
import { cellOf, findings, readSample, setCell } from '../../helpers';
import { fixAllText, fixAllOn } from './helpers';

describe('blank-cell', () => {
  it('seed 001: warns on every blank cell of tables 三 and 四, naming the cell in words', () => {
    const { found } = findings(readSample('001'), 'blank-cell');
    // Table 三: 23 rows × 6 blank applicant columns; table 四: 12 blank outcomes.
    assert.equal(found.length, 23 * 6 + 12);
    assert.ok(found.every(f => f.severity === 'warning'));
    const tables = new Set(found.map(f => f.cells![0].table));
    assert.deepEqual([...tables].sort(), ['applications', 'review_litigation']);
    const first = found[0];
    assert.match(first.message, /「一、本年新收政府信息公开申请数量」.*「自然人」.*is blank/);
    // Only 0 is offered, and not unattended: the clerk decides that a blank means none.
    assert.equal(first.fixes.length, 1);
    assert.equal(first.fixes[0].preferred, false);
    assert.deepEqual(first.fixes[0].scope, { kind: 'fill', report: 0, table: 'applications', row: 'new' });
  });

  it('seed 001: the widened "fill this row" action clears the row, and fix-all fills nothing', () => {
    const text = readSample('001');
    const { doc, found } = findings(text, 'blank-cell');
    const actions = quickFixes(doc, found, found[0].range, 'en');
    const row = actions.find(a => a.title === 'Fill every blank count in this row with 0');
    assert.ok(row);
    const after = findings(applyEdits(text, row.edits), 'blank-cell').found;
    assert.equal(after.length, found.length - 6);
    assert.ok(after.every(f => f.cells![0].row !== 'new'));
    assert.equal(cellOf(new ReportDocument(applyEdits(text, row.edits)), 'applications', 'new', 'research').value, 0);
    assert.deepEqual(fixAllOn(text, found.map(f => f.range.start.line)), []);
  });

  it('zh-cn messages name the cell in Chinese', () => {
    const found = check(new ReportDocument(readSample('001')), { locale: 'zh-cn' }).filter(f => f.code === 'blank-cell');
    assert.match(found[0].message, /^「一、本年新收政府信息公开申请数量」行「自然人」列为空。空白表示漏填/);
    assert.equal(found[0].fixes[0].title, '将「一、本年新收政府信息公开申请数量」行「自然人」列填为 0');
  });

  it('seed 000: row 四\'s blank 商业企业 is determined by the balance identity; fix-all fills it once', () => {
    const text = readSample('000');
    const { found } = findings(text, 'blank-cell');
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].cells, [{ table: 'applications', row: 'carried_forward', column: 'commercial' }]);
    assert.match(found[0].message, /computed as 0 from 一 \+ 二 = （七）总计 \+ 四/);
    const recompute = found[0].fixes.find(f => f.scope?.kind === 'recompute');
    assert.ok(recompute?.preferred);
    const fixed = fixAllText(text);
    assert.deepEqual(findings(fixed, 'blank-cell').found, []);
    assert.equal(cellOf(new ReportDocument(fixed), 'applications', 'carried_forward', 'commercial').value, 0);
    assert.deepEqual(fixAllOn(fixed, [found[0].range.start.line]), []);
  });

  it('seed 003: the blank 总计 of row 四 gets a preferred fix writing 0, keeping the pipe encoding', () => {
    const text = readSample('003');
    const { found } = findings(text, 'blank-cell');
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].cells, [{ table: 'applications', row: 'carried_forward', column: 'total' }]);
    assert.match(found[0].message, /「四、结转下年度继续办理」, column 「总计」 is blank.*computed as 0/);
    const [preferred, ...rest] = found[0].fixes;
    assert.equal(preferred.preferred, true);
    assert.equal(preferred.title, 'Set row 「四、结转下年度继续办理」, column 「总计」 to 0');
    assert.deepEqual(rest.map(f => f.preferred), [false]);
    const fixed = applyEdits(text, preferred.edits);
    // The pipe-only line keeps its pipes; the value is written before them.
    const line = preferred.edits[0].range.start.line;
    assert.equal(fixed.split(/\r?\n/)[line], `0 ${text.split(/\r?\n/)[line]}`);
    const after = new ReportDocument(fixed);
    assert.equal(cellOf(after, 'applications', 'carried_forward', 'total').value, 0);
    assert.deepEqual(check(after, { locale: 'en' }).filter(f => ['blank-cell', 'row-total', 'balance'].includes(f.code)), []);
    assert.deepEqual(fixAllOn(fixed, [line]), []);
    // Fix-all writes the same 0.
    assert.equal(cellOf(new ReportDocument(fixAllText(text)), 'applications', 'carried_forward', 'total').value, 0);
  });

  it('a placeholder (/, —, 无) is shown as written, and filling replaces it', () => {
    for (const mark of ['/', '—', '无']) {
      const text = setCell(readSample('002'), 'applications', 'granted', 'research', mark);
      const { found } = findings(text, 'blank-cell');
      assert.equal(found.length, 1, mark);
      assert.match(found[0].message, new RegExp(`holds 「${mark}」 instead of a number`));
      const fill = found[0].fixes.find(f => f.scope?.kind === 'fill')!;
      const fixed = applyEdits(text, fill.edits);
      assert.equal(fixed, readSample('002')); // the cell held 0
      assert.deepEqual(findings(fixed, 'blank-cell').found, []);
    }
  });

  it('when two identities disagree about a blank total, neither value is applied unattended', () => {
    // Row 四's 总计 blank; 一's 总计 raised by one: the row sums give 0, the balance gives 1.
    let text = setCell(readSample('002'), 'applications', 'carried_forward', 'total', '');
    text = setCell(text, 'applications', 'new', 'total', '26');
    const { found } = findings(text, 'blank-cell');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /computed as 0 from .*computed as 1 from /);
    const recomputes = found[0].fixes.filter(f => f.scope?.kind === 'recompute');
    assert.equal(recomputes.length, 2);
    assert.ok(recomputes.every(f => !f.preferred && /\(breaks /.test(f.title)));
  });
});
