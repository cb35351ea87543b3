// The not-a-number rule (server/src/engine/rules/not-a-number.ts) on the real samples and mutations of them.
import assert from 'node:assert/strict';
import { ReportDocument, applyEdits, check, fixAll, type TableId } from '../../../server/src/engine';
import { chineseNumber, disguisedNumber } from '../../../server/src/engine/rules/not-a-number';
import { cellOf, findings, readSample, sampleNames, setCell } from '../../helpers';
import { readCellValue, fixAllOn } from './helpers';

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
