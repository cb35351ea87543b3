// Engine data → LSP types. The engine's positions are already LSP positions (zero-based
// line, UTF-16 character), so only the shapes change here.
import {
  CodeActionKind, DiagnosticSeverity, FoldingRangeKind, SymbolKind,
  type Diagnostic, type DocumentSymbol, type FoldingRange, type InlayHint, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Edit, Finding, Fold, InlayHintData, OutlineSymbol, Range, Severity } from '../engine';
import type { CellRef } from '../engine';

export const SOURCE = 'nianbao';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.nianbao`;
export const RULES_DOC = 'https://github.com/nianbao/nianbao/blob/main/docs/rules.md';

/**
 * What a diagnostic carries for its code actions: the document version it was found on and
 * its place in that version's check (the server's check is cached, so its fixes are found
 * again at no cost and computed only when a code action asks: see codeactions.ts). A
 * diagnostic from an older version (the client still shows it while the new check is
 * pending) yields no action that would land on moved text.
 */
export interface DiagnosticData { version: number; index: number; cells?: readonly CellRef[] }

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(f: Finding, uri: string, version: number, index: number): Diagnostic {
  const data: DiagnosticData = { version, index, cells: f.cells };
  return {
    range: f.range,
    severity: SEVERITY[f.severity] ?? DiagnosticSeverity.Error,
    code: f.code,
    codeDescription: { href: `${RULES_DOC}#${f.code}` },
    source: SOURCE,
    message: f.message,
    relatedInformation: f.related?.map(r => ({ location: { uri, range: r.range }, message: r.message })),
    data,
  };
}

const sameRange = (a: Range, b: Range) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

/** The index in `findings` (the check of `version`) of the finding a diagnostic of ours was made from. */
export function findingOf(d: Diagnostic, version: number, findings: readonly Finding[]): number | undefined {
  const data = d?.data as Partial<DiagnosticData> | undefined;
  if (d.source !== SOURCE || !data || data.version !== version || typeof data.index !== 'number') return undefined;
  const f = findings[data.index];
  const message = typeof d.message === 'string' ? d.message : d.message?.value;
  // Another open report changed since (a cross-year finding came or went): the index may have moved.
  const same = (x: Finding | undefined) => !!x && x.code === String(d.code) && x.message === message && !!d.range && sameRange(x.range, d.range);
  if (same(f)) return data.index;
  const i = findings.findIndex(same);
  return i < 0 ? undefined : i;
}

export function workspaceEdit(uri: string, edits: readonly Edit[], version: number | undefined, versioned: boolean): WorkspaceEdit {
  const textEdits: TextEdit[] = edits.map(e => ({ range: e.range, newText: e.newText }));
  return versioned ? { documentChanges: [{ textDocument: { uri, version: version ?? null }, edits: textEdits }] } : { changes: { [uri]: textEdits } };
}

const SYMBOL_KIND: Record<OutlineSymbol['kind'], SymbolKind> = { report: SymbolKind.File, part: SymbolKind.Namespace, table: SymbolKind.Struct };

export function toDocumentSymbol(s: OutlineSymbol): DocumentSymbol {
  return { name: s.name || '—', detail: s.detail, kind: SYMBOL_KIND[s.kind], range: s.range, selectionRange: s.selectionRange, children: s.children.map(toDocumentSymbol) };
}

export const toFoldingRange = (f: Fold): FoldingRange => ({ startLine: f.startLine, endLine: f.endLine, kind: FoldingRangeKind.Region });

export const toInlayHint = (h: InlayHintData): InlayHint => ({ position: h.position, label: `${h.label}:`, paddingRight: true, tooltip: h.tooltip });
