// The CLI's verbs, separated from process I/O so tests can call them.
import { ReportDocument, toJson } from '../engine';
import { expandPaths, InputError, readReport } from './io';

export interface Io { out(s: string): void; err(s: string): void }

const USAGE = `usage:
  nianbao parse [--format json] FILE
  nianbao check [--format text|json|sarif] [--fix] PATH...
`;

export async function run(argv: string[], io: Io): Promise<number> {
  const [verb, ...rest] = argv;
  try {
    if (verb === 'parse') return parse(rest, io);
    if (verb === '--help' || verb === '-h' || !verb) { io.out(USAGE); return verb ? 0 : 2; }
    io.err(`nianbao: unknown command '${verb}'\n${USAGE}`);
    return 2;
  } catch (e) {
    if (e instanceof InputError) { io.err(`nianbao: ${e.message}\n`); return 2; }
    throw e;
  }
}

function parse(args: string[], io: Io): number {
  const files = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--format');
  const fmtIdx = args.indexOf('--format');
  const format = fmtIdx >= 0 ? args[fmtIdx + 1] : 'json';
  if (format !== 'json' || files.length !== 1) { io.err(USAGE); return 2; }
  const text = readReport(files[0]);
  const doc = new ReportDocument(text);
  const model = doc.model;
  if (!model.reports.some(r => r.parts.length || Object.keys(r.tables).length)) {
    io.err(`nianbao: ${files[0]}: not a report (no part headings or standard tables found)\n`);
    return 2;
  }
  io.out(JSON.stringify(toJson(model), null, 2) + '\n');
  return 0;
}
