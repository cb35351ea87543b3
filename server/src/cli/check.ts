// `nianbao check`: findings for many report files, as text, JSON or SARIF; `--fix` applies
// the safe fixes in place. Files are checked in worker threads when there are many.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { applyEdits, check, fixAll, isReport, localeOf, type Finding, type Generation, type Locale } from '../engine';
import { REPORT_EXTENSIONS } from '../import';
import { importInputs, sourcesOf, type Imported } from './import';
import { expandPaths, fileId, InputError, readReportFile } from './io';
import { ChangedOnDisk, replaceFile } from './write';
import { CliPeers } from './peers';
import { toSarif } from './sarif';
import { fileText, oneLine, totalText } from './text';
import { checkInWorkers } from './workers';

export interface CheckSettings {
  locale: Locale;
  fix: boolean;
  /** With json, each file is rendered where it is checked (see Outcome). */
  format?: Format;
  /** Every file checked in this run: peers of each other (cross-year), with each one's folder. */
  inputs?: string[];
}

/** One set of peers per settings object: per run, and per worker thread (each gets its own copy). */
const peerSets = new WeakMap<CheckSettings, CliPeers>();
function peersFor(settings: CheckSettings): CliPeers {
  let p = peerSets.get(settings);
  if (!p) peerSets.set(settings, (p = new CliPeers(settings.inputs ?? [])));
  return p;
}

export interface CheckedFile {
  path: string;
  template: Generation;
  reports: number;
  /** After --fix: the findings that remain, re-checked. */
  findings: Finding[];
  /** With --fix: how many edits were applied (0: the file was left alone). */
  fixed?: number;
  /** A file read through an importer (PDF …): how, what to know, and where each finding is in it. */
  imported?: { from: string; notes: string[]; sources: (string | undefined)[] };
}
/** A file that could not be read, written or checked; or (skipped) one that is not a report. */
export interface FailedFile { path: string; error: string; skipped?: boolean }
export type FileResult = CheckedFile | FailedFile;

export const isFailed = (r: FileResult): r is FailedFile => 'error' in r;

/**
 * A checked file as the run reports it. For JSON the file is rendered where it was
 * checked (in a worker, that spares the main thread a batch's findings) and its findings
 * are dropped; `errors` keeps what the exit code needs.
 */
export interface Outcome { result: FileResult; json?: string; errors: boolean }

export function outcomeOf(r: FileResult, settings: CheckSettings): Outcome {
  const errors = !isFailed(r) && r.findings.some(f => f.severity === 'error');
  if (settings.format !== 'json') return { result: r, errors };
  const json = JSON.stringify(isFailed(r) ? r : fileJson(r, settings.fix), null, 2).replace(/^/gm, '    ');
  return { result: isFailed(r) ? r : { ...r, findings: [] }, json, errors };
}

type Format = 'text' | 'json' | 'sarif';
interface CheckArgs extends CheckSettings { format: Format; jobs: number; paths: string[] }

/** Below this many files one thread is faster than starting workers. */
const MIN_FILES_PER_WORKER = 25;

export class UsageError extends Error {
  override name = 'UsageError';
  /** A bundle loaded on demand (dist/export.js) has its own copy of this class: known by name. */
  static [Symbol.hasInstance](value: unknown): boolean { return value instanceof Error && value.name === 'UsageError'; }
}

export function parseCheckArgs(args: string[], env: NodeJS.ProcessEnv = process.env): CheckArgs {
  const out: CheckArgs = {
    format: 'text', fix: false, jobs: availableParallelism(), paths: [],
    locale: localeOf(env.LC_ALL || env.LC_MESSAGES || env.LANG),
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') { out.paths.push(...args.slice(i + 1)); break; }
    if (!a.startsWith('--')) { out.paths.push(a); continue; }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    const value = () => {
      const v = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (name === '--fix') out.fix = true;
    else if (name === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not '${v}'`);
      out.format = v;
    } else if (name === '--locale') {
      const v = value().toLowerCase();
      if (v !== 'en' && v !== 'zh-cn') throw new UsageError(`--locale must be en or zh-cn, not '${v}'`);
      out.locale = v;
    } else if (name === '--jobs') {
      const v = value();
      if (!/^[1-9]\d*$/.test(v)) throw new UsageError(`--jobs must be a positive whole number, not '${v}'`);
      // More threads than cores only cost memory (each holds a parser and its documents).
      out.jobs = Math.min(Number(v), availableParallelism());
    } else throw new UsageError(`unknown option '${a}'`);
  }
  if (!out.paths.length) throw new UsageError('no files or folders to check');
  return out;
}

/** Checks one file (and fixes it with `fix`). Never throws: failures become a FailedFile. */
export function checkFile(path: string, settings: CheckSettings, named = true, imported?: Imported | { error: string }): FileResult {
  try {
    if (imported && 'error' in imported) return { path, error: imported.error };
    const peers = peersFor(settings);
    // An imported file was read by its importer; a text file is read here, once, with its stamp.
    const read = imported ? undefined : peers.take(path) ?? readReportFile(path);
    const text = imported?.text ?? read!.text;
    let doc = peers.parse(path, text);
    if (!doc.model.reports.some(isReport)) {
      return { path, error: `${path}: not a report (no part headings or standard tables found)`, skipped: !named };
    }
    let findings = check(doc, { locale: settings.locale, peers: peers.peersOf(path, doc) });
    const report = doc.model.reports[0];
    const result: CheckedFile = { path, template: report.template, reports: doc.model.reports.length, findings };
    // An imported file is not text to edit: --fix leaves it alone (the output says so).
    if (imported) return { ...result, imported: { from: imported.encoding, notes: imported.notes, sources: sourcesOf(findings, imported, settings.locale) }, ...(settings.fix ? { fixed: 0 } : {}) };
    if (!settings.fix) return result;
    const { edits } = fixAll(doc, findings, settings.locale);
    const fixedText = applyEdits(text, edits);
    if (fixedText !== text) {
      replaceFile(path, Buffer.from(read!.bom ? '\uFEFF' + fixedText : fixedText, 'utf8'), read!.stamp);
      peers.changed(path);
      doc = peers.parse(path, fixedText);
      findings = check(doc, { locale: settings.locale, peers: peers.peersOf(path, doc) });
    }
    return { ...result, findings, fixed: fixedText === text ? 0 : edits.length };
  } catch (e) {
    if (e instanceof InputError) return { path, error: e.message, ...(e.skippable && !named ? { skipped: true } : {}) };
    if (e instanceof ChangedOnDisk) return { path, error: `${path}: changed on disk while checking: not fixed` };
    const err = e as NodeJS.ErrnoException;
    return { path, error: err.code ? `${path}: cannot write (${err.code}); the file is as it was` : `${path}: internal error while checking: ${err.message}` };
  }
}

/**
 * The files to check, in order and each real file once (by device and inode: two names of
 * one file, or two workers fixing it, would check or rewrite it from a stale copy), marked
 * as named on the command line or found in a folder.
 */
function expand(paths: string[], onError: (path: string, message: string) => void, onNote: (message: string) => void): CheckInput[] {
  const out: CheckInput[] = [];
  const seen = new Map<string, string>();
  for (const p of paths) {
    try {
      const files = expandPaths([p], REPORT_EXTENSIONS);
      const named = files.length === 1 && files[0] === p;
      for (const f of files) {
        const id = fileId(f);
        const first = seen.get(id);
        if (first === undefined) { seen.set(id, f); out.push({ path: f, named }); }
        else if (named && resolve(first) !== resolve(f)) onNote(`${f}: the same file as ${first}; checked once`);
      }
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      onError(p, e.message);
    }
  }
  return out;
}

/** A file to check; `imported` when it was read through an importer (or failed to be). */
export interface CheckInput { path: string; named: boolean; imported?: Imported | { error: string } }

export interface CheckIo {
  out(s: string): void;
  err(s: string): void;
  /** The script a worker thread runs (the CLI bundle); without it every file is checked here. */
  workerScript?: string;
}

export async function runCheck(args: string[], io: CheckIo): Promise<number> {
  const opts = parseCheckArgs(args);
  let failed = false;
  const fail = (message: string) => { failed = true; io.err(`nianbao: ${oneLine(message)}\n`); };
  const results: FileResult[] = [];
  const unreadable: FailedFile[] = [];
  const files = expand(opts.paths, (path, error) => unreadable.push({ path, error }), note => io.err(`nianbao: ${oneLine(note)}\n`));
  await importInputs(files, opts.locale);

  // Files with findings stand apart as blocks between blank lines; clean files are one line each.
  let printed = false, lastWasBlock = false;
  // JSON is written file by file as results come in, and not kept: a batch's findings
  // would otherwise sit in memory (and in the way of the collector) until one stringify.
  let errors = false, jsonFiles = 0;
  if (opts.format === 'json') io.out('{\n  "files": [');
  const emit = ({ result: r, json, errors: e }: Outcome) => {
    errors ||= e;
    // JSON lists a file that could not be checked too, with its error (as SARIF does).
    if (json !== undefined) io.out(`${jsonFiles++ ? ',' : ''}\n${json}`);
    if (isFailed(r)) {
      results.push(r);
      if (r.skipped) io.err(`nianbao: ${oneLine(r.error)}; skipped\n`);
      else fail(r.error);
      return;
    }
    if (json !== undefined) return;
    results.push(r);
    if (opts.format !== 'text') return;
    const block = r.findings.length > 0;
    io.out((block && printed && !lastWasBlock ? '\n' : '') + fileText(r, opts.locale) + (block ? '\n' : ''));
    printed = true;
    lastWasBlock = block;
  };

  for (const r of unreadable) emit(outcomeOf(r, opts));
  const workers = io.workerScript && opts.jobs > 1 ? Math.min(opts.jobs, Math.floor(files.length / MIN_FILES_PER_WORKER)) : 0;
  const settings: CheckSettings = { locale: opts.locale, fix: opts.fix, format: opts.format, inputs: files.map(f => f.path) };
  if (workers > 1) {
    await checkInWorkers(io.workerScript!, workers, files, settings, emit);
  } else {
    for (const f of files) emit(outcomeOf(checkFile(f.path, settings, f.named, f.imported), settings));
  }

  if (opts.format === 'text') io.out((printed && !lastWasBlock ? '\n' : '') + totalText(results, opts.locale) + '\n');
  else if (opts.format === 'json') io.out(`${jsonFiles ? '\n  ' : ''}]\n}\n`);
  else io.out(JSON.stringify(toSarif(results, opts.locale), null, 2) + '\n');

  if (failed) return 2;
  return errors ? 1 : 0;
}

/** The CLI's severity words: LSP's information and hint are both notes. */
export function severityWord(f: Finding): 'error' | 'warning' | 'note' {
  return f.severity === 'error' || f.severity === 'warning' ? f.severity : 'note';
}

/** One file of `--format json`'s `files`. */
function fileJson(r: CheckedFile, fix: boolean) {
  return {
    path: r.path,
    template: r.template,
    ...(r.reports > 1 ? { reports: r.reports } : {}),
    ...(fix ? { fixed: r.fixed ?? 0 } : {}),
    ...(r.imported ? { imported: { from: r.imported.from, notes: r.imported.notes } } : {}),
    diagnostics: r.findings.map((f, i) => ({
      code: f.code, severity: severityWord(f), message: f.message, range: f.range,
      ...(r.imported?.sources[i] ? { source: r.imported.sources[i] } : {}),
      fixes: f.fixes.map(x => ({ title: x.title, edits: x.edits })),
    })),
  };
}
