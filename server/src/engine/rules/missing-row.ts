// missing-row: a row the template prescribes is absent from a table that is otherwise
// there (no label for it, and no numbers where it belongs).
import { fmt, type Msg } from '../i18n';
import type { Table, Finding } from '../model';
import { tableName, rowTitle } from '../describe';
import { tableDecl } from '../templates';
import type { Rule } from './types';

const M = {
  missing: { en: 'In {table}, the row 「{row}」 is missing.', 'zh-cn': '{table}缺少「{row}」行。' },
  after: { en: ' It belongs after 「{prev}」.', 'zh-cn': '该行应在「{prev}」之后。' },
  first: { en: ' It belongs before 「{next}」.', 'zh-cn': '该行应在「{next}」之前。' },
  noNumbers: { en: 'In {table}, the numbers are missing: it has no data row.', 'zh-cn': '{table}没有数据行：数字缺失。' },
} satisfies Record<string, Msg>;

const doc: Msg = {
  en: 'A row the template prescribes for a table is absent: neither its label nor numbers where it belongs were found. Every row of the standard tables must be reported, with 0 where there was nothing to count; a left-out row also breaks the totals it belongs to. A table with none of its rows is reported by missing-table instead. No fix is offered: the row\'s numbers are not known.',
  'zh-cn': '表格缺少模板规定的某一行：既没有该行的标签，也没有应在该处的数字。标准表格的每一行都必须填报，没有的填 0；漏掉一行也会破坏其所属的合计关系。表格一行都没有时由 missing-table 报告。不提供修复：该行的数字无从得知。',
};

const rule: Rule = {
  code: 'missing-row',
  severity: 'error',
  doc,
  check(ctx) {
    const out: Finding[] = [];
    for (const t of Object.values(ctx.report.tables) as Table[]) {
      if (!Object.keys(t.rows).length) continue;
      const order = tableDecl(t.generation, t.id).blocks.flatMap(b => b.rows.map(r => r.id));
      const table = tableName(t.id, ctx.locale);
      order.forEach((id, i) => {
        if (t.rows[id]) return;
        const prev = order.slice(0, i).reverse().find(r => t.rows[r]);
        const next = order.slice(i + 1).find(r => t.rows[r]);
        const label = tableDecl(t.generation, t.id).blocks.flatMap(b => b.rows).find(r => r.id === id)!.label;
        let message: string;
        if (label === null) message = fmt(M.noNumbers, ctx.locale, { table });
        else {
          message = fmt(M.missing, ctx.locale, { table, row: rowTitle(t.generation, t.id, id) });
          if (prev) message += fmt(M.after, ctx.locale, { prev: rowTitle(t.generation, t.id, prev) });
          else if (next) message += fmt(M.first, ctx.locale, { next: rowTitle(t.generation, t.id, next) });
        }
        const near = prev ? t.rows[prev] : next ? t.rows[next] : undefined;
        const range = near?.label?.range ?? near?.range ?? t.range;
        out.push({ code: 'missing-row', severity: 'error', message, range, fixes: [] });
      });
    }
    return out;
  },
};

export default rule;
