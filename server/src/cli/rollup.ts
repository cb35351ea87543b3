// `nianbao rollup [--format md|json] [--locale en|zh-cn] FILE…`: sum the three tables of
// several reports (one generation) into a new report, the way a city office rolls up its
// departments' reports.
import { ReportDocument, isReport, localeOf } from '../engine';
import { rollup } from '../engine/rollup';
import { InputError, expandPaths, fileId, readReport } from './io';
import { UsageError, type Io } from './usage';
import { oneLine } from './text';

export function runRollup(args: string[], io: Io): number {
  let format = 'md';
  let locale = localeOf(process.env.LANG);
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format') format = args[++i] ?? '';
    else if (a === '--locale') locale = localeOf(args[++i]);
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else paths.push(a);
  }
  if (format !== 'md' && format !== 'json') throw new UsageError(`--format must be md or json, not ${format}`);
  if (!paths.length) throw new UsageError('rollup needs report files');
  const inputs: { path: string; doc: ReportDocument }[] = [];
  const seen = new Map<string, string>();
  for (const path of expandPaths(paths)) {
    // One file named twice (a.txt ./a.txt, a link, a hard link) would be summed twice.
    const id = fileId(path);
    const first = seen.get(id);
    if (first !== undefined) { io.err(`nianbao: ${oneLine(path)}: the same file as ${oneLine(first)}; counted once\n`); continue; }
    seen.set(id, path);
    const doc = new ReportDocument(readReport(path));
    if (!doc.model.reports.some(isReport)) throw new InputError(`${path}: not a report (no part headings or standard tables found)`);
    inputs.push({ path, doc });
  }
  const result = rollup(inputs, locale);
  if (!result.ok) { io.err(`nianbao: ${result.reason}\n`); return 1; }
  if (format === 'json') {
    io.out(JSON.stringify({ generation: result.generation, text: result.text, notes: result.notes }, null, 2) + '\n');
  } else {
    io.out(result.text.endsWith('\n') ? result.text : result.text + '\n');
    for (const n of result.notes) for (const p of n.problems) io.err(`${oneLine(n.path)}: ${oneLine(p)}\n`);
  }
  return 0;
}
