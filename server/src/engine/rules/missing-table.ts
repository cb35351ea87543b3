// missing-table: part 二, 三 or 四 is there but its standard table is not (no label of the
// table was recognised, or none of its rows). A part missing altogether is missing-part's,
// whose fix brings the table along.
import { fmt, type Msg } from '../i18n';
import type { Table } from '../model';
import { tableName } from '../describe';
import { TEMPLATES } from '../templates';
import { firstHeadings, partName } from '../fixes/headings';
import type { Finding, Rule } from './types';

const M = {
  missing: {
    en: 'There is no recognisable {table} in {part}.',
    'zh-cn': '{part}中没有可识别的{table}。',
  },
  empty: {
    en: 'In {part}, {table} has none of its rows: no row label was recognised and no numbers stand where its rows belong.',
    'zh-cn': '{part}：{table}中没有任何一行：未识别出行标签，应填数字的位置也没有数字。',
  },
} satisfies Record<string, Msg>;

const doc: Msg = {
  en: 'Part 二, 三 or 四 is present but its standard table is not. Each of these parts holds one table the template prescribes (主动公开, 依申请公开, 复议诉讼), and the statistics are the point of the report. A table is recognised by its row and header labels, so a table whose labels were all lost or rewritten is reported here too, as is a table whose rows were all lost. When the whole part is missing, missing-part reports it instead and its fix inserts the table with the heading.',
  'zh-cn': '第二、三、四部分存在，但其中的标准表格缺失。这几个部分各含一张模板规定的表格（主动公开、依申请公开、复议诉讼），统计数据是年报的核心。表格依行标签和表头识别，因此标签全部丢失或改写的表格也会在此报告；表格的各行全部缺失时同样如此。若整个部分缺失，则由 missing-part 报告，其修复会连同标题插入表格。',
};

const rule: Rule = {
  code: 'missing-table',
  severity: 'error',
  doc,
  check(ctx) {
    const out: Finding[] = [];
    const parts = firstHeadings(ctx.report);
    for (const decl of TEMPLATES[ctx.expected].tables) {
      const part = parts.get(decl.part);
      if (!part) continue;
      const t = ctx.report.tables[decl.id] as Table | undefined;
      if (t && Object.keys(t.rows).length) continue;
      const args = { part: partName(ctx.expected, decl.part, ctx.locale), table: tableName(decl.id, ctx.locale) };
      out.push({ code: 'missing-table', severity: 'error', range: t ? t.range : part.range, message: fmt(t ? M.empty : M.missing, ctx.locale, args), fixes: [] });
    }
    return out;
  },
};

export default rule;
