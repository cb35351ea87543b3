// The cell rules on the real samples and mutations of them: blank-cell, not-a-number,
// negative-count (unit and template-generation: rules-cells-units.test.ts).
import assert from 'node:assert/strict';
import { ReportDocument, RULES, applyEdits, check, fixAll, quickFixes, type Edit, type TableId } from '../../server/src/engine';
import { chineseNumber, disguisedNumber } from '../../server/src/engine/rules/not-a-number';
import { cellOf, findings, readSample, sampleNames, setCell } from '../helpers';
import { readCell } from '../../server/src/engine/text/number';

const readCellValue = (s: string) => { const r = readCell(s); return r.kind === 'number' ? r.value : null; };

const CODES = ['blank-cell', 'not-a-number', 'negative-count', 'unit', 'template-generation'];

/** The text after one fix-all. */
function fixAllText(text: string): string {
  return applyEdits(text, fixAllEdits(text));
}
function fixAllEdits(text: string): Edit[] {
  const doc = new ReportDocument(text);
  return fixAll(doc, check(doc, { locale: 'en' })).edits;
}
/** Fix-all's edits on these lines (other rules may fix other things elsewhere). */
const fixAllOn = (text: string, lines: number[]) => fixAllEdits(text).filter(e => lines.includes(e.range.start.line));

describe('cell rules: registry', () => {
  it('registers each rule once, with its default severity and a doc paragraph in both locales', () => {
    const expected: Record<string, string> = {
      'blank-cell': 'warning', 'not-a-number': 'error', 'negative-count': 'error', unit: 'warning', 'template-generation': 'warning',
    };
    for (const code of CODES) {
      const rules = RULES.filter(r => r.code === code);
      assert.equal(rules.length, 1, code);
      assert.equal(rules[0].severity, expected[code], code);
      assert.ok(rules[0].doc.en.length > 80 && rules[0].doc['zh-cn'].length > 40, code);
    }
    // Before the arithmetic rules, so a blank is reported before the sums it blocks.
    assert.ok(RULES.findIndex(r => r.code === 'template-generation') < RULES.findIndex(r => r.code === 'row-total'));
  });

  it('never throws on the samples, on empty text or on a table of garbage', () => {
    const texts = [...sampleNames().map(readSample), '', '三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 |\nx |\n-1 |\n万元 |\n|\n'];
    for (const text of texts) {
      const found = check(new ReportDocument(text), { locale: 'zh-cn' });
      assert.deepEqual(found.filter(f => f.code === 'internal-error'), []);
    }
  });
});

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

describe('not-a-number', () => {
  it('no sample has words in a number cell', () => {
    for (const name of sampleNames()) assert.deepEqual(findings(readSample(name), 'not-a-number').found, [], name);
  });

  it('a letter in a count cell of seed 002 is an error naming the cell and the words; nothing is guessed', () => {
    const text = setCell(readSample('002'), 'applications', 'partly_granted', 'commercial', 'x');
    const { found } = findings(text, 'not-a-number');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'error');
    assert.match(found[0].message, /「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」, column 「商业企业」 holds 「x」/);
    assert.deepEqual(found[0].fixes, []);
  });

  for (const [written, row, column, meant] of [
    ['2O', 'new', 'natural_person', '20'],
    ['l2550', 'licensing', 'decisions', '12550'],
    ['十一', 'granted', 'natural_person', '11'],
  ] as const) {
    it(`「${written}」 is a number in disguise: ${meant} is offered, not applied unattended, and restores the report`, () => {
      const original = readSample('002');
      const table: TableId = row === 'licensing' ? 'proactive' : 'applications';
      const text = setCell(original, table, row, column, written);
      const { found } = findings(text, 'not-a-number');
      assert.equal(found.length, 1);
      assert.equal(found[0].fixes.length, 1);
      assert.equal(found[0].fixes[0].preferred, false);
      assert.deepEqual(fixAllOn(text, [found[0].range.start.line]), []);
      const fixed = applyEdits(text, found[0].fixes[0].edits);
      assert.equal(fixed, original);
      assert.deepEqual(findings(fixed, 'not-a-number').found, []);
    });
  }

  // Issue 15 item 5: beyond 2^53 a double rounds silently (…993 shown as …992).
  for (const sample of ['000', '002', '004', '12_']) it(`a count too large to be read exactly is refused with its reason, never shown or totalled rounded (${sample})`, () => {
    const huge = '9007199254740993';
    const text = setCell(readSample(sample), 'applications', 'granted', 'natural_person', huge);
    const doc = new ReportDocument(text);
    assert.equal(cellOf(doc, 'applications', 'granted', 'natural_person').value, null);
    const all = check(doc, { locale: 'en' });
    const refused = all.filter(f => f.code === 'not-a-number');
    assert.equal(refused.length, 1);
    assert.match(refused[0].message, /holds 9007199254740993, a number too large to be read exactly/);
    assert.deepEqual(refused[0].fixes, []);
    // Nothing anywhere says …992, and no fix writes a total computed from it.
    for (const f of all) assert.doesNotMatch(f.message, /9007199254740992/, f.code);
    const fixed = applyEdits(text, fixAll(doc, all).edits);
    assert.doesNotMatch(fixed, /900719925474099[0-24-9]|90071992547410\d\d/);
  });

  it('counts that are exact alone but add up past 2^53 give no identity verdict and no recomputed total', () => {
    const max = String(Number.MAX_SAFE_INTEGER); // 9007199254740991, read exactly
    let text = setCell(readSample('002'), 'applications', 'granted', 'natural_person', max);
    text = setCell(text, 'applications', 'partly_granted', 'natural_person', '5');
    const doc = new ReportDocument(text);
    assert.equal(cellOf(doc, 'applications', 'granted', 'natural_person').value, Number.MAX_SAFE_INTEGER);
    const all = check(doc, { locale: 'en' });
    // The column's sums pass 2^53: the arithmetic rules say nothing about it rather than something rounded.
    for (const f of all) assert.doesNotMatch(f.message, /90071992547409\d\d/, f.code);
    const edits = fixAll(doc, all).edits;
    for (const e of edits) assert.doesNotMatch(e.newText, /\d{16,}/);
    // A large amount with decimals still adds exactly (the six-decimal rounding no longer multiplies past 2^53).
    assert.equal(readCellValue('13575394432.52'), 13575394432.52);
    assert.equal(readCellValue('1234567890123.45'), 1234567890123.45);
    assert.equal(readCellValue('12345678901234.567'), null);
  });

  it('reads Chinese numerals only when they are unambiguous', () => {
    const cases: [string, number | undefined][] = [
      ['十', 10], ['十二', 12], ['二十', 20], ['一百零五', 105], ['三千', 3000], ['一万二千', 12000], ['两百', 200], ['零', 0],
      ['一二', undefined], ['十十', undefined], ['万', undefined], ['若干', undefined], ['', undefined],
    ];
    for (const [s, n] of cases) assert.equal(chineseNumber(s), n, s);
    assert.deepEqual(disguisedNumber('1O件'), { value: 10, text: '10件' });
    assert.deepEqual(disguisedNumber('三个'), { value: 3, text: '3个' });
    assert.equal(disguisedNumber('No'), undefined);
    assert.equal(disguisedNumber('待定'), undefined);
  });
});

describe('negative-count', () => {
  it('the samples\' signed 本年增/减 (seed 002: -156) is not a finding', () => {
    for (const name of sampleNames()) assert.deepEqual(findings(readSample(name), 'negative-count').found, [], name);
    assert.equal(cellOf(new ReportDocument(readSample('002')), 'proactive', 'licensing', 'change').value, -156);
  });

  it('-3 in table 三 is an error with no fix: the sign is not plainly a slip', () => {
    const text = setCell(readSample('002'), 'applications', 'partly_granted', 'commercial', '-3');
    const { found } = findings(text, 'negative-count');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'error');
    assert.match(found[0].message, /column 「商业企业」 is -3: counts and amounts cannot be negative/);
    assert.deepEqual(found[0].fixes, []);
  });

  it('a negative 上一年项目数量 is an error though its neighbour 本年增/减 may be signed', () => {
    const text = setCell(readSample('002'), 'proactive', 'licensing', 'previous_items', '-885');
    assert.deepEqual(findings(text, 'negative-count').found.map(f => f.cells![0].column), ['previous_items']);
  });

  it('when the row total shows the sign is a slip, removing it is offered and restores the report', () => {
    const original = readSample('002');
    const text = setCell(original, 'applications', 'partly_granted', 'commercial', '-1');
    const { found } = findings(text, 'negative-count');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /Without the minus sign 总计 = 自然人/);
    const [fix] = found[0].fixes;
    assert.equal(fix.preferred, false);
    const fixed = applyEdits(text, fix.edits);
    assert.equal(fixed, original);
    assert.deepEqual(findings(fixed, 'negative-count').found, []);
  });
});
