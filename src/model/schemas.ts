// The JSON Schemas of didsync's kinds as one module: validation with human
// messages, the field model other stages derive columns, types and defaults
// from, and where the decimals are. The schema files in schemas/ are read
// once, at first use, and compiled by one strict Ajv (JSON Schema 2020-12).
// Callers import from here; the files behind it are details. It must never
// change the data it validates.

import type { KindName } from './kinds.js';
import { schemaOf } from './schema-files.js';
import { describeErrors, type SchemaIssue } from './schema-issues.js';
import { rawErrors } from './schema-validator.js';

export { schemaPath } from './schema-files.js';
export { columnFields, nestedFields, rateFields } from './schema-fields.js';
export type { FieldInfo, FieldType } from './schema-fields.js';
export type { SchemaDecimal } from './schema-keywords.js';
export type { SchemaIssue } from './schema-issues.js';
export { decimalPointers, integerPointers, numberPointers } from './decimal-pointers.js';
export { compileAll } from './schema-validator.js';

/**
 * Checks a document against its kind's schema. Returns one issue per
 * problem, sorted by path; empty when the document is valid. Decimals are
 * expected as the text the user wrote (see decimalPointers).
 */
export function validateAgainstSchema(kind: KindName, data: unknown): SchemaIssue[] {
  const errors = rawErrors(kind, data);
  if (errors.length === 0) return [];
  return describeErrors(schemaOf(kind), errors).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
