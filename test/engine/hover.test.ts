// Hovers on the real reports: a total spelled out addend by addend with ✓ or the
// difference, blanks shown as blanks, row labels and part headings explained.
import assert from 'node:assert/strict';
import { ReportDocument, check, hover, type Position, type Table } from '../../server/src/engine';
import { readSample, setCell } from '../helpers';

const open = (name: string) => new ReportDocument(readSample(name));
const applications = (doc: ReportDocument) => doc.model.reports[0].tables.applications as Table;
const cellStart = (doc: ReportDocument, row: string, column: string): Position => {
  const c = applications(doc).rows[row].cells[column];
  return { line: c.range.start.line, character: c.range.start.character };
};

/** The `| label | value |` rows of the explanation whose heading contains `formula`. */
function termRows(md: string, formula: string): [string, string][] {
  const block = md.split('\n---\n').find(b => b.includes(formula));
  assert.ok(block, `no explanation of ${formula} in:\n${md}`);
  return [...block.matchAll(/^\| (.+?) \| (.*?) \|$/gm)].map(m => [m[1], m[2]] as [string, string]).filter(([l]) => l.trim() && !/^:?-+/.test(l));
}

describe('hover', () => {
  it('seed 002, （七）总计 × 自然人: every addend labelled and valued, the sum, and the difference of 3', () => {
    const doc = open('002');
    const md = hover(doc, { line: 318, character: 1 }, 'en')!;
    assert.match(md, /row 「（七）总计」, column 「自然人」: \*\*23\*\*/);
    const rows = termRows(md, '（七）总计 = （一） + （二） + … + （六）');
    assert.deepEqual(rows[0], ['（七）总计', '23']);
    const addends = rows.slice(1, -1);
    assert.equal(addends.length, 19, '（一）, （二）, （三）1–8, （四）1–3, （五）1–5, （六）');
    assert.deepEqual(addends.slice(0, 3), [['（一）予以公开', '11'], ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '4'], ['（三）1.属于国家秘密', '0']]);
    assert.deepEqual(addends.find(([l]) => l.startsWith('（四）1.')), ['（四）1.本机关不掌握相关政府信息', '3']);
    assert.deepEqual(addends[addends.length - 1], ['（六）其他处理', '2']);
    assert.deepEqual(rows[rows.length - 1], ['**Sum**', '**20**']);
    assert.match(md, /✗ 23 ≠ 20: differs by 3/);
    // The cell is also a term of 一 + 二 = （七）总计 + 四, which holds: beside the failure, one line.
    assert.match(md, /^✓ 23 = 23 — \*\*一 \+ 二 = （七）总计 \+ 四\*\* in column 「自然人」$/m);
    assert.deepEqual(termRows(md, '一 + 二 = （七）总计 + 四'), []);
  });

  describe('on a failing total: the failing identity first, short, not the diagnostic again', () => {
    const blocks = (md: string) => md.split('\n\n---\n\n');
    /** The hover of a cell and the findings on it. */
    function at(text: string, row: string, column: string, locale: 'en' | 'zh-cn' = 'en') {
      const doc = new ReportDocument(text);
      const md = hover(doc, cellStart(doc, row, column), locale)!;
      const range = applications(doc).rows[row].cells[column].range;
      const findings = check(doc, { locale }).filter(f => f.range.start.line === range.start.line && f.range.start.character === range.start.character);
      return { md, findings };
    }

    it('seed 002 （七）总计 × 自然人 (23, the addends make 20): ✗ is the first line after the cell', () => {
      for (const locale of ['en', 'zh-cn'] as const) {
        const { md, findings } = at(readSample('002'), 'results_total', 'natural_person', locale);
        assert.equal(findings.length, 1);
        const [head, first, ...rest] = blocks(md);
        assert.match(head, /自然人/);
        assert.match(first.split('\n')[0], /^✗ 23 ≠ 20/, first);
        assert.ok(rest.every(b => !b.includes('|')), 'no second table of addends');
        // The diagnostic says it beside the hover already: no sentence of its message again.
        for (const sentence of findings[0].message.split(/(?<=[.。])\s*/).filter(x => x.length > 12)) assert.ok(!md.includes(sentence), sentence);
      }
    });

    it('corpus 01 mutated (（一）予以公开 × 自然人 written 3 more): on （七）总计 × 自然人, ✗ first; what holds is one line each after it', () => {
      const original = new ReportDocument(readSample('01_'));
      const granted = applications(original).rows.granted.cells.natural_person.value!;
      const total = applications(original).rows.results_total.cells.natural_person.value!;
      const { md, findings } = at(setCell(readSample('01_'), 'applications', 'granted', 'natural_person', String(granted + 3)), 'results_total', 'natural_person');
      assert.deepEqual(findings.map(f => f.code), ['results-total']);
      const [, first, ...rest] = blocks(md);
      assert.equal(first.split('\n')[0], `✗ ${total} ≠ ${total + 3}: differs by -3`);
      assert.ok(md.indexOf('✗') < md.indexOf('| （一）'), 'the verdict before the addends');
      assert.ok(rest.every(b => !/^\| /m.test(b)), 'one table of addends, no more');
      const holds = rest.filter(b => b.startsWith('✓')).join('\n\n').split('\n\n');
      assert.ok(holds.length >= 1, '一 + 二 = （七）总计 + 四 holds');
      for (const line of holds) assert.match(line, /^✓ \d+ = \d+ — \*\*.+\*\* in (row|column) 「.+」$/);
      for (const f of findings) assert.ok(!md.includes(f.message.split('.')[0]));
      const extra = md.split('\n').length - first.split('\n').length;
      assert.ok(extra <= 12, `${extra} lines besides the failing identity`);
    });
  });

  it('says the same in Chinese', () => {
    const md = hover(open('002'), { line: 318, character: 0 }, 'zh-cn')!;
    assert.match(md, /「（七）总计」行「自然人」列：\*\*23\*\*/);
    assert.match(md, /\*\*合计\*\* \| \*\*20\*\*/);
    assert.match(md, /✗ 23 ≠ 20：相差 3/);
  });

  it('corpus 01 (2021, pdftotext -layout): the （七）总计 total cell adds up ✓, （六） in three rows', () => {
    const doc = open('01_');
    const md = hover(doc, cellStart(doc, 'results_total', 'total'), 'en')!;
    const rows = termRows(md, '（七）总计 = （一） + （二） + … + ');
    assert.equal(rows.length - 2, 21, 'the 2021 addends: （六）1–3 instead of one （六）');
    assert.ok(rows.some(([l, v]) => l.startsWith('（六）3.其他') && v === '110'));
    assert.match(md, /✓ 3050 = 3050/);
    assert.doesNotMatch(md, /differs/);
  });

  it('once an addend is corrected the total shows ✓', () => {
    const doc = open('002');
    const granted = applications(doc).rows.granted.cells.natural_person.range;
    doc.update([{ range: granted, text: '14' }]); // （一）予以公开 自然人 11 → 14: 23 = 20 + 3
    const md = hover(doc, { line: 318, character: 0 }, 'en')!;
    assert.match(md, /（一）予以公开 \| 14 \|/);
    assert.match(md, /✓ 23 = 23/);
  });

  it('a blank cell is shown as blank, not 0, and the identity is not called satisfied (seed 003, row 四 总计)', () => {
    const doc = open('003');
    const md = hover(doc, cellStart(doc, 'carried_forward', 'total'), 'en')!;
    assert.match(md, /row 「四、结转下年度继续办理」, column 「总计」: \*\*_blank_\*\*/);
    const balance = termRows(md, '一 + 二 = （七）总计 + 四');
    assert.deepEqual(balance.find(([l]) => l.startsWith('四、')), ['四、结转下年度继续办理', '_blank_']);
    assert.ok(balance.some(([l]) => l === '**Sum of the written cells**'));
    assert.doesNotMatch(md, /✓/);
    assert.match(md, /Not checked: 1 blank/);
    assert.match(md, /would be 0/);
  });

  it('an addend is named, with the totals it adds into, not the whole formula', () => {
    const doc = open('002');
    const md = hover(doc, cellStart(doc, 'granted', 'commercial'), 'en')!;
    assert.match(md, /row 「（一）予以公开」, column 「商业企业」: \*\*3\*\*/);
    assert.match(md, /Adds into: 总计 = 自然人 \+ 商业企业 \+ … \+ 其他 in row 「（一）予以公开」, （七）总计 = （一） \+ （二） \+ … \+ （六） in column 「商业企业」/);
    assert.doesNotMatch(md, /\| （五）1\./);
  });

  it('rows 一 and 四 show 一 + 二 = （七）总计 + 四 for their column', () => {
    const doc = open('002');
    for (const row of ['new', 'carried_forward']) {
      const md = hover(doc, cellStart(doc, row, 'commercial'), 'en')!;
      assert.match(md, /\*\*一 \+ 二 = （七）总计 \+ 四\*\* in column 「商业企业」/);
      assert.match(md, /✓ 5 = 5/);
    }
  });

  it('a row label: the template label and how it was matched', () => {
    const doc = open('002');
    const md = hover(doc, { line: 317, character: 2 }, 'en')!;
    assert.match(md, /Row \*\*（七）总计\*\*/);
    assert.match(md, /Written as 「\(七\)总计」: matched after normalizing/);
    const shortened = hover(open('01_'), { line: 128, character: 10 }, 'zh-cn')!;
    assert.match(shortened, /行 \*\*（二）部分公开（区分处理的，只计这一情形，不计其他情形）\*\*/);
    assert.match(shortened, /按开头匹配/);
  });

  it('a part heading: the canonical heading, the variant, the non-standard numbering', () => {
    assert.match(hover(open('002'), { line: 110, character: 3 }, 'en')!, /Part 三: \*\*三、收到和处理政府信息公开申请情况\*\*[\s\S]*exactly the template's wording/);
    const variant = hover(open('004'), { line: 93, character: 2 }, 'en')!;
    assert.match(variant, /Part 五: \*\*五、存在的主要问题及改进情况\*\*/);
    assert.match(variant, /「五、存在的问题及下一步打算」: a known variant/);
    assert.match(hover(open('001'), { line: 393, character: 0 }, 'zh-cn')!, /编号写作「5」，模板为「五、」/);
  });

  it('nothing to say on prose, outside the text, or in an empty document', () => {
    const doc = open('002');
    assert.equal(hover(doc, { line: 5, character: 3 }, 'en'), undefined);
    assert.equal(hover(doc, { line: 99999, character: 5 }, 'en'), undefined);
    assert.equal(hover(doc, { line: -1, character: -1 }, 'en'), undefined);
    assert.equal(hover(new ReportDocument(''), { line: 0, character: 0 }, 'en'), undefined);
  });
});

describe('hover on numbers quoted in the prose', () => {
  it('corpus 01: "受理政府信息公开申请 3119 件" shows the table cell it was compared with, ✓', () => {
    const doc = new ReportDocument(readSample('01'));
    const line = doc.getText().split('\n').findIndex(l => l.includes('全市共受理政府信息公开申请 3119 件'));
    const character = doc.line(line).indexOf('3119') + 1;
    const text = hover(doc, { line, character }, 'en')!;
    assert.match(text, /The text says \*\*3119\*\*/);
    assert.match(text, /\*\*3119\*\* ✓/);
    assert.match(text, /一、本年新收政府信息公开申请数量/);
  });
});
