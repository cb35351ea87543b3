// Engine data → LSP types. The engine's positions are already LSP positions (zero-based
// line, UTF-16 character), so only the shapes change here.
import {
  CodeActionKind, DiagnosticSeverity, FoldingRangeKind, SymbolKind,
  type CodeAction, type Diagnostic, type DocumentSymbol, type FoldingRange, type InlayHint, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Action, Edit, Finding, Fix, Fold, InlayHintData, OutlineSymbol, Severity } from '../engine';
import type { CellRef } from '../engine';

export const SOURCE = 'nianbao';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.nianbao`;
export const RULES_DOC = 'https://github.com/nianbao/nianbao/blob/main/docs/rules.md';

/**
 * What a diagnostic carries for its code actions: the finding's own fixes, computed with
 * the finding, and the document version they were computed on. A code action request then
 * needs no re-analysis, and a diagnostic from an older version (the client still shows it
 * while the new check is pending) yields no edits that would land on moved text.
 */
export interface DiagnosticData { version: number; fixes: Fix[]; cells?: CellRef[] }

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};
const BACK = Object.fromEntries(Object.entries(SEVERITY).map(([k, v]) => [v, k])) as Record<DiagnosticSeverity, Severity>;

export function toDiagnostic(f: Finding, uri: string, version: number): Diagnostic {
  const data: DiagnosticData = { version, fixes: f.fixes, cells: f.cells };
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

/** The finding a diagnostic of ours was made from, if it belongs to `version`. */
export function fromDiagnostic(d: Diagnostic, version: number): Finding | undefined {
  const data = d.data as Partial<DiagnosticData> | undefined;
  if (d.source !== SOURCE || !data || data.version !== version || !Array.isArray(data.fixes)) return undefined;
  return {
    code: String(d.code ?? ''), severity: BACK[d.severity ?? DiagnosticSeverity.Error] ?? 'error',
    message: typeof d.message === 'string' ? d.message : d.message.value, range: d.range, fixes: data.fixes, cells: data.cells,
  };
}

export function workspaceEdit(uri: string, edits: Edit[], version: number | undefined, versioned: boolean): WorkspaceEdit {
  const textEdits: TextEdit[] = edits.map(e => ({ range: e.range, newText: e.newText }));
  return versioned ? { documentChanges: [{ textDocument: { uri, version: version ?? null }, edits: textEdits }] } : { changes: { [uri]: textEdits } };
}

export function toCodeAction(a: Action, uri: string, diagnostics: Diagnostic[], edit: WorkspaceEdit): CodeAction {
  return {
    title: a.title,
    kind: a.kind === 'quickfix' ? CodeActionKind.QuickFix : FIX_ALL_KIND,
    diagnostics: diagnostics.length ? diagnostics : undefined,
    isPreferred: a.kind === 'quickfix' ? a.preferred : undefined,
    edit,
  };
}

const SYMBOL_KIND: Record<OutlineSymbol['kind'], SymbolKind> = { report: SymbolKind.File, part: SymbolKind.Namespace, table: SymbolKind.Struct };

export function toDocumentSymbol(s: OutlineSymbol): DocumentSymbol {
  return { name: s.name || '—', detail: s.detail, kind: SYMBOL_KIND[s.kind], range: s.range, selectionRange: s.selectionRange, children: s.children.map(toDocumentSymbol) };
}

export const toFoldingRange = (f: Fold): FoldingRange => ({ startLine: f.startLine, endLine: f.endLine, kind: FoldingRangeKind.Region });

export const toInlayHint = (h: InlayHintData): InlayHint => ({ position: h.position, label: `${h.label}:`, paddingRight: true, tooltip: h.tooltip });
