// What a rule is and what it produces. One rule per module under rules/; the registry
// in rules/index.ts lists them.
import type { ReportDocument } from '../document';
import type { Msg, Locale } from '../i18n';
import type { DocumentModel, Range, Report, Table } from '../model';
import type { CellRef, TableId } from '../templates';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Edit { range: Range; newText: string }

export interface Fix {
  title: string;
  edits: Edit[];
  /** Safe unattended: breaks nothing that held. Fix-all and `--fix` apply only these. */
  preferred: boolean;
  /** Lets code actions widen a fix to its row, table or document (cells only). */
  scope?: { kind: 'recompute' | 'fill'; report: number; table: TableId; row: string };
}

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  /** The fixes, computed with the finding: code actions need no re-analysis. */
  fixes: Fix[];
  /** The cells the finding is about. */
  cells?: CellRef[];
  related?: { range: Range; message: string }[];
}

export interface RuleContext {
  doc: ReportDocument;
  model: DocumentModel;
  report: Report;
  reportIndex: number;
  locale: Locale;
  /** The generation the report should use: the override setting, else the report year's, else its tables'. */
  expected: Report['template'];
  /** The template override setting, when one is set (not 'auto'). */
  templateSetting?: Report['template'];
  /** Other documents at hand (e.g. last year's report of the same body); may be empty. */
  peers: readonly ReportDocument[];
}

export interface Rule {
  /** Stable code, e.g. `row-total`. */
  code: string;
  severity: Severity;
  /** One paragraph: what the rule checks and why it matters. */
  doc: Msg;
  /** Its messages name line numbers ("the first is on line 12"): findings cannot simply be moved with their report (check.ts). */
  messagesNameLines?: boolean;
  /** A rule about the report as a whole. */
  check?(ctx: RuleContext): Finding[];
  /**
   * A rule about one table at a time (its cells, rows and identities): an edit elsewhere in
   * the report keeps the table object, and its findings are reused (check.ts).
   */
  checkTable?(ctx: RuleContext, table: Table): Finding[];
}
