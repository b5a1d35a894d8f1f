// The one Ajv instance (JSON Schema 2020-12, strict, all errors, formats)
// and each kind's compiled validator, built on first use. It only answers
// "which raw Ajv errors does this value have"; turning them into messages
// for people is schema-issues.ts's job. It must never coerce or fill in
// values (no useDefaults, no coerceTypes): validation leaves data untouched.

import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import formats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { KIND_NAMES, type KindName } from './kinds.js';
import { addDidsyncKeywords } from './schema-keywords.js';
import { schemaOf } from './schema-files.js';
import { describeErrors, type SchemaIssue } from './schema-issues.js';

let ajv: Ajv2020 | undefined;
const compiled = new Map<KindName, ValidateFunction>();

function instance(): Ajv2020 {
  ajv ??= newAjv({ checkSchemas: false });
  return ajv;
}

/**
 * A configured Ajv. With `checkSchemas`, each schema and each use of a
 * didsync keyword is first validated against its meta-schema. The schema
 * files ship with didsync and a test compiles them that way, so a run does
 * not: compiling the 2020-12 meta-schema alone cost about 75 ms of every
 * run that validates a document.
 */
export function newAjv(opts: { checkSchemas: boolean }): Ajv2020 {
  // verbose: errors carry their schema and parent schema, which the
  // messages need (ranges, allowed names); allowUnionTypes: decimals are
  // string-or-number until the loader substitutes their source text.
  // strictRequired is off because `required` inside oneOf/then names
  // properties declared beside them, which it cannot see; test/model checks
  // instead that every required name is a declared property.
  const created = new Ajv2020({
    allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, verbose: true, validateSchema: opts.checkSchemas,
  });
  formats.default(created, ['email', 'ipv4', 'ipv6', 'date']);
  created.addFormat('date-time', { type: 'string', validate: storableDateTime });
  addDidsyncKeywords(created, { metaSchemas: opts.checkSchemas });
  return created;
}

const rfc3339 = fullFormats['date-time'] as { validate: (text: string) => boolean };

/**
 * An RFC 3339 date and time that a timestamptz column holds as written:
 * PostgreSQL has no year 0 and no leap second (23:59:60 would be stored as
 * the next day and never compare equal again), and values are compared at
 * millisecond precision, so finer digits would be dropped unseen.
 */
function storableDateTime(text: string): boolean {
  return rfc3339.validate(text) && !/^0000/.test(text) && !/[Tt ]\d\d:\d\d:60/.test(text) && !/\.\d{4,}/.test(text);
}

/** The compiled validator of a kind's schema. */
export function validatorOf(kind: KindName): ValidateFunction {
  let validate = compiled.get(kind);
  if (!validate) {
    validate = instance().compile(schemaOf(kind));
    compiled.set(kind, validate);
  }
  return validate;
}

/** Raw Ajv errors of a value against its kind's schema; empty when valid. */
export function rawErrors(kind: KindName, data: unknown): ErrorObject[] {
  const validate = validatorOf(kind);
  return validate(data) ? [] : [...(validate.errors ?? [])];
}

/** Compiles every kind's schema, each checked against its meta-schema first; throws on the first that Ajv (strict) refuses. */
export function compileAll(): void {
  const checking = newAjv({ checkSchemas: true });
  for (const kind of KIND_NAMES) checking.compile(schemaOf(kind));
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
