// Spreadsheets (.xlsx), read with exceljs. Each sheet is a grid (merged ranges written
// once, numbers as their cell format shows them). A sheet is recognised as one of the
// standard tables by the template's labels in it. A workbook holding one table imports as
// that table; one holding several standard tables on their own sheets imports as a report
// skeleton — the template's six part headings with each table under its part — for the
// prose to be written around them.
import type { Msg } from '../engine/i18n';
import ExcelJS from 'exceljs';
import { GENERATIONS, TEMPLATES, type Generation, type TableId } from '../engine/templates';
import { ImportError, type Importer } from './types';
import { ReportWriter, type GridCell } from './write';

interface Sheet { name: string; rows: GridCell[][]; table?: TableId; generation?: Generation }

/** A cell's value as Excel shows it (the decimals its number format keeps). */
export function cellValueText(value: ExcelJS.CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    // The decimals of the format's first section (0.00, #,##0.00_ ), quoted literals aside.
    const format = (numFmt ?? '').split(';')[0].replace(/"[^"]*"/g, '');
    const decimals = /0\.(0+)/.exec(format)?.[1].length;
    if (decimals !== undefined && !format.includes('%')) return value.toFixed(decimals);
    return String(Number(value.toPrecision(15)));
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map(r => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellValueText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue, numFmt);
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellValueText(value.text as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return '';
}

function gridOf(ws: ExcelJS.Worksheet): GridCell[][] {
  const rows: GridCell[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: GridCell[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = ws.getRow(r).getCell(c);
      if (cell.isMerged && cell.master.address !== cell.address) row.push({ text: '', merged: true });
      else row.push({ text: cellValueText(cell.value, cell.numFmt), source: { kind: 'sheet', sheet: ws.name, cell: cell.address } });
    }
    rows.push(row);
  }
  return rows;
}

const norm = (s: string) => s.replace(/\s+/g, '');

/** Every label a table of a generation prints: block, header, group, column and row labels. */
function labelsOf(gen: Generation, id: TableId): string[] {
  const t = TEMPLATES[gen].tables.find(x => x.id === id)!;
  return [...t.headerLabels, ...t.groups.map(g => g.label), ...t.blocks.flatMap(b => [
    ...(b.label ? [b.label] : []), ...b.columns.map(c => c.label), ...b.rows.flatMap(r => (r.label ? [r.label, ...r.variants] : [])),
  ])].map(norm);
}

/** Which standard table a sheet holds, and of which generation: the one whose labels it shows most. */
function recognise(sheet: Sheet): void {
  const texts = new Set(sheet.rows.flat().map(c => norm(c.text)).filter(Boolean));
  let best = 2; // fewer than three labels is not a standard table
  for (const gen of GENERATIONS) for (const t of TEMPLATES[gen].tables) {
    const score = new Set(labelsOf(gen, t.id).filter(l => texts.has(l))).size;
    if (score > best) { best = score; sheet.table = t.id; sheet.generation = gen; }
  }
}

const notXlsx = () => new ImportError({
  en: 'This file is not an Excel workbook (.xlsx). An .xls file from older Excel or WPS must be saved as .xlsx first.',
  'zh-cn': '此文件不是 Excel 工作簿（.xlsx）。旧版 Excel 或 WPS 的 .xls 文件请先另存为 .xlsx。',
});

export const importer: Importer = async (bytes) => {
  const wb = new ExcelJS.Workbook();
  try { await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer); } catch { throw notXlsx(); }
  const sheets: Sheet[] = wb.worksheets.filter(ws => ws.state !== 'hidden')
    .map(ws => ({ name: ws.name, rows: gridOf(ws) }))
    .filter(s => s.rows.some(r => r.some(c => c.text.trim())));
  if (!sheets.length) throw new ImportError({ en: 'The workbook has no cells with content.', 'zh-cn': '此工作簿中没有内容。' });
  sheets.forEach(recognise);
  const writer = new ReportWriter();
  const notes: Msg[] = [];
  const tables = sheets.filter(s => s.table);
  const distinct = new Set(tables.map(s => s.table));
  if (distinct.size < 2) {
    // One table (or none recognised): the sheets as they are, each a table.
    for (const s of sheets) writer.table(s.rows);
  } else {
    const gen = tables[0].generation!;
    const template = TEMPLATES[gen];
    for (const part of template.parts) {
      writer.paragraph(`${part.numeral}、${part.heading}`);
      const table = template.tables.find(t => t.part === part.number);
      for (const s of tables.filter(x => x.table === table?.id)) writer.table(s.rows);
    }
    const others = sheets.filter(s => !s.table);
    for (const s of others) writer.table(s.rows);
    notes.push({
      en: `The workbook holds the tables ${tables.map(s => `「${s.name}」`).join(' ')}: they are placed under their parts of a report skeleton (the template's part headings), for the report's text to be written in.${others.length ? ` Sheets that hold no standard table follow at the end: ${others.map(s => `「${s.name}」`).join(' ')}.` : ''}`,
      'zh-cn': `此工作簿包含表格 ${tables.map(s => `「${s.name}」`).join(' ')}：已放入年报框架（模板的各部分标题）中对应的部分，正文待填写。${others.length ? `不含标准表格的工作表附在末尾：${others.map(s => `「${s.name}」`).join(' ')}。` : ''}`,
    });
  }
  return writer.result('xlsx', notes);
};
