// docs/rules.md is generated from the rule registry (scripts/gen-rule-docs.mjs). It must
// document every registered rule with the registry's text, and its examples must still be
// what the engine says: each example's sample (and recorded change) is checked again here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ReportDocument, RULES, check, type Finding, type Locale } from '../../server/src/engine';
import { ROOT, SAMPLES, readSample, sampleNames } from '../helpers';

const REGENERATE = 'out of date: run node scripts/gen-rule-docs.mjs';
const DOC = readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8');

/** The generator's Markdown escaping of prose. */
const md = (s: string) => s.replace(/[\\`*_<>[\]~|]/g, c => '\\' + c);

/** `## code` sections, in order. */
function sections(): Map<string, string> {
  const out = new Map<string, string>();
  const parts = DOC.split(/^## /m).slice(1);
  for (const p of parts) out.set(p.slice(0, p.indexOf('\n')).trim(), p);
  return out;
}

/** Where an example comes from: a sample, and the change made to it (insert items are new lines or [from, to) ranges of the sample's lines). */
interface Provenance { code: string; sample: string; splice: { start: number; deleteCount: number; insert: (string | [number, number])[] } | null }

/** The other samples, as the generator has them at hand (cross-year compares with last year's). */
const peerDocs = new Map(sampleNames().map(n => [n, new ReportDocument(readSample(n))]));
const peersOf = (sample: string) => [...peerDocs].filter(([n]) => n !== sample).map(([, d]) => d);

function replay(p: Provenance, locale: Locale): Finding[] {
  const lines = readFileSync(path.join(SAMPLES, p.sample), 'utf8').split('\n');
  const s = p.splice;
  const fresh = s ? s.insert.flatMap(x => (typeof x === 'string' ? [x] : lines.slice(x[0], x[1]))) : [];
  const changed = s ? [...lines.slice(0, s.start), ...fresh, ...lines.slice(s.start + s.deleteCount)] : lines;
  return check(new ReportDocument(changed.join('\n')), { locale, peers: peersOf(p.sample) });
}

describe('docs/rules.md', () => {
  const docs = sections();

  it('has one section per registered rule, in registry order, anchored by its code', () => {
    assert.deepEqual([...docs.keys()], RULES.map(r => r.code), REGENERATE);
    for (const r of RULES) assert.ok(DOC.includes(`| [${r.code}](#${r.code}) | ${r.severity} |`), `${r.code} in the index: ${REGENERATE}`);
  });

  const NEEDS_TWO_REPORTS = new Set(['cross-year']);
  for (const rule of RULES) {
    describe(rule.code, () => {
      const section = () => docs.get(rule.code) ?? '';
      it('gives the default severity and both doc paragraphs as registered', () => {
        assert.ok(section().includes(`Default severity 默认级别: **${rule.severity}**`), REGENERATE);
        assert.ok(section().includes(`\n${md(rule.doc['zh-cn'])}\n`), `zh-cn doc ${REGENERATE}`);
        assert.ok(section().includes(`\n${md(rule.doc.en)}\n`), `en doc ${REGENERATE}`);
      });

      it('shows an example the engine still produces, in both languages, with its fixes', () => {
        const m = /<!-- example (.*) -->/.exec(section());
        // A rule that compares two reports cannot be shown on one sample; its tests build the pair.
        if (!m && NEEDS_TWO_REPORTS.has(rule.code)) return void assert.match(section(), /No sample report/);
        assert.ok(m, `no example recorded: ${REGENERATE}`);
        const p = JSON.parse(m[1]) as Provenance;
        assert.equal(p.code, rule.code);
        const line = Number(/^> line (\d+), /m.exec(section())![1]);
        const zhShown = /^> zh-cn: (.*)$/m.exec(section())![1];
        const enShown = /^> en: (.*)$/m.exec(section())![1];
        const en = replay(p, 'en');
        const zh = replay(p, 'zh-cn');
        const i = en.findIndex(f => f.code === rule.code && md(f.message) === enShown && f.range.start.line + 1 === line);
        assert.ok(i >= 0, `the engine no longer says: ${enShown}\n${REGENERATE}`);
        assert.equal(md(zh[i].message), zhShown, REGENERATE);
        const fixesPart = section().split('Fixes offered 修复:')[1] ?? '';
        const bullets = fixesPart.split('\n').filter(l => l.startsWith('- '));
        assert.equal(bullets.length, en[i].fixes.length, `fixes: ${REGENERATE}`);
        en[i].fixes.forEach((f, k) => {
          assert.ok(bullets[k].startsWith(`- ${md(zh[i].fixes[k].title)} / ${md(f.title)} — `), REGENERATE);
          assert.equal(bullets[k].includes('preferred:'), f.preferred, REGENERATE);
        });
      });
    });
  }
});
