// missing-table: part 二, 三 or 四 is there but its standard table is not (no label of the
// table was recognised, or none of its rows). A part missing altogether is missing-part's,
// whose fix brings the table along.
import { fmt, type Msg } from '../i18n';
import type { Part, Table, Finding, Fix } from '../model';
import { tableName, partName } from '../describe';
import { TEMPLATES, type TableId } from '../templates';
import { lineInsertion } from '../edits/lines';
import { reparser, type Reparse } from '../edits/reread';
import { blankTable, tableComplete } from '../edits/tables';
import { lazyFixes } from '../lazy';
import type { Rule, RuleContext } from './types';
import { firstHeadings } from '../model';

const M = {
  missing: {
    en: 'There is no recognisable {table} in {part}.',
    'zh-cn': '{part}中没有可识别的{table}。',
  },
  empty: {
    en: 'In {part}, {table} has none of its rows: no row label was recognised and no numbers stand where its rows belong.',
    'zh-cn': '{part}：{table}中没有任何一行：未识别出行标签，应填数字的位置也没有数字。',
  },
  insert: { en: 'Insert a blank {table} at the end of {part}', 'zh-cn': '在{part}末尾插入空白{table}' },
} satisfies Record<string, Msg>;

const doc: Msg = {
  en: 'Part 二, 三 or 四 is present but its standard table is not. Each of these parts holds one table the template prescribes (主动公开, 依申请公开, 复议诉讼), and the statistics are the point of the report. A table is recognised by its row and header labels, so a table whose labels were all lost or rewritten is reported here too, as is a table whose rows were all lost. When the table is absent, the fix inserts a blank standard table (zeros, to be replaced by the real numbers) at the end of the part, in the encoding of the report\'s other tables (Markdown when there are none); it is never applied unattended. When the whole part is missing, missing-part reports it instead and its fix inserts the table with the heading.',
  'zh-cn': '第二、三、四部分存在，但其中的标准表格缺失。这几个部分各含一张模板规定的表格（主动公开、依申请公开、复议诉讼），统计数据是年报的核心。表格依行标签和表头识别，因此标签全部丢失或改写的表格也会在此报告；表格的各行全部缺失时同样如此。表格缺失时，修复会在该部分末尾按报告中其他表格的格式（没有其他表格时用 Markdown）插入一张空白标准表（填 0，需替换为实际数字），该修复不会自动应用。若整个部分缺失，则由 missing-part 报告，其修复会连同标题插入表格。',
};

/** A blank standard table after the part's text, if a re-parse finds it complete and the rest unchanged. */
function insertFix(ctx: RuleContext, reparse: Reparse, part: Part, table: TableId, args: Record<string, string>): Fix | undefined {
  const at = { line: Math.max(part.bodyRange.end.line, part.range.start.line), before: false };
  const edits = [lineInsertion(ctx.doc, at, blankTable(ctx, table))];
  const after = reparse(edits);
  const same = (a: string[], b: string[]) => a.sort().join() === b.sort().join();
  if (!after || !tableComplete(after, table)) return undefined;
  if (!same(after.parts.map(p => String(p.number)), ctx.report.parts.map(p => String(p.number)))) return undefined;
  if (!same(Object.keys(after.tables), [...Object.keys(ctx.report.tables), table])) return undefined;
  return { title: fmt(M.insert, ctx.locale, args), edits, preferred: false };
}

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
      const finding = { code: 'missing-table', severity: 'error' as const, range: t ? t.range : part.range, message: fmt(t ? M.empty : M.missing, ctx.locale, args) };
      if (t) { out.push({ ...finding, fixes: [] }); continue; }
      const reparse = reparser(ctx);
      out.push(lazyFixes(finding, () => [insertFix(ctx, reparse, part, decl.id, args)].filter((f): f is Fix => !!f)));
    }
    return out;
  },
};

export default rule;
