// Peers from files (cross-year): which report files beside a document may hold last year's
// report of its body, found without parsing every file. A file is read once per stamp and
// reduced to cheap body keys; only a file whose keys match is parsed, once per stamp.
// Platform-neutral: the caller lists the files and reads them (node fs, or nothing).
import { ReportDocument } from './document';
import { classifyTitle } from './parse/headings';
import { loneDate } from './parse/dates';
import { bodyNames } from './rules/report-date';
import { bodyKey } from './rules/cross-year';

/** A file that may be a peer: where it is, a stamp that changes when it does (mtime), its text. */
export interface PeerFile {
  path: string;
  stamp: string;
  read(): string | undefined;
}

const clean = (s: string) => s.normalize('NFKC').replace(/[\s\u3000#*]/g, '');

/**
 * Every key bodyNames() could give for any report in `text`, and a few more: a title line's
 * text before its year, and the two lines above any title or lone-date line. A superset, so
 * a file whose keys miss cannot hold a report of the body (see bodyNames and sameBody).
 */
export function bodyKeysOfText(text: string): Set<string> {
  const lines = text.split(/\r\n|\r|\n/);
  const keys = new Set<string>();
  const add = (name: string) => { if (name) keys.add(bodyKey(name)); };
  lines.forEach((line, i) => {
    const title = classifyTitle(line) !== undefined;
    if (!title && !loneDate(line, i)) return;
    if (title) add(clean(line).split(/(?:19|20)\d\d年/)[0]);
    for (let j = i - 1; j >= Math.max(0, i - 2); j--) add(clean(lines[j]));
  });
  return keys;
}

/** The keys a peer must have to matter to `doc`: its dated reports' body names. */
export function wantedKeys(doc: ReportDocument): Set<string> {
  const out = new Set<string>();
  for (const report of doc.model.reports) {
    if (report.year === undefined || (!report.tables.applications && !report.tables.proactive)) continue;
    for (const name of bodyNames({ doc, report })) out.add(bodyKey(name));
  }
  return out;
}

const matches = (keys: Set<string>, wanted: Set<string>) => [...wanted].some(k => keys.has(k));

interface Entry { stamp: string; keys: Set<string>; doc?: ReportDocument }

/** Parsed peer documents per path and stamp; the path of each document it made. */
export class PeerFiles {
  private entries = new Map<string, Entry>();
  private paths = new WeakMap<ReportDocument, string>();
  /** Paths whose document is kept, least recently used first: a document is ≈ 100 KB. */
  private kept = new Set<string>();

  constructor(private readonly keep = 64) {}

  /** The documents among `files` that may hold a report of `doc`'s body (not `doc`'s own file). */
  peersOf(doc: ReportDocument, files: Iterable<PeerFile>, self?: string): ReportDocument[] {
    const wanted = wantedKeys(doc);
    if (!wanted.size) return [];
    const out: ReportDocument[] = [];
    for (const f of files) {
      if (f.path === self) continue;
      const found = this.docOf(f, wanted);
      if (found && found !== doc) out.push(found);
    }
    return out;
  }

  /** A document parsed from `text` (an input being checked): reused when this file was already parsed as a peer. */
  parse(path: string, stamp: string, text: string): ReportDocument {
    const e = this.entries.get(path);
    if (e?.stamp === stamp && e.doc) { this.touch(path); return e.doc; }
    const entry: Entry = e?.stamp === stamp ? e : { stamp, keys: bodyKeysOfText(text) };
    this.entries.set(path, entry);
    return this.adopt(path, entry, text);
  }

  /** Where a peer document came from. */
  pathOf(doc: ReportDocument): string | undefined { return this.paths.get(doc); }

  private docOf(f: PeerFile, wanted: Set<string>): ReportDocument | undefined {
    let e = this.entries.get(f.path);
    let text: string | undefined;
    if (!e || e.stamp !== f.stamp) {
      text = f.read();
      this.kept.delete(f.path);
      e = { stamp: f.stamp, keys: text === undefined ? new Set() : bodyKeysOfText(text) };
      this.entries.set(f.path, e);
    }
    if (!matches(e.keys, wanted)) return undefined;
    if (e.doc) { this.touch(f.path); return e.doc; }
    text ??= f.read();
    return text === undefined ? undefined : this.adopt(f.path, e, text);
  }

  private adopt(path: string, e: Entry, text: string): ReportDocument {
    e.doc = new ReportDocument(text);
    this.paths.set(e.doc, path);
    this.touch(path);
    return e.doc;
  }

  /** Marks `path`'s document as just used; drops the least recently used beyond `keep` (their keys stay). */
  private touch(path: string) {
    this.kept.delete(path);
    this.kept.add(path);
    for (const old of this.kept) {
      if (this.kept.size <= this.keep) break;
      this.kept.delete(old);
      const e = this.entries.get(old);
      if (e) e.doc = undefined;
    }
  }
}
