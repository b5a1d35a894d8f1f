// The last stage, reached only by a config without problems: one
// ConfigObject per document, with schema defaults filled in for absent
// fields, decimals kept as the text the user wrote (the diff canonicalises),
// rates attached as a columnar deck (from the CSV or the inline list) or as
// the stub of a known CSV deck (src/load/known-decks.ts), and
// the Settings document merged over the shipped defaults.

import { ratesFromInline } from '../load/rates-inline.js';
import type { ConfigObject, DesiredState, LoadResult, RateDeck } from '../load/types.js';
import { columnFields, nestedFields, type FieldInfo } from '../model/schemas.js';
import { record, type TypedDocument } from './documents.js';
import { documentLine } from './locate.js';
import { checkedStub } from './rate-duplicates.js';
import { mergeSettings, plainCopy } from './settings-defaults.js';

export function buildDesired(
  typed: readonly TypedDocument[], load: Pick<LoadResult, 'decks' | 'stubs' | 'deckHashes'>, defaults: Record<string, unknown>,
): DesiredState {
  const stubs = new Map([...load.stubs].map(([file, stub]) => [file, checkedStub(stub)]));
  const objects: ConfigObject[] = [];
  let settings = defaults;
  for (const td of typed) {
    const { kind: _kind, rates: _rates, ...fields } = plainCopy(td.data) as Record<string, unknown>;
    if (td.kind === 'Settings') {
      settings = mergeSettings(defaults, fields);
      continue;
    }
    applyDefaults(td, fields);
    const object: ConfigObject = { kind: td.kind, key: td.key ?? '', file: td.doc.file, line: documentLine(td.doc), data: fields };
    const csv = td.kind === 'RatingPlan' ? td.doc.ratesFile : undefined;
    const stub = csv === undefined ? undefined : stubs.get(csv);
    const rates = stub ? undefined : ratesOf(td, load.decks);
    if (rates) object.rates = rates;
    if (stub) object.ratesStub = stub;
    const sha256 = csv === undefined ? undefined : load.deckHashes.get(csv);
    if (csv !== undefined && sha256 !== undefined) object.ratesSource = { file: csv, sha256 };
    objects.push(object);
  }
  return { objects, settings };
}

function ratesOf(td: TypedDocument, decks: ReadonlyMap<string, RateDeck>): RateDeck | undefined {
  if (td.kind !== 'RatingPlan') return undefined;
  if (td.doc.ratesFile !== undefined) return decks.get(td.doc.ratesFile);
  if (Array.isArray(td.data.rates)) return ratesFromInline(td.doc.file, td.doc, '/rates');
  return undefined;
}

function applyDefaults(td: TypedDocument, data: Record<string, unknown>): void {
  fill(data, columnFields(td.kind));
  for (const part of td.spec.nested) {
    const value = data[part.field];
    const fields = nestedFields(td.kind, part.field);
    if (Array.isArray(value)) value.forEach((element) => fill(record(element), fields));
    else fill(record(value), fields);
  }
}

function fill(obj: Record<string, unknown> | undefined, fields: readonly FieldInfo[]): void {
  if (!obj) return;
  for (const f of fields) {
    if (f.default !== undefined && !Object.hasOwn(obj, f.name)) obj[f.name] = plainCopy(f.default);
  }
}
