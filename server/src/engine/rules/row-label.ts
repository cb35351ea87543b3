// row-label: a row label matched only tolerantly: a known variant (（二）部分公开), a typo
// (2.其他法律行政止公开), or the beginning of the label. A label that PDF text broke over
// lines is not worth a note: a false alarm costs more than a miss.
import { fmt, type Msg } from '../i18n';
import { tablesOf, type Row, type Table, type Edit, type Finding } from '../model';
import { tableName, rowTitle, templateLabel } from '../describe';
import { normalizeLabel } from '../text/normalize';
import { relabelEdits, type Relabel } from '../edits/labels';
import { lazyFixes, once } from '../lazy';
import type { Rule, RuleContext } from './types';

const M = {
  variant: {
    en: 'In {table}, the label 「{written}」 is a variant of the template\'s 「{row}」.',
    'zh-cn': '{table}：行标签「{written}」是模板标签「{row}」的变体写法。',
  },
  fuzzy: {
    en: 'In {table}, the label 「{written}」 was read as 「{row}」; check for a typo.',
    'zh-cn': '{table}：行标签「{written}」被识别为「{row}」，请检查是否有错别字。',
  },
  prefix: {
    en: 'In {table}, the label 「{written}」 is incomplete; it was read as 「{row}」.',
    'zh-cn': '{table}：行标签「{written}」不完整，被识别为「{row}」。',
  },
  restore: { en: 'Use the template\'s label 「{label}」', 'zh-cn': '改为模板标签「{label}」' },
} satisfies Record<string, Msg>;

const doc: Msg = {
  en: 'A row label was recognised only tolerantly: as a known variant (（二）部分公开), as a close spelling of the template\'s label (corpus 02: 2.其他法律行政止公开 for 2.其他法律行政法规禁止公开), or as the beginning of the label. The numbers were placed in the row named; the note lets a reviewer confirm the reading and correct the wording. Differences of brackets, spaces, 顿号 or full-width forms are not reported. Nor is a label that was only cut short by a line break (a prefix match in pdftotext output, or a label continued on the next line): a false alarm there would be worse than a miss; typos in PDF text are still reported. The fix writes the template\'s label, only when re-reading the table afterwards puts the same numbers in the same rows, and is safe to apply unattended.',
  'zh-cn': '某一行标签只能被宽松地识别：是已知的变体写法（如“（二）部分公开”），与模板标签相近（语料 02 中“2.其他法律行政止公开”对应“2.其他法律行政法规禁止公开”），或只是标签的开头部分。数字已按识别出的行归位；此提示便于审核者确认识别结果并改正措辞。括号、空格、顿号或全角半角的差别不予提示；标签仅因换行被截断（pdftotext 输出中只匹配到开头部分，或标签在下一行续写）的情况也不提示，因为误报比漏报更糟；PDF 文本中的错别字仍会提示。修复把行标签改为模板标签，且只有在重新解析后各行数字不变时才提供，可自动应用。',
};

/** The text of the line after the label, stripped of cell marks: a continuation if the label was wrapped. */
function wrapped(ctx: RuleContext, row: Row, canonical: string): boolean {
  const next = ctx.doc.line(row.label!.range.end.line + 1).replace(/[\t|]/g, '').trim();
  if (!next) return false;
  const joined = normalizeLabel(row.label!.text + next);
  const norm = normalizeLabel(canonical);
  return norm.startsWith(joined) || joined.startsWith(norm);
}

/** Whether a label matched only tolerantly is worth a note. */
function noteworthy(ctx: RuleContext, t: Table, row: Row, label: string): boolean {
  const how = row.label!.how;
  if (how === 'exact' || how === 'normalized') return false;
  return !(how === 'prefix' && (t.encoding === 'layout' || t.encoding === 'plain' || wrapped(ctx, row, label)));
}

function finding(ctx: RuleContext, t: Table, row: Row, label: string, edits: () => Edit[] | undefined): Finding {
  const how = row.label!.how;
  const args = { table: tableName(t.id, ctx.locale), written: row.label!.text, row: rowTitle(t.generation, t.id, row.id) };
  return lazyFixes({
    code: 'row-label', severity: 'information', range: row.label!.range,
    message: fmt(how === 'variant' ? M.variant : how === 'fuzzy' ? M.fuzzy : M.prefix, ctx.locale, args),
  }, () => {
    const e = edits();
    return e ? [{ title: fmt(M.restore, ctx.locale, { label }), edits: e, preferred: true }] : [];
  });
}

const rule: Rule = {
  code: 'row-label',
  severity: 'information',
  doc,
  check(ctx) {
    const out: Finding[] = [];
    for (const t of tablesOf(ctx.report)) {
      const notes: Relabel[] = [];
      for (const row of Object.values(t.rows)) {
        const label = templateLabel(t, row.id);
        if (row.label && label && noteworthy(ctx, t, row, label)) notes.push({ row, label });
      }
      if (!notes.length) continue;
      // One re-read verifies the table's relabels together, when the first fix is asked for.
      const edits = once(() => relabelEdits(ctx, t, notes));
      for (const { row, label } of notes) out.push(finding(ctx, t, row, label, () => edits().get(row.id)));
    }
    return out;
  },
};

export default rule;
