// What of a document the rules across documents read: its kind and
// identity, every name it gives of another object, and the fields of the
// rules that compare documents (a service's direction against its
// interconnect's, the ingress identification of interconnects, the source
// of a plan's rates, the Settings). Two configs whose documents have the
// same facts give the same verdict on those rules, so a plan that finds a
// changed file's facts equal to those recorded for it at the last apply
// need only check that file's documents one by one (src/reconcile/
// incremental.ts). A rule across documents that reads another field must
// add it here: test/validate/cross-facts.test.ts changes every other field
// of documents that break those rules and checks the verdict does not move.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DECK_RULES } from '../load/deck-rules.js';
import { schemaPath } from '../model/schemas.js';
import { KIND_NAMES } from '../model/kinds.js';
import { stableStringify, type Value } from '../reconcile/values.js';
import type { TypedDocument } from './documents.js';

/** Fields, besides identity and references, that a rule across documents reads (paths of field names). */
const CROSS_FIELDS: Partial<Record<TypedDocument['kind'], readonly string[][]>> = {
  Service: [['direction']],
  Interconnect: [['direction'], ['isActive'], ['techPrefix'], ['validation', 'techPrefix'], ['ipAddresses']],
  RatingPlan: [['ratesFile'], ['rates']],
  Carrier: [['assignment', 'categories'], ['assignment', 'groups']],
};

/** The facts of one document, as a value that compares with stableStringify. */
export function crossFacts(td: TypedDocument): Value {
  const at = (path: readonly string[]): Value => {
    let v: unknown = td.data;
    for (const p of path) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[p] : undefined;
    // Inline rates matter only as "there are some" (their rows are the plan's own).
    if (path[0] === 'rates') return v === undefined ? null : true;
    return v === undefined ? null : (JSON.parse(JSON.stringify(v)) as Value);
  };
  if (td.kind === 'Settings') return { kind: td.kind, settings: at([]) };
  return {
    kind: td.kind,
    identity: td.spec.identity.map((f) => at([f])),
    references: td.spec.references.map((r) => at([r.field])),
    fields: (CROSS_FIELDS[td.kind] ?? []).map(at),
  };
}

/** The facts of a file's documents, in document order, as one digest. */
export function factsDigest(docs: readonly TypedDocument[]): string {
  const h = createHash('sha256');
  for (const td of docs) h.update(stableStringify(crossFacts(td))).update('\n');
  return h.digest('hex').slice(0, 32);
}

/**
 * Bump when a rule that decides whether a config is valid, or what its
 * objects are, changes without a release (src/validate, src/load, the
 * normalisation in src/reconcile/desired.ts): a record made under other
 * rules vouches for nothing, and the next plan reads every file.
 */
const REVISION = 1;

let rules: string | undefined;

/** The stamp of the rules a config is read and checked by: release, revision, the schemas and the shipped defaults. */
export function configRules(): string {
  if (rules) return rules;
  const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };
  const h = createHash('sha256').update(`${version}/${REVISION}/${DECK_RULES}\n`);
  for (const kind of KIND_NAMES) h.update(readFileSync(schemaPath(kind)));
  h.update(readFileSync(new URL('../../config/defaults.yaml', import.meta.url)));
  rules = `${version}/${REVISION}/${h.digest('hex').slice(0, 16)}`;
  return rules;
}
