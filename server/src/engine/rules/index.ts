// The registry: every rule, in the order findings are reported.
import type { Rule } from './types';
import blankCell from './blank-cell';
import notANumber from './not-a-number';
import negativeCount from './negative-count';
import unit from './unit';
import templateGeneration from './template-generation';
import missingPart from './missing-part';
import partNumbering from './part-numbering';
import partOrder from './part-order';
import duplicatePart from './duplicate-part';
import partHeading from './part-heading';
import missingTable from './missing-table';
import missingRow from './missing-row';
import missingRowLabel from './missing-row-label';
import rowLabel from './row-label';
import cellCount from './cell-count';
import recoveredCells from './recovered-cells';
import flattenedAmbiguous from './flattened-ambiguous';
import rowTotal from './row-total';
import resultsTotal from './results-total';
import balance from './balance';
import reviewTotal from './review-total';
import textTable from './text-table';
import reportDate from './report-date';
import crossYear from './cross-year';
import pre2019Format from './pre-2019-format';

export const RULES: readonly Rule[] = [
  pre2019Format, missingPart, partNumbering, partOrder, duplicatePart, partHeading, missingTable, missingRow, missingRowLabel, rowLabel, cellCount, recoveredCells, flattenedAmbiguous,
  blankCell, notANumber, negativeCount, unit, templateGeneration, textTable, reportDate, crossYear, rowTotal, resultsTotal, balance, reviewTotal];
export type { Rule, RuleContext } from './types';
