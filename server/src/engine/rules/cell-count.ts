// cell-count: a row with more or fewer cells than its template row has columns. Extra
// cells hold numbers the table does not count; missing cells mean the numbers after the
// gap may have slid into the wrong columns. An extra cell that is EMPTY and trails the
// row is not reported (see the doc).
import { fmt, list, type Msg } from '../i18n';
import type { Row, Table, Unplaced, Finding } from '../model';
import { columnLabel, tableName, rowTitle } from '../describe';
import { rowsOf, tableDecl } from '../templates';
import type { Rule, RuleContext } from './types';

const M = {
  more: {
    en: 'In {table}, {row} has {count} cells, but the template has {expected} columns; {extra} is not counted in any column.',
    'zh-cn': '{table}：{row}有 {count} 个单元格，而模板只有 {expected} 列；多出的{extra}未计入任何一列。',
  },
  fewer: {
    en: 'In {table}, {row} has only {count} of its {expected} cells; no cell was found for {missing}. The numbers after a lost cell may stand in the wrong columns.',
    'zh-cn': '{table}：{row}只有 {count} 个单元格，模板为 {expected} 列；{missing}没有对应的单元格。缺失单元格之后的数字可能错位到了其他列。',
  },
  ranTogether: {
    en: 'In {table}, {row} has only {count} of its {expected} cells: its digits 「{run}」 run together and cannot be split with certainty (flattened-ambiguous), so nothing was read for {missing}.',
    'zh-cn': '{table}：{row}只有 {count} 个单元格，模板为 {expected} 列：其数字「{run}」连在一起，无法确定如何拆分（flattened-ambiguous），因此{missing}未读取任何数字。',
  },
  row: { en: 'row 「{row}」', 'zh-cn': '「{row}」行' },
  dataRow: { en: 'the data row', 'zh-cn': '数据行' },
} satisfies Record<string, Msg>;

const doc: Msg = {
  en: 'A table row has more or fewer cells than the template gives that row columns. With more, the extra numbers are counted in no column, and often a cell was split or a neighbouring row\'s number slid in; with fewer, a cell was lost and the numbers after it may stand in the wrong columns, which no total can show if the lost cell was 0. Where the row\'s digits ran together and could not be split with certainty (flattened-ambiguous, web text), the message says so instead: nothing slid, nothing was read. An extra cell that is empty and trails the row\'s numbers (seed 000, where the row lost its label) is not reported: it holds nothing and moves no number, so the note would be a false alarm. No fix is offered: which cell is extra or lost is the author\'s to say.',
  'zh-cn': '表格某一行的单元格数多于或少于模板为该行规定的列数。多出时，多出的数字未计入任何一列，往往是单元格被拆分或相邻行的数字窜入；缺少时，某个单元格丢失，其后的数字可能错位到其他列，若丢失的是 0，任何合计都查不出来。若该行数字连在一起且无法确定拆分（flattened-ambiguous，网页文本），则提示说明这一点：没有数字错位，只是未读取任何数字。位于该行数字之后的空白多余单元格（如种子报告 000 中丢失行标签的那一行）不予报告：它既无内容，也未使任何数字错位，报告它只会是误报。不提供修复：哪个单元格多余或丢失，应由作者判断。',
};

function finding(ctx: RuleContext, t: Table, row: Row, extras: Unplaced[]): Finding | undefined {
  const columns = rowsOf(tableDecl(t.generation, t.id)).get(row.id)?.columns ?? [];
  const expected = columns.length;
  const filled = extras.filter(u => u.text !== '');
  // A trailing empty cell holds nothing and shifts nothing.
  if (row.cellCount > expected && !filled.length) return undefined;
  // Table 四's single row has no label: call it what it is.
  const label = rowsOf(tableDecl(t.generation, t.id)).get(row.id)?.row.label;
  const name = label ? fmt(M.row, ctx.locale, { row: rowTitle(t.generation, t.id, row.id) }) : fmt(M.dataRow, ctx.locale);
  const args = { table: tableName(t.id, ctx.locale), row: name, count: row.cellCount, expected };
  if (row.cellCount > expected) {
    return {
      code: 'cell-count', severity: 'error', range: filled[0].range, fixes: [],
      message: fmt(M.more, ctx.locale, { ...args, extra: list(filled.map(u => `「${u.text}」`), ctx.locale) }),
    };
  }
  if (row.cellCount < expected) {
    const missing = list(columns.filter(c => !row.cells[c.id]).map(c => `「${columnLabel(t.generation, t.id, row.id, c.id)}」`), ctx.locale);
    // Cells not lost but run together (web text): say so, not that numbers may have slid.
    const unsplit = t.unsplit.find(u => u.row === row.id);
    const message = unsplit ? fmt(M.ranTogether, ctx.locale, { ...args, run: unsplit.run, missing }) : fmt(M.fewer, ctx.locale, { ...args, missing });
    return { code: 'cell-count', severity: 'error', range: row.range, fixes: [], message };
  }
  return undefined;
}

const rule: Rule = {
  code: 'cell-count',
  severity: 'error',
  doc,
  checkTable(ctx, t) {
    const out: Finding[] = [];
    for (const row of Object.values(t.rows)) {
      const f = finding(ctx, t, row, t.unplaced.filter(u => u.kind === 'extra-cell' && u.afterRow === row.id));
      if (f) out.push(f);
    }
    return out;
  },
};

export default rule;
