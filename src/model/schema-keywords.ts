// didsync's own JSON Schema keywords, registered on every Ajv instance:
//   x-decimal  {precision, scale, minimum?}: an exact decimal that fits a
//              PostgreSQL numeric(precision, scale), judged on its text;
//   x-column   a column name where the field-to-column rule does not apply;
//   x-ref      the kind whose codes a list of references names.
// It must never round a decimal or read it through a binary float: the check
// is on the digits as written.

import type { Ajv2020 } from 'ajv/dist/2020.js';
import { _, type CodeKeywordDefinition, type KeywordDefinition } from 'ajv';
import { KIND_NAMES } from './kinds.js';
import { decimalProblem } from './schema-runtime.js';

export type { SchemaDecimal } from './schema-runtime.js';

/** How generated validator code reaches schema-runtime.ts (a sibling module of the generated one). */
export const RUNTIME_MODULE = './schema-runtime.js';

// Generated code, not a function handed to Ajv, so that the validators can
// be compiled ahead of time (scripts/gen.ts): it calls decimalProblem and
// fails with its message.
const DECIMAL_KEYWORD: CodeKeywordDefinition = {
  keyword: 'x-decimal',
  schemaType: 'object',
  error: {
    message: ({ params }) => _`${params.problem}`,
    params: ({ schemaCode }) => _`{precision: ${schemaCode}.precision, scale: ${schemaCode}.scale}`,
  },
  code(cxt) {
    const check = cxt.gen.scopeValue('func', { ref: decimalProblem, code: _`require(${RUNTIME_MODULE}).decimalProblem` });
    const problem = cxt.gen.const('problem', _`${check}(${cxt.schemaValue}, ${cxt.data})`);
    cxt.setParams({ problem });
    cxt.fail(_`${problem} !== undefined`);
  },
  metaSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['precision', 'scale'],
    properties: {
      precision: { type: 'integer', minimum: 1, maximum: 1000 },
      scale: { type: 'integer', minimum: 0, maximum: 1000 },
      minimum: { type: 'string', pattern: '^-?[0-9]+(\\.[0-9]+)?$' },
    },
  },
};

// Annotations only: they say where a value goes, not whether it is valid.
const COLUMN_KEYWORD: KeywordDefinition = {
  keyword: 'x-column',
  schemaType: 'string',
  metaSchema: { type: 'string', pattern: '^[a-z0-9_]+$' },
};

const REF_KEYWORD: KeywordDefinition = {
  keyword: 'x-ref',
  schemaType: 'string',
  metaSchema: { enum: [...KIND_NAMES] },
};

/** Adds didsync's keywords to an Ajv instance; with `metaSchemas`, each use of one is checked against its meta-schema. */
export function addDidsyncKeywords(ajv: Ajv2020, opts: { metaSchemas: boolean } = { metaSchemas: true }): void {
  for (const definition of [DECIMAL_KEYWORD, COLUMN_KEYWORD, REF_KEYWORD]) {
    // A copy each time: Ajv keeps the compiled meta-schema on the definition it is given (validateSchema).
    const { metaSchema, validateSchema: _compiledByAnother, ...rest } = definition;
    ajv.addKeyword(opts.metaSchemas && metaSchema ? { ...rest, metaSchema } : rest);
  }
}
