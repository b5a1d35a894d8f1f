// The cheap per-cell rules of a rate: prefix digits, decimals that fit
// numeric(12,6), positive integer intervals, real calendar dates. Each check
// returns undefined when the cell is fine, else a message saying what is
// wrong. Hot path: a million rows pass through here, so the common shapes are
// checked by hand and only unusual text goes to the general decimal parser.
// It must never round or reformat a value: the deck keeps the text as written.

import { checkDecimal, type DecimalShape } from '../model/decimal.js';
import type { Rule } from '../report/problem.js';
import type { RateColumn } from './types.js';

/** customer_rating_plan_rates.rate and .connection_fee are numeric(12,6). */
export const RATE_DECIMAL: DecimalShape = { precision: 12, scale: 6 };

/**
 * The rule a bad value of each rate field is reported under, inline or in a
 * CSV deck alike: money is a decimal; the rest is the field's shape.
 */
export const RATE_CELL_RULES = {
  prefix: 'schema', destination: 'schema', rate: 'decimal', connectionFee: 'decimal',
  initialInterval: 'schema', recurringInterval: 'schema', effectiveDate: 'schema', endDate: 'schema',
} as const satisfies Record<RateColumn, Rule>;
const MAX_INT4 = 2147483647;

export function prefixProblem(s: string): string | undefined {
  if (s.length >= 1 && s.length <= 16 && allDigits(s, 0, s.length)) return undefined;
  if (s === '') return 'prefix is empty; it must be 1 to 16 digits';
  return `prefix '${s}' must be 1 to 16 digits (no '+', spaces or letters)`;
}

/** A non-negative decimal with at most 6 places that fits numeric(12,6). */
export function decimalProblem(s: string, column: string): string | undefined {
  if (plainDecimalFits(s)) return undefined;
  if (s === '') return `${column} is empty`;
  if (s.trim() !== s) return `${column} '${s}' has spaces around it`;
  const check = checkDecimal(s, RATE_DECIMAL);
  if (!check.ok) return `${column}: ${check.message}`;
  if (check.value.startsWith('-')) return `${column} ${s} is negative`;
  return undefined;
}

/** Fast accept of `ddd.dddddd` with at most 6 digits on each side. */
function plainDecimalFits(s: string): boolean {
  const dot = s.indexOf('.');
  if (dot < 0) return s.length >= 1 && s.length <= 6 && allDigits(s, 0, s.length);
  const frac = s.length - dot - 1;
  return dot >= 1 && dot <= 6 && frac >= 1 && frac <= 6 && allDigits(s, 0, dot) && allDigits(s, dot + 1, s.length);
}

/** A positive whole number of seconds; returns the value or a message. */
export function parseInterval(s: string, column: string): number | string {
  if (s.length >= 1 && s.length <= 10 && allDigits(s, 0, s.length)) {
    const n = Number(s);
    if (n >= 1 && n <= MAX_INT4) return n;
  }
  return `${column} '${s}' must be a positive whole number of seconds`;
}

export function dateProblem(s: string, column: string): string | undefined {
  if (isCalendarDate(s)) return undefined;
  return `${column} '${s}' is not a date; write YYYY-MM-DD, e.g. 2025-01-31`;
}

export function isCalendarDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  if (!allDigits(s, 0, 4) || !allDigits(s, 5, 7) || !allDigits(s, 8, 10)) return false;
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysIn(year, month);
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function allDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
