// What the compiled schema validators call at run time besides Ajv's own
// runtime: the `x-decimal` check and the storable date-time format. Both
// the validators Ajv compiles in process (tests, compileAll) and the
// generated ones (validators.generated.ts) call these same functions, so
// the two cannot differ in what they accept.

import { fullFormats } from 'ajv-formats/dist/formats.js';
import { checkDecimal, compareDecimal, type DecimalShape } from './decimal.js';

/** The value of an `x-decimal` keyword. */
export interface SchemaDecimal extends DecimalShape {
  /** Smallest allowed value, as decimal text (e.g. "0"). */
  minimum?: string;
}

/** Why a value breaks its `x-decimal` shape, or undefined when it fits. Non-decimals (booleans, lists) are left to `type`. */
export function decimalProblem(shape: SchemaDecimal, value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value);
  const check = checkDecimal(text, shape);
  if (!check.ok) return check.message;
  if (shape.minimum !== undefined && compareDecimal(check.value, shape.minimum) < 0) {
    return shape.minimum === '0' ? `${text} is negative; it must be 0 or more` : `${text} is below the minimum ${shape.minimum}`;
  }
  return undefined;
}

const rfc3339 = fullFormats['date-time'] as { validate: (text: string) => boolean };

/**
 * An RFC 3339 date and time that a timestamptz column holds as written:
 * PostgreSQL has no year 0 and no leap second (23:59:60 would be stored as
 * the next day and never compare equal again), and values are compared at
 * millisecond precision, so finer digits would be dropped unseen.
 */
export function storableDateTime(text: string): boolean {
  return rfc3339.validate(text) && !/^0000/.test(text) && !/[Tt ]\d\d:\d\d:60/.test(text) && !/\.\d{4,}/.test(text);
}

/** The formats the schemas use, as Ajv format definitions. */
export const FORMATS = {
  email: fullFormats.email,
  ipv4: fullFormats.ipv4,
  ipv6: fullFormats.ipv6,
  date: fullFormats.date,
  'date-time': { type: 'string' as const, validate: storableDateTime },
};
