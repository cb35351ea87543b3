// Peers from files (cross-year): which report files beside a document may hold last year's
// report of its body, found without parsing every file. A file is read once per stamp and
// reduced to cheap body keys; only a file whose keys match is parsed (once per stamp: its
// reports' years and names are kept), and the search stops at the first real match.
// Platform-neutral: the caller lists the files and reads them (node fs, or nothing).
import { ReportDocument } from './document';
import { classifyTitle } from './parse/headings';
import { loneDate } from './parse/dates';
import { bodyKey, bodyNames, cleanName as clean, sameBody } from './body';

/** A file that may be a peer: where it is, a stamp that changes when it does (mtime), its text. */
export interface PeerFile {
  path: string;
  stamp: string;
  read(): string | undefined;
}

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

/** A report's year and body names: what decides whether it is another report's last year. */
interface Identity { year?: number; names: string[] }

const identities = (doc: ReportDocument): Identity[] => doc.model.reports.map(report => ({ year: report.year, names: bodyNames({ doc, report }) }));

/** The reports of `doc` cross-year would compare: dated, named, with a table it reads. */
function wanting(doc: ReportDocument): (Identity & { year: number; key: Set<string> })[] {
  return identities(doc).flatMap((id, i) => {
    const r = doc.model.reports[i];
    if (id.year === undefined || !id.names.length || (!r.tables.applications && !r.tables.proactive)) return [];
    return [{ year: id.year, names: id.names, key: new Set(id.names.map(bodyKey)) }];
  });
}

/** The keys a peer must have to matter to `doc`: its dated reports' body names. */
export function wantedKeys(doc: ReportDocument): Set<string> {
  return new Set(wanting(doc).flatMap(w => [...w.key]));
}

interface Entry { stamp: string; keys: Set<string>; ids?: Identity[]; doc?: ReportDocument }

/**
 * Parsed peer documents per path and stamp; the path of each document it made. A file's
 * keys and identities outlive its document (documents are ≈ 100 KB: only a few are kept).
 */
export class PeerFiles {
  private entries = new Map<string, Entry>();
  private paths = new WeakMap<ReportDocument, string>();
  /** Paths whose document is kept, least recently used first. */
  private kept = new Set<string>();

  constructor(private readonly keep = 64) {}

  /**
   * The documents among `files` holding last year's report of one of `doc`'s reports: the
   * first such file for each (what cross-year uses), in `files`' order. Files are read for
   * their keys, parsed once when the keys match, and left alone after the last one needed.
   */
  peersOf(doc: ReportDocument, files: Iterable<PeerFile>, self?: string): ReportDocument[] {
    let pending = wanting(doc);
    // Asked of every candidate file (a batch: every input of a thousand): one flat list.
    let keys = pending.flatMap(w => [...w.key]);
    const out: ReportDocument[] = [];
    for (const f of files) {
      if (!pending.length) break;
      if (f.path === self) continue;
      const [e, read] = this.entry(f);
      let text = read;
      if (!keys.some(k => e.keys.has(k))) continue;
      if (!e.ids) {
        text ??= f.read();
        if (text === undefined) continue;
        // The outline tells year and body; most files whose keys match are this year's copies.
        e.ids = identities(new ReportDocument(text, { tables: false }));
      }
      const hit = pending.filter(w => e.ids!.some(i => i.year === w.year - 1 && sameBody(w.names, i.names)));
      if (!hit.length) continue;
      if (e.doc) this.touch(f.path);
      else if ((text ??= f.read()) !== undefined) this.adopt(f.path, e, text);
      if (e.doc && e.doc !== doc) out.push(e.doc);
      pending = pending.filter(w => !hit.includes(w));
      keys = pending.flatMap(w => [...w.key]);
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

  /** The body keys of a file at its current stamp (read once per stamp). */
  keysOf(f: PeerFile): ReadonlySet<string> { return this.entry(f)[0].keys; }

  /** Where a peer document came from. */
  pathOf(doc: ReportDocument): string | undefined { return this.paths.get(doc); }

  /** The file's entry at its current stamp, read again (for its keys) when the stamp moved; and the text if read. */
  private entry(f: PeerFile): [Entry, string | undefined] {
    const e = this.entries.get(f.path);
    if (e && e.stamp === f.stamp) return [e, undefined];
    this.kept.delete(f.path);
    const text = f.read();
    const fresh: Entry = { stamp: f.stamp, keys: text === undefined ? new Set() : bodyKeysOfText(text) };
    this.entries.set(f.path, fresh);
    return [fresh, text];
  }

  private adopt(path: string, e: Entry, text: string): ReportDocument {
    e.doc = new ReportDocument(text);
    e.ids = identities(e.doc);
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
