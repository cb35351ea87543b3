// Helpers shared by the rule tests (test/engine/rules/<code>.test.ts).
import assert from 'node:assert/strict';
import { ReportDocument, applyEdits, check, fixAll, type Edit, type Finding, type Fix } from '../../../server/src/engine';
import { readCell } from '../../../server/src/engine/text/number';
import { readSample } from '../../helpers';

// The cell rules (blank-cell, not-a-number, negative-count, unit, template-generation).
export const readCellValue = (s: string) => { const r = readCell(s); return r.kind === 'number' ? r.value : null; };

export const CELL_CODES = ['blank-cell', 'not-a-number', 'negative-count', 'unit', 'template-generation'];

/** The text after one fix-all. */
export function fixAllText(text: string): string {
  return applyEdits(text, fixAllEdits(text));
}
export function fixAllEdits(text: string): readonly Edit[] {
  const doc = new ReportDocument(text);
  return fixAll(doc, check(doc, { locale: 'en' })).edits;
}
/** Fix-all's edits on these lines (other rules may fix other things elsewhere). */
export const fixAllOn = (text: string, lines: number[]) => fixAllEdits(text).filter(e => lines.includes(e.range.start.line));

// template-generation: the tables a finding names.
export const tablesOf = (f: { message: string }) => [...f.message.matchAll(/^table (\S+)/g)].map(m => m[1]);

// text-table, report-date, cross-year.
/** Replaces the one occurrence of `from` (asserting there is exactly one). */
export function replaceOnce(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `exactly one ${JSON.stringify(from)}`);
  return text.replace(from, to);
}
export const textAt = (doc: ReportDocument, f: Finding) => doc.getTextIn(f.range);

// The structure rules (parts, tables, rows, labels, cell counts).
export const SEVERITY: Record<string, string> = {
  'missing-part': 'error', 'part-numbering': 'warning', 'part-order': 'warning', 'duplicate-part': 'warning',
  'part-heading': 'information', 'missing-table': 'error', 'missing-row': 'error', 'missing-row-label': 'warning',
  'row-label': 'information', 'cell-count': 'error',
};
export const STRUCTURE_CODES = Object.keys(SEVERITY);

/** The findings of these rules; one of them throwing (reported as internal-error) fails the test. */
export function mine(text: string, code?: string, locale: 'en' | 'zh-cn' = 'en'): Finding[] {
  const all = check(new ReportDocument(text), { locale });
  const crashed = all.filter(f => f.code === 'internal-error' && STRUCTURE_CODES.some(c => f.message.startsWith(`${c}:`)));
  assert.deepEqual(crashed.map(f => f.message), []);
  return all.filter(f => (code ? f.code === code : STRUCTURE_CODES.includes(f.code)));
}
export const one = (text: string, code: string): Finding => {
  const found = mine(text, code);
  assert.equal(found.length, 1, `${code}: ${found.map(f => f.message).join(' | ')}`);
  return found[0];
};
/** The text with lines [from, to) (zero-based) removed or replaced. */
export const spliceLines = (text: string, from: number, count: number, ...insert: string[]) => {
  const lines = text.split('\n');
  lines.splice(from, count, ...insert);
  return lines.join('\n');
};
export const lineIndex = (text: string, line: string) => {
  const i = text.split('\n').indexOf(line);
  assert.ok(i >= 0, `no line ${JSON.stringify(line)}`);
  return i;
};
export const model = (text: string) => new ReportDocument(text).model.reports[0];
export const values = (text: string) => {
  const out: Record<string, (number | null)[]> = {};
  for (const t of Object.values(model(text).tables)) for (const r of Object.values(t!.rows)) out[`${t!.id}.${r.id}`] = Object.values(r.cells).map(c => c.value);
  return out;
};

/**
 * Applies a finding's fix and checks it settles: the finding is gone, nothing new of its
 * code appears, and the fix is not offered again, so a second pass changes nothing.
 */
export function settle(text: string, f: Finding, fix: Fix = f.fixes[0]): string {
  assert.ok(fix, `${f.code}: no fix`);
  const before = mine(text, f.code);
  const fixed = applyEdits(text, fix.edits);
  const after = mine(fixed, f.code);
  assert.equal(after.length, before.length - 1, `${f.code} after the fix: ${after.map(x => x.message).join(' | ')}`);
  const near = (y: Fix) => y.title === fix.title && Math.abs(y.edits[0].range.start.line - fix.edits[0].range.start.line) <= 2;
  assert.ok(!after.some(x => x.fixes.some(near)), `${f.code}: fix offered again`);
  return fixed;
}

// The identity rules: a row read with doubt.
/** Seed 002 with the line of row 一's first cell (自然人 20) deleted: its cells slide left. */
export function droppedCell(): string {
  const lines = readSample('002').split('\n');
  const at = lines.findIndex(l => l.startsWith('一、本年新收政府信息公开申请数量'));
  assert.equal(lines[at + 1], '20 |');
  lines.splice(at + 1, 1);
  return lines.join('\n');
}

// The identity rules: suspect addends.
export const resultsTotal = (text: string, locale: 'en' | 'zh-cn' = 'en') =>
  check(new ReportDocument(text), { locale }).filter(f => f.code === 'results-total');

// The structure rules: where an inserted heading goes.
/** The text with a blank line put before line `at` (an inserted heading is not glued to the text above). */
export const blankBefore = (s: string, at: number) => { const l = s.split('\n'); l.splice(at, 0, ''); return l.join('\n'); };
