// `nianbao export --format xlsx|csv PATH... --out FILE`: the reports' tables as a
// spreadsheet, one row per report, one column per template cell (engine/export.ts), and
// every finding on a second sheet. Rows are written as each file is read: the workbook is
// streamed (exceljs WorkbookWriter), findings wait in a temporary file until the reports
// sheet is done (a zip holds one sheet after the other), csv is written line by line.
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ReportDocument, isReport, localeOf, type Locale } from '../engine';
import { allExportColumns, exportRows, type ExportCell } from '../engine/export';
import { REPORT_EXTENSIONS } from '../import';
import { UsageError, type Io } from './usage';
import { importPath, needsImport, sourcesOf } from './import';
import { expandPaths, InputError, readReport } from './io';

export const USAGE_EXPORT = 'usage: nianbao export --format xlsx|csv [--locale en|zh-cn] --out FILE PATH...';

type Value = string | number | boolean | null;

/** The fixed columns before the cells: Chinese header, stable id. */
const REPORT_HEAD: [string, string][] = [
  ['文件', 'file'], ['序号', 'report'], ['单位', 'body'], ['年度', 'year'], ['模板', 'template'],
  ['是否平衡', 'balances'], ['未能读出的单元格', 'unread'],
];
const FINDING_HEAD: [string, string][] = [
  ['文件', 'file'], ['行', 'line'], ['列', 'column'], ['代码', 'code'], ['严重程度', 'severity'], ['信息', 'message'], ['原文位置', 'source'],
];

/** Where rows go: a sheet of a streamed workbook, or a csv file. */
interface Sheet {
  /** `unread`: indices of cells to mark as not read. */
  row(values: Value[], unread?: number[]): void | Promise<void>;
  done(): Promise<void>;
}
interface Writer {
  sheet(name: string, head: [string, string][]): Promise<Sheet>;
  close(): Promise<void>;
}

export async function runExport(args: string[], io: Io): Promise<number> {
  let format: 'xlsx' | 'csv' | undefined, out: string | undefined;
  let locale = localeOf(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => { const v = args[++i]; if (v === undefined) throw new UsageError(`${a} needs a value`); return v; };
    if (a === '--format') {
      const v = value();
      if (v !== 'xlsx' && v !== 'csv') throw new UsageError(`--format must be xlsx or csv, not '${v}'`);
      format = v;
    } else if (a === '--out') out = value();
    else if (a === '--locale') locale = localeOf(value());
    else if (a.startsWith('--')) throw new UsageError(`unknown option '${a}'`);
    else paths.push(a);
  }
  if (!out) throw new UsageError(`--out FILE is required\n${USAGE_EXPORT}`);
  if (!paths.length) throw new UsageError(`no files or folders to export\n${USAGE_EXPORT}`);
  format ??= out.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
  const files = expandPaths(paths, REPORT_EXTENSIONS);
  const summary = await exportFiles(files, { format, out, locale });
  io.out(`${out}: ${summary.reports} reports from ${summary.files} files, ${summary.findings} findings${summary.failed ? `, ${summary.failed} files not read` : ''}\n`);
  for (const e of summary.errors) io.err(`nianbao: ${e}\n`);
  return summary.failed ? 2 : 0;
}

export interface ExportSummary { files: number; reports: number; findings: number; failed: number; errors: string[] }

/** Writes the export; a file that cannot be read is listed among the findings (code input-error) and counted. */
export async function exportFiles(files: string[], options: { format: 'xlsx' | 'csv'; out: string; locale: Locale }): Promise<ExportSummary> {
  const columns = allExportColumns();
  const head: [string, string][] = [...REPORT_HEAD, ...columns.map((c): [string, string] => [`${c.generation}版 · ${c.label}`, c.id])];
  const writer = options.format === 'xlsx' ? await xlsxWriter(options.out) : csvWriter(options.out);
  const reports = await writer.sheet('年报', head);
  // Findings wait in a temporary file, one JSON array per line.
  const tmp = mkdtempSync(path.join(tmpdir(), 'nianbao-export-'));
  let pending: number | undefined = openSync(path.join(tmp, 'findings.jsonl'), 'w');
  const closePending = () => { if (pending !== undefined) closeSync(pending); pending = undefined; };
  const summary: ExportSummary = { files: 0, reports: 0, findings: 0, failed: 0, errors: [] };
  const finding = (values: Value[]) => { writeSync(pending!, `${JSON.stringify(values)}\n`); summary.findings++; };
  try {
    for (const file of files) {
      let text: string, imported;
      try {
        if (needsImport(file)) { imported = await importPath(file, options.locale); text = imported.text; } else text = readReport(file);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        summary.failed++; summary.errors.push(e.message);
        finding([file, null, null, 'input-error', 'error', e.message, null]);
        continue;
      }
      const doc = new ReportDocument(text);
      const rows = exportRows(doc, options.locale).filter(r => isReport(r.report));
      if (!rows.length) {
        const message = `${file}: not a report (no part headings or standard tables found)`;
        summary.failed++; summary.errors.push(message);
        finding([file, null, null, 'input-error', 'error', message, null]);
        continue;
      }
      summary.files++;
      for (const [i, r] of rows.entries()) {
        const cells = columns.map(c => (c.generation === r.template ? r.cells.get(c.id) : undefined));
        const unread = columns.filter((c, j) => cells[j] && 'unread' in cells[j]!).map(c => c.id);
        const values: Value[] = [file, i + 1, r.body, r.year, r.template, r.balances, unread.join(' '), ...cells.map(cellValue)];
        await reports.row(values, cells.flatMap((c, j) => (c && 'unread' in c ? [REPORT_HEAD.length + j] : [])));
        summary.reports++;
        const sources = imported ? sourcesOf(r.findings, imported, options.locale) : [];
        r.findings.forEach((f, k) => finding([file, f.range.start.line + 1, f.range.start.character + 1, f.code, f.severity, f.message, sources[k] ?? null]));
      }
    }
    await reports.done();
    closePending();
    const sheet = await writer.sheet('问题', FINDING_HEAD);
    const lines = createInterface({ input: createReadStream(path.join(tmp, 'findings.jsonl'), 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) if (line) await sheet.row(JSON.parse(line) as Value[]);
    await sheet.done();
    await writer.close();
  } finally {
    closePending();
    rmSync(tmp, { recursive: true, force: true });
  }
  return summary;
}

/** Numbers as numbers, blanks empty, cells not read empty (and marked by the writer). */
const cellValue = (c: ExportCell | undefined): Value => (c && 'value' in c ? c.value : null);

// ── xlsx ────────────────────────────────────────────────────────────────────────────────
async function xlsxWriter(out: string): Promise<Writer> {
  const ExcelJS = (await import('exceljs')).default;
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true, useSharedStrings: false });
  const UNREAD = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE699' } } as const;
  return {
    async sheet(name, head) {
      const ws = book.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });
      const labels = ws.addRow(head.map(h => h[0]));
      labels.font = { bold: true };
      labels.commit();
      const ids = ws.addRow(head.map(h => h[1]));
      ids.font = { italic: true, color: { argb: 'FF808080' } };
      ids.commit();
      return {
        row(values, unread = []) {
          const row = ws.addRow(values);
          for (const j of unread) {
            const cell = row.getCell(j + 1);
            cell.fill = UNREAD;
            cell.note = '未能读出 / not read';
          }
          row.commit();
        },
        async done() { ws.commit(); },
      };
    },
    async close() { await book.commit(); },
  };
}

// ── csv ─────────────────────────────────────────────────────────────────────────────────
/** RFC 4180 quoting. */
const csvField = (v: Value) => {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * The reports to FILE, the findings to FILE with .findings.csv: csv has no sheets. UTF-8
 * with a BOM so that spreadsheet programs read the Chinese. A cell not read is empty, and
 * its id is listed in the row's `unread` column.
 */
function csvWriter(out: string): Writer {
  let first = true;
  return {
    async sheet(_name, head) {
      const file = first ? out : findingsCsv(out);
      first = false;
      const fd = openSync(file, 'w');
      const line = (values: Value[]) => writeSync(fd, `${values.map(csvField).join(',')}\r\n`);
      writeSync(fd, '\uFEFF');
      line(head.map(h => h[0]));
      line(head.map(h => h[1]));
      return { row: values => { line(values); }, async done() { closeSync(fd); } };
    },
    async close() { /* each file closed with its sheet */ },
  };
}

/** The findings file next to a csv export. */
export const findingsCsv = (out: string) => out.replace(/(\.csv)?$/i, '.findings.csv');

