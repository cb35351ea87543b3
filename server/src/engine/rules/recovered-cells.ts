// recovered-cells: cells read out of a digit run that crawled web text ran together
// (`规范性文件898989`, a whole 表四 row as `10203120001200000`). The parser splits a run only
// where the template and the row's identities admit exactly one split; this rule says that
// it did, and how, so that nobody takes a reconstruction for what was written.
import { recoveryReason, splitText, tableName, rowTitle } from '../describe';
import { fmt, type Msg } from '../i18n';
import { tablesOf, type Row, type Table, type Finding } from '../model';
import { runEdit } from '../edits/cells';
import { rowsOf, tableDecl } from '../templates';
import type { Rule, RuleContext } from './types';

const M = {
  split: {
    en: 'In {table}, {row}: the digits 「{run}」 run {cells} cells together. They were read as {values}, {reason}. Check them against the source and write the cells apart.',
    'zh-cn': '{table}：{row}的数字「{run}」把 {cells} 个单元格连在了一起，已读作 {values}，这是{reason}。请对照原件核实，并把单元格分开。',
  },
  glued: {
    en: 'In {table}, {row}: the number 「{run}」 stands against the label with nothing between; it was read as the row\'s cell.',
    'zh-cn': '{table}：{row}的数字「{run}」紧贴行标签，中间没有分隔，已读作该行的单元格。',
  },
  row: { en: 'row 「{row}」', 'zh-cn': '「{row}」行' },
  dataRow: { en: 'the data row', 'zh-cn': '数据行' },
  fix: { en: 'Write the cells apart: {values}', 'zh-cn': '分开书写单元格：{values}' },
} satisfies Record<string, Msg>;

const doc: Msg = {
  en: 'Cells were recovered from a run of digits: text crawled from web pages often loses the separators between cells, so that 89 | 89 | 89 arrives as 规范性文件898989, or a whole 表四 row as one number. Where the template leaves exactly one way to split the run — each cell gets at least one digit, no number starts with 0, and the row\'s identities (表三: 总计 = the six kinds of applicant; 表四: each group\'s 总计 = its four outcomes) hold — the cells are read that way and checked like any other; where several splits fit, nothing is read (see flattened-ambiguous). A recovered row satisfies its own identities by construction, so it must be checked against the source all the same. In web text, a run with as many digits as cells (0000000) can be read only one way and gets no finding. The fix writes the cells apart, in the table\'s encoding; it is never applied unattended.',
  'zh-cn': '单元格是从一串连在一起的数字中恢复出来的：从网页抓取的文本常常丢失单元格之间的分隔，89 | 89 | 89 变成“规范性文件898989”，表四的整行变成一个数字。只有在模板只允许一种拆分方式时——每个单元格至少一位数字、数字不以 0 开头、且该行的勾稽关系成立（表三：总计 = 六类申请人之和；表四：每组总计 = 四种结果之和）——才按这种方式读取这些单元格，并像其他单元格一样核对；若有多种拆分都成立，则不读取（见 flattened-ambiguous）。恢复出的行按构造必然满足本行的勾稽关系，因此仍须对照原件核实。网页文本中，数字位数与单元格数相同的一串数字（如 0000000）只有一种读法，不产生本条提示。修复会按表格原有的格式把单元格分开书写，但不会自动应用。',
};

function finding(ctx: RuleContext, t: Table, row: Row): Finding | undefined {
  const cells = Object.values(row.cells).filter(c => c.recovered);
  const r = cells[0]?.recovered;
  // A web run with a digit per cell (`0000000`) could be read no other way: nothing to check.
  if (!r || r.forced) return undefined;
  const label = rowsOf(tableDecl(t.generation, t.id)).get(row.id)?.row.label;
  const args = {
    table: tableName(t.id, ctx.locale), run: r.run, cells: r.values.length, values: splitText(r.values),
    row: label ? fmt(M.row, ctx.locale, { row: rowTitle(t.generation, t.id, row.id) }) : fmt(M.dataRow, ctx.locale),
    reason: recoveryReason(t.generation, r, ctx.locale),
  };
  const message = fmt(r.values.length === 1 ? M.glued : M.split, ctx.locale, args);
  const fixes = [{ title: fmt(M.fix, ctx.locale, { values: splitText(r.values) }), edits: [runEdit(r)], preferred: false }];
  return {
    code: rule.code, severity: rule.severity, message, range: r.range, fixes,
    cells: cells.map(c => ({ table: t.id, row: c.row, column: c.column })),
  };
}

const rule: Rule = {
  code: 'recovered-cells',
  severity: 'information',
  doc,
  check(ctx) {
    const out: Finding[] = [];
    for (const t of tablesOf(ctx.report)) {
      for (const row of Object.values(t.rows)) {
        const f = finding(ctx, t, row);
        if (f) out.push(f);
      }
    }
    return out;
  },
};

export default rule;
