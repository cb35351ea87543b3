// Code actions from findings: each finding's own fixes, the same fix widened to its row,
// table or document, and fix-all (preferred fixes only).
import type { ReportDocument } from './document';
import { fmt, localeOf, type Msg } from './i18n';
import type { Range, Edit, Finding } from './model';
import { recomputeEdits } from './fixes/recompute';
import { fillEdits } from './fixes/fill';
import { overlaps } from './text/range';

export interface Action {
  title: string;
  kind: 'quickfix' | 'source.fixAll';
  edits: readonly Edit[];
  preferred: boolean;
  /** The findings the action resolves. */
  findings: Finding[];
}

const M = {
  recomputeRow: { en: 'Recompute every total in this row', 'zh-cn': '重新计算本行所有合计' },
  recomputeTable: { en: 'Recompute every total in this table', 'zh-cn': '重新计算本表所有合计' },
  recomputeAll: { en: 'Recompute every total in the document', 'zh-cn': '重新计算全文所有合计' },
  fillRow: { en: 'Fill every blank count in this row with 0', 'zh-cn': '将本行空白单元格填为 0' },
  fillTable: { en: 'Fill every blank count in this table with 0', 'zh-cn': '将本表空白单元格填为 0' },
  fixAll: { en: 'Fix all safe nianbao problems', 'zh-cn': '修复全部可安全修复的年报问题' },
} satisfies Record<string, Msg>;

/** Quick fixes for the findings at `range`, plus their widened forms. */
export function quickFixes(doc: ReportDocument, findings: Finding[], range: Range, localeTag?: string): Action[] {
  const locale = localeOf(localeTag);
  const here = findings.filter(f => overlaps(f.range, range));
  const out: Action[] = [];
  const seen = new Set<string>();
  const push = (a: Action) => {
    const key = a.title + JSON.stringify(a.edits);
    if (!a.edits.length || seen.has(key)) return;
    seen.add(key);
    out.push(a);
  };
  for (const f of here) for (const fix of f.fixes) push({ title: fix.title, kind: 'quickfix', edits: fix.edits, preferred: fix.preferred, findings: [f] });
  for (const f of here) {
    for (const fix of f.fixes) {
      const s = fix.scope;
      if (!s) continue;
      const inTable = (r: number, t: string) => r === s.report && t === s.table;
      if (s.kind === 'recompute') {
        push({ title: fmt(M.recomputeRow, locale), kind: 'quickfix', preferred: false, findings: [f],
          edits: recomputeEdits(doc, (r, t, i) => inTable(r, t.id) && i.solveFor.row === s.row) });
        push({ title: fmt(M.recomputeTable, locale), kind: 'quickfix', preferred: false, findings: [f],
          edits: recomputeEdits(doc, (r, t) => inTable(r, t.id)) });
        push({ title: fmt(M.recomputeAll, locale), kind: 'quickfix', preferred: false, findings: [f],
          edits: recomputeEdits(doc, () => true) });
      } else {
        push({ title: fmt(M.fillRow, locale), kind: 'quickfix', preferred: false, findings: [f], edits: fillEdits(doc, s.report, s.table, s.row) });
        push({ title: fmt(M.fillTable, locale), kind: 'quickfix', preferred: false, findings: [f], edits: fillEdits(doc, s.report, s.table) });
      }
    }
  }
  return out;
}

/** Fix-all: every preferred fix that does not overlap another, plus recomputed totals. */
export function fixAll(doc: ReportDocument, findings: Finding[], localeTag?: string): Action {
  const edits: Edit[] = recomputeEdits(doc, () => true);
  // The edits taken, by each line they touch: a fix is compared with the edits on its own
  // lines only (comparing it with every edit taken is quadratic on a compilation).
  const byLine = new Map<number, Edit[]>();
  const take = (e: Edit) => {
    edits.push(e);
    for (let l = e.range.start.line; l <= e.range.end.line; l++) {
      const at = byLine.get(l);
      if (at) at.push(e); else byLine.set(l, [e]);
    }
  };
  const taken = (e: Edit) => {
    for (let l = e.range.start.line; l <= e.range.end.line; l++) if (byLine.get(l)?.some(x => overlaps(x.range, e.range))) return true;
    return false;
  };
  const recomputed = edits.splice(0);
  for (const e of recomputed) take(e);
  for (const f of findings) {
    for (const fix of f.fixes) {
      if (!fix.preferred || fix.scope?.kind === 'recompute' || fix.edits.some(taken)) continue;
      for (const e of fix.edits) take(e);
    }
  }
  return { title: fixAllTitle(localeTag), kind: 'source.fixAll', edits, preferred: false, findings };
}

/** Fix-all's title, without working out its edits (a code action list names it; resolving computes them). */
export const fixAllTitle = (localeTag?: string) => fmt(M.fixAll, localeOf(localeTag));
