// What a rule is (what it produces, Finding, is the model's: model.ts). One rule per module under rules/; the registry
// in rules/index.ts lists them.
import type { ReportDocument } from '../document';
import type { Msg, Locale } from '../i18n';
import type { DocumentModel, Finding, Report, Severity, Table } from '../model';

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
