// Incremental ≡ full: after every edit of a random edit sequence on the seeds, the
// incrementally updated model deep-equals a fresh parse of the same text, and the
// findings of a check on it (whose caches keep reports and tables across edits), fixes
// included, equal a fresh check's.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ReportDocument, check, type Range } from '../../server/src/engine';
import { readSample, sampleNames } from '../helpers';

const RUNS = Number(process.env.INCREMENTAL_RUNS ?? 60);
const STEPS = 25;

/** Applies an LSP edit to a plain string: the reference the document must agree with. */
function applyToString(text: string, range: Range, insert: string): string {
  const lines = text.split(/(?<=\r\n|\r(?!\n)|\n)/);
  const offset = (p: Range['start']) => lines.slice(0, p.line).reduce((n, l) => n + l.length, 0) + p.character;
  return text.slice(0, offset(range.start)) + insert + text.slice(offset(range.end));
}

const snippets = ['0', '7', '12', '\n', '\t', ' |', '\n\n', '四、政府信息公开行政复议、行政诉讼情况\n', '一、总体情况\n', '（七）总计', '五、', '\t0\n', '第二十条第（一）项', '', '2024年'];

/** A random edit of `text`, clamped to it. */
function editOf(text: string) {
  const lineCount = text.split('\n').length;
  return fc.record({
    line: fc.nat({ max: lineCount + 3 }),
    character: fc.nat({ max: 40 }),
    span: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 200 })),
    lines: fc.oneof(fc.constant(0), fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 60 })),
    text: fc.oneof(fc.constantFrom(...snippets), fc.string({ maxLength: 4 })),
  });
}
type RandomEdit = { line: number; character: number; span: number; lines: number; text: string };
function rangeIn(reference: string, e: RandomEdit): Range {
  const lines = reference.split('\n');
  const sl = Math.min(e.line, lines.length - 1);
  const sc = Math.min(e.character, lines[sl].length);
  const el = Math.min(sl + e.lines, lines.length - 1);
  const ec = el === sl ? Math.min(sc + e.span, lines[el].length) : Math.min(e.span, lines[el].length);
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}
const findingsOf = (doc: ReportDocument) => JSON.stringify(check(doc, { locale: 'en' }));
const seed = () => (process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined);

/**
 * Applies `edits` one by one to a document made from `original` (checked first when `checked`,
 * so its caches are warm) and to a plain string; `after` compares them after each edit.
 */
function replay(original: string, edits: readonly RandomEdit[], after: (doc: ReportDocument, reference: string) => void, checked = true) {
  const doc = new ReportDocument(original);
  if (checked) findingsOf(doc);
  let reference = original;
  for (const e of edits) {
    const range = rangeIn(reference, e);
    doc.update([{ range, text: e.text }]);
    reference = applyToString(reference, range, e.text);
    after(doc, reference);
  }
}

describe('incremental parse equals full parse', function () {
  this.timeout(600000);
  for (const name of sampleNames().slice(0, 5)) {
    it(`${name}: ${RUNS} sequences of ${STEPS} random edits`, () => {
      const original = readSample(name).replace(/\r\n?/g, '\n');
      fc.assert(fc.property(fc.array(editOf(original), { minLength: 1, maxLength: STEPS }), edits => replay(original, edits, (doc, reference) => {
        assert.equal(doc.getText(), reference);
        assert.deepEqual(doc.model, new ReportDocument(reference).model);
      }, false)), { numRuns: RUNS, seed: seed() });
    });
  }

  // Edits that move the lines of the reports after them (Enter, Backspace joining lines, a
  // pasted heading or row, a deleted row): the later reports' findings are moved, not found
  // again, except those whose messages name line numbers (seed 001's duplicate part 五).
  it('samples 000 + 001 + 002: line-moving edits in the first report move the later reports and findings as a fresh parse and check find them', () => {
    const original = ['000', '001', '002'].map(readSample).join('\n\n').replace(/\r\n?/g, '\n');
    const firstEnd = new ReportDocument(original).model.reports[0].range.end.line;
    const lineMoving = fc.record({
      line: fc.nat({ max: firstEnd - 4 }),
      character: fc.nat({ max: 40 }),
      span: fc.constant(0),
      lines: fc.oneof(fc.constant(0), fc.constant(1), fc.nat({ max: 3 })),
      text: fc.constantFrom('\n', '\n\n', '', '五、存在的主要问题及改进情况\n', '一、总体情况\n', '\t0\t0\n', '（七）总计\t1\n'),
    });
    fc.assert(fc.property(fc.array(lineMoving, { minLength: 1, maxLength: 8 }), edits => replay(original, edits, (doc, reference) => {
      const fresh = new ReportDocument(reference);
      // The later reports were moved (assemble.ts), not built again: the same as built afresh.
      assert.deepEqual(doc.model, fresh.model);
      const found = findingsOf(doc);
      assert.match(found, /duplicate-part/);
      assert.equal(found, findingsOf(fresh));
    })), { numRuns: Math.max(5, Math.floor(RUNS / 3)), seed: seed() });
  });

  // Found by the property below (seed -821009158): a heading pasted into the second report
  // makes a duplicate part, then a line deleted in the first moves the second. Its findings
  // found again (duplicate-part) were merged against the moved ones' old lines.
  it('samples 000 + 002: a duplicate part made in the second report, then a line deleted in the first: the findings in a fresh check\'s order', () => {
    const original = (readSample('000') + '\n\n' + readSample('002')).replace(/\r\n?/g, '\n');
    replay(original, [
      { line: 823, character: 2, span: 0, lines: 0, text: '四、政府信息公开行政复议、行政诉讼情况\n' },
      { line: 0, character: 0, span: 0, lines: 1, text: '' },
    ], (doc, reference) => assert.equal(findingsOf(doc), findingsOf(new ReportDocument(reference))));
  });

  // Two reports in one document, so an edit in one leaves the other's findings cached.
  for (const [a, b] of [['000', '002'], ['004', '01']]) {
    it(`samples ${a} + ${b} in one document: after each edit, a check equals a fresh check (fixes included)`, () => {
      const original = (readSample(a) + '\n\n' + readSample(b)).replace(/\r\n?/g, '\n');
      fc.assert(fc.property(fc.array(editOf(original), { minLength: 1, maxLength: 8 }), edits => replay(original, edits,
        (doc, reference) => assert.equal(findingsOf(doc), findingsOf(new ReportDocument(reference))))),
      { numRuns: Math.max(5, Math.floor(RUNS / 3)), seed: seed() });
    });
  }
});
