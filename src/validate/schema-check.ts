// Checks each document against its kind's JSON Schema. Decimals first get
// the digits the user wrote (a YAML number's source text) in place of the
// parsed float, so `0.1234567` is judged as written and never rounded. Issues
// at pointers an earlier stage already reported (runtime-owned fields, bad
// rate cells) are skipped: one message per mistake. It must never change a
// value other than by that decimal substitution.

import { decimalPointers, validateAgainstSchema, type SchemaIssue } from '../model/schemas.js';
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
  }
}

function substituteDecimals(td: TypedDocument): void {
  for (const pointer of decimalPointers(td.kind, td.data)) {
    const value = valueAt(td.data, pointer);
    if (typeof value !== 'number') continue;
    replaceAt(td.data, pointer, td.doc.sources.get(pointer) ?? String(value));
  }
}
