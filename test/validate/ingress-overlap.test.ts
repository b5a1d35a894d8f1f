// The ingress sweep on its own: which pairs clash, and that thousands of
// interconnects on one shared address stay fast.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkIngressOverlap } from '../../src/validate/ingress-overlap.js';
import type { AddressBlock } from '../../src/validate/ip-ranges.js';
import type { TypedDocument } from '../../src/validate/documents.js';
import { kindSpec } from '../../src/model/kinds.js';
import type { Problem } from '../../src/report/problem.js';

function interconnect(i: number, data: Record<string, unknown>): TypedDocument {
  return {
    doc: { file: 'x.yaml', index: i, kind: 'Interconnect', data, positions: new Map([['', { line: i * 10 + 1, column: 1 }]]), keyPositions: new Map(), sources: new Map() },
    spec: kindSpec('Interconnect'), kind: 'Interconnect', key: `C/${i}`,
    data: { carrier: 'C', name: String(i), direction: 'ingress', ...data }, reported: new Set(),
  };
}

function block(td: TypedDocument, start: bigint, end = start): AddressBlock {
  return { td, pointer: '/ipAddresses/0/ipAddress', family: 4, start, end, addressType: 'transport', active: true };
}

function run(blocks: AddressBlock[]): Problem[] {
  const problems: Problem[] = [];
  checkIngressOverlap(blocks, problems);
  return problems;
}

test('equal or empty techPrefixes on overlapping addresses clash; distinct ones do not', () => {
  const a = interconnect(0, { techPrefix: '1#' });
  const b = interconnect(1, { techPrefix: '1#' });
  const c = interconnect(2, { techPrefix: '2#' });
  const d = interconnect(3, {});
  assert.equal(run([block(a, 10n), block(b, 10n)]).length, 1);
  assert.equal(run([block(a, 10n), block(c, 10n)]).length, 0);
  assert.equal(run([block(a, 5n, 20n), block(d, 20n)]).length, 1);
  assert.equal(run([block(a, 5n, 19n), block(d, 20n)]).length, 0);
});

test('egress-only and inactive interconnects identify nothing', () => {
  const a = interconnect(0, {});
  const out = interconnect(1, { direction: 'egress' });
  const off = interconnect(2, { isActive: false });
  assert.equal(run([block(a, 10n), block(out, 10n), block(off, 10n)]).length, 0);
});

test('the problem is reported at the later interconnect and names the first', () => {
  const a = interconnect(0, {});
  const b = interconnect(1, {});
  const [p] = run([block(a, 0xc000020an, 0xc00002ffn), block(b, 0xc000020an)]);
  assert.match(p.message, /^interconnect C\/1 accepts ingress calls from 192\.0\.2\.10, as does interconnect C\/0 \(x\.yaml:1\)/);
  assert.equal(p.line, 11);
});

test('4,000 interconnects sharing one address with distinct techPrefixes stay fast', () => {
  const blocks = Array.from({ length: 4000 }, (_, i) => block(interconnect(i, { techPrefix: `${i}#` }), 10n));
  const started = performance.now();
  assert.equal(run(blocks).length, 0);
  const ms = performance.now() - started;
  assert.ok(ms < 500, `took ${ms.toFixed(0)} ms`);
});

test('4,000 interconnects on one address without techPrefix give one problem each, quickly', () => {
  const blocks = Array.from({ length: 4000 }, (_, i) => block(interconnect(i, {}), 10n));
  const started = performance.now();
  const problems = run(blocks);
  const ms = performance.now() - started;
  assert.equal(problems.length, 3999);
  assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms`);
});
