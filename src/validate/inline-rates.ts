// Checks a RatingPlan's inline `rates:` cell by cell with the very rules the
// CSV reader applies (src/load/rate-cells.ts), so a rate written inline and
// the same rate in a CSV get the same message. Numbers are judged by their
// source text, never by a float. Pointers found bad are recorded so the
// schema stage does not report the same cell a second time.

import { dateProblem, decimalProblem, parseInterval, prefixProblem, RATE_CELL_RULES } from '../load/rate-cells.js';
import { numberText, type RateColumn } from '../load/types.js';
import type { Problem, Rule } from '../report/problem.js';
import { record, type TypedDocument } from './documents.js';
import { problemAt } from './locate.js';

type CellRule = (value: string, column: string) => string | undefined;

const CELLS: readonly [RateColumn, CellRule][] = [
  ['prefix', (v) => prefixProblem(v)],
  ['rate', decimalProblem],
  ['connectionFee', decimalProblem],
  ['initialInterval', intervalProblem],
  ['recurringInterval', intervalProblem],
  ['effectiveDate', dateProblem],
  ['endDate', dateProblem],
];

function intervalProblem(value: string, column: string): string | undefined {
  const n = parseInterval(value, column);
  return typeof n === 'string' ? n : undefined;
}

export function checkInlineRates(typed: readonly TypedDocument[], problems: Problem[]): void {
  for (const td of typed) {
    if (td.kind !== 'RatingPlan' || !Array.isArray(td.data.rates)) continue;
    td.data.rates.forEach((entry, i) => {
      const rate = record(entry);
      if (rate) checkRate(td, rate, `/rates/${i}`, problems);
    });
  }
}

function checkRate(td: TypedDocument, rate: Record<string, unknown>, at: string, problems: Problem[]): void {
  const cell = (field: string): string | undefined => {
    const v = rate[field];
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return numberText(td.doc, `${at}/${field}`, v);
    return undefined;
  };
  const report = (field: string, rule: Rule, message: string) => {
    td.reported.add(`${at}/${field}`);
    problems.push(problemAt(td.doc, `${at}/${field}`, { rule, message }));
  };
  for (const [field, check] of CELLS) {
    const value = cell(field);
    if (value === undefined) continue;
    const message = check(value, field);
    if (message) report(field, RATE_CELL_RULES[field], message);
  }
  const destination = cell('destination');
  if (destination !== undefined && destination.trim() === '') report('destination', RATE_CELL_RULES.destination, 'destination is empty');
  const effective = cell('effectiveDate');
  const end = cell('endDate');
  if (effective && end && !td.reported.has(`${at}/effectiveDate`) && !td.reported.has(`${at}/endDate`) && end <= effective) {
    report('endDate', RATE_CELL_RULES.endDate, `endDate ${end} must be after effectiveDate ${effective}`);
  }
}
