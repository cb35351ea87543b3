// The import layer on the command line: `check` and `parse` read PDF (and the other
// registered formats) in memory, and findings name where in the source they are;
// `nianbao import` writes the imported text to a file.
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, existsSync, fstatSync, openSync, readSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { localeOf, type Finding, type Locale } from '../engine';
import { looksImported, describeSource, importFile, isImportable, sourceAt, ImportError, type ImportResult } from '../import';
import { isReportName } from '../report-files';
import { loadBundled } from '../import/load';
import { InputError, readFileOnce } from './io';
import { UsageError, type Io } from './usage';

/** An input read through an importer, as check carries it (also to worker threads). */
export interface Imported { text: string; encoding: string; notes: string[]; provenance: ImportResult['provenance'] }

/**
 * Whether a file goes through an importer: its first bytes say a format (a PDF named .txt),
 * or its extension is one only an importer reads, or it is named as text but is not UTF-8
 * and an importer reads such text. UTF-8 report text is read as it always was.
 */
export function needsImport(file: string): boolean {
  const head = new Uint8Array(4096);
  let n = 0;
  try {
    // Non-blocking, regular files only: a FIFO named like a report must not hang the run (its read says why it is refused).
    const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      if (!fstatSync(fd).isFile()) return false;
      n = readSync(fd, head, 0, head.length, 0);
    } finally { closeSync(fd); }
  } catch { return isImportable(file); }
  if (looksImported(head.subarray(0, n))) return true;
  if (!isReportName(path.basename(file))) return isImportable(file);
  try { return !isUtf8(readFileOnce(file, false).bytes); } catch { return false; }
}

/** A file imported in memory; an InputError (exit 2) with the importer's message when it cannot be. */
export async function importPath(file: string, locale: Locale): Promise<Imported> {
  let bytes: Uint8Array;
  bytes = new Uint8Array(readFileOnce(file, false).bytes);
  try {
    const r = await importFile(bytes, file, { load: loadBundled });
    return { text: r.text, encoding: r.encoding, notes: r.notes.map(n => n[locale]), provenance: r.provenance };
  } catch (e) {
    if (e instanceof ImportError) throw new InputError(`${file}: ${e.text[locale]}`);
    throw new InputError(`${file}: cannot import (${(e as Error).message ?? e})`);
  }
}

/** Imports the inputs that need it, before they are checked (importers are asynchronous, checks are not). */
export async function importInputs<T extends { path: string; imported?: Imported | { error: string } }>(files: T[], locale: Locale): Promise<void> {
  for (const f of files) {
    if (!needsImport(f.path)) continue;
    try { f.imported = await importPath(f.path, locale); } catch (e) {
      if (!(e instanceof InputError)) throw e;
      f.imported = { error: e.message };
    }
  }
}

/** Where each finding is in the source file ("page 3, table 2 row 5"), in the user's language. */
export function sourcesOf(findings: readonly Finding[], imported: Imported, locale: Locale): (string | undefined)[] {
  return findings.map(f => {
    const s = sourceAt(imported.provenance, f.range);
    return s && describeSource(s)[locale];
  });
}

const USAGE_IMPORT = 'usage: nianbao import [--out DIR] [--format md|tabs] [--force] [--locale en|zh-cn] FILE...';

/** Markdown pipe rows as tab-separated cells (the encoding word processors paste). */
export function toTabs(text: string): string {
  return text.split('\n').map(l => (/^\|.*\|$/.test(l) ? l.slice(1, -1).split('|').map(c => c.trim()).join('\t') : l)).join('\n');
}

/** `nianbao import FILE... [--out DIR] [--format md|tabs] [--force]`: the imported text beside the source, never over an existing file without --force. */
export async function runImport(args: string[], io: Io): Promise<number> {
  let out: string | undefined, format: 'md' | 'tabs' = 'md', force = false;
  let locale = localeOf(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => { const v = args[++i]; if (v === undefined) throw new UsageError(`${a} needs a value`); return v; };
    if (a === '--out') out = value();
    else if (a === '--format') {
      const v = value();
      if (v !== 'md' && v !== 'tabs') throw new UsageError(`--format must be md or tabs, not '${v}'`);
      format = v;
    } else if (a === '--force') force = true;
    else if (a === '--locale') locale = localeOf(value());
    else if (a.startsWith('--')) throw new UsageError(`unknown option '${a}'`);
    else files.push(a);
  }
  if (!files.length) throw new UsageError(`no files to import\n${USAGE_IMPORT}`);
  if (out !== undefined && !existsSync(out)) throw new InputError(`${out}: no such folder`);
  let failed = false;
  for (const file of files) {
    const target = path.join(out ?? path.dirname(file), path.basename(file).replace(/\.[^.]*$/, '') + (format === 'md' ? '.md' : '.txt'));
    try {
      if (path.resolve(target) === path.resolve(file)) throw new InputError(`${file}: is already report text, nothing to import`);
      if (existsSync(target) && !force) throw new InputError(`${target}: exists; not overwritten (--force overwrites it)`);
      const r = await importPath(file, locale);
      writeFileSync(target, format === 'md' ? r.text : toTabs(r.text));
      io.out(`${file} → ${target} (${r.encoding})\n${r.notes.map(n => `  ${n}\n`).join('')}`);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      io.err(`nianbao: ${e.message}\n`);
      failed = true;
    }
  }
  return failed ? 2 : 0;
}
