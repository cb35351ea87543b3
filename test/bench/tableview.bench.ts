// What the table view costs per keystroke: `node esbuild.mjs && node dist/test/bench/tableview.bench.js`.
// For each keystroke (a digit typed into a table cell, a character typed in the prose):
// the server's answer (check + tableViewOf) against the check alone, and what goes to the
// webview (patch.ts) against a full render's payload. Prints numbers; asserts nothing.
import { ReportDocument, check, type Finding } from '../../server/src/engine';
import { tableViewOf } from '../../server/src/lsp/tableview';
import { forWebview, updateFor } from '../../client/src/tableview/patch';
import { readSample, sampleByPrefix } from '../helpers';
import { interleaved, median, ms, ratio } from './stats';

const SEEDS = ['000', '002', '003', '01', '11'];
console.log('| seed | keystroke | check | check + table view | ratio | sent cells | sent bytes | full render bytes |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
for (const seed of SEEDS) {
  const text = readSample(seed);
  const doc = new ReportDocument(text);
  const findings = (): Finding[] => check(doc, { locale: 'zh-cn' });
  const base = tableViewOf('u', doc, findings(), 'zh-cn');
  const fullBytes = JSON.stringify({ type: 'full', data: forWebview(base) }).length;
  const cell = Object.values(base.cells).find(c => c.state === 'number' && c.range)!;
  const prose = text.split('\n').findIndex(l => l.includes('。'));
  for (const [what, range, insert] of [
    ['digit in a cell', { start: cell.range!.end, end: cell.range!.end }, '1'],
    ['char in the prose', { start: { line: prose, character: 0 }, end: { line: prose, character: 0 } }, '另'],
  ] as const) {
    const before = tableViewOf('u', doc, findings(), 'zh-cn');
    doc.update([{ range, text: insert }]);
    const s = interleaved({
      check: () => findings(),
      view: () => tableViewOf('u', doc, findings(), 'zh-cn'),
    }, 30, 3);
    const update = updateFor(before, tableViewOf('u', doc, findings(), 'zh-cn'));
    const cells = !update ? 0 : update.type === 'full' ? Object.keys(update.data.cells).length : Object.keys(update.cells).length;
    console.log(`| ${sampleByPrefix(seed)} | ${what} | ${ms(median(s.check))} | ${ms(median(s.view))} | ${ratio(median(s.view), median(s.check))} | ${cells} | ${update ? JSON.stringify(update).length : 0} | ${fullBytes} |`);
    const end = { line: range.start.line, character: range.start.character + insert.length };
    doc.update([{ range: { start: range.start, end }, text: '' }]);
  }
}
