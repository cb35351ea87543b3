// fast-check arbitraries for the property tests (test/engine/properties.test.ts) and the long
// fuzz run: mutated sample reports, and documents assembled from the pieces real reports are made of (headings,
// template labels, cells in every encoding, prose with numbers, dates, debris, junk).
import fc from 'fast-check';
import { TEMPLATES } from '../../server/src/engine';
import { allLabels } from '../../server/src/engine/parse/labels';
import { readSample, sampleNames } from '../helpers';
import { rng } from '../bench/corpus';
import { MUTATION_NAMES, mutate } from './mutations';

const SAMPLES = sampleNames().map(n => ({ name: n, text: readSample(n) }));

/** A sample report with 1–4 mutations applied (each mutation draws from its own seeded stream). */
export const mutatedSample = (maxSteps = 4) =>
  fc.record({
    sample: fc.integer({ min: 0, max: SAMPLES.length - 1 }),
    steps: fc.array(fc.record({ name: fc.constantFrom(...MUTATION_NAMES), seed: fc.integer() }), { minLength: 1, maxLength: maxSteps }),
  }).map(({ sample, steps }) => {
    const s = SAMPLES[sample];
    return {
      name: `${s.name} + ${steps.map(x => x.name).join(' + ')}`,
      text: mutate(s.text, steps.map(x => ({ name: x.name, random: rng(x.seed) }))),
    };
  });


const headings = TEMPLATES['2021'].parts.flatMap(p => [`${p.numeral}、${p.heading}`, ...p.variants.map(v => `${p.numeral}、${v}`)]);
const labels = allLabels().map(l => l.canonical);
const number = fc.oneof(
  fc.nat({ max: 30 }).map(String), fc.nat({ max: 100000 }).map(String),
  fc.constantFrom('0', '-3', '+8', '1,234', '０１２', '75627.00', '0万元', '6834.335元', '/', '—', '无', '', ' ', '\u3000', '1e9', '99999999999999999999'),
);
const cellLine = fc.oneof(
  number.map(n => `\t${n}`),
  number.map(n => `${n} |`),
  fc.array(number, { minLength: 1, maxLength: 16 }).map(ns => `| ${ns.join(' | ')} |`),
  fc.array(number, { minLength: 1, maxLength: 16 }).map(ns => ns.join('\t')),
  fc.array(number, { minLength: 1, maxLength: 16 }).map(ns => `      ${ns.join('     ')}`),
  fc.constantFrom('\t', '|', '||||', '| --- | --- |', '-------------', '- 3 -', '第 2 页 共 5 页', '\f'),
);
const labelLine = fc.tuple(fc.constantFrom(...labels), fc.constantFrom('', '\t', ' |', '| ', '  ')).map(([l, e]) => (e === '\t' ? `\t${l}` : e === '| ' ? `| ${l} |` : `${l}${e}`));
const prose = fc.oneof(
  fc.nat({ max: 999 }).map(n => `本年度共收到政府信息公开申请${n}件，答复${n}件，结转下年度继续办理${n % 7}件。`),
  fc.nat({ max: 99 }).map(n => `行政复议${n}件，其中结果维持${n}件。行政诉讼${n}件，均获维持。`),
  fc.constantFrom('2021年1月15日', '统计期限自2020年1月1日起至2020年12月31日止。', '本报告中所列数据的统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日。', '我要收藏', '扫一扫在手机打开当前页'),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);
const title = fc.integer({ min: 2015, max: 2030 }).map(y => `某某区人民政府${y}年政府信息公开工作年度报告`);

/** A document assembled from report pieces in any order, with any line ends. */
export const assembledDocument = fc.tuple(
  fc.array(fc.oneof(
    { arbitrary: fc.constantFrom(...headings), weight: 2 },
    { arbitrary: labelLine, weight: 4 },
    { arbitrary: cellLine, weight: 8 },
    { arbitrary: prose, weight: 3 },
    { arbitrary: title, weight: 1 },
    { arbitrary: fc.constant(''), weight: 3 },
  ), { maxLength: 300 }),
  fc.constantFrom('\n', '\r\n', '\r'),
  fc.boolean(),
).map(([lines, eol, bom]) => ({ name: `assembled (${lines.length} lines, ${JSON.stringify(eol)})`, text: (bom ? '\uFEFF' : '') + lines.join(eol) }));
