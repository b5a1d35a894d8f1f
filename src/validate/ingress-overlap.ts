// Ingress identification: DIDTron tells which carrier an incoming call
// belongs to by its source address and, when the address is shared, by the
// techPrefix in front of the number. Two ingress-capable interconnects whose
// transport addresses overlap and whose techPrefixes are equal (or either
// empty) make that ambiguous: calls could be billed to the wrong carrier.
// Overlaps are found by a sweep over blocks sorted by start, so thousands of
// interconnects cost n log n plus the real overlaps, never n squared pairs.
// Inactive addresses and interconnects identify nothing and are left out.

import type { Problem } from '../report/problem.js';
import { describe, record, shownName, text, type TypedDocument } from './documents.js';
import { formatIp } from './ip.js';
import type { AddressBlock } from './ip-ranges.js';
import { problemAt } from './locate.js';

interface Candidate extends AddressBlock {
  techPrefix: string;
  /** Declaration order, so "second" means declared later. */
  order: number;
}

/** `blocks` are every interconnect's valid addresses, grouped by document in declaration order. */
export function checkIngressOverlap(blocks: readonly AddressBlock[], problems: Problem[]): void {
  const order = new Map<TypedDocument, number>();
  const candidates: Candidate[] = [];
  for (const b of blocks) {
    if (!order.has(b.td)) order.set(b.td, order.size);
    if (!identifiesIngress(b)) continue;
    candidates.push({ ...b, techPrefix: techPrefixOf(b.td), order: order.get(b.td)! });
  }
  candidates.sort((a, b) => a.family - b.family || (a.start < b.start ? -1 : a.start > b.start ? 1 : a.order - b.order));
  const reported = new Set<string>();
  let active: Candidate[] = [];
  for (const c of candidates) {
    active = active.filter((a) => a.family === c.family && a.end >= c.start);
    for (const a of active) {
      if (a.td === c.td || !prefixesClash(a.techPrefix, c.techPrefix)) continue;
      const [first, second] = a.order < c.order ? [a, c] : [c, a];
      const pair = `${first.order}:${second.order}`;
      if (reported.has(pair)) continue;
      reported.add(pair);
      problems.push(overlapProblem(first, second));
    }
    active.push(c);
  }
}

function identifiesIngress(b: AddressBlock): boolean {
  const direction = b.td.data.direction;
  if (direction !== 'ingress' && direction !== 'both') return false;
  if (b.td.data.isActive === false || !b.active) return false;
  return b.addressType === undefined || b.addressType === 'transport';
}

/** The interconnect's techPrefix, or its validation settings' one; '' when neither is set. */
function techPrefixOf(td: TypedDocument): string {
  return text(td.data.techPrefix) || text(record(td.data.validation)?.techPrefix) || '';
}

function prefixesClash(a: string, b: string): boolean {
  return a === '' || b === '' || a === b;
}

function overlapProblem(first: Candidate, second: Candidate): Problem {
  const start = first.start > second.start ? first.start : second.start;
  const address = formatIp(second.family, start);
  const firstLine = first.td.doc.positions.get(first.pointer)?.line ?? 1;
  const why = first.techPrefix === '' || second.techPrefix === ''
    ? `${first.techPrefix === '' ? describe(first.td) : describe(second.td)} has no techPrefix`
    : `both have techPrefix ${shownName(second.techPrefix)}`;
  return problemAt(second.td.doc, second.pointer, {
    rule: 'semantic',
    message: `${describe(second.td)} accepts ingress calls from ${address}, as does ${describe(first.td)} (${first.td.doc.file}:${firstLine}), and ${why}: DIDTron could not tell which carrier a call from ${address} belongs to`,
    hint: 'give each of them a distinct techPrefix, or remove the overlapping address from one',
  });
}
