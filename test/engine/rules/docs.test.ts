// docs/rules.md is generated from the rule registry (scripts/gen-rule-docs.mjs). It must
// document every registered rule with the registry's text, and its examples must still be
// what the engine says: each example's sample (and recorded change) is checked again here.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ReportDocument, RULES, check, type Finding, type Locale } from '../../../server/src/engine';
import { ROOT, SAMPLES, readSample, sampleNames } from '../../helpers';

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

// Labels are Chinese data inside English sentences: two written side by side, 「（六）（自然人）」,
// read as one label. And a Chinese message joined from two clauses must not say 但 twice.
const GLUED = /）（|（（/;
const butCount = (s: string) => (s.match(/但/g) ?? []).length;

describe('every rule\'s messages read well', () => {
  /** Every text a finding shows a user: its message, its fixes' titles, its related notes. */
  const texts = (f: Finding) => [f.message, ...f.fixes.map(x => x.title), ...(f.related ?? []).map(r => r.message)];
  function assertReadable(findings: Finding[], locale: Locale, where: string) {
    for (const f of findings) {
      for (const t of texts(f)) {
        if (locale === 'en') assert.doesNotMatch(t, GLUED, `${where} ${f.code}: ${t}`);
        else assert.ok(butCount(t) <= 1, `${where} ${f.code}: 但 twice: ${t}`);
      }
    }
  }

  it('on every sample and every documented example, in both languages: no glued labels in English, no doubled 但', () => {
    const docs = sections();
    const cases: { where: string; run: (locale: Locale) => Finding[] }[] = sampleNames().map(n => ({
      where: n, run: (locale: Locale) => check(new ReportDocument(readSample(n)), { locale, peers: peersOf(n) }),
    }));
    for (const rule of RULES) {
      const m = /<!-- example (.*) -->/.exec(docs.get(rule.code) ?? '');
      if (m) cases.push({ where: `example of ${rule.code}`, run: locale => replay(JSON.parse(m[1]) as Provenance, locale) });
    }
    const codes = new Set<string>();
    for (const c of cases) {
      for (const locale of ['en', 'zh-cn'] as const) {
        const found = c.run(locale);
        found.forEach(f => codes.add(f.code));
        assertReadable(found, locale, c.where);
      }
    }
    // The arithmetic rules, whose messages join identities and clauses, are among those read.
    for (const code of ['results-total', 'row-total', 'balance', 'review-total']) assert.ok(codes.has(code), code);
  });

  it('no message template in a rule module says 但 twice or glues a placeholder to a bracketed label', () => {
    const dir = path.join(ROOT, 'server', 'src', 'engine', 'rules');
    for (const file of readdirSync(dir).filter(f => f.endsWith('.ts'))) {
      const source = readFileSync(path.join(dir, file), 'utf8');
      for (const m of source.matchAll(/'zh-cn': '((?:[^'\\]|\\.)*)'/g)) assert.ok(butCount(m[1]) <= 1, `${file}: ${m[1]}`);
      for (const m of source.matchAll(/\ben: '((?:[^'\\]|\\.)*)'/g)) assert.doesNotMatch(m[1], /\}（|）\{|）（/, `${file}: ${m[1]}`);
    }
  });
});
