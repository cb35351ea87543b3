// cross-year: with last year's report of the same body at hand (an open document, the same
// folder, the files checked together; see peers.ts), this year's 二、上年结转 must equal last year's 四、结转下年度继续办理, per column;
// and for 2021+ tables, 现行有效件数 = last year's + 本年制发件数 − 本年废止件数.
import type { ReportDocument } from '../document';
import { cellName } from '../describe';
import { cellEdit } from '../edits/cells';
import { fmt, type Msg } from '../i18n';
import type { Cell, Report, Table, Edit, Finding } from '../model';
import { columnDecl, tableDecl, rowsOf, type CellRef } from '../templates';
import { bodyNames, sameBody } from '../body';
import type { Rule, RuleContext } from './types';

const M = {
  carried: {
    en: '{cell} is {value}, but last year\'s report ({peerYear}) carried {peerValue} forward ({peerCell}).',
    'zh-cn': '{cell}为 {value}，但上年度（{peerYear} 年）报告的{peerCell}为 {peerValue}。',
  },
  inForce: {
    en: '{cell} is {value}, but last year\'s {peerValue} + {issued} issued − {repealed} repealed = {expected}.',
    'zh-cn': '{cell}为 {value}，但上年度 {peerValue} + 本年制发 {issued} − 本年废止 {repealed} = {expected}。',
  },
  fix: { en: 'Copy last year\'s 四、结转下年度继续办理 into 二、上年结转', 'zh-cn': '按上年度“四、结转下年度继续办理”填写“二、上年结转”' },
} satisfies Record<string, Msg>;

const doc: Msg = {
  en: 'When last year\'s report of the same body is at hand (open in the editor, in the same folder, or checked together on the command line; matched by the body\'s name and the year), this year\'s 二、上年结转政府信息公开申请数量 must equal last year\'s 四、结转下年度继续办理 in every column, and for 2021+ tables 现行有效件数 must equal last year\'s plus 本年制发件数 minus 本年废止件数. A mismatch means one of the two reports is wrong. A quick fix copies last year\'s row 四 into this year\'s row 二 (not applied unattended: last year\'s report may be the wrong one).',
  'zh-cn': '同一机关上年度报告在手时（已在编辑器中打开、在同一文件夹，或在命令行中一并检查；按机关名称和年度识别），本年“二、上年结转政府信息公开申请数量”每一列应等于上年“四、结转下年度继续办理”；2021 版表格的“现行有效件数”应等于上年数加本年制发件数减本年废止件数。不一致说明两份报告之一有误。快速修复可把上年“四”行抄入本年“二”行（不自动应用：错的也可能是上年报告）。',
};

/** Last year's report of this report's body among the peers. */
export function lastYearsReport(ctx: Pick<RuleContext, 'doc' | 'report' | 'peers'>): { doc: ReportDocument; report: Report } | undefined {
  const year = ctx.report.year;
  const names = bodyNames(ctx);
  if (year === undefined || !names.length) return undefined;
  for (const peer of ctx.peers) {
    if (peer === ctx.doc) continue;
    for (const report of peer.model.reports) {
      if (report.year === year - 1 && sameBody(names, bodyNames({ doc: peer, report }))) return { doc: peer, report };
    }
  }
  return undefined;
}

const num = (t: Table | undefined, row: string, column: string) => {
  const v = t?.rows[row]?.cells[column]?.value;
  return typeof v === 'number' ? v : undefined;
};

/** The table's generation declares 现行有效件数 for the row (2021 on: last year's count carries into this year's). */
const hasInForce = (t: Table, row: string) => columnDecl(tableDecl(t.generation, t.id), row, 'in_force') !== undefined;

/** What cross-year compares a cell of this year's with: last year's cell, and for 现行有效件数 the expected value. */
export interface Compared {
  last: { doc: ReportDocument; report: Report };
  ref: CellRef;
  cell: Cell;
  /** 现行有效件数: last year's + 本年制发 − 本年废止, when all are numbers. */
  expected?: { issued: number; repealed: number; value: number };
}

/** Last year's cell that `ref` (a cell of this year's 二, or a 现行有效件数) is compared with. */
export function comparedCell(ctx: Pick<RuleContext, 'doc' | 'report' | 'peers'>, ref: CellRef): Compared | undefined {
  const mine = ctx.report.tables[ref.table];
  const carried = ref.table === 'applications' && ref.row === 'carried_over';
  const inForce = ref.table === 'proactive' && ref.column === 'in_force' && !!mine && hasInForce(mine, ref.row);
  if (!mine || (!carried && !inForce)) return undefined;
  const last = lastYearsReport(ctx);
  const theirs = last?.report.tables[ref.table];
  if (!last || !theirs || (inForce && !hasInForce(theirs, ref.row))) return undefined;
  const peerRef = carried ? { table: ref.table, row: 'carried_forward', column: ref.column } : ref;
  const cell = theirs.rows[peerRef.row]?.cells[peerRef.column];
  if (!cell) return undefined;
  const out: Compared = { last, ref: peerRef, cell };
  const [issued, repealed] = [num(mine, ref.row, 'issued'), num(mine, ref.row, 'repealed')];
  if (inForce && typeof cell.value === 'number' && issued !== undefined && repealed !== undefined) {
    out.expected = { issued, repealed, value: cell.value + issued - repealed };
  }
  return out;
}

// Findings carry no `related` ranges: those would be in last year's document, and a
// Finding's ranges are this document's. Hover calls comparedCell() for both cells.
const rule: Rule = {
  code: 'cross-year',
  severity: 'warning',
  doc,
  check(ctx) {
    const last = lastYearsReport(ctx);
    if (!last) return [];
    const { locale } = ctx;
    const out: Finding[] = [];
    const mine = ctx.report.tables.applications;
    const theirs = last.report.tables.applications;
    if (mine && theirs) {
      const columns = rowsOf(tableDecl(mine.generation, 'applications')).get('carried_over')!.columns.map(c => c.id);
      const wrong = columns.filter(c => {
        const a = num(mine, 'carried_over', c);
        const b = num(theirs, 'carried_forward', c);
        return b !== undefined && mine.rows.carried_over?.cells[c] && a !== b;
      });
      // One fix for the row: every differing cell takes last year's value.
      const edits: Edit[] = wrong.map(c => cellEdit(ctx.doc, mine.rows.carried_over!.cells[c], num(theirs, 'carried_forward', c)!));
      for (const c of wrong) {
        const cell = mine.rows.carried_over!.cells[c];
        const peerCell = theirs.rows.carried_forward!.cells[c];
        out.push({
          code: rule.code, severity: rule.severity, range: cell.range,
          cells: [{ table: 'applications', row: 'carried_over', column: c }],
          message: fmt(M.carried, locale, {
            cell: cellName(mine.generation, { table: 'applications', row: 'carried_over', column: c }, locale), value: cell.text || '—',
            peerYear: last.report.year!, peerValue: peerCell.value!,
            peerCell: cellName(theirs.generation, { table: 'applications', row: 'carried_forward', column: c }, locale),
          }),
          fixes: [{ title: fmt(M.fix, locale), edits, preferred: false }],
        });
      }
    }
    const p = ctx.report.tables.proactive;
    const q = last.report.tables.proactive;
    if (p && q) {
      for (const row of rowsOf(tableDecl(p.generation, 'proactive')).values()) {
        const id = row.row.id;
        if (!hasInForce(p, id) || !hasInForce(q, id)) continue;
        const [value, issued, repealed, before] = [num(p, id, 'in_force'), num(p, id, 'issued'), num(p, id, 'repealed'), num(q, id, 'in_force')];
        if (value === undefined || issued === undefined || repealed === undefined || before === undefined) continue;
        const expected = before + issued - repealed;
        if (expected === value) continue;
        const ref = { table: 'proactive' as const, row: id, column: 'in_force' };
        out.push({
          code: rule.code, severity: 'information', range: p.rows[id]!.cells.in_force.range, cells: [ref], fixes: [],
          message: fmt(M.inForce, locale, { cell: cellName(p.generation, ref, locale), value, peerValue: before, issued, repealed, expected }),
        });
      }
    }
    return out;
  },
};

export default rule;
