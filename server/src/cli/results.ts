// What checking a file gives: its result, and that result as the run reports it (text,
// JSON or SARIF). Shared by the check verb, its worker threads and the renderers.
import type { Finding, Generation, Locale } from '../engine';
import type { Imported } from './import';

export type Format = 'text' | 'json' | 'sarif';

export interface CheckSettings {
  locale: Locale;
  fix: boolean;
  /** With json, each file is rendered where it is checked (see Outcome). */
  format?: Format;
  /** Every file checked in this run: peers of each other (cross-year), with each one's folder. */
  inputs?: string[];
  /** `--config FILE`: the configuration for every file; else each file's .nianbao.json is found from its folder up. */
  config?: string;
  /** The locale came from `--locale` (it wins over a configuration's). */
  localeGiven?: boolean;
}

/** A file to check; `imported` when it was read through an importer (or failed to be). */
export interface CheckInput { path: string; named: boolean; imported?: Imported | { error: string } }

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
      // Where to look besides the range (a total's addends when an addend is the suspect).
      ...(f.related?.length ? { related: f.related } : {}),
    })),
  };
}
