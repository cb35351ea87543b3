// textDocument/formatting and rangeFormatting: the engine's Format Document (engine/format.ts)
// with the nianbao.format.tables setting. Edits are computed on the document as the server
// holds it; a request for a version the server has not seen yet gets no edits.
import type { Connection, TextEdit } from 'vscode-languageserver';
import { formatEdits, type ReportDocument, type Range } from '../engine';
import type { Settings } from '../settings';

export function registerFormatting(
  connection: Connection,
  docOf: (uri: string) => ReportDocument | undefined,
  /** The settings for a document (its .nianbao.json over VS Code's). */
  settings: (uri: string) => Settings,
  safe: <A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R) => (...args: A) => R,
): void {
  const edits = (uri: string, range?: Range): TextEdit[] => {
    const doc = docOf(uri);
    return doc ? formatEdits(doc, { tables: settings(uri).format.tables, range }) : [];
  };
  connection.onDocumentFormatting(safe('format', [] as TextEdit[], ({ textDocument }: { textDocument: { uri: string } }) => edits(textDocument.uri)));
  connection.onDocumentRangeFormatting(safe('formatRange', [] as TextEdit[], ({ textDocument, range }: { textDocument: { uri: string }; range: Range }) => edits(textDocument.uri, range)));
}
