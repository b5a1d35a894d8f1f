// Checks each document against its kind's JSON Schema. Decimals first get
// the digits the user wrote (a YAML number's source text) in place of the
// parsed float, so `0.1234567` is judged as written and never rounded. Issues
// at pointers an earlier stage already reported (runtime-owned fields, bad
// rate cells) are skipped: one message per mistake. Integers must also fit
// their PostgreSQL integer column. It must never change a value other than
// by that decimal substitution.

import { columnFields, nestedFields, numberPlaces, type FieldInfo, type NumberPlace, type SchemaIssue } from '../model/schemas.js';
import { validateAgainstSchema } from '../model/schema-validator.js';
import type { Problem } from '../report/problem.js';
import { alreadyReported, type TypedDocument } from './documents.js';
import { problemAt } from './locate.js';
import { numberText } from '../load/types.js';

/** Keywords whose issue concerns a key, not a value: located at the key. */
const KEY_KEYWORDS = new Set(['additionalProperties', 'unevaluatedProperties', 'propertyNames']);

export function checkSchemas(typed: readonly TypedDocument[], problems: Problem[]): void {
  for (const td of typed) {
    const places = numberPlaces(td.kind, td.data);
    substituteDecimals(td, places.decimal);
    const issues = validateAgainstSchema(td.kind, withoutNullDefaults(td));
    const fresh: SchemaIssue[] = issues.filter((issue) => !alreadyReported(td, issue.path));
    for (const issue of fresh) {
      problems.push(problemAt(td.doc, issue.path, {
        rule: /decimal/i.test(issue.keyword) ? 'decimal' : 'schema',
        message: issue.message,
        ...(issue.hint ? { hint: issue.hint } : {}),
      }, KEY_KEYWORDS.has(issue.keyword)));
    }
    for (const issue of fresh) td.reported.add(issue.path);
    checkIntegerColumns(td, places.integer, problems);
  }
}

/** Integer fields are `integer` columns: a value past their range would fail the apply, so it fails here. */
const INT4 = { min: -2_147_483_648, max: 2_147_483_647 };

function checkIntegerColumns(td: TypedDocument, places: readonly NumberPlace[], problems: Problem[]): void {
  for (const { pointer, holder, key } of places) {
    // Read again: a field both decimal and integer was replaced by its text above.
    const value = (holder as Record<string | number, unknown>)[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || (value >= INT4.min && value <= INT4.max)) continue;
    if (alreadyReported(td, pointer)) continue;
    const field = pointer.slice(pointer.lastIndexOf('/') + 1);
    problems.push(problemAt(td.doc, pointer, {
      rule: 'schema',
      message: `${field} ${numberText(td.doc, pointer, value)} is out of range: a whole number from ${INT4.min} to ${INT4.max} (a PostgreSQL integer)`,
    }));
    td.reported.add(pointer);
  }
}

/**
 * The document as the schema judges it: a field that has a default may be
 * null ("keep the column NULL", as export writes a NULL such a field holds),
 * so those nulls are left out of the check. Any other null is judged.
 */
function withoutNullDefaults(td: TypedDocument): unknown {
  const strip = (obj: unknown, fields: readonly FieldInfo[]): unknown => {
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return obj;
    const src = obj as Record<string, unknown>;
    const nullable = fields.filter((f) => f.default !== undefined && f.default !== null && src[f.name] === null);
    if (nullable.length === 0) return obj;
    const out: Record<string, unknown> = Object.create(null);
    for (const [k, v] of Object.entries(src)) if (!nullable.some((f) => f.name === k)) out[k] = v;
    return out;
  };
  const data = strip(td.data, columnFields(td.kind)) as Record<string, unknown>;
  let copied = data !== td.data ? data : undefined;
  for (const part of td.spec.nested) {
    const value = (copied ?? td.data)[part.field];
    const fields = nestedFields(td.kind, part.field);
    const next = Array.isArray(value) ? value.map((e) => strip(e, fields)) : strip(value, fields);
    const changed = Array.isArray(value) ? (next as unknown[]).some((e, i) => e !== value[i]) : next !== value;
    if (!changed) continue;
    copied ??= Object.assign(Object.create(null), td.data) as Record<string, unknown>;
    copied[part.field] = next;
  }
  return copied ?? td.data;
}

function substituteDecimals(td: TypedDocument, places: readonly NumberPlace[]): void {
  for (const { pointer, holder, key } of places) {
    const h = holder as Record<string | number, unknown>;
    const value = h[key];
    if (typeof value !== 'number') continue;
    h[key] = numberText(td.doc, pointer, value);
  }
}
