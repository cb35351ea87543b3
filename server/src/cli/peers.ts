// The CLI's peers (cross-year): the files checked together, and the report files in each
// input's folder. Folders are listed and files read only when a report asks for peers;
// each file is reduced to body keys once and parsed only when its keys match.
import path from 'node:path';
import { PeerFiles, wantedKeys, type PeerFile, type ReportDocument } from '../engine';
import { listReportFiles, readReportFile, type ReportFile } from './io';

/** Characters of early-read inputs kept at most (≈ 64 MB as UTF-16). */
const EARLY_CHARS = 32 << 20;

export class CliPeers {
  private readonly files = new PeerFiles();
  private readonly known = new Map<string, PeerFile & { stamp: string }>();
  private readonly folders = new Map<string, PeerFile[]>();
  /** Per folder: the candidate files in order (the inputs, then the folder's others), and by body key. */
  private readonly lists = new Map<string, { files: PeerFile[]; byKey?: Map<string, number[]> }>();
  private readonly inputs: PeerFile[];
  private readonly inputSet: Set<string>;
  /** Inputs read for their keys before their turn: kept for it, so no file is read twice (bounded). */
  private readonly early = new Map<string, ReportFile>();
  private earlyChars = 0;
  private readonly taken = new Set<string>();

  /** `hashed`: the files read carry their content's hash (`--fix` replaces them, see write.ts). */
  constructor(inputs: readonly string[], private readonly hashed = true) {
    this.inputs = inputs.map(p => this.file(path.resolve(p)));
    this.inputSet = new Set(this.inputs.map(f => f.path));
  }

  /** An input as it was read already for its keys, if it was (once: it is then dropped). */
  take(file: string): ReportFile | undefined {
    const p = path.resolve(file);
    this.taken.add(p);
    const read = this.early.get(p);
    if (read !== undefined) { this.early.delete(p); this.earlyChars -= read.text.length; }
    return read;
  }

  /** The document of an input being checked (reused if it was parsed as a peer already). */
  parse(file: string, text: string): ReportDocument {
    const f = this.file(path.resolve(file));
    return this.files.parse(f.path, f.stamp, text);
  }

  /** After `--fix` rewrote a file: peers read it again. */
  changed(file: string): void {
    const f = this.file(path.resolve(file));
    f.stamp = String(Number(f.stamp) + 1);
    // Its keys may have changed: the indexes are built again when next needed.
    for (const l of this.lists.values()) l.byKey = undefined;
  }

  /** Peers of `doc`, read from `file`: the other inputs, then the rest of its folder. */
  peersOf(file: string, doc: ReportDocument): ReportDocument[] {
    const self = path.resolve(file);
    const wanted = wantedKeys(doc);
    if (!wanted.size) return [];
    // Only the files sharing a body key, in candidate order: a batch of a thousand inputs
    // would otherwise walk a thousand candidates for each.
    const list = this.candidates(path.dirname(self));
    const byKey = (list.byKey ??= this.index(list.files));
    const at = new Set<number>();
    for (const k of wanted) for (const i of byKey.get(k) ?? []) at.add(i);
    return this.files.peersOf(doc, [...at].sort((a, b) => a - b).map(i => list.files[i]), self);
  }

  private candidates(dir: string): { files: PeerFile[]; byKey?: Map<string, number[]> } {
    let list = this.lists.get(dir);
    if (!list) {
      list = { files: [...this.inputs, ...this.folder(dir).filter(f => !this.inputSet.has(f.path))] };
      this.lists.set(dir, list);
    }
    return list;
  }

  private index(files: readonly PeerFile[]): Map<string, number[]> {
    const byKey = new Map<string, number[]>();
    files.forEach((f, i) => {
      for (const k of this.files.keysOf(f)) {
        const at = byKey.get(k);
        if (at) at.push(i); else byKey.set(k, [i]);
      }
    });
    return byKey;
  }

  private folder(dir: string): PeerFile[] {
    let files = this.folders.get(dir);
    if (!files) {
      files = listReportFiles(dir).map(p => this.file(p));
      this.folders.set(dir, files);
    }
    return files;
  }

  private read(p: string): string | undefined {
    let read: ReportFile;
    try { read = readReportFile(p, this.hashed); } catch { return undefined; }
    if (this.inputSet.has(p) && !this.taken.has(p) && !this.early.has(p) && this.earlyChars + read.text.length <= EARLY_CHARS) {
      this.early.set(p, read);
      this.earlyChars += read.text.length;
    }
    return read.text;
  }

  private file(p: string): PeerFile & { stamp: string } {
    let f = this.known.get(p);
    if (!f) {
      f = { path: p, stamp: '0', read: () => this.read(p) };
      this.known.set(p, f);
    }
    return f;
  }
}
