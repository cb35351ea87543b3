// The table view's data (TABLE_VIEW_REQUEST): each report's three tables as grids laid out
// from the template declaration (engine/render/layout.ts), with the header labels merged
// over the columns they span, and every value cell's text, state, range and findings.
import { TABLE_IDS, type Finding, type Generation, type Locale, type Range, type Report, type TableId } from '../engine';
import type { ReportDocument } from '../engine';
import { cellName, tableName } from '../engine/describe';
import { fmt, type Msg } from '../engine/i18n';
import { identitiesOf } from '../engine/identities';
import { layoutOf, type LayoutRow } from '../engine/render/layout';
import { tableDecl } from '../engine/templates';
import type { TableViewCell, TableViewGrid, TableViewGridCell, TableViewResult } from './protocol';
import { overlaps } from '../engine/text/range';

const M = {
  blank: { en: 'blank', 'zh-cn': '空白' },
  unread: { en: 'not read', 'zh-cn': '未读出' },
  absent: { en: 'This table was not found in the report: no cell could be read.', 'zh-cn': '报告中未找到此表，所有单元格均未读出。' },
  noReport: { en: 'No report found in this document.', 'zh-cn': '此文档中未找到年报内容。' },
  total: { en: 'total', 'zh-cn': '合计' },
  template: { en: '{gen} template', 'zh-cn': '{gen} 版模板' },
  year: { en: 'year {year}', 'zh-cn': '{year} 年度' },
  yearUnknown: { en: 'year unknown', 'zh-cn': '年度未知' },
  findings: { en: 'Findings', 'zh-cn': '检查结果' },
  source: { en: 'Click or press Enter to select it in the source.', 'zh-cn': '单击或按 Enter 在原文中选中。' },
} satisfies Record<string, Msg>;

export function tableViewOf(uri: string, doc: ReportDocument, findings: readonly Finding[], locale: Locale): TableViewResult {
  const labels = Object.fromEntries(Object.entries(M).map(([k, m]) => [k, fmt(m, locale)])) as TableViewResult['labels'];
  const cells: Record<string, TableViewCell> = {};
  const reports = doc.model.reports.map((report, ri) => ({
    template: report.template,
    year: report.year ?? null,
    tables: TABLE_IDS.map(id => tableGrid(report, ri, id, cells, locale)),
  }));
  doc.model.reports.forEach((report, ri) => markFindings(report, ri, findings, cells));
  const shape = reports.map(r => `${r.template}:${r.tables.map(t => `${t.id}${t.absent ? '-' : '+'}`).join(',')}`).join('|');
  return { uri, shape, labels, reports, cells };
}

const keyOf = (ri: number, table: TableId, row: string, column: string) => `${ri}:${table}:${row}:${column}`;

function tableGrid(report: Report, ri: number, id: TableId, cells: Record<string, TableViewCell>, locale: Locale): TableViewGrid {
  const table = report.tables[id];
  const gen: Generation = table?.generation ?? report.template;
  const layout = layoutOf(gen, id);
  const totals = new Set(table ? identitiesOf(table).map(i => `${i.solveFor.row}:${i.solveFor.column}`) : []);
  for (const row of layout.rows) {
    for (const c of row.cells) {
      if (c.kind !== 'value') continue;
      const cell = table?.rows[c.row]?.cells[c.column];
      cells[keyOf(ri, id, c.row, c.column)] = {
        state: !cell ? 'unread' : cell.kind,
        text: cell?.text ?? '',
        ...(cell ? { range: cell.range } : {}),
        ...(totals.has(`${c.row}:${c.column}`) ? { total: true } : {}),
        name: cellName(gen, { table: id, row: c.row, column: c.column }, locale),
      };
    }
  }
  return {
    id, title: `${tableName(id, locale)} ${tableDecl(gen, id).name}`.trim(), absent: !table, width: layout.width,
    rows: gridRows(layout.rows, layout.width, ri, id),
  };
}

/**
 * Layout rows as HTML-like rows. In a run of header rows a label is written once where it
 * spans: a blank above a column's last label continues the label on its left (colspan); a
 * blank below it continues that label down (rowspan). Block and group labels span the width.
 */
function gridRows(rows: readonly LayoutRow[], width: number, ri: number, id: TableId): TableViewGrid['rows'] {
  const out: TableViewGrid['rows'] = [];
  for (let i = 0; i < rows.length;) {
    const row = rows[i];
    if (row.kind !== 'header') {
      const cells: TableViewGridCell[] = row.kind === 'data'
        ? row.cells.map(c => c.kind === 'value' ? { kind: 'value', key: keyOf(ri, id, c.row, c.column) } : { kind: 'label', text: c.kind === 'label' ? c.text : '' })
        : [{ kind: 'label', text: row.cells[0]?.kind === 'label' ? row.cells[0].text : '', colspan: width }];
      out.push({ kind: row.kind, cells });
      i++;
      continue;
    }
    let end = i;
    while (end < rows.length && rows[end].kind === 'header') end++;
    out.push(...mergeHeaders(rows.slice(i, end), width));
    i = end;
  }
  return out;
}

function mergeHeaders(run: readonly LayoutRow[], width: number): TableViewGrid['rows'] {
  const isLabel = (r: number, j: number) => run[r].cells[j]?.kind === 'label';
  const last: number[] = [];
  for (let j = 0; j < width; j++) {
    last[j] = -1;
    for (let r = 0; r < run.length; r++) if (isLabel(r, j)) last[j] = r;
  }
  return run.map((row, r) => {
    const cells: TableViewGridCell[] = [];
    for (let j = 0; j < width; j++) {
      const c = row.cells[j];
      if (c?.kind === 'label') {
        let colspan = 1;
        while (j + colspan < width && !isLabel(r, j + colspan) && r < last[j + colspan]) colspan++;
        const rowspan = r === last[j] ? run.length - r : 1;
        cells.push({ kind: 'label', header: true, text: c.text, ...(colspan > 1 ? { colspan } : {}), ...(rowspan > 1 ? { rowspan } : {}) });
      } else if (last[j] === -1 && r === 0) {
        cells.push({ kind: 'label', header: true, text: '', ...(run.length > 1 ? { rowspan: run.length } : {}) });
      }
      // Any other blank is covered by a span from the left or from above.
    }
    return { kind: 'header' as const, cells };
  });
}

const within = (r: Range, outer: Range) => r.start.line >= outer.start.line && r.end.line <= outer.end.line;

/**
 * Each finding on the cells it names (primary: the cell its range is on, the one the
 * diagnostic squiggles; the others are the terms it involves); a finding naming no cells
 * marks the cells its one-line range covers.
 */
function markFindings(report: Report, ri: number, findings: readonly Finding[], cells: Record<string, TableViewCell>) {
  const add = (key: string, f: Finding) => {
    const cell = cells[key];
    if (!cell) return;
    const primary = !!cell.range && overlaps(cell.range, f.range);
    const list = (cell.findings ??= []);
    const had = list.find(x => x.code === f.code && x.message === f.message);
    if (had) had.primary ||= primary;
    else list.push({ severity: f.severity, code: f.code, message: f.message, primary });
  };
  for (const f of findings) {
    if (!within(f.range, report.range)) continue;
    if (f.cells?.length) {
      for (const c of f.cells) add(keyOf(ri, c.table, c.row, c.column), f);
    } else if (f.range.start.line === f.range.end.line) {
      for (const [key, cell] of Object.entries(cells)) {
        if (key.startsWith(`${ri}:`) && cell.range && cell.range.start.line === f.range.start.line && overlaps(cell.range, f.range)) add(key, f);
      }
    }
  }
}
