// The registry: every rule, in the order findings are reported.
import type { Rule } from './types';
import rowTotal from './row-total';
import resultsTotal from './results-total';
import balance from './balance';
import reviewTotal from './review-total';

export const RULES: readonly Rule[] = [rowTotal, resultsTotal, balance, reviewTotal];
export type { Rule, Finding, Fix, Edit, Severity, RuleContext } from './types';
