// missing-row-label: a row's numbers stand without their label (seed 000: the numbers of
// 1.属于国家秘密 sit under （三）不予公开). They were placed by position; the fix writes
// the label back where the row's label cell belongs, in the encodings where that place is
// certain.
import { fmt, type Msg } from '../i18n';
import { tablesOf, type Row, type Table, type Finding, type Fix } from '../model';
import { tableName, rowTitle, templateLabel } from '../describe';
import { tableDecl } from '../templates';
import { lostLabelEdits } from '../edits/labels';
import { lazyFixes } from '../lazy';
import type { Rule, RuleContext } from './types';

const M = {
  lost: {
    en: 'In {table}, these numbers stand without a row label; by their position they are row 「{row}」.',
    'zh-cn': '{table}：这些数字没有行标签，按位置应属于「{row}」行。',
  },
  between: { en: ' They stand between 「{prev}」 and 「{next}」.', 'zh-cn': '它们位于「{prev}」与「{next}」之间。' },
  insert: { en: 'Insert the row label 「{label}」', 'zh-cn': '补上行标签「{label}」' },
} satisfies Record<string, Msg>;

const doc: Msg = {
  en: 'A row\'s numbers stand without their label (seed 000 lost 1.属于国家秘密 this way), so the engine placed them by position: the next row of the template after the last one filled. A reader cannot tell which row the numbers are, and a shifted number goes unnoticed. In encodings that give every cell its own line (tab-prefixed or pipe-terminated cells) the fix writes the label back as a cell line before the row\'s first number, and is offered only when re-reading the table afterwards finds that label with the same numbers; it is preferred when the rows on both sides have their labels, so the position leaves no doubt. In other encodings no fix is offered, rather than a wrong one.',
  'zh-cn': '某一行的数字没有行标签（种子报告 000 的“1.属于国家秘密”即如此丢失），引擎只能按位置归入模板中上一个已填行之后的下一行。读者无法判断这些数字属于哪一行，数字错位也难以察觉。在每个单元格各占一行的格式（制表符开头或竖线结尾）中，修复会在该行第一个数字之前补上一行标签，并且只有在重新解析后该标签与原数字对应时才提供；若上下相邻的行都有标签、位置确定无疑，则该修复可自动应用。其他格式不提供修复，以免补错。',
};

/** The template rows on each side of a row, when both are present with their labels. */
function neighbours(t: Table, id: string): { prev?: string; next?: string; sure: boolean } {
  const order = tableDecl(t.generation, t.id).blocks.flatMap(b => b.rows.map(r => r.id));
  const i = order.indexOf(id);
  const prev = order[i - 1];
  const next = order[i + 1];
  const labelled = (r: string | undefined) => r === undefined || !!t.rows[r]?.label;
  return { prev, next, sure: labelled(prev) && labelled(next) };
}

function finding(ctx: RuleContext, t: Table, row: Row, label: string): Finding {
  const title = (r: string) => rowTitle(t.generation, t.id, r);
  const n = neighbours(t, row.id);
  let message = fmt(M.lost, ctx.locale, { table: tableName(t.id, ctx.locale), row: title(row.id) });
  if (n.sure && n.prev && n.next) message += fmt(M.between, ctx.locale, { prev: title(n.prev), next: title(n.next) });
  const fixes = (): Fix[] => {
    const edits = lostLabelEdits(ctx, t, row, label);
    return edits ? [{ title: fmt(M.insert, ctx.locale, { label }), edits, preferred: n.sure }] : [];
  };
  return lazyFixes({ code: 'missing-row-label', severity: 'warning', message, range: row.range, cells: Object.values(row.cells).map(c => ({ table: t.id, row: row.id, column: c.column })) }, fixes);
}

const rule: Rule = {
  code: 'missing-row-label',
  severity: 'warning',
  doc,
  check(ctx) {
    const out: Finding[] = [];
    for (const t of tablesOf(ctx.report)) {
      for (const row of Object.values(t.rows)) {
        const label = templateLabel(t, row.id);
        // Table 四's single row has no label in the template.
        if (row.label || !label) continue;
        out.push(finding(ctx, t, row, label));
      }
    }
    return out;
  },
};

export default rule;
