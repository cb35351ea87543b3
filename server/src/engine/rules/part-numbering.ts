// part-numbering: a part heading numbered other than the template does (5、 for 五、,
// 三、 on part 二's wording, 五. for 五、). The fix writes the template's numbering.
import { fmt, type Msg } from '../i18n';
import type { Rule } from './types';
import type { Finding } from '../model';
import { numeralOf, partName } from '../describe';
import { headingSpans } from '../parse/headings';

const M = {
  numbered: {
    en: 'The heading of {part} is numbered 「{written}」; the template numbers it 「{canonical}」.',
    'zh-cn': '{part}的标题编号写作「{written}」，模板编号为「{canonical}」。',
  },
  renumber: { en: 'Renumber as 「{canonical}」', 'zh-cn': '将编号改为「{canonical}」' },
} satisfies Record<string, Msg>;

const doc: Msg = {
  en: 'A part heading is numbered differently from the template: an Arabic numeral (5、), another mark (五. or 五，), or the numeral of another part. The part is recognised by its wording, so the report still reads, but readers and reviewers expect the template\'s 一、 to 六、, and a wrong numeral hides a missing or misplaced part. The fix rewrites only the numbering, and is safe to apply unattended.',
  'zh-cn': '部分标题的编号与模板不同：使用了阿拉伯数字（5、）、其他标点（五. 或 五，），或其他部分的序号。该部分仍可按标题措辞识别，但读者和审核者期望看到模板规定的一、至六、，序号错误还会掩盖缺失或错位的部分。修复只改写编号，可自动应用。',
};

const rule: Rule = {
  code: 'part-numbering',
  severity: 'warning',
  doc,
  check(ctx) {
    const out: Finding[] = [];
    for (const part of ctx.report.parts) {
      if (part.standardNumbering) continue;
      const spans = headingSpans(part);
      if (!spans) continue;
      const canonical = `${numeralOf(ctx.expected, part.number)}、`;
      out.push({
        code: 'part-numbering', severity: 'warning', range: spans.numbering,
        message: fmt(M.numbered, ctx.locale, { part: partName(ctx.expected, part.number, ctx.locale), written: spans.numberingText, canonical }),
        fixes: [{ title: fmt(M.renumber, ctx.locale, { canonical }), edits: [{ range: spans.numbering, newText: canonical }], preferred: true }],
      });
    }
    return out;
  },
};

export default rule;
