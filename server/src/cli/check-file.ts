// Checking one file: read (or take the importer's text), parse, check with its peers, and
// with --fix apply the safe fixes in place. Run in the main thread or in a worker.
import { applyEdits, check, fixAll, isReport } from '../engine';
import { sourcesOf, type Imported } from './import';
import { InputError, readReportFile } from './io';
import { CliPeers } from './peers';
import type { CheckedFile, CheckSettings, FileResult } from './results';
import { ChangedOnDisk, replaceFile } from './write';
import { Configs, type ParseConfig } from '../config/find';
import { requireBundled } from '../import/load';

/** The configuration validator (zod) is a bundle of its own, read only when a configuration file exists. */
const parseConfig = (): ParseConfig => requireBundled<typeof import('../config/schema')>('config.js').parseConfig;

/** One set of configurations per settings object, as peers. */
const configSets = new WeakMap<CheckSettings, Configs>();
export function configsFor(settings: CheckSettings): Configs {
  let c = configSets.get(settings);
  if (!c) configSets.set(settings, (c = new Configs(parseConfig, settings.config)));
  return c;
}

/** One set of peers per settings object: per run, and per worker thread (each gets its own copy). */
const peerSets = new WeakMap<CheckSettings, CliPeers>();
function peersFor(settings: CheckSettings): CliPeers {
  let p = peerSets.get(settings);
  if (!p) peerSets.set(settings, (p = new CliPeers(settings.inputs ?? [], settings.fix)));
  return p;
}

/** Checks one file (and fixes it with `fix`). Never throws: failures become a FailedFile. */
export function checkFile(path: string, settings: CheckSettings, named = true, imported?: Imported | { error: string }): FileResult {
  try {
    if (imported && 'error' in imported) return { path, error: imported.error };
    const peers = peersFor(settings);
    // An imported file was read by its importer; a text file is read here, once, with its stamp.
    const read = imported ? undefined : peers.take(path) ?? readReportFile(path, settings.fix);
    const text = imported?.text ?? read!.text;
    const { config, error } = configsFor(settings).forFile(path);
    if (error) return { path, error };
    let doc = peers.parse(path, text);
    if (!doc.model.reports.some(isReport)) {
      return { path, error: `${path}: not a report (no part headings or standard tables found)`, skipped: !named };
    }
    const locale = settings.localeGiven ? settings.locale : config?.locale ?? settings.locale;
    const options = { locale, severity: config?.severity, template: config?.template };
    let findings = check(doc, { ...options, peers: peers.peersOf(path, doc) });
    const report = doc.model.reports[0];
    const result: CheckedFile = { path, template: report.template, reports: doc.model.reports.length, findings };
    // An imported file is not text to edit: --fix leaves it alone (the output says so).
    if (imported) return { ...result, imported: { from: imported.encoding, notes: imported.notes, sources: sourcesOf(findings, imported, locale) }, ...(settings.fix ? { fixed: 0 } : {}) };
    if (!settings.fix) return result;
    const { edits } = fixAll(doc, findings, locale);
    const fixedText = applyEdits(text, edits);
    if (fixedText !== text) {
      replaceFile(path, Buffer.from(read!.bom ? '\uFEFF' + fixedText : fixedText, 'utf8'), read!.stamp);
      peers.changed(path);
      doc = peers.parse(path, fixedText);
      findings = check(doc, { ...options, peers: peers.peersOf(path, doc) });
    }
    return { ...result, findings, fixed: fixedText === text ? 0 : edits.length };
  } catch (e) {
    if (e instanceof InputError) return { path, error: e.message, ...(e.skippable && !named ? { skipped: true } : {}) };
    if (e instanceof ChangedOnDisk) return { path, error: `${path}: changed on disk while checking: not fixed` };
    const err = e as NodeJS.ErrnoException;
    return { path, error: err.code ? `${path}: cannot write (${err.code}); the file is as it was` : `${path}: internal error while checking: ${err.message}` };
  }
}
