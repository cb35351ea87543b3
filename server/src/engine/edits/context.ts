// What the edit builders are given: a report and the document it stands in. A rule's
// context is one, so rules pass theirs; the builders need nothing else of a rule.
import type { ReportDocument } from '../document';
import type { Report } from '../model';

export interface ReportInDocument { readonly doc: ReportDocument; readonly report: Report }
