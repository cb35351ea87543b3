// Tables for the client's "insert table" and "convert to Markdown" commands: the engine's
// renderers, fed with the generation and encoding the document already uses.
import { GENERATIONS, TABLE_IDS, TEMPLATES, generationForYear, isGeneration, isReport, tablesOf, tableDecl, type Edit, type Encoding, type Generation, type Locale, type Position, type ReportDocument, type Table } from '../engine';
import { fmt, type Msg } from '../engine/i18n';
import { renderSnippetTable, toAlignedMarkdown } from '../engine/render';
import type { RenderTableParams, RenderTableResult, TableChoices } from './protocol';

const TEMPLATE: Msg = { en: '{gen} template', 'zh-cn': '{gen} 版模板' };

/** Encodings a person types tables in (the pdftotext ones are only ever read). */
const WRITABLE: ReadonlySet<Encoding> = new Set(['tab-cells', 'pipe-cells', 'tsv', 'markdown']);

/** Every table of the document, report by report. */
const tablesIn = (doc: ReportDocument): Table[] => doc.model.reports.flatMap(tablesOf);

/** The generation the document's first report uses, else the setting's, else the one for last year's reports. */
function generationOf(doc: ReportDocument | undefined, setting: 'auto' | Generation = 'auto'): Generation {
  const report = doc?.model.reports.find(isReport);
  return report?.template ?? (setting !== 'auto' ? setting : generationForYear(new Date().getFullYear() - 1));
}

/** The tables the insert-table command offers, the document's generation first (TABLE_CHOICES_REQUEST). */
export function tableChoices(doc: ReportDocument | undefined, setting: 'auto' | Generation, locale: Locale): TableChoices {
  const preferred = generationOf(doc, setting);
  const order = [preferred, ...GENERATIONS.filter(g => g !== preferred)];
  return {
    groups: order.map(generation => ({
      generation,
      title: fmt(TEMPLATE, locale, { gen: generation }),
      tables: TABLE_IDS.map(table => {
        const decl = tableDecl(generation, table);
        return { table, label: `${decl.name} ${TEMPLATES[generation].parts[decl.part - 1].heading}`, description: TEMPLATES[generation].prescribedBy };
      }),
    })),
  };
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
  const gen: Generation = isGeneration(params.generation) ? params.generation : generationOf(doc);
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
