// What the language status item shows for a document's last status, as plain data: no
// vscode import, so its wording is tested without an editor (the caller passes vscode.l10n).
import type { StatusParams } from '../../server/src/lsp/protocol';

/** vscode.l10n, or a stand-in in tests: `t` looks the English message up and fills {0}, {1}. */
export interface L10n { t(message: string, ...args: (string | number)[]): string }

export interface StatusView {
  busy: boolean;
  /** One short line; may hold a codicon ($(error)). */
  text: string;
  /** The counts, one short line; shown beside the text in the status pop-up. */
  detail?: string;
  /** What a screen reader says: the text and the detail in words, no codicon syntax. */
  accessibility: string;
  severity: 'information' | 'warning' | 'error';
}

type ReportStatus = StatusParams['reports'][number];

/** English needs one and many; Chinese has one form (its bundle maps both to it). */
function errors(l10n: L10n, n: number) { return n === 1 ? l10n.t('1 error') : l10n.t('{0} errors', n); }
function warnings(l10n: L10n, n: number) { return n === 1 ? l10n.t('1 warning') : l10n.t('{0} warnings', n); }
/** The arithmetic findings (row totals, results total, balance, review totals): sums that do not add up. */
function sums(l10n: L10n, n: number) { return n === 1 ? l10n.t('1 sum does not add up') : l10n.t('{0} sums do not add up', n); }

const withoutCodicons = (s: string) => s.replace(/\$\([\w-]+(~[\w-]+)?\)\s*/g, '');

export function statusView(status: StatusParams | undefined, l10n: L10n): StatusView {
  if (!status) {
    const text = l10n.t('Checking…');
    return { busy: true, text, accessibility: text, severity: 'information' };
  }
  if (!status.reports.length) {
    const text = l10n.t('No report found');
    return { busy: false, text, accessibility: text, severity: 'warning' };
  }
  const total = (k: 'balanceErrors' | 'errors' | 'warnings') => status.reports.reduce((n, r) => n + r[k], 0);
  const arithmetic = total('balanceErrors');
  const verdict = arithmetic ? `$(error) ${sums(l10n, arithmetic)}` : '✓';
  // One report: its template and year. Several (a compilation): their number, so the line stays short.
  const which = status.reports.length === 1 ? describe(status.reports[0], l10n) : l10n.t('{0} reports', status.reports.length);
  const text = `${which} · ${verdict}`;
  const detail = l10n.t('{0}, {1}', errors(l10n, total('errors')), warnings(l10n, total('warnings')));
  return {
    busy: false, text, detail,
    accessibility: `${withoutCodicons(text).replace(/ · /g, ', ')}; ${detail}`,
    severity: arithmetic ? 'error' : total('errors') ? 'warning' : 'information',
  };
}

function describe(r: ReportStatus, l10n: L10n): string {
  const template = l10n.t('{0} template', r.template);
  const year = r.year === null ? l10n.t('year unknown') : l10n.t('year {0}', String(r.year));
  return `${template} · ${year}`;
}
