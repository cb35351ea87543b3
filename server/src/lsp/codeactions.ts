// Code actions in two steps (codeAction/resolve, as vscode-markdown-languageservice does):
// the list names the actions (title, kind, diagnostics) and carries what finds them again;
// the edit is computed when one is chosen. Publishing diagnostics thus never computes a
// finding's fixes, which for the fixes that re-parse to prove themselves (engine/lazy.ts)
// cost more than the check. A client that cannot resolve gets the edits in the list.
import {
  CodeActionKind,
  type CodeAction, type CodeActionParams, type Diagnostic, type WorkspaceEdit,
} from 'vscode-languageserver';
import { fixAll, fixAllTitle, quickFixes, type Action, type Edit, type Finding, type Range, type ReportDocument } from '../engine';
import { FIX_ALL_KIND, findingOf, type DiagnosticData } from './convert';

/** What a listed action carries to be resolved: the document version, and how to compute it again. */
export type ActionData =
  | { uri: string; version: number; kind: 'quickfix'; range: Range; findings: number[]; index: number }
  | { uri: string; version: number; kind: 'fixAll' };

/** What the code actions need of the server: the open document, its findings, the edit's shape. */
export interface ActionHost {
  doc(uri: string): { doc: ReportDocument; version: number } | undefined;
  /** The document's findings at its current version (the check's cache makes this cheap). */
  findings(uri: string): Finding[];
  locale(): string;
  editFor(uri: string, edits: readonly Edit[]): WorkspaceEdit;
  /** The client resolves actions (codeAction.resolveSupport names `edit`). */
  resolves(): boolean;
}

const kindOf = (a: Action) => (a.kind === 'quickfix' ? CodeActionKind.QuickFix : FIX_ALL_KIND);

/** textDocument/codeAction: the actions at `range`, each with its edit or with the data that resolves it. */
export function codeActions(host: ActionHost, { textDocument, range, context }: CodeActionParams): CodeAction[] {
  const uri = textDocument.uri;
  const entry = host.doc(uri);
  if (!entry) return [];
  const wants = (kind: string) => !context.only || context.only.some(o => kind === o || kind.startsWith(`${o}.`));
  const lazy = host.resolves();
  const out: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const found = quickFixInputs(host, uri, entry.version, context.diagnostics);
    if (found.pairs.length) {
      const diagnosticOf = new Map(found.pairs.map(p => [p.f, p.d]));
      quickFixes(entry.doc, found.pairs.map(p => p.f), range, host.locale()).forEach((action, index) => {
        const diags = action.findings.flatMap(f => diagnosticOf.get(f) ?? []);
        const data: ActionData = { uri, version: entry.version, kind: 'quickfix', range, findings: found.pairs.map(p => p.i), index };
        out.push(listed(action.title, kindOf(action), diags, action.kind === 'quickfix' ? action.preferred : undefined,
          lazy ? { data } : { edit: host.editFor(uri, action.edits) }));
      });
    }
  }
  if (wants(FIX_ALL_KIND)) {
    // Asked for by kind (on save, "Fix All"), fix-all is what the editor will apply at once: its
    // edit comes with it, saving a round trip while the save waits. Listed among others (the
    // light bulb's source actions) it is named only, and resolved when chosen.
    if (lazy && !context.only) {
      // Offered when there is anything to fix; what is safe to fix is worked out when it is applied.
      if (host.findings(uri).length) out.push(listed(fixAllTitle(host.locale()), FIX_ALL_KIND, [], undefined, { data: { uri, version: entry.version, kind: 'fixAll' } satisfies ActionData }));
    } else {
      const action = fixAll(entry.doc, host.findings(uri), host.locale());
      if (action.edits.length) out.push(listed(action.title, FIX_ALL_KIND, [], undefined, { edit: host.editFor(uri, action.edits) }));
    }
  }
  return out;
}

/** codeAction/resolve: the chosen action with its edit; unchanged when its document moved on or it is not ours. */
export function resolveCodeAction(host: ActionHost, action: CodeAction): CodeAction {
  const data = action?.data as Partial<ActionData> | undefined;
  if (!data || typeof data.uri !== 'string') return action;
  const entry = host.doc(data.uri);
  if (!entry || entry.version !== data.version) return action;
  let edits: readonly Edit[] | undefined;
  if (data.kind === 'fixAll') {
    edits = fixAll(entry.doc, host.findings(data.uri), host.locale()).edits;
  } else if (data.kind === 'quickfix' && Array.isArray(data.findings) && data.range && typeof data.index === 'number') {
    const all = host.findings(data.uri);
    const findings = data.findings.map(i => all[i]).filter((f): f is Finding => !!f);
    const chosen = quickFixes(entry.doc, findings, data.range, host.locale())[data.index];
    // The same list as when it was offered: the same title at the same place.
    if (chosen && chosen.title === action.title) edits = chosen.edits;
  }
  return edits ? { ...action, edit: host.editFor(data.uri, edits) } : action;
}

/** The findings behind the diagnostics of the current version, with their index in the check. */
function quickFixInputs(host: ActionHost, uri: string, version: number, diagnostics: Diagnostic[]) {
  const pairs: { d: Diagnostic; f: Finding; i: number }[] = [];
  // Diagnostics of an older version (the client shows them until the next are published) name no action.
  if (!diagnostics.some(d => (d?.data as Partial<DiagnosticData> | undefined)?.version === version)) return { pairs };
  const all = host.findings(uri);
  for (const d of diagnostics) {
    const i = findingOf(d, version, all);
    if (i !== undefined) pairs.push({ d, f: all[i], i });
  }
  return { pairs };
}

function listed(title: string, kind: string, diagnostics: Diagnostic[], isPreferred: boolean | undefined, rest: { edit: WorkspaceEdit } | { data: ActionData }): CodeAction {
  return { title, kind, diagnostics: diagnostics.length ? diagnostics : undefined, isPreferred, ...rest };
}
