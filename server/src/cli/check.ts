// `nianbao check`: findings for many report files, as text, JSON or SARIF; `--fix` applies
// the safe fixes in place. Files are checked in worker threads when there are many.
import { resolve } from 'node:path';
import { localeOf } from '../engine';
import { REPORT_EXTENSIONS } from '../import';
import { importInputs } from './import';
import { expandPaths, fileId, InputError } from './io';
import { checkFile, configsFor } from './check-file';
import { isFailed, outcomeOf, type CheckInput, type CheckSettings, type FailedFile, type FileResult, type Format, type Outcome } from './results';
import { toSarif } from './sarif';
import { fileText, oneLine, totalText } from './text';
import { UsageError } from './usage';
import { checkInWorkers } from './workers';
import { isReportFile, type Configs } from '../config/find';

/** `jobs`: as given by --jobs (at most the cores); else the number of cores, asked only when there are files enough for workers. */
interface CheckArgs extends CheckSettings { format: Format; jobs?: number; paths: string[] }

/** Below this many files one thread is faster than starting workers. */
const MIN_FILES_PER_WORKER = 25;

/** node:os is required when first needed: not every run pays for loading it. */
const cores = () => (require('node:os') as typeof import('node:os')).availableParallelism();

export function parseCheckArgs(args: string[], env: NodeJS.ProcessEnv = process.env): CheckArgs {
  const out: CheckArgs = {
    format: 'text', fix: false, paths: [],
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
      out.localeGiven = true;
    } else if (name === '--config') {
      out.config = resolve(value());
    } else if (name === '--jobs') {
      const v = value();
      if (!/^[1-9]\d*$/.test(v)) throw new UsageError(`--jobs must be a positive whole number, not '${v}'`);
      // More threads than cores only cost memory (each holds a parser and its documents).
      out.jobs = Math.min(Number(v), cores());
    } else throw new UsageError(`unknown option '${a}'`);
  }
  if (!out.paths.length) throw new UsageError('no files or folders to check');
  return out;
}

/**
 * The files to check, in order and each real file once (by device and inode: two names of
 * one file, or two workers fixing it, would check or rewrite it from a stale copy), marked
 * as named on the command line or found in a folder.
 */
function expand(paths: string[], configs: Configs, onError: (path: string, message: string) => void, onNote: (message: string) => void): CheckInput[] {
  const out: CheckInput[] = [];
  const seen = new Map<string, string>();
  for (const p of paths) {
    try {
      const files = expandPaths([p], REPORT_EXTENSIONS);
      const named = files.length === 1 && files[0] === p;
      for (const f of files) {
        // In a folder, a configuration's `files` say which are reports.
        if (!named && !isReportFile(configs.forFile(f).config, f)) continue;
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
  const settings: CheckSettings = { locale: opts.locale, fix: opts.fix, format: opts.format, config: opts.config, localeGiven: opts.localeGiven };
  const files = expand(opts.paths, configsFor(settings), (path, error) => unreadable.push({ path, error }), note => io.err(`nianbao: ${oneLine(note)}\n`));
  settings.inputs = files.map(f => f.path);
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
  const enough = Math.floor(files.length / MIN_FILES_PER_WORKER);
  const workers = io.workerScript && enough > 1 ? Math.min(opts.jobs ?? cores(), enough) : 0;
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

