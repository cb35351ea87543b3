// negative-count: a count or amount below zero. Only columns the template declares
// signed (2019's 本年增/减) may go negative. Dropping the sign is offered only when that is
// plainly what was meant: an identity through the cell holds without it and none breaks.
import { cellName } from '../describe';
import { evaluate, through, valuesOf, wouldBreak } from '../identities';
import { fmt, list, type Msg } from '../i18n';
import type { Cell, Table, Finding, Fix } from '../model';
import { cellKey, type CellRef } from '../templates';
import { identityName } from './identity';
import type { Rule, RuleContext } from './types';
import { cellsOf } from './cells';

const M = {
  negative: {
    en: '{cell} is {text}: counts and amounts cannot be negative.',
    'zh-cn': '{cell}填写为 {text}：数量和金额不能为负数。',
  },
  holds: { en: ' Without the minus sign {list} would hold.', 'zh-cn': '去掉负号后 {list} 成立。' },
  fix: { en: 'Remove the minus sign: {value}', 'zh-cn': '去掉负号：{value}' },
} satisfies Record<string, Msg>;

const doc: Msg = {
  en: 'A cell of a statistical table holds a negative number. Applications, outcomes, documents and amounts are counted, and a count cannot fall below zero; only the 2019 template\'s 本年增/减 (change on last year) column may be negative. A stray minus sign is usually a slip of the keyboard or debris from a converted document. When the identities show the number without its sign is right, removing the sign is offered as a fix.',
  'zh-cn': '统计表中某个单元格为负数。申请数、办理结果、文件数和金额都是计数，不可能小于零；只有 2019 版模板的“本年增/减”列可以为负。多出的负号通常是误按键或文档转换留下的杂字符。若勾稽关系表明去掉负号后的数值正确，会提供去掉负号的修复。',
};

/** The signs readCell accepts, as written. */
const MINUS = new Set(['-', '－', '−', '﹣']);

function finding(ctx: RuleContext, t: Table, cell: Cell, value: number): Finding {
  const ref: CellRef = { table: t.id, row: cell.row, column: cell.column };
  let message = fmt(M.negative, ctx.locale, { cell: cellName(t.generation, ref, ctx.locale), text: cell.text });
  const fixes: Fix[] = [];
  // The obvious case: the identities through the cell fail with the sign and hold without it.
  const v = valuesOf(t);
  const after = new Map(v);
  after.set(cellKey(ref.row, ref.column), -value);
  const mended = through(t, ref).filter(i => evaluate(i, v)?.holds === false && evaluate(i, after)?.holds);
  if (mended.length && !wouldBreak(t, v, ref, -value).length && MINUS.has(cell.text[0])) {
    message += fmt(M.holds, ctx.locale, { list: list(mended.map(i => identityName(t, i, ctx.locale)), ctx.locale) });
    const start = cell.range.start;
    fixes.push({
      title: fmt(M.fix, ctx.locale, { value: -value }),
      edits: [{ range: { start, end: { line: start.line, character: start.character + 1 } }, newText: '' }],
      preferred: false,
    });
  }
  return { code: rule.code, severity: rule.severity, message, range: cell.range, fixes, cells: [ref] };
}

const rule: Rule = {
  code: 'negative-count',
  severity: 'error',
  doc,
  checkTable(ctx, t) {
    const out: Finding[] = [];
    for (const { table, cell, column } of cellsOf(t)) {
      // 本年增/减 (a signed column) may be negative; no count may.
      if (cell.kind !== 'number' || cell.value === null || cell.value >= 0 || column?.kind === 'signed') continue;
      out.push(finding(ctx, table, cell, cell.value));
    }
    return out;
  },
};

export default rule;
