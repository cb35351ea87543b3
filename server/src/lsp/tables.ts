// Tables for the client's "insert table" and "convert to Markdown" commands: the engine's
// renderers, fed with the generation and encoding the document already uses.
import { generationForYear, isReport, tablesOf, type Edit, type Encoding, type Generation, type Position, type ReportDocument, type Table } from '../engine';
import { renderSnippetTable, toAlignedMarkdown } from '../engine/render';
import type { RenderTableParams, RenderTableResult } from './protocol';

/** Encodings a person types tables in (the pdftotext ones are only ever read). */
const WRITABLE: ReadonlySet<Encoding> = new Set(['tab-cells', 'pipe-cells', 'tsv', 'markdown']);

/** Every table of the document, report by report. */
const tablesIn = (doc: ReportDocument): Table[] => doc.model.reports.flatMap(tablesOf);

/** The generation the document's first report uses, or the one for last year's reports. */
function generationOf(doc: ReportDocument | undefined): Generation {
  const report = doc?.model.reports.find(isReport);
  return report?.template ?? generationForYear(new Date().getFullYear() - 1);
}

/** The encoding most of the document's tables use, when a person could type it; else Markdown. */
function encodingOf(doc: ReportDocument | undefined): Encoding {
  const votes = new Map<Encoding, number>();
  for (const t of doc ? tablesIn(doc) : []) if (WRITABLE.has(t.encoding)) votes.set(t.encoding, (votes.get(t.encoding) ?? 0) + 1);
  return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'markdown';
}

export function snippetFor(doc: ReportDocument | undefined, params: RenderTableParams): RenderTableResult | null {
  const known = ['proactive', 'applications', 'review_litigation'];
  if (!known.includes(params.table)) return null;
  const gen: Generation = params.generation === '2019' || params.generation === '2021' ? params.generation : generationOf(doc);
  return { snippet: renderSnippetTable(gen, params.table, { encoding: encodingOf(doc) }).text };
}

/** The edit replacing the table at `position` by the same table in aligned Markdown. */
export function markdownTableEdit(doc: ReportDocument, position: Position): Edit | undefined {
  // The model is in the document's logical lines (web text: see engine/document.ts).
  const at = doc.logicalPosition(position);
  const table = tablesIn(doc).find(t => t.range.start.line <= at.line && at.line <= t.range.end.line);
  const edit = table && toAlignedMarkdown(doc, table);
  return edit && { range: doc.physicalRange(edit.range), newText: edit.newText };
}
