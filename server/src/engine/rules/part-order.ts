// part-order: parts out of the template's order. Only a part's first heading counts
// (duplicates are duplicate-part's), and only the fewest parts that explain the disorder
// are reported: those outside the longest run already in order.
import { fmt, type Msg } from '../i18n';
import type { Part, Finding } from '../model';
import type { Rule } from './types';
import { partName } from '../describe';
import { firstHeadings } from '../model';

const M = {
  after: {
    en: 'The heading of {part} stands after that of {other}; the template orders the parts 一 to 六.',
    'zh-cn': '{part}位于{other}之后，模板要求各部分按一至六的顺序排列。',
  },
  before: {
    en: 'The heading of {part} stands before that of {other}; the template orders the parts 一 to 六.',
    'zh-cn': '{part}位于{other}之前，模板要求各部分按一至六的顺序排列。',
  },
} satisfies Record<string, Msg>;

const doc: Msg = {
  en: 'The parts do not follow the template\'s order 一 to 六. Only the fewest parts that explain the disorder are reported (those outside the longest sequence of parts already in order), so one misplaced part gives one warning. A heading that repeats a part already seen is reported by duplicate-part instead and is not counted here: seed 001\'s stray 五 after 六 is a duplicate, not a disorder. No fix is offered: moving a part means moving its text, which the author should do.',
  'zh-cn': '各部分没有按模板一至六的顺序排列。只报告能解释顺序错乱的最少的部分（即不在最长的有序部分序列中的部分），因此一个错位的部分只产生一条警告。重复出现的部分标题由 duplicate-part 报告，不计入此处：例如在第六部分之后多出的第五部分标题属于重复，而非顺序错乱。不提供修复：移动一个部分意味着移动其文字，应由作者完成。',
};

/** The parts (in document order) of a longest strictly increasing run of part numbers. */
function inOrder(parts: Part[]): Set<Part> {
  const len = parts.map(() => 1);
  const prev = parts.map(() => -1);
  for (let i = 0; i < parts.length; i++) {
    for (let j = 0; j < i; j++) {
      if (parts[j].number < parts[i].number && len[j] + 1 > len[i]) { len[i] = len[j] + 1; prev[i] = j; }
    }
  }
  const kept = new Set<Part>();
  let k = len.indexOf(Math.max(0, ...len));
  while (k >= 0) { kept.add(parts[k]); k = prev[k]; }
  return kept;
}

const rule: Rule = {
  code: 'part-order',
  severity: 'warning',
  doc,
  check(ctx) {
    const parts = [...firstHeadings(ctx.report).values()].sort((a, b) => a.range.start.line - b.range.start.line);
    const kept = inOrder(parts);
    const name = (p: Part) => partName(ctx.expected, p.number, ctx.locale);
    const out: Finding[] = [];
    parts.forEach((part, i) => {
      if (kept.has(part)) return;
      const earlier = parts.slice(0, i).filter(p => kept.has(p) && p.number > part.number).pop();
      const later = parts.slice(i + 1).find(p => kept.has(p) && p.number < part.number);
      const other = earlier ?? later;
      if (!other) return;
      out.push({
        code: 'part-order', severity: 'warning', range: part.range, fixes: [],
        message: fmt(earlier ? M.after : M.before, ctx.locale, { part: name(part), other: name(other) }),
        related: [{ range: other.range, message: name(other) }],
      });
    });
    return out;
  },
};

export default rule;
