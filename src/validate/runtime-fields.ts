// Fields DIDTron computes or changes at run time (CONTRACT §1) are not
// config: balances, spend counters, ids, shortcodes, timestamps. Written in
// YAML they are refused here with their own message, so the user learns why,
// instead of a generic "unknown field" from the schema (which skips every
// pointer recorded here). It must never drop or ignore such a field quietly.

import type { Problem } from '../report/problem.js';
import { record, type TypedDocument } from './documents.js';
import { pointerToken, problemAt } from './locate.js';

/** Every nested row has its own id and timestamps in DIDTron. */
const NESTED_RUNTIME = ['id', 'createdAt', 'updatedAt'];

export function checkRuntimeFields(typed: readonly TypedDocument[], problems: Problem[]): void {
  for (const td of typed) {
    refuse(td, td.data, '', td.spec.runtimeOwned, problems);
    for (const part of td.spec.nested) {
      const value = td.data[part.field];
      const base = `/${pointerToken(part.field)}`;
      if (part.cardinality === 'one') {
        refuse(td, record(value), base, NESTED_RUNTIME, problems);
      } else if (Array.isArray(value)) {
        value.forEach((element, i) => refuse(td, record(element), `${base}/${i}`, NESTED_RUNTIME, problems));
      }
    }
  }
}

function refuse(td: TypedDocument, obj: Record<string, unknown> | undefined, base: string, fields: readonly string[], problems: Problem[]): void {
  if (!obj) return;
  for (const field of fields) {
    if (!Object.hasOwn(obj, field)) continue;
    const pointer = `${base}/${pointerToken(field)}`;
    td.reported.add(pointer);
    problems.push(problemAt(td.doc, pointer, {
      rule: 'runtime',
      message: `${field} is owned by DIDTron at run time and cannot be set in config`,
      hint: `remove ${field}: didsync never writes it, DIDTron ${field === 'id' ? 'assigns' : 'keeps'} it`,
    }, true));
  }
}
