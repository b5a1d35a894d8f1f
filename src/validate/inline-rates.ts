// Checks a RatingPlan's inline `rates:` cell by cell with the very rules the
// CSV reader applies (src/load/rate-cells.ts), so a rate written inline and
// the same rate in a CSV get the same message. Numbers are judged by their
// source text, never by a float. Pointers found bad are recorded so the
// schema stage does not report the same cell a second time.

import { dateProblem, decimalProblem, parseInterval, prefixProblem } from '../load/rate-cells.js';
import type { Problem, Rule } from '../report/problem.js';
import { record, type TypedDocument } from './documents.js';
import { problemAt } from './locate.js';

type CellRule = (value: string, column: string) => string | undefined;

const CELLS: readonly [string, Rule, CellRule][] = [
  ['prefix', 'schema', (v) => prefixProblem(v)],
  ['rate', 'decimal', decimalProblem],
  ['connectionFee', 'decimal', decimalProblem],
  ['initialInterval', 'schema', intervalProblem],
  ['recurringInterval', 'schema', intervalProblem],
  ['effectiveDate', 'schema', dateProblem],
  ['endDate', 'schema', dateProblem],
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
    if (typeof v === 'number') return td.doc.sources.get(`${at}/${field}`) ?? String(v);
    return undefined;
  };
  const report = (field: string, rule: Rule, message: string) => {
    td.reported.add(`${at}/${field}`);
    problems.push(problemAt(td.doc, `${at}/${field}`, { rule, message }));
  };
  for (const [field, rule, check] of CELLS) {
    const value = cell(field);
    if (value === undefined) continue;
    const message = check(value, field);
    if (message) report(field, rule, message);
  }
  const destination = cell('destination');
  if (destination !== undefined && destination.trim() === '') report('destination', 'schema', 'destination is empty');
  const effective = cell('effectiveDate');
  const end = cell('endDate');
  if (effective && end && !td.reported.has(`${at}/effectiveDate`) && !td.reported.has(`${at}/endDate`) && end <= effective) {
    report('endDate', 'schema', `endDate ${end} must be after effectiveDate ${effective}`);
  }
}
