// The row-label rule (server/src/engine/rules/row-label.ts) on the real samples and mutations of them.
import assert from 'node:assert/strict';
import { ReportDocument, applyEdits, check, fixAll } from '../../../server/src/engine';
import { readSample } from '../../helpers';
import { mine, one, spliceLines, lineIndex, model, values, settle } from './helpers';

describe('structure rules on the samples', () => {

  for (const name of ['02_', '03_', '11_']) {
    it(`corpus ${name.slice(0, 2)}: the typo 2.其他法律行政止公开 is an information with a safe relabel`, () => {
      const text = readSample(name);
      const f = one(text, 'row-label');
      assert.equal(f.severity, 'information');
      assert.match(f.message, /「2\.其他法律行政止公开」 was read as 「（三）不予公开·2\.其他法律行政法规禁止公开」/);
      assert.equal(f.fixes[0].preferred, true);
      const fixed = settle(text, f);
      assert.equal(model(fixed).tables.applications!.rows['refused.prohibited_by_law'].label?.how, 'exact');
      assert.deepEqual(values(fixed), values(text));
      assert.deepEqual(mine(text).map(x => x.code), ['row-label']);
    });
  }

  it('corpus 01 does read some labels only as prefixes: the silence is a decision, not a blind spot', () => {
    const t = model(readSample('01_')).tables.applications!;
    assert.equal(t.encoding, 'layout');
    assert.equal(t.rows.partly_granted.label?.how, 'prefix');
  });
});

describe('structure rules on mutations of seed 002', () => {
  const text = readSample('002');

  it('a shortened label (a declared variant): row-label information, relabelled to the template\'s', () => {
    const at = lineIndex(text, '(二)部分公开(区分处理的,只计这一情形,不计其他情形) |');
    const mutated = spliceLines(text, at, 1, '(二)部分公开 |');
    const f = one(mutated, 'row-label');
    assert.match(f.message, /variant/);
    const fixed = settle(mutated, f);
    assert.equal(fixed.split('\n')[at], '（二）部分公开（区分处理的，只计这一情形，不计其他情形） |');
    assert.deepEqual(values(fixed), values(text));
  });
});

describe('structure rules on other mutations', () => {
  it('several typos in one table (corpus 12, tab cells): each is noted, and fix-all relabels them all', () => {
    const typos: [string, string][] = [['1.属于国家秘密', '1.属于国家密秘'], ['7.属于行政执法案卷', '7.属于行政执法的案卷'], ['2.重复申请', '2.重复的申请']];
    const text = readSample('12_');
    const mutated = typos.reduce((s, [a, b]) => s.replace(`\t${a}\n`, `\t${b}\n`), text);
    const found = mine(mutated, 'row-label');
    assert.deepEqual(found.map(f => f.message.match(/「(.*?)」/)![1]), typos.map(([, b]) => b));
    assert.ok(found.every(f => f.fixes[0]?.preferred));
    const doc = new ReportDocument(mutated);
    const fixed = applyEdits(mutated, fixAll(doc, check(doc, { locale: 'en' })).edits);
    assert.equal(fixed, text);
  });
});
