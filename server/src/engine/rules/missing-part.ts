// missing-part: one of the six parts has no heading. The fix inserts the canonical heading
// where the part belongs (and, for parts 二–四 whose table is missing too, a blank
// standard table), and is offered only when a re-parse finds the part there afterwards.
import { fmt, type Msg } from '../i18n';
import { isReport, type Range, type Report, type Edit, type Finding, type Fix } from '../model';
import { TEMPLATES, type Generation, type TableId } from '../templates';
import { tableName, canonicalHeading, partName } from '../describe';
import { headingInsertion, headingMarks } from '../edits/headings';
import { lineInsertion } from '../edits/lines';
import { reparser, type Reparse } from '../edits/reread';
import { blankTable, tableComplete } from '../edits/tables';
import { lazyFixes } from '../lazy';
import type { Rule, RuleContext } from './types';

const M = {
  missing: {
    en: 'The report has no {part}; the template prescribes six parts, 一 to 六, in this order.',
    'zh-cn': '缺少{part}：年报应依次包含一至六共六个部分。',
  },
  tableHere: { en: ' Its {table} is there, without the heading.', 'zh-cn': '其{table}存在，但缺少标题。' },
  tableMissing: { en: ' Its {table} is missing too.', 'zh-cn': '其{table}也缺失。' },
  insert: { en: 'Insert the heading 「{heading}」', 'zh-cn': '插入标题「{heading}」' },
  insertWithTable: { en: 'Insert the heading 「{heading}」 and a blank {table}', 'zh-cn': '插入标题「{heading}」及空白{table}' },
} satisfies Record<string, Msg>;

const doc: Msg = {
  en: 'One of the six parts the template prescribes (一、总体情况 to 六、其他需要报告的事项) has no heading in the report. A missing part is usually content left out; sometimes only its heading was lost in conversion. The finding marks where the heading belongs; the fix inserts the template\'s heading there on its own line, after a blank line: before the part\'s table when the table is there, else before the next part, else after the previous part (before the signature; at the end of the report, the finding marks the last character of its text). For parts 二, 三 and 四 whose table is missing too, a blank standard table is inserted with the heading, in the encoding of the report\'s other tables (Markdown when there are none; the heading alone if the table would not read back complete). The inserted part still needs its content, so the fix is never applied unattended.',
  'zh-cn': '年报缺少模板规定的六个部分（一、总体情况 至 六、其他需要报告的事项）之一的标题。缺少一个部分，通常是漏写了内容，有时只是转换时丢了标题。问题标在该部分应在的位置，修复在此处空一行后单独插入一行模板标题：表格已存在时插在表格之前，否则插在下一部分之前，再否则插在上一部分之后（落款之前；位于报告末尾时，问题标在正文的最后一个字符上）。第二、三、四部分若连表格也缺失，会同时按报告中其他表格的格式（没有其他表格时用 Markdown）插入一张空白标准表（若插入后无法完整识别，则只插入标题）。插入的部分仍需补写内容，因此该修复不会自动应用。',
};

/** Table of a part (二 → proactive …), if the part holds one. */
const tableOfPart = (gen: Generation, n: number): TableId | undefined => TEMPLATES[gen].tables.find(t => t.part === n)?.id;

/**
 * Where the finding shows: the heading (or table) the part belongs before, or, when it
 * belongs after the last part's text, that text's last character: a squiggle at the end
 * of the report, not under its whole last paragraph.
 */
function findingRange(ctx: RuleContext, at: { line: number; before: boolean }): Range {
  const { line } = at;
  const text = ctx.doc.line(line);
  const end = text.trimEnd().length;
  if (!at.before) return { start: { line, character: Math.max(0, end - 1) }, end: { line, character: end } };
  const start = text.length - text.trimStart().length;
  return { start: { line, character: start }, end: { line, character: Math.max(start, end) } };
}

/** The insert fix, if a re-parse shows the part (and table) in place and nothing else changed. */
function insertFix(ctx: RuleContext, reparse: Reparse, n: number, table: TableId | undefined): Fix | undefined {
  const gen = ctx.expected;
  const heading = canonicalHeading(gen, n);
  const at = headingInsertion(ctx, n);
  const line = headingMarks(ctx) + heading;
  const tries: { text: string; title: string }[] = [];
  if (table) tries.push({ text: `${line}\n${blankTable(ctx, table)}`, title: fmt(M.insertWithTable, ctx.locale, { heading, table: tableName(table, ctx.locale) }) });
  tries.push({ text: line, title: fmt(M.insert, ctx.locale, { heading }) });
  const others = (r: Report) => r.parts.map(p => p.number).filter(x => x !== n).sort().join();
  for (const t of tries) {
    const edits: Edit[] = [lineInsertion(ctx.doc, at, t.text, true)];
    const after = reparse(edits);
    if (!after || others(after) !== others(ctx.report) || !after.parts.some(p => p.number === n)) continue;
    if (Object.keys(ctx.report.tables).some(k => !after.tables[k as TableId])) continue;
    if (t.text !== line && table && !tableComplete(after, table)) continue;
    return { title: t.title, edits, preferred: false };
  }
  return undefined;
}

const rule: Rule = {
  code: 'missing-part',
  severity: 'error',
  doc,
  check(ctx) {
    const { report } = ctx;
    // Text with no part, no title and no table is not a report: say nothing.
    if (!isReport(report) && !report.title) return [];
    const present = new Set(report.parts.map(p => p.number));
    const out: Finding[] = [];
    for (const decl of TEMPLATES[ctx.expected].parts) {
      const n = decl.number;
      if (present.has(n)) continue;
      const table = tableOfPart(ctx.expected, n);
      let message = fmt(M.missing, ctx.locale, { part: partName(ctx.expected, n, ctx.locale) });
      if (table) message += fmt(report.tables[table] ? M.tableHere : M.tableMissing, ctx.locale, { table: tableName(table, ctx.locale) });
      const reparse = reparser(ctx);
      const insert = table && !report.tables[table] ? table : undefined;
      out.push(lazyFixes({ code: 'missing-part', severity: 'error', message, range: findingRange(ctx, headingInsertion(ctx, n)) }, () => [insertFix(ctx, reparse, n, insert)].filter((f): f is Fix => !!f)));
    }
    return out;
  },
};

export default rule;
