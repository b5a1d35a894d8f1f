// The JSON Schemas of didsync's kinds as one module: validation with human
// messages, the field model other stages derive columns, types and defaults
// from, and where the decimals are. The schema files in schemas/ are read
// once, at first use. Validation against them (one strict Ajv, JSON Schema
// 2020-12) is schema-validator.ts's, apart so that a command that validates
// nothing does not load Ajv. It must never
// change the data it validates.


export { schemaPath } from './schema-files.js';
export { columnFields, nestedFields, rateFields } from './schema-fields.js';
export type { FieldInfo, FieldType } from './schema-fields.js';
export type { SchemaDecimal } from './schema-keywords.js';
export type { SchemaIssue } from './schema-issues.js';
export { decimalPointers, numberPlaces, type NumberPlace } from './decimal-pointers.js';

