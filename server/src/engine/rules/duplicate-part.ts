// duplicate-part: a part heading that appears a second time (seed 001: a stray
// 五、存在的主要问题及改进情况 after part 六). The first heading of a number is the part;
// later ones are the duplicates. No fix: only the clerk knows which text to keep.
import { fmt, type Msg } from '../i18n';
import type { Rule } from './types';
import type { Finding } from '../model';
import { partName } from '../describe';
import { firstHeadings } from '../model';

const M = {
  duplicate: {
    en: 'The heading of {part} appears a second time; the first is on line {line} (「{first}」). Each part appears once: this may be a leftover of editing.',
    'zh-cn': '{part}的标题再次出现，第一次在第 {line} 行（「{first}」）。每个部分只应出现一次，此处可能是编辑时遗留的标题。',
  },
  first: { en: 'First heading of {part}', 'zh-cn': '{part}的第一个标题' },
} satisfies Record<string, Msg>;

const doc: Msg = {
  en: 'A part heading appears twice in one report. The first heading of a part is taken as the part; each later one is reported here (and left out of the part-order check, so one stray heading does not make every part look misplaced). A second heading is usually a leftover of copying or editing, and the text under it may belong to another part. No fix is offered: only the author knows which text to keep.',
  'zh-cn': '同一份年报中某个部分的标题出现了两次。以该部分第一次出现的标题为准，之后出现的每一个都在此报告（并且不参与部分顺序检查，以免一个多余的标题让各部分都显得错位）。重复的标题通常是复制或编辑时遗留的，其下的文字可能属于其他部分。不提供修复：只有作者知道该保留哪段文字。',
};

const rule: Rule = {
  code: 'duplicate-part',
  messagesNameLines: true,
  severity: 'warning',
  doc,
  check(ctx) {
    const first = firstHeadings(ctx.report);
    const out: Finding[] = [];
    for (const part of ctx.report.parts) {
      const f = first.get(part.number)!;
      if (f === part) continue;
      const name = partName(ctx.expected, part.number, ctx.locale);
      out.push({
        code: 'duplicate-part', severity: 'warning', range: part.range, fixes: [],
        message: fmt(M.duplicate, ctx.locale, { part: name, line: ctx.doc.physicalPosition(f.range.start).line + 1, first: f.text }),
        related: [{ range: f.range, message: fmt(M.first, ctx.locale, { part: name }) }],
      });
    }
    return out;
  },
};

export default rule;
