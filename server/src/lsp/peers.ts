// Peers for the language server (cross-year): the other open documents, and for a file on
// disk the report files of its folder that are not open. The folder is read through a
// FolderReader the entry point passes in (node: fs; the browser entry has none), so this
// core stays platform-neutral. Listings are kept briefly; file events drop them sooner.
import { PeerFiles, type PeerFile, type ReportDocument } from '../engine';
import { bodyNames } from '../engine/body';

/**
 * What other reports read of this one (cross-year, and its hover): each report's year and
 * body names, and the cells compared, 四 结转下年度继续办理 and 现行有效件数 with their
 * tables' generations. '' when it offers nothing. An edit that leaves it as it was need not
 * re-check the other open reports.
 */
export function peerView(doc: ReportDocument): string {
  const views = doc.model.reports.flatMap(report => {
    const names = report.year === undefined ? [] : bodyNames({ doc, report });
    if (!names.length) return [];
    const a = report.tables.applications, p = report.tables.proactive;
    const carried = a ? Object.entries(a.rows.carried_forward?.cells ?? {}).map(([c, x]) => [c, x.value]) : null;
    const inForce = p ? Object.entries(p.rows).map(([id, r]) => [id, r.cells.in_force?.value ?? null]) : null;
    return [[report.year, names, a?.generation ?? null, carried, p?.generation ?? null, inForce]];
  });
  return views.length ? JSON.stringify(views) : '';
}

/** Reads the folder beside a document. */
export interface FolderReader {
  /** The file-system path of a document URI, or undefined when it is not a file on disk. */
  pathOf(uri: string): string | undefined;
  /** The report files (.txt, .md, .nianbao) in the folder of `path`, each with a stamp that changes when the file does. */
  list(path: string): { path: string; stamp: string }[];
  /** A file's text; undefined when it cannot be read or is not UTF-8 text. */
  read(path: string): string | undefined;
  /** The folder of a path. */
  folderOf(path: string): string;
}

/** How long a folder listing is trusted without a file event. */
const LISTING_MS = 2000;

export class ServerPeers {
  private readonly files = new PeerFiles();
  private readonly listings = new Map<string, { at: number; files: PeerFile[] }>();

  constructor(private readonly folder?: FolderReader, private readonly now = () => Date.now()) {}

  /** Peers of the open document `uri`: the other open documents first, then its folder's files that are not open. */
  of(uri: string, doc: ReportDocument, open: ReadonlyMap<string, { doc: ReportDocument }>): ReportDocument[] {
    const out = [...open.values()].map(e => e.doc).filter(d => d !== doc);
    const self = this.folder?.pathOf(uri);
    if (!self) return out;
    const opened = new Set([...open.keys()].map(u => this.folder!.pathOf(u)));
    const files = this.listing(this.folder!.folderOf(self)).filter(f => !opened.has(f.path));
    return out.concat(this.files.peersOf(doc, files, self));
  }

  /** A peer's name for hovers: its URI when open, its path when read from the folder. */
  nameOf(doc: ReportDocument, open: ReadonlyMap<string, { doc: ReportDocument }>): string | undefined {
    for (const [uri, e] of open) if (e.doc === doc) return uri;
    return this.files.pathOf(doc);
  }

  /** Files changed on disk: their folders are listed again. Returns those folders. */
  changed(uris: string[]): Set<string> {
    const dirs = new Set<string>();
    for (const uri of uris) {
      const p = this.folder?.pathOf(uri);
      if (p) dirs.add(this.folder!.folderOf(p));
    }
    for (const d of dirs) this.listings.delete(d);
    return dirs;
  }

  /** The folder of an open document, when it is a file. */
  folderOf(uri: string): string | undefined {
    const p = this.folder?.pathOf(uri);
    return p === undefined ? undefined : this.folder!.folderOf(p);
  }

  private listing(dir: string): PeerFile[] {
    const hit = this.listings.get(dir);
    if (hit && this.now() - hit.at < LISTING_MS) return hit.files;
    const folder = this.folder!;
    const files = folder.list(dir).map(f => ({ path: f.path, stamp: f.stamp, read: () => folder.read(f.path) }));
    this.listings.set(dir, { at: this.now(), files });
    return files;
  }
}
