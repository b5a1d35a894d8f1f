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
  const sweep = new Sweep();
  const flagged = new Set<TypedDocument>();
  for (const c of candidates) {
    for (const a of sweep.clashing(c)) {
      if (a.td === c.td) continue;
      const [first, second] = a.order < c.order ? [a, c] : [c, a];
      if (flagged.has(second.td)) continue;
      flagged.add(second.td);
      problems.push(overlapProblem(first, second));
      if (second === c) break;
    }
    sweep.add(c);
  }
}

/**
 * The blocks still open at the sweep's position, grouped by techPrefix so a
 * block meets only those it can clash with: its own prefix and the empty one
 * (or, with an empty prefix, every group). Closed blocks are dropped as they
 * are met, so work follows the real overlaps, and a caller that stops at its
 * first clash does not pay for the rest of a crowded group.
 */
class Sweep {
  private readonly open = new Map<string, Group>();

  *clashing(c: Candidate): Generator<Candidate> {
    const prefixes = c.techPrefix === '' ? [...this.open.keys()] : [c.techPrefix, ''];
    for (const prefix of prefixes) {
      const group = this.open.get(prefix);
      if (!group) continue;
      if (group.closed * 2 > group.items.length) group.compact();
      for (let i = 0; i < group.items.length; i++) {
        const a = group.items[i];
        if (a === null) continue;
        if (a.family !== c.family || a.end < c.start) {
          group.items[i] = null;
          group.closed++;
          continue;
        }
        yield a;
      }
    }
  }

  add(c: Candidate): void {
    let group = this.open.get(c.techPrefix);
    if (!group) this.open.set(c.techPrefix, (group = new Group()));
    group.items.push(c);
  }
}

class Group {
  items: (Candidate | null)[] = [];
  closed = 0;

  /** Drops closed slots (keeping order); called only between iterations. */
  compact(): void {
    this.items = this.items.filter((a) => a !== null);
    this.closed = 0;
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
