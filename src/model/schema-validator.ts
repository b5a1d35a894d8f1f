// Each kind's schema validator: compiled ahead of time into
// validators.generated.ts (`npm run gen`, by schema-compiler.ts), so a run
// loads no Ajv; loading Ajv and compiling a kind's schema cost about 0.2 s
// of every run that validated a document. Tests compile the same schemas in
// process and check that the generated file is current.
// It only answers "which raw Ajv errors does this value have"; turning them
// into messages for people is schema-issues.ts's job. It must never coerce
// or fill in values (no useDefaults, no coerceTypes): validation leaves data
// untouched.

import type { ErrorObject, ValidateFunction } from 'ajv';
import type { KindName } from './kinds.js';
import { schemaOf } from './schema-files.js';
import { describeErrors, type SchemaIssue } from './schema-issues.js';
import * as generated from './validators.generated.js';

/** The validator of a kind's schema. */
export function validatorOf(kind: KindName): ValidateFunction {
  return (generated as unknown as Record<KindName, ValidateFunction>)[kind];
}

/** Raw Ajv errors of a value against its kind's schema; empty when valid. */
export function rawErrors(kind: KindName, data: unknown): ErrorObject[] {
  const validate = validatorOf(kind);
  return validate(data) ? [] : [...(validate.errors ?? [])];
}

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
