// The structure rules (parts, tables, rows, labels, cell counts) on the real samples and on
// mutations of them: a deleted heading, a renumbered heading, a lost label, a lost cell.
import assert from 'node:assert/strict';
import { ReportDocument, RULES, applyEdits, check, fixAll, type Finding, type Fix } from '../../server/src/engine';
import { TEMPLATES } from '../../server/src/engine/templates';
import { readSample, sampleNames } from '../helpers';

const SEVERITY: Record<string, string> = {
  'missing-part': 'error', 'part-numbering': 'warning', 'part-order': 'warning', 'duplicate-part': 'warning',
  'part-heading': 'information', 'missing-table': 'error', 'missing-row': 'error', 'missing-row-label': 'warning',
  'row-label': 'information', 'cell-count': 'error',
};
const CODES = Object.keys(SEVERITY);

/** The findings of these rules; one of them throwing (reported as internal-error) fails the test. */
function mine(text: string, code?: string, locale: 'en' | 'zh-cn' = 'en'): Finding[] {
  const all = check(new ReportDocument(text), { locale });
  const crashed = all.filter(f => f.code === 'internal-error' && CODES.some(c => f.message.startsWith(`${c}:`)));
  assert.deepEqual(crashed.map(f => f.message), []);
  return all.filter(f => (code ? f.code === code : CODES.includes(f.code)));
}
const one = (text: string, code: string): Finding => {
  const found = mine(text, code);
  assert.equal(found.length, 1, `${code}: ${found.map(f => f.message).join(' | ')}`);
  return found[0];
};
/** The text with lines [from, to) (zero-based) removed or replaced. */
const spliceLines = (text: string, from: number, count: number, ...insert: string[]) => {
  const lines = text.split('\n');
  lines.splice(from, count, ...insert);
  return lines.join('\n');
};
const lineIndex = (text: string, line: string) => {
  const i = text.split('\n').indexOf(line);
  assert.ok(i >= 0, `no line ${JSON.stringify(line)}`);
  return i;
};
const model = (text: string) => new ReportDocument(text).model.reports[0];
const values = (text: string) => {
  const out: Record<string, (number | null)[]> = {};
  for (const t of Object.values(model(text).tables)) for (const r of Object.values(t!.rows)) out[`${t!.id}.${r.id}`] = Object.values(r.cells).map(c => c.value);
  return out;
};

/**
 * Applies a finding's fix and checks it settles: the finding is gone, nothing new of its
 * code appears, and the fix is not offered again, so a second pass changes nothing.
 */
function settle(text: string, f: Finding, fix: Fix = f.fixes[0]): string {
  assert.ok(fix, `${f.code}: no fix`);
  const before = mine(text, f.code);
  const fixed = applyEdits(text, fix.edits);
  const after = mine(fixed, f.code);
  assert.equal(after.length, before.length - 1, `${f.code} after the fix: ${after.map(x => x.message).join(' | ')}`);
  const near = (y: Fix) => y.title === fix.title && Math.abs(y.edits[0].range.start.line - fix.edits[0].range.start.line) <= 2;
  assert.ok(!after.some(x => x.fixes.some(near)), `${f.code}: fix offered again`);
  return fixed;
}

describe('structure rules: registry', () => {
  it('registers each rule once, with its default severity and a doc paragraph in both locales', () => {
    for (const code of CODES) {
      const rules = RULES.filter(r => r.code === code);
      assert.equal(rules.length, 1, code);
      assert.equal(rules[0].severity, SEVERITY[code], code);
      assert.ok(rules[0].doc.en.length > 100 && /[\u4e00-\u9fff]/.test(rules[0].doc['zh-cn']), code);
    }
  });
  it('lists them in the issue\'s order, before the arithmetic rules', () => {
    const at = (c: string) => RULES.findIndex(r => r.code === c);
    const order = CODES.map(at);
    assert.deepEqual(order, [...order].sort((a, b) => a - b));
    assert.ok(at('cell-count') < at('row-total'));
  });
});

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

  it('seed 001: 5、 is renumbered 五、; the stray 五 after 六 is a duplicate, not a part-order storm', () => {
    const text = readSample('001');
    const num = one(text, 'part-numbering');
    assert.equal(num.range.start.line, lineIndex(text, '5、 存在的主要问题及改进情况'));
    assert.match(num.message, /「5、」.*「五、」/);
    assert.equal(num.fixes[0].preferred, true);
    const dup = one(text, 'duplicate-part');
    assert.equal(dup.range.start.line, text.split('\n').lastIndexOf('五、存在的主要问题及改进情况'));
    assert.equal(dup.fixes.length, 0);
    assert.equal(dup.related?.[0].range.start.line, num.range.start.line);
    assert.deepEqual(mine(text, 'part-order'), []);
    assert.deepEqual(mine(text, 'missing-part'), []);
    const fixed = settle(text, num);
    assert.equal(fixed.split('\n')[num.range.start.line], '五、存在的主要问题及改进情况');
    assert.equal(mine(fixed, 'duplicate-part').length, 1, 'the stray heading is still the second one');
  });

  it('seed 000: the numbers of 1.属于国家秘密 without their label; the trailing empty cell is not a cell-count error', () => {
    const text = readSample('000');
    const f = one(text, 'missing-row-label');
    assert.match(f.message, /「（三）不予公开·1\.属于国家秘密」/);
    assert.ok(f.cells?.every(c => c.row === 'refused.state_secret') && f.cells.length === 7);
    assert.deepEqual(mine(text, 'cell-count'), []);
    assert.deepEqual(mine(text).map(x => x.code).sort(), ['missing-row-label', 'part-heading']);
  });

  it('seed 000: the lost label is written back as a tab cell before the numbers, and the numbers stay put', () => {
    const text = readSample('000');
    const f = one(text, 'missing-row-label');
    assert.equal(f.fixes[0].preferred, true, 'both neighbours are labelled');
    assert.equal(f.fixes[0].edits[0].newText, '\t1.属于国家秘密\n');
    const fixed = settle(text, f);
    const row = model(fixed).tables.applications!.rows['refused.state_secret'];
    assert.equal(row.label?.how, 'exact');
    assert.deepEqual(values(fixed), values(text));
  });

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

  for (const name of ['01_', '12_', '002', '003']) {
    it(`${name.replace(/_$/, '')}: none of the structure codes (PDF line breaks and elaborated headings are not noted)`, () => {
      assert.deepEqual(mine(readSample(name)).map(f => `${f.code}: ${f.message}`), []);
    });
  }

  it('corpus 01 does read some labels only as prefixes: the silence is a decision, not a blind spot', () => {
    const t = model(readSample('01_')).tables.applications!;
    assert.equal(t.encoding, 'layout');
    assert.equal(t.rows.partly_granted.label?.how, 'prefix');
  });

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

describe('structure rules on mutations of seed 002', () => {
  const text = readSample('002');
  /** The text with a blank line put before line `at` (an inserted heading is not glued to the text above). */
  const blankBefore = (s: string, at: number) => { const l = s.split('\n'); l.splice(at, 0, ''); return l.join('\n'); };

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

  it('deleting table 三 but keeping its heading: missing-table on part 三, whose fix inserts a blank table', () => {
    const from = lineIndex(text, '三、收到和处理政府信息公开申请情况') + 1;
    const to = lineIndex(text, '四、政府信息公开行政复议、行政诉讼情况');
    const mutated = spliceLines(text, from, to - from);
    const f = one(mutated, 'missing-table');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /table 三 \(applications\) in part 三/);
    assert.equal(f.fixes[0].preferred, false);
    const fixed = settle(mutated, f);
    const t = model(fixed).tables.applications!;
    assert.equal(t.encoding, 'pipe-cells', 'the encoding of the report\'s other tables');
    assert.ok(Object.values(t.rows).every(r => Object.values(r.cells).every(c => c.value === 0)));
    assert.deepEqual(mine(fixed), []);
  });

  it('二、 written 5、: part-numbering, renumbered back to 二、; no missing or duplicate part', () => {
    const at = lineIndex(text, '二、主动公开政府信息情况');
    const mutated = spliceLines(text, at, 1, '5、主动公开政府信息情况');
    const f = one(mutated, 'part-numbering');
    assert.match(f.message, /part 二 .*「5、」.*「二、」/);
    assert.deepEqual(mine(mutated).map(x => x.code), ['part-numbering']);
    assert.equal(settle(mutated, f), text);
  });

  it('二、 numbered 三、: part-numbering (by its wording it is part 二), no duplicate of part 三', () => {
    const at = lineIndex(text, '二、主动公开政府信息情况');
    const mutated = spliceLines(text, at, 1, '三、主动公开政府信息情况');
    const f = one(mutated, 'part-numbering');
    assert.deepEqual(mine(mutated).map(x => x.code), ['part-numbering']);
    assert.equal(settle(mutated, f), text);
  });

  it('part 四 moved before part 三: one part-order warning, not one per part', () => {
    const l3 = lineIndex(text, '三、收到和处理政府信息公开申请情况');
    const l4 = lineIndex(text, '四、政府信息公开行政复议、行政诉讼情况');
    const l5 = lineIndex(text, '五、政府信息公开工作存在的主要问题及改进情况');
    const lines = text.split('\n');
    const moved = [...lines.slice(0, l3), ...lines.slice(l4, l5), ...lines.slice(l3, l4), ...lines.slice(l5)].join('\n');
    const found = mine(moved, 'part-order');
    assert.equal(found.length, 1, found.map(f => f.message).join(' | '));
    assert.match(found[0].message, /part (三|四)/);
    assert.deepEqual(mine(moved, 'missing-part'), []);
  });

  it('a heading with a slip of wording: part-heading, restored to the template\'s wording', () => {
    const at = lineIndex(text, '三、收到和处理政府信息公开申请情况');
    const mutated = spliceLines(text, at, 1, '三、收到和处理政府信息公开申请的情况');
    const f = one(mutated, 'part-heading');
    assert.match(f.message, /Check for a slip of wording/);
    assert.equal(settle(mutated, f), text);
  });

  it('a lost label in pipe cells: missing-row-label, and the fix restores the text exactly', () => {
    const at = lineIndex(text, '1.属于国家秘密 |');
    const mutated = spliceLines(text, at, 1);
    const f = one(mutated, 'missing-row-label');
    assert.equal(f.fixes[0].edits[0].newText, '1.属于国家秘密 |\n');
    assert.equal(settle(mutated, f), text);
  });

  it('a row deleted (label and numbers): missing-row names it and where it belongs', () => {
    const at = lineIndex(text, '7.属于行政执法案卷 |');
    const f = one(spliceLines(text, at, 8), 'missing-row');
    assert.match(f.message, /「（三）不予公开·7\.属于行政执法案卷」 is missing\. It belongs after 「（三）不予公开·6\.属于四类过程性信息」/);
    assert.equal(f.fixes.length, 0);
  });

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

  it('a lost cell in tab cells (seed 000): cell-count names the columns without a cell', () => {
    const text = readSample('000');
    const at = lineIndex(text, '\t一、本年新收政府信息公开申请数量');
    const f = one(spliceLines(text, at + 1, 1), 'cell-count');
    assert.match(f.message, /「一、本年新收政府信息公开申请数量」 has only 6 of its 7 cells; no cell was found for 「总计」/);
  });

  it('an extra cell that holds a number (seed 004, tab-separated) is a cell-count error naming it', () => {
    const text = readSample('004');
    const at = text.split('\n').findIndex(l => l.includes('1.属于国家秘密'));
    const mutated = spliceLines(text, at, 1, `${text.split('\n')[at]}\t5`);
    const f = one(mutated, 'cell-count');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /「（三）不予公开·1\.属于国家秘密」 has 8 cells, but the template has 7 columns; 「5」/);
  });

  it('a lost cell in table 四 (seed 004, tab-separated): cell-count on the data row, naming the last column', () => {
    const text = readSample('004');
    const lines = text.split('\n');
    const at = lines.findIndex(l => /^0(\t0){14}$/.test(l));
    const f = one(spliceLines(text, at, 1, lines[at].slice(2)), 'cell-count');
    assert.match(f.message, /In table 四 \(review and litigation\), the data row has only 14 of its 15 cells; no cell was found for 「复议后起诉·总计」/);
  });

  it('a lost label in a row-per-line table (seed 004, tab-separated): reported, but no fix rather than a guess', () => {
    const text = readSample('004');
    const at = text.split('\n').findIndex(l => l.includes('1.属于国家秘密'));
    const mutated = spliceLines(text, at, 1, text.split('\n')[at].replace('1.属于国家秘密', ''));
    const found = mine(mutated, 'missing-row-label');
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].fixes, []);
  });

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
