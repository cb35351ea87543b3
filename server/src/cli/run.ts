// The CLI's verbs, separated from process I/O so tests can call them.
import { ReportDocument, isReport, toJson } from '../engine';
import { runCheck } from './check';
import { UsageError, type Io } from './usage';
import { oneLine } from './text';
import { InputError, readReport } from './io';
import { MAX_REPORT_BYTES } from '../report-files';
import { IMPORT_EXTENSIONS, TEXT_EXTENSIONS } from '../import';
import { isCheckWorker, serveChecks } from './workers';
import { runRollup } from './rollup';
import { importPath, needsImport, runImport } from './import';
import { requireBundled } from '../import/load';
import { localeOf } from '../engine';

const USAGE = `usage:
  nianbao parse [--format json] FILE
  nianbao check [--format text|json|sarif] [--fix] [--locale en|zh-cn] [--jobs N] [--config FILE] PATH...
  nianbao rollup [--format md|json] [--locale en|zh-cn] FILE...
  nianbao import [--out DIR] [--format md|tabs] [--force] [--locale en|zh-cn] FILE...
  nianbao export --format xlsx|csv [--locale en|zh-cn] --out FILE PATH...

check: PATHs are report files or folders (their ${TEXT_EXTENSIONS.join(' ')} files, and the
  files nianbao imports: ${IMPORT_EXTENSIONS.join(' ')}; at most ${MAX_REPORT_BYTES >> 20} MB each; symbolic
  links inside a folder are not followed). Imported files are read in memory; findings name
  the place in the source (page 3, table 2 row 5); --fix does not rewrite them.
  --format   text (default): path:line:col  severity  code  message, a summary per file
             json, or sarif (SARIF 2.1.0)
  --fix      apply the safe (preferred) fixes in place, then report what remains
  --locale   language of the messages (default: from LANG)
  --jobs     worker threads for many files (default: the number of cores)
  --config   the configuration file (JSONC) for every file; by default each report's is the
             nearest .nianbao.json from its folder up (severity, template, locale, files)
rollup: sums the tables of reports of one generation into a new report (aligned Markdown);
  notes on doubtful inputs go to stderr; mixed generations are refused (exit 1)
exit code: 0 no errors, 1 errors found (after --fix: remaining), 2 usage or unreadable input
import: writes each FILE's report text beside it (or into --out DIR) as .md (Markdown
  tables) or .txt (--format tabs: tab-separated cells); an existing file is kept unless --force
export: one row per report (file, body, year, template, whether it balances) and one column
  per template cell (Chinese labels, stable ids in the second header row; one block of
  columns per generation); every finding on a second sheet (csv: FILE.findings.csv);
  cells not read are left empty, marked, and listed in the row's unread column
rules: docs/rules.md
`;

const VERBS = new Set(['parse', 'check', 'rollup', 'import', 'export']);
const HELP = new Set(['--help', '-h', 'help']);

/** `--help` or `-h` among a verb's arguments (before a `--`, after which names are paths). */
function asksHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some(a => a === '--help' || a === '-h');
}

const selfScript = () => (require.main?.filename === __filename ? __filename : undefined);

export async function run(argv: string[], io: Io): Promise<number> {
  if (isCheckWorker()) { serveChecks(); return 0; }
  const [verb, ...rest] = argv;
  // Help asked for is an answer, not an error: usage on stdout, exit 0.
  if (HELP.has(verb) || (VERBS.has(verb) && asksHelp(rest))) { io.out(USAGE); return 0; }
  try {
    if (verb === 'parse') return await parse(rest, io);
    if (verb === 'import') return await runImport(rest, io);
    if (verb === 'check') return await runCheck(rest, { ...io, workerScript: io.workerScript ?? selfScript() });
    if (verb === 'rollup') return runRollup(rest, io);
    // exceljs is large: the export bundle is read only when asked for (dist/export.js).
    if (verb === 'export') return await requireBundled<typeof import('./export')>('export.js').runExport(rest, io);
    if (!verb) { io.err(USAGE); return 2; }
    io.err(`nianbao: unknown command '${verb}'\n${USAGE}`);
    return 2;
  } catch (e) {
    if (e instanceof InputError) { io.err(`nianbao: ${oneLine(e.message)}\n`); return 2; }
    if (e instanceof UsageError) { io.err(`nianbao: ${e.message}\n${USAGE}`); return 2; }
    throw e;
  }
}

async function parse(args: string[], io: Io): Promise<number> {
  const files = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--format');
  const fmtIdx = args.indexOf('--format');
  const format = fmtIdx >= 0 ? args[fmtIdx + 1] : 'json';
  if (format !== 'json' || files.length !== 1) { io.err(USAGE); return 2; }
  const text = needsImport(files[0])
    ? (await importPath(files[0], localeOf(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG))).text
    : readReport(files[0]);
  const doc = new ReportDocument(text);
  if (!doc.model.reports.some(isReport)) throw new InputError(`${files[0]}: not a report (no part headings or standard tables found)`);
  io.out(JSON.stringify(toJson(doc.model, doc), null, 2) + '\n');
  return 0;
}
