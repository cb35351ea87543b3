// part-heading: a heading whose wording differs from the template's (a known variant such
// as 存在的问题及下一步打算, or a slip of wording). Headings that keep the template's
// wording and only add to it (一、2019 年联财镇政府信息公开总体情况) are not reported.
import { fmt, type Msg } from '../i18n';
import { normalizeLabel } from '../text/normalize';
import type { Rule } from './types';
import type { Finding } from '../model';
import { headingWording, partShort } from '../describe';
import { headingSpans } from '../parse/headings';

const M = {
  variant: {
    en: 'The heading of {part} reads 「{written}」, a variant of the template\'s 「{heading}」.',
    'zh-cn': '{part}的标题写作「{written}」，是模板标题「{heading}」的变体写法。',
  },
  differs: {
    en: 'The heading of {part} reads 「{written}」; the template\'s wording is 「{heading}」. Check for a slip of wording.',
    'zh-cn': '{part}的标题写作「{written}」，模板措辞为「{heading}」，请检查是否有误。',
  },
  restore: { en: 'Use the template\'s wording 「{heading}」', 'zh-cn': '改为模板措辞「{heading}」' },
} satisfies Record<string, Msg>;

const doc: Msg = {
  en: 'A part heading is worded differently from the template: a known variant (五、存在的问题及下一步打算 for 五、存在的主要问题及改进情况) or a slip of wording. The part is still recognised; the note is for a reviewer who compares reports with the template. A heading that keeps the template\'s wording and only adds to it (a year, the body\'s name: 一、2019 年联财镇政府信息公开总体情况) is normal and not reported. The fix rewrites the wording (not the numbering) to the template\'s and is safe to apply unattended.',
  'zh-cn': '部分标题的措辞与模板不同：使用了已知的变体写法（如“五、存在的问题及下一步打算”对应“五、存在的主要问题及改进情况”），或措辞有误。该部分仍可识别，此提示供对照模板审核时参考。保留模板措辞、只增加年份或机关名称的标题（如“一、2019 年联财镇政府信息公开总体情况”）属正常写法，不予提示。修复把措辞（不含编号）改为模板措辞，可自动应用。',
};

const rule: Rule = {
  code: 'part-heading',
  severity: 'information',
  doc,
  check(ctx) {
    const out: Finding[] = [];
    for (const part of ctx.report.parts) {
      if (part.how === 'exact' || part.how === 'normalized') continue;
      const spans = headingSpans(part);
      if (!spans) continue;
      const heading = headingWording(ctx.expected, part.number);
      if (normalizeLabel(spans.wordingText).includes(normalizeLabel(heading))) continue;
      const args = { part: partShort(ctx.expected, part.number, ctx.locale), written: spans.wordingText, heading };
      out.push({
        code: 'part-heading', severity: 'information', range: spans.wording,
        message: fmt(part.how === 'variant' ? M.variant : M.differs, ctx.locale, args),
        fixes: [{ title: fmt(M.restore, ctx.locale, { heading }), edits: [{ range: spans.wording, newText: heading }], preferred: true }],
      });
    }
    return out;
  },
};

export default rule;
