// Checks each document against its kind's JSON Schema. Decimals first get
// the digits the user wrote (a YAML number's source text) in place of the
// parsed float, so `0.1234567` is judged as written and never rounded. Issues
// at pointers an earlier stage already reported (runtime-owned fields, bad
// rate cells) are skipped: one message per mistake. Integers must also fit
// their PostgreSQL integer column. It must never change a value other than
// by that decimal substitution.

import { decimalPointers, integerPointers, validateAgainstSchema, type SchemaIssue } from '../model/schemas.js';
import { valueAt } from '../load/rates-inline.js';
import type { Problem } from '../report/problem.js';
import { alreadyReported, replaceAt, type TypedDocument } from './documents.js';
import { problemAt } from './locate.js';

/** Keywords whose issue concerns a key, not a value: located at the key. */
const KEY_KEYWORDS = new Set(['additionalProperties', 'unevaluatedProperties', 'propertyNames']);

export function checkSchemas(typed: readonly TypedDocument[], problems: Problem[]): void {
  for (const td of typed) {
    substituteDecimals(td);
    const issues = validateAgainstSchema(td.kind, td.data);
    const fresh: SchemaIssue[] = issues.filter((issue) => !alreadyReported(td, issue.path));
    for (const issue of fresh) {
      problems.push(problemAt(td.doc, issue.path, {
        rule: /decimal/i.test(issue.keyword) ? 'decimal' : 'schema',
        message: issue.message,
        ...(issue.hint ? { hint: issue.hint } : {}),
      }, KEY_KEYWORDS.has(issue.keyword)));
    }
    for (const issue of fresh) td.reported.add(issue.path);
    checkIntegerColumns(td, problems);
  }
}

/** Integer fields are `integer` columns: a value past their range would fail the apply, so it fails here. */
const INT4 = { min: -2_147_483_648, max: 2_147_483_647 };

function checkIntegerColumns(td: TypedDocument, problems: Problem[]): void {
  for (const pointer of integerPointers(td.kind, td.data)) {
    const value = valueAt(td.data, pointer);
    if (typeof value !== 'number' || !Number.isInteger(value) || (value >= INT4.min && value <= INT4.max)) continue;
    if (alreadyReported(td, pointer)) continue;
    const field = pointer.slice(pointer.lastIndexOf('/') + 1);
    problems.push(problemAt(td.doc, pointer, {
      rule: 'schema',
      message: `${field} ${td.doc.sources.get(pointer) ?? String(value)} is out of range: a whole number from ${INT4.min} to ${INT4.max} (a PostgreSQL integer)`,
    }));
    td.reported.add(pointer);
  }
}

function substituteDecimals(td: TypedDocument): void {
  for (const pointer of decimalPointers(td.kind, td.data)) {
    const value = valueAt(td.data, pointer);
    if (typeof value !== 'number') continue;
    replaceAt(td.data, pointer, td.doc.sources.get(pointer) ?? String(value));
  }
}
