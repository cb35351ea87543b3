// 年报：导出表格到 Excel… runs here, in the node server: the client names the files or
// folders and the target, the server reads them from disk and streams the workbook
// (cli/export.ts, bundled apart as dist/export.js), so exceljs never enters the client and
// is not read when the server starts.
import type { Connection } from 'vscode-languageserver';
import { requireBundled } from '../import/load';
import { expandPaths, InputError } from '../cli/io';
import { localeOf } from '../engine';
import { REPORT_EXTENSIONS } from '../import';
import { EXPORT_REQUEST, type ExportParams, type ExportResponse } from './protocol';

export function registerExport(connection: Connection): void {
  connection.onRequest(EXPORT_REQUEST, async (params: ExportParams): Promise<ExportResponse> => {
    try {
      const files = expandPaths(params.paths, REPORT_EXTENSIONS);
      // exceljs is large: the export bundle (dist/export.js) is read on the first export, not at start.
      const { exportFiles } = requireBundled<typeof import('../cli/export')>('export.js');
      const s = await exportFiles(files, { format: params.format, out: params.out, locale: localeOf(params.locale) });
      return { ok: true, reports: s.reports, findings: s.findings, errors: s.errors };
    } catch (e) {
      if (e instanceof InputError) return { ok: false, reason: e.message };
      return { ok: false, reason: (e as Error)?.message ?? String(e) };
    }
  });
}
