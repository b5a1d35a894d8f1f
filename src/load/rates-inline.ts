// Builds a RateDeck from a RatingPlan's inline `rates:` list, so inline and
// CSV rates reach the diff in one shape. Numbers keep the digits written in
// the YAML (from the document's `sources`). Whether the entries are valid is
// the schema's business: entries that are not even shaped like a rate are
// skipped here, and this must never throw.

import { numberText, type RateDeck, type SourceDocument } from './types.js';

export function ratesFromInline(file: string, doc: SourceDocument, pointer: string): RateDeck {
  const deck: RateDeck = {
    file, line: new Int32Array(0), prefix: [], destination: [], rate: [], connectionFee: [],
    initialInterval: [], recurringInterval: [], effectiveDate: [], endDate: [],
  };
  const list = valueAt(doc.data, pointer);
  if (!Array.isArray(list)) return deck;
  const lines: number[] = [];
  list.forEach((entry: unknown, i: number) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return;
    const at = `${pointer}/${i}`;
    const e = entry as Record<string, unknown>;
    const text = (field: string): string | null => {
      const v = e[field];
      if (typeof v === 'string') return v;
      if (typeof v === 'number') return numberText(doc, `${at}/${field}`, v);
      return null;
    };
    const whole = (field: string): number | null => {
      const v = e[field];
      return typeof v === 'number' && Number.isSafeInteger(v) ? v : null;
    };
    const prefix = text('prefix');
    const destination = text('destination');
    const rate = text('rate');
    if (prefix === null || destination === null || rate === null) return;
    lines.push(doc.positions.get(at)?.line ?? 0);
    deck.prefix.push(prefix);
    deck.destination.push(destination);
    deck.rate.push(rate);
    deck.connectionFee.push(text('connectionFee'));
    deck.initialInterval.push(whole('initialInterval'));
    deck.recurringInterval.push(whole('recurringInterval'));
    deck.effectiveDate.push(typeof e.effectiveDate === 'string' ? e.effectiveDate : null);
    deck.endDate.push(typeof e.endDate === 'string' ? e.endDate : null);
  });
  deck.line = Int32Array.from(lines);
  return deck;
}

/** The value a JSON Pointer names, or undefined. */
export function valueAt(data: unknown, pointer: string): unknown {
  if (pointer === '') return data;
  if (!pointer.startsWith('/')) return undefined;
  let value = data;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.includes('~') ? raw.replace(/~1/g, '/').replace(/~0/g, '~') : raw;
    if (Array.isArray(value)) value = /^(0|[1-9]\d*)$/.test(token) ? value[Number(token)] : undefined;
    else if (typeof value === 'object' && value !== null) value = Object.hasOwn(value, token) ? (value as Record<string, unknown>)[token] : undefined;
    else return undefined;
  }
  return value;
}
