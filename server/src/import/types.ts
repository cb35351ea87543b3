// The import layer's contract: a file's bytes → report text the engine already reads.
// Importers are pure (bytes in, result out): no file system, no vscode, no LSP. The engine
// never sees a file format; the CLI and the server call `importFile` (index.ts).

import type { Msg } from '../engine/i18n';

/** Where a piece of the imported text came from in the source file. */
export type SourcePosition =
  | { kind: 'pdf'; page: number; x: number; y: number; table?: number; row?: number } // x, y: points from the page's top left; table and row 1-based
  | { kind: 'table'; table: number; row: number; cell: number }   // Word or web-page table, 1-based
  | { kind: 'paragraph'; paragraph: number }                      // Word or web-page paragraph, 1-based
  | { kind: 'sheet'; sheet: string; cell: string }                // spreadsheet cell, A1 notation
  | { kind: 'text'; line: number };                               // decoded text file, 1-based line

/** One span of the imported text (0-based line, character offsets) and its source. */
export interface ProvenanceEntry {
  line: number;
  start: number;
  end: number;
  source: SourcePosition;
}


export interface ImportResult {
  /** A report in one of the encodings the engine reads (tab cells or aligned Markdown for tables, paragraphs for prose). */
  text: string;
  /** How the source was read: the format and, for text, the character set (e.g. 'pdf', 'docx', 'html/GBK', 'text/GB18030'). */
  encoding: string;
  /** What the user should know once (pages joined, cells merged, encoding guessed …). */
  notes: Msg[];
  /** Table cells and headings of `text`, mapped back to the source; sorted by line, then start. */
  provenance: ProvenanceEntry[];
}

/** A file that cannot be imported: the message says why and what to do (exit 2 in the CLI). */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(readonly text: Msg) { super(text.en); }
  /**
   * Each importer is its own bundle with its own copy of this class: `instanceof` goes by
   * the error's name and message, so an ImportError thrown in any bundle is one here.
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    const e = value as ImportError | null;
    return typeof e === 'object' && e !== null && e.name === 'ImportError' && typeof e.text?.en === 'string' && typeof e.text['zh-cn'] === 'string';
  }
}

export type Importer = (bytes: Uint8Array, fileName: string) => Promise<ImportResult>;
