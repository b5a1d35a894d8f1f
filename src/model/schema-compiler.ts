// The Ajv setup that compiles the schemas (JSON Schema 2020-12, strict,
// all errors, formats, didsync's keywords): scripts/gen.ts writes its
// output to validators.generated.ts, and tests compile with it in process.
// Runs never load it (schema-validator.ts).

import { Ajv2020 } from 'ajv/dist/2020.js';
import { _ } from 'ajv';
import { KIND_NAMES } from './kinds.js';
import { addDidsyncKeywords, RUNTIME_MODULE } from './schema-keywords.js';
import { FORMATS } from './schema-runtime.js';
import { schemaOf } from './schema-files.js';

/**
 * A configured Ajv. With `checkSchemas`, each schema and each use of a
 * didsync keyword is first validated against its meta-schema (the 2020-12
 * meta-schema alone takes about 75 ms to compile). With `standalone`, it
 * keeps the source of what it compiles, for scripts/gen.ts to write out.
 */
export function newAjv(opts: { checkSchemas: boolean; standalone?: boolean }): Ajv2020 {
  // verbose: errors carry their schema and parent schema, which the
  // messages need (ranges, allowed names); allowUnionTypes: decimals are
  // string-or-number until the loader substitutes their source text.
  // strictRequired is off because `required` inside oneOf/then names
  // properties declared beside them, which it cannot see; test/model checks
  // instead that every required name is a declared property.
  const created = new Ajv2020({
    allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, verbose: true, validateSchema: opts.checkSchemas,
    ...(opts.standalone ? { code: { source: true, esm: true, lines: true, formats: _`require(${RUNTIME_MODULE}).FORMATS` } } : {}),
  });
  for (const [name, format] of Object.entries(FORMATS)) created.addFormat(name, format);
  addDidsyncKeywords(created, { metaSchemas: opts.checkSchemas });
  return created;
}

/** Compiles every kind's schema, each checked against its meta-schema first; throws on the first that Ajv (strict) refuses. */
export function compileAll(): void {
  const checking = newAjv({ checkSchemas: true });
  for (const kind of KIND_NAMES) checking.compile(schemaOf(kind));
}
