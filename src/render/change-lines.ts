// One change of a plan as lines of text, shared by the text and markdown
// renderers: field changes as `from → to`, nested lists element by element,
// long text as a unified diff, rates as counts plus samples. Reads the plan
// only; no colour here (the caller decorates by the line's sign).

import { createRequire } from 'node:module';
import type { PlanChange } from '../reconcile/plan.js';
import { stableStringify, type Value } from '../reconcile/values.js';
import { kindSpec } from '../model/kinds.js';

// `diff` is loaded at the first long text to show (its CommonJS build, the only copy in the process):
// most plans have none, and its thirty modules cost a run 50 ms.
const require = createRequire(import.meta.url);
let createPatch: typeof import('diff').createPatch | undefined;

export type Sign = '+' | '-' | '~' | ' ' | '!';
export interface Line { sign: Sign; depth: number; text: string }

export const SYMBOL: Record<PlanChange['action'], Sign> = { create: '+', update: '~', delete: '-', adopt: '~' };

export function changeHeader(c: PlanChange): string {
  const suffix = c.action === 'adopt' ? ' (adopt: existing row, not yet managed)' : '';
  return `${c.kind} ${c.key}${suffix}`;
}

export function changeLines(c: PlanChange, rateSamples: number): Line[] {
  const lines: Line[] = [];
  const nested = new Map(kindSpec(c.kind).nested.map((n) => [n.field, n]));
  for (const [name, { from, to }] of Object.entries(c.fields)) {
    const part = nested.get(name);
    if (c.action === 'create') {
      if (to === null || (Array.isArray(to) && to.length === 0)) continue;
      if (part && part.cardinality === 'many') {
        lines.push({ sign: '+', depth: 1, text: `${name}:` });
        lines.push(...listLines(null, to as Value[], part.key));
      } else {
        lines.push({ sign: '+', depth: 1, text: `${name}: ${show(compact(to))}` });
      }
    } else if (part && part.cardinality === 'many') {
      lines.push({ sign: '~', depth: 1, text: `${name}:` });
      lines.push(...listLines(from as Value[] | null, to as Value[] | null, part.key));
    } else if (part && from !== null && to !== null) {
      // One nested object (settings, assignment): only its fields that differ.
      lines.push({ sign: '~', depth: 1, text: `${name}: ${fieldChanges(from, to)}` });
    } else if (isLongText(from) || isLongText(to)) {
      lines.push({ sign: '~', depth: 1, text: `${name}:` });
      lines.push(...textDiff(String(from ?? ''), String(to ?? '')));
    } else {
      lines.push({ sign: '~', depth: 1, text: `${name}: ${show(compact(from))} → ${show(compact(to))}` });
    }
  }
  if (c.rates && (c.rates.added || c.rates.changed || c.rates.removed)) {
    lines.push(...rateLines(c, rateSamples));
  }
  return lines;
}

function rateLines(c: PlanChange, rateSamples: number): Line[] {
  const r = c.rates!;
  const counts = [[r.added, '+', 'added'], [r.changed, '~', 'changed'], [r.removed, '-', 'removed']] as const;
  const shownCounts = counts.filter(([n]) => n > 0);
  const sign: Sign = shownCounts.length === 1 ? shownCounts[0][1] : '~';
  const lines: Line[] = [{ sign, depth: 1, text: `rates: ${shownCounts.map(([n, , what]) => `${n} ${what}`).join(', ')}` }];
  const s = r.samples;
  if (!s || rateSamples <= 0) return lines;
  const rows: Array<{ sign: Sign; cells: string[] }> = [
    ...s.added.slice(0, rateSamples).map((x) => ({ sign: '+' as const, cells: [x.prefix, x.effectiveDate ?? '', x.destination, String(x.to)] })),
    ...s.changed.slice(0, rateSamples).map((x) => ({ sign: '~' as const, cells: [x.prefix, x.effectiveDate ?? '', x.destination, `${x.from} → ${x.to}`] })),
    ...s.removed.slice(0, rateSamples).map((x) => ({ sign: '-' as const, cells: [x.prefix, x.effectiveDate ?? '', x.destination, String(x.from)] })),
  ];
  // Columns: prefix, effective date (blank: in effect now), destination, rate.
  const width = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row.cells[i].length)));
  for (const row of rows) {
    const cells = row.cells.map((cell, i) => (i < 3 ? cell.padEnd(width[i]) : cell)).filter((_, i) => i !== 1 || width[1] > 0);
    lines.push({ sign: row.sign, depth: 2, text: cells.join('  ') });
  }
  const total = r.added + r.changed + r.removed;
  if (total > rows.length) lines.push({ sign: ' ', depth: 2, text: `… ${total - rows.length} more rate change(s) not shown` });
  return lines;
}

function listLines(from: Value[] | null, to: Value[] | null, key: readonly string[]): Line[] {
  const keyOf = (v: Value) => key.map((k) => String((v as Record<string, Value>)?.[k] ?? '')).join('/');
  const before = new Map((from ?? []).map((v) => [keyOf(v), v]));
  const after = new Map((to ?? []).map((v) => [keyOf(v), v]));
  const lines: Line[] = [];
  for (const [k, v] of after) {
    const old = before.get(k);
    if (old === undefined) lines.push({ sign: '+', depth: 2, text: `${k} ${show(compact(v, key))}` });
    else if (stableStringify(old) !== stableStringify(v)) lines.push({ sign: '~', depth: 2, text: `${k}: ${fieldChanges(old, v)}` });
  }
  for (const [k, v] of before) if (!after.has(k)) lines.push({ sign: '-', depth: 2, text: `${k} ${show(compact(v, key))}` });
  const order = (l: Value[] | null) => (l ?? []).map(keyOf).filter((k) => before.has(k) && after.has(k)).join(', ');
  if (from !== null && order(from) !== order(to)) lines.push({ sign: '~', depth: 2, text: `order: ${order(from)} → ${order(to)}` });
  return lines;
}

/** The fields of one element that differ: `a 1 → 2, b (none) → "x"`. */
function fieldChanges(from: Value, to: Value): string {
  const a = from as Record<string, Value>;
  const b = to as Record<string, Value>;
  const names = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return names
    .filter((f) => stableStringify(a[f] ?? null) !== stableStringify(b[f] ?? null))
    .map((f) => `${f} ${show(a[f] ?? null)} → ${show(b[f] ?? null)}`)
    .join(', ');
}

/** An element without its null fields (and the key fields it is already named by), for one-line display. */
function compact(v: Value, key: readonly string[] = []): Value {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
  return Object.fromEntries(Object.entries(v).filter(([name, x]) => x !== null && !key.includes(name)));
}

function isLongText(v: Value): boolean {
  return typeof v === 'string' && (v.includes('\n') || v.length > 80);
}

function textDiff(from: string, to: string): Line[] {
  createPatch ??= (require('diff') as typeof import('diff')).createPatch;
  const patch = createPatch('text', from.endsWith('\n') ? from : `${from}\n`, to.endsWith('\n') ? to : `${to}\n`, '', '', { context: 2 });
  return patch.split('\n').slice(4).filter((l) => l.length > 0 && !l.startsWith('\\')).map((l): Line => (
    l.startsWith('@@')
      ? { sign: ' ', depth: 2, text: l }
      : { sign: l[0] === '+' ? '+' : l[0] === '-' ? '-' : ' ', depth: 2, text: l.slice(1) }
  ));
}

export function show(v: Value | undefined): string {
  if (v === null || v === undefined) return '(none)';
  if (typeof v === 'string') return JSON.stringify(v);
  return typeof v === 'object' ? stableStringify(v) : String(v);
}
