// The missing-part rule (server/src/engine/rules/missing-part.ts) on the real samples and mutations of them.
import assert from 'node:assert/strict';
import { ReportDocument } from '../../../server/src/engine';
import { readSample, sampleNames } from '../../helpers';
import { mine, one, spliceLines, lineIndex, model, values, settle, blankBefore } from './helpers';

describe('structure rules on the samples', () => {
  it('seed 004: part 六 is missing; the variant 五 heading gets a note; the elaborated 一 heading does not', () => {
    const text = readSample('004');
    const missing = one(text, 'missing-part');
    assert.match(missing.message, /part 六 「其他需要报告的事项」/);
    const heading = one(text, 'part-heading');
    assert.equal(heading.severity, 'information');
    assert.equal(heading.range.start.line, lineIndex(text, '五、存在的问题及下一步打算'));
    assert.match(heading.message, /存在的问题及下一步打算.*存在的主要问题及改进情况/);
    assert.deepEqual(mine(text).map(f => f.code).sort(), ['missing-part', 'part-heading']);
  });

  it('seed 004: inserting part 六 (not unattended) puts the canonical heading last, and settles', () => {
    const text = readSample('004');
    const f = one(text, 'missing-part');
    assert.equal(f.fixes.length, 1);
    assert.equal(f.fixes[0].preferred, false);
    const fixed = settle(text, f);
    const r = model(fixed);
    assert.deepEqual(r.parts.map(p => p.number), [1, 2, 3, 4, 5, 6]);
    assert.equal(r.parts[5].text, '六、其他需要报告的事项');
    assert.ok(r.parts[5].range.start.line > r.parts[4].bodyRange.start.line + 2, 'after part 五\'s text');
    assert.deepEqual(values(fixed), values(text));
  });

  it('seed 004: part 六 goes at the end: the finding marks the last character of the text, the fix leaves a blank line before the heading', () => {
    const text = readSample('004');
    const lines = text.split('\n');
    const last = lines.map(l => l.trim() !== '').lastIndexOf(true);
    const f = one(text, 'missing-part');
    assert.equal(f.range.start.line, last);
    assert.equal(f.range.end.line, last);
    assert.equal(f.range.end.character, lines[last].trimEnd().length);
    assert.equal(f.range.end.character - f.range.start.character, 1, 'one character, not the whole paragraph');
    const fixed = settle(text, f).split('\n');
    const at = fixed.indexOf('六、其他需要报告的事项');
    assert.deepEqual([fixed[at - 2], fixed[at - 1]], [lines[last], ''], 'the paragraph, a blank line, the heading');
  });

  it('a heading inserted before the next part is separated from the text above by one blank line, never two', () => {
    const text = readSample('002');
    const lines = text.split('\n');
    const heading = '四、政府信息公开行政复议、行政诉讼情况';
    const four = lineIndex(text, heading);
    // Part 四's heading goes (its table stays), with or without a blank line in its place:
    // the fix puts it back before the table.
    for (const gap of [false, true]) {
      const mutated = [...lines.slice(0, four), ...(gap ? [''] : []), ...lines.slice(four + 1)].join('\n');
      const fixed = settle(mutated, one(mutated, 'missing-part')).split('\n');
      const at = fixed.indexOf(heading);
      assert.equal(fixed[at - 1], '', `gap ${gap}: a blank line above`);
      assert.equal(fixed[at - 2], lines[four - 1], `gap ${gap}: only one`);
      assert.equal(fixed[at + 1], lines[four + 1], `gap ${gap}: the table follows`);
    }
  });
});

describe('structure rules on mutations of seed 002', () => {
  const text = readSample('002');

  it('deleting part 三\'s heading: missing-part 三, whose fix puts the heading back before its table', () => {
    const at = lineIndex(text, '三、收到和处理政府信息公开申请情况');
    const mutated = spliceLines(text, at, 1);
    const f = one(mutated, 'missing-part');
    assert.match(f.message, /part 三 「收到和处理政府信息公开申请情况」.*table 三 \(applications\) is there/);
    assert.deepEqual(f.fixes[0].edits[0].range.start, { line: at, character: 0 });
    const fixed = settle(mutated, f);
    assert.equal(fixed, blankBefore(text, at), 'the heading goes back where it was, after a blank line');
    assert.deepEqual(mine(fixed, 'missing-part'), []);
  });

  it('in a Markdown copy (## headings), the inserted heading carries the same marks', () => {
    const headings = new Set(model(text).parts.map(p => p.range.start.line));
    const marked = text.split('\n').map((l, i) => (headings.has(i) ? `## ${l}` : l)).join('\n');
    const at = lineIndex(marked, '## 三、收到和处理政府信息公开申请情况');
    const mutated = spliceLines(marked, at, 1);
    assert.equal(settle(mutated, one(mutated, 'missing-part')), blankBefore(marked, at));
  });

  it('deleting part 六\'s heading: the heading goes in before the signature, not after it', () => {
    const at = lineIndex(text, '六、其他需要报告的事项');
    const mutated = spliceLines(text, at, 1);
    const f = one(mutated, 'missing-part');
    const fixed = settle(mutated, f);
    const lines = fixed.split('\n');
    const six = lines.indexOf('六、其他需要报告的事项');
    assert.equal(lines[six + 1], '漳平市人民政府');
    assert.equal(model(fixed).dates.signature?.text, '2021年1月29日');
  });

  it('deleting part 三 whole (heading and table): one missing-part; no missing-table or missing-row storm', () => {
    const from = lineIndex(text, '三、收到和处理政府信息公开申请情况');
    const to = lineIndex(text, '四、政府信息公开行政复议、行政诉讼情况');
    const mutated = spliceLines(text, from, to - from);
    const f = one(mutated, 'missing-part');
    assert.match(f.message, /table 三 \(applications\) is missing too/);
    assert.deepEqual(mine(mutated).map(x => x.code), ['missing-part']);
    const fixed = settle(mutated, f);
    assert.deepEqual(fixed.split('\n').slice(from, from + 2), ['', '三、收到和处理政府信息公开申请情况'], 'before part 四, after a blank line');
  });
});

describe('structure rules: a whole part deleted, in every sample\'s encoding', () => {
  for (const name of sampleNames()) {
    for (const n of [2, 3, 4]) {
      it(`${name}: part ${n} deleted → missing-part, fixed with its heading and a blank table that reads back complete`, () => {
        const text = readSample(name);
        const parts = model(text).parts;
        const from = parts.find(p => p.number === n)!.range.start.line;
        const to = parts.find(p => p.number === n + 1)!.range.start.line;
        const mutated = spliceLines(text, from, to - from);
        const before = mine(mutated).filter(f => f.code !== 'missing-part').map(f => f.code);
        const f = mine(mutated, 'missing-part').find(x => x.message.includes(`part ${'一二三四五六'[n - 1]} `))!;
        assert.match(f.fixes[0].title, /and a blank table/);
        const fixed = settle(mutated, f);
        const r = model(fixed);
        assert.deepEqual(r.parts.map(p => p.number).filter(x => x <= 4), [1, 2, 3, 4]);
        const id = (['proactive', 'applications', 'review_litigation'] as const)[n - 2];
        const t = r.tables[id]!;
        assert.ok(Object.values(t.rows).every(row => Object.values(row.cells).every(c => c.value === 0)), 'zeros everywhere');
        assert.deepEqual(mine(fixed).filter(x => x.code !== 'missing-part').map(x => x.code), before, 'nothing new');
      });
    }
  }
});

describe('structure rules on other mutations', () => {

  it('a compilation of two copies of seed 004: each report misses its 六, and each fix inserts into its own report', () => {
    const single = readSample('004');
    const text = `${single}\n${single}`;
    assert.equal(new ReportDocument(text).model.reports.length, 2);
    const found = mine(text, 'missing-part');
    assert.equal(found.length, 2);
    const second = found[1];
    assert.ok(second.range.start.line > single.split('\n').length);
    const fixed = settle(text, second);
    const reports = new ReportDocument(fixed).model.reports;
    assert.deepEqual(reports.map(r => r.parts.length), [5, 6]);
    const first = settle(fixed, mine(fixed, 'missing-part')[0]);
    assert.deepEqual(new ReportDocument(first).model.reports.map(r => r.parts.length), [6, 6]);
  });
});
