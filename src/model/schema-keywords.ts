// didsync's own JSON Schema keywords, registered on the one Ajv instance:
//   x-decimal  {precision, scale, minimum?}: an exact decimal that fits a
//              PostgreSQL numeric(precision, scale), judged on its text;
//   x-column   a column name where the field-to-column rule does not apply;
//   x-ref      the kind whose codes a list of references names.
// It must never round a decimal or read it through a binary float: the check
// is on the digits as written.

import { Ajv2020 } from 'ajv/dist/2020.js';
import type { KeywordDefinition, SchemaValidateFunction } from 'ajv';
import { checkDecimal, compareDecimal, type DecimalShape } from './decimal.js';
import { KIND_NAMES } from './kinds.js';

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

const validateDecimal: SchemaValidateFunction = (shape: SchemaDecimal, value: unknown): boolean => {
  const message = decimalProblem(shape, value);
  if (message === undefined) return true;
  validateDecimal.errors = [{ keyword: 'x-decimal', message, params: { precision: shape.precision, scale: shape.scale } }];
  return false;
};

const DECIMAL_KEYWORD: KeywordDefinition = {
  keyword: 'x-decimal',
  schemaType: 'object',
  errors: true,
  validate: validateDecimal,
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
