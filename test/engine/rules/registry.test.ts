// Every rule at once: the registry, each rule family on every sample, fix-all across rules, bad input.
import assert from 'node:assert/strict';
import { ReportDocument, RULES, applyEdits, check, fixAll } from '../../../server/src/engine';
import { TEMPLATES } from '../../../server/src/engine/templates';
import { readSample, sampleNames } from '../../helpers';
import { CELL_CODES, SEVERITY, STRUCTURE_CODES, mine } from './helpers';

describe('cell rules: registry', () => {
  it('registers each rule once, with its default severity and a doc paragraph in both locales', () => {
    const expected: Record<string, string> = {
      'blank-cell': 'warning', 'not-a-number': 'error', 'negative-count': 'error', unit: 'warning', 'template-generation': 'warning',
    };
    for (const code of CELL_CODES) {
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

describe('structure rules: registry', () => {
  it('registers each rule once, with its default severity and a doc paragraph in both locales', () => {
    for (const code of STRUCTURE_CODES) {
      const rules = RULES.filter(r => r.code === code);
      assert.equal(rules.length, 1, code);
      assert.equal(rules[0].severity, SEVERITY[code], code);
      assert.ok(rules[0].doc.en.length > 100 && /[\u4e00-\u9fff]/.test(rules[0].doc['zh-cn']), code);
    }
  });
  it('lists them in the issue\'s order, before the arithmetic rules', () => {
    const at = (c: string) => RULES.findIndex(r => r.code === c);
    const order = STRUCTURE_CODES.map(at);
    assert.deepEqual(order, [...order].sort((a, b) => a - b));
    assert.ok(at('cell-count') < at('row-total'));
  });
});

describe('structure rules on the samples', () => {

  for (const name of ['01_', '12_', '002', '003']) {
    it(`${name.replace(/_$/, '')}: none of the structure codes (PDF line breaks and elaborated headings are not noted)`, () => {
      assert.deepEqual(mine(readSample(name)).map(f => `${f.code}: ${f.message}`), []);
    });
  }

  for (const name of sampleNames()) {
    it(`${name}: messages name things in words, in both locales, on ranges inside the document`, () => {
      const text = readSample(name);
      const lineCount = text.split('\n').length;
      const ids = new Set(Object.values(TEMPLATES).flatMap(t => t.tables.flatMap(d => d.blocks.flatMap(b => b.rows.map(r => r.id)))).filter(id => /[._]/.test(id)));
      for (const locale of ['en', 'zh-cn'] as const) {
        for (const f of mine(text, undefined, locale)) {
          assert.ok(f.range.start.line >= 0 && f.range.end.line < lineCount, `${f.code} range`);
          for (const id of ids) assert.ok(!f.message.includes(id), `${f.code} names ${id}: ${f.message}`);
          if (locale === 'zh-cn') assert.ok(/[，。：]/.test(f.message), f.message);
          for (const fix of f.fixes) assert.ok(fix.title && fix.edits.length, `${f.code} fix`);
        }
      }
    });
  }
});

describe('structure rules on other mutations', () => {

  it('fix-all applies renumbering and wording, never an insertion', () => {
    const text = readSample('004');
    const doc = new ReportDocument(text);
    const fixed = applyEdits(text, fixAll(doc, check(doc, { locale: 'en' })).edits);
    assert.deepEqual(mine(fixed).map(f => f.code), ['missing-part']);
  });

  it('bad input never crashes and says nothing about text that is no report', () => {
    for (const text of ['', '\n\n', 'hello world', '\t\t|\n|||\n-3-', '五、\n六、其他需要报告的事项\n\t1.属于国家秘密\n\t0']) {
      assert.doesNotThrow(() => mine(text));
      assert.ok(!check(new ReportDocument(text), { locale: 'en' }).some(f => f.code === 'internal-error'), JSON.stringify(text));
    }
    assert.deepEqual(mine('hello world'), []);
  });
});
