// Desired state: the validated config (DesiredState) in the interim model.
// Pure: takes values, returns values.

import { canonicalDecimal } from '../model/decimal.js';
import type { ConfigObject, DeckStub, DesiredState, RateDeck } from '../load/types.js';
import { normalise, type Value } from './values.js';
import { ratesCsv } from '../export/rates-csv.js';
import { normaliseNested, objectId, stateFields, type ObjectState, type RateRows } from './state.js';

export interface DesiredModel {
  objects: Map<string, ObjectState>;
  /** Rates per rating plan key. */
  rates: Map<string, RateRows>;
  /** Where each object was declared (for messages). */
  origins: Map<string, { file: string; line: number }>;
}

/** The config as read: a model whose `rates` lack the stubbed decks until makePlan settles them. */
export interface ReadModel extends DesiredModel {
  /** Rating plans whose CSV deck was not parsed (known bytes): their rows are unknown until loaded. */
  stubs: Map<string, DeckStub>;
  /** Rating plans with a hashed CSV deck: which file and bytes their rates come from. */
  sources: Map<string, { file: string; sha256: string }>;
  /** The text of each deck that was read (a CSV file's, or inline rates written out as CSV), for apply to record. */
  texts: Map<string, string>;
  /** For a CSV deck that was read: the line of its text each row is on. */
  lines: Map<string, Int32Array>;
}

export function desiredModel(desired: DesiredState): ReadModel {
  const objects = new Map<string, ObjectState>();
  const rates = new Map<string, RateRows>();
  const stubs = new Map<string, DeckStub>();
  const sources = new Map<string, { file: string; sha256: string }>();
  const texts = new Map<string, string>();
  const lines = new Map<string, Int32Array>();
  const origins = new Map<string, { file: string; line: number }>();
  for (const obj of desired.objects) {
    if (obj.kind === 'Settings') continue;
    const id = objectId(obj.kind, obj.key);
    objects.set(id, desiredObject(obj));
    origins.set(id, { file: obj.file, line: obj.line });
    if (obj.kind !== 'RatingPlan') continue;
    if (obj.ratesStub) stubs.set(obj.key, obj.ratesStub);
    else {
      const rows = normaliseDeck(obj.rates);
      rates.set(obj.key, rows);
      texts.set(obj.key, obj.rates?.text ?? ratesCsv(rows));
      if (obj.rates?.text !== undefined) lines.set(obj.key, obj.rates.line);
    }
    if (obj.ratesSource) sources.set(obj.key, obj.ratesSource);
  }
  return { objects, rates, stubs, sources, origins, texts, lines };
}

export function desiredObject(obj: ConfigObject): ObjectState {
  const fields: Record<string, Value> = {};
  for (const f of stateFields(obj.kind)) {
    const raw = obj.data[f.name];
    // An explicit null keeps the column NULL where the schema would put a default (written by export for such rows).
    if (f.part === 'column') fields[f.name] = normalise(f.info, raw === undefined ? f.info.default : raw);
    else if (f.part === 'reference') fields[f.name] = raw == null ? null : String(raw);
    else fields[f.name] = normaliseNested(f.nested, f.fields, raw);
  }
  return { kind: obj.kind, key: obj.key, fields };
}

/** A deck as written -> normalised rows (decimals canonical, so '0.0100' equals '0.01'). */
export function normaliseDeck(deck: RateDeck | undefined): RateRows {
  if (!deck) {
    return { prefix: [], destination: [], rate: [], connectionFee: [], initialInterval: [], recurringInterval: [], effectiveDate: [], endDate: [] };
  }
  const dec = (s: string | null) => (s == null || s === '' ? null : canonicalDecimal(s) ?? s);
  return {
    prefix: deck.prefix,
    destination: deck.destination,
    rate: deck.rate.map((r) => dec(r) ?? r),
    connectionFee: deck.connectionFee.map(dec),
    initialInterval: deck.initialInterval,
    recurringInterval: deck.recurringInterval,
    effectiveDate: deck.effectiveDate,
    endDate: deck.endDate,
  };
}
