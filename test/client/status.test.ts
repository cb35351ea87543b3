// The language status item's wording (client/src/status-view.ts), on the statuses the
// server sends for the real samples: counts in proper English singular and plural and in
// Chinese, arithmetic findings not all called "balance", short lines, and a screen-reader
// label without codicon syntax.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ReportDocument, check } from '../../server/src/engine';
import { statusOf, summaryOf } from '../../server/src/lsp/status';
import type { StatusParams } from '../../server/src/lsp/protocol';
import { statusView, type L10n } from '../../client/src/status-view';
import { ROOT, readSample, sampleNames } from '../helpers';

const fill = (s: string, args: (string | number)[]) => s.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));
const EN: L10n = { t: (m, ...args) => fill(m, args) };
const BUNDLE: Record<string, string> = JSON.parse(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'));
const ZH: L10n = { t: (m, ...args) => fill(BUNDLE[m] ?? m, args) };

const statusOfText = (text: string) => {
  const doc = new ReportDocument(text);
  return statusOf('file:///r.txt', doc, check(doc, { locale: 'en' }));
};
const one = (r: Partial<StatusParams['reports'][number]>): StatusParams =>
  ({ uri: 'file:///r.txt', reports: [{ template: '2019', year: 2020, balanceErrors: 0, errors: 0, warnings: 0, ...r }] });
/** The widest line the status pop-up shows: the text beside its detail. */
const width = (v: ReturnType<typeof statusView>) => `${v.text}  ${v.detail ?? ''}`.length;

describe('client: status item wording', () => {
  it('seed 002 (two results-total errors): "2 sums do not add up", not "balance errors"; counts in words', () => {
    const status = statusOfText(readSample('002'));
    assert.equal(status.reports[0].balanceErrors, 2);
    const v = statusView(status, EN);
    assert.equal(v.text, '2019 template · year 2020 · $(error) 2 sums do not add up');
    assert.doesNotMatch(`${v.text} ${v.detail}`, /balance/);
    assert.match(v.detail!, /^\d+ errors?, \d+ warnings?$/);
    assert.equal(v.severity, 'error');
  });

  it('one is singular, other counts plural, in English; Chinese says 个 and 处', () => {
    const single = statusView(one({ balanceErrors: 1, errors: 1, warnings: 1 }), EN);
    assert.equal(single.text, '2019 template · year 2020 · $(error) 1 sum does not add up');
    assert.equal(single.detail, '1 error, 1 warning');
    assert.equal(statusView(one({ errors: 0, warnings: 2 }), EN).detail, '0 errors, 2 warnings');
    const zh = statusView(one({ balanceErrors: 1, errors: 3, warnings: 1 }), ZH);
    assert.equal(zh.text, '2019 版模板 · 2020 年度 · $(error) 1 处勾稽关系不符');
    assert.equal(zh.detail, '3 个错误，1 个警告');
    assert.doesNotMatch(`${zh.text}${zh.detail}`.replace('$(error)', ''), /[a-z]{3,}/i, 'no English left in Chinese');
  });

  for (const name of sampleNames()) {
    it(`${name}: the accessibility label has no $(codicon) and says the same in words; no line runs long`, () => {
      for (const l10n of [EN, ZH]) {
        const v = statusView(statusOfText(readSample(name)), l10n);
        assert.doesNotMatch(v.accessibility, /\$\(/);
        assert.ok(v.accessibility.includes(v.detail!), v.accessibility);
        assert.ok(width(v) <= 80, `${width(v)}: ${v.text}  ${v.detail}`);
      }
      assert.doesNotMatch(`${statusView(statusOfText(readSample(name)), EN).detail}`, /\b1 (errors|warnings)\b/);
    });
  }

  it('a compilation of several reports stays one short line: their number, not each one', () => {
    const text = sampleNames().slice(0, 5).map(readSample).join('\n\n');
    const status = statusOfText(text);
    assert.ok(status.reports.length >= 3, String(status.reports.length));
    const v = statusView(status, EN);
    assert.match(v.text, new RegExp(`^${status.reports.length} reports · `));
    assert.ok(width(v) <= 80, v.text);
  });

  it('the check summary counts in proper singular and plural too', () => {
    const doc = new ReportDocument(readSample('004'));
    const findings = check(doc, { locale: 'en' });
    assert.equal(findings.filter(f => f.severity === 'error').length, 1, 'seed 004: one error (part 六 missing)');
    const md = summaryOf(doc, findings, 'en').markdown;
    assert.match(md, /^1 error, \d+ warnings?, \d+ other notes?$/m);
    assert.doesNotMatch(md, /\b1 (errors|warnings|other notes)\b/);
    assert.match(summaryOf(doc, check(doc, { locale: 'zh-cn' }), 'zh-cn').markdown, /^错误 1 个，警告 \d+ 个，其他提示 \d+ 个$/m);
  });

  it('before the first check and without a report: busy, then a warning', () => {
    assert.deepEqual([statusView(undefined, EN).busy, statusView(undefined, ZH).text], [true, '正在检查…']);
    assert.deepEqual([statusView({ uri: 'x', reports: [] }, EN).text, statusView({ uri: 'x', reports: [] }, EN).severity], ['No report found', 'warning']);
  });
});
