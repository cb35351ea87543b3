// The tables as spreadsheet rows (`nianbao export`): one column per template cell, headed
// by the declaration's Chinese labels and the cell's stable id; one row per report. Pure:
// the CLI writes the rows (xlsx or csv) as they come.
import type { ReportDocument } from './document';
import type { Report, Finding } from './model';
import { check } from './physical';
import { bodyNames } from './body';
import { GENERATIONS, TABLE_IDS, TEMPLATES, tableDecl, type Generation, type TableId } from './templates';
import type { Locale } from './i18n';

export interface ExportColumn {
  generation: Generation;
  table: TableId;
  row: string;
  column: string;
  /** 表二 · 第二十条第（一）项 · 规章 · 本年制发件数: table, block, group, row and column labels. */
  label: string;
  /** 2021.proactive.rules.new: unique over both generations. */
  id: string;
}

const columnCache = new Map<Generation, ExportColumn[]>();

/** Every value cell of a generation's three tables, in the tables' order. */
export function exportColumns(gen: Generation): ExportColumn[] {
  let out = columnCache.get(gen);
  if (out) return out;
  out = [];
  for (const table of TABLE_IDS) {
    const t = tableDecl(gen, table);
    const groups = new Map(t.groups.map(g => [g.id, g]));
    for (const block of t.blocks) {
      for (const row of block.rows) {
        const chain: string[] = [];
        for (let g = row.group; g; g = groups.get(g)?.parent) chain.unshift(groups.get(g)!.label);
        for (const c of block.columns) {
          const parts = [t.name, block.label, ...chain, row.label, c.group, c.label].filter((s): s is string => !!s);
          out.push({ generation: gen, table, row: row.id, column: c.id, label: parts.join(' · '), id: `${gen}.${table}.${row.id}.${c.id}` });
        }
      }
    }
  }
  columnCache.set(gen, out);
  return out;
}

/** The columns of an export: one block per generation, the current one first. */
export const allExportColumns = (): ExportColumn[] => [...GENERATIONS].reverse().flatMap(exportColumns);

/** What a cell holds in the export: a number, blank (written empty, / or —), or unread (missing or words). */
export type ExportCell = { value: number } | { blank: true } | { unread: true; text?: string };

export interface ExportRow {
  report: Report;
  body: string;
  year: number | null;
  template: Generation;
  /** No identity (总计 = Σ, 一 + 二 = 三 + 四 …) is broken. */
  balances: boolean;
  /** By column id, for the report's own generation. */
  cells: Map<string, ExportCell>;
  findings: Finding[];
}

/** The rows of one document: one per report, with the findings that fall in it. */
export function exportRows(doc: ReportDocument, locale: Locale = 'zh-cn'): ExportRow[] {
  const findings = check(doc, { locale });
  const reports = doc.model.reports;
  const startOf = (r: Report) => doc.physicalPosition(r.range.start).line;
  return reports.map((report, i) => {
    const from = i === 0 ? 0 : startOf(report);
    const to = i + 1 < reports.length ? startOf(reports[i + 1]) : Infinity;
    const own = findings.filter(f => f.range.start.line >= from && f.range.start.line < to);
    const identityCodes = new Set(TEMPLATES[report.template].identities.map(d => d.code));
    const cells = new Map<string, ExportCell>();
    for (const col of exportColumns(report.template)) {
      const t = report.tables[col.table];
      const cell = t?.generation === report.template ? t.rows[col.row]?.cells[col.column] : undefined;
      cells.set(col.id, !cell ? { unread: true }
        : cell.kind === 'number' && cell.value !== null ? { value: cell.value }
          : cell.kind === 'blank' ? { blank: true } : { unread: true, text: cell.text });
    }
    return {
      report,
      body: bodyNames({ doc, report })[0] ?? '',
      year: report.year ?? null,
      template: report.template,
      balances: !own.some(f => identityCodes.has(f.code) && f.severity === 'error'),
      cells,
      findings: own,
    };
  });
}
