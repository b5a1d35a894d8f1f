// The markdown plan is a pull-request comment: whatever the plan holds
// (thousands of changes, drift, orphans, conflicts, long guard messages),
// it stays within its maximum length and says what it left out.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Plan, PlanChange } from '../../src/reconcile/plan.js';
import { MAX_MARKDOWN, renderPlanMarkdown } from '../../src/render/plan-markdown.js';
import { DEFAULT_GUARD_SETTINGS } from '../../src/reconcile/guards.js';

function plan(parts: Partial<Plan>): Plan {
  const changes = parts.changes ?? [];
  const summary = { create: 0, update: 0, delete: 0, adopt: 0 };
  for (const c of changes) summary[c.action]++;
  return {
    formatVersion: 1, createdAt: '2026-01-01T00:00:00.000Z', source: { commit: null, configDigest: 'x' },
    database: { description: 'test', digests: {} }, settings: { guards: DEFAULT_GUARD_SETTINGS, lockTimeoutSeconds: 30 }, prune: false, changes, refresh: [], orphans: [], drift: [],
    conflicts: [], guards: [], summary, rateOps: {}, ...parts,
  };
}

const changeArb: fc.Arbitrary<PlanChange> = fc.record({
  action: fc.constantFrom('create', 'update', 'delete', 'adopt'),
  key: fc.string({ minLength: 1, maxLength: 30 }),
  text: fc.string({ maxLength: 3000 }),
}).map(({ action, key, text }): PlanChange => {
  const fields: PlanChange['fields'] = action === 'delete' ? {} : { billTo: { from: action === 'create' ? null : 'old', to: text } };
  return { action, kind: 'Carrier', key, fields };
});

const planArb = fc.record({
  changes: fc.array(changeArb, { maxLength: 300 }),
  drift: fc.nat(5000),
  orphans: fc.nat(5000),
  conflicts: fc.nat(500),
  guardObjects: fc.nat(5000),
}).map((p) => plan({
  changes: p.changes,
  drift: Array.from({ length: p.drift }, (_, i) => ({ kind: 'Carrier' as const, key: `DRIFT${i}`, fields: ['name', 'capacityLimit'], rates: false })),
  orphans: Array.from({ length: p.orphans }, (_, i) => ({ kind: 'Interconnect' as const, key: `ORPHAN/${i}`, rowId: `r${i}` })),
  conflicts: Array.from({ length: p.conflicts }, (_, i) => ({ kind: 'Carrier' as const, key: `DUP${i}`, message: 'the database holds 2 rows with this identity' })),
  guards: p.guardObjects === 0 ? [] : [{
    guard: 'carrier-balance' as const,
    message: `deleting carrier(s) with a non-zero balance: ${Array.from({ length: p.guardObjects }, (_, i) => `C${i} (customer_balance 1)`).join('; ')}`,
    objects: Array.from({ length: p.guardObjects }, (_, i) => `Carrier C${i}`),
  }],
}));

test('the markdown plan never exceeds its maximum length, and says when it cut', () => {
  fc.assert(fc.property(planArb, fc.constantFrom(3000, 10_000, MAX_MARKDOWN), (p, maxLength) => {
    const md = renderPlanMarkdown(p, { maxLength });
    assert.ok(md.length <= maxLength, `${md.length} > ${maxLength}`);
    assert.match(md, /^### didsync plan\n\n\*\*/);
    const shownChanges = (md.match(/<code>[-+~]<\/code>/g) ?? []).length;
    if (shownChanges < p.changes.length) assert.match(md, new RegExp(`_${p.changes.length - shownChanges} more object change\\(s\\)`));
    if (p.guards.length > 0) assert.match(md, /Refused without --force/, 'a guard is never cut');
  }), { numRuns: 60 });
});

test('a long list of drift is capped, not dropped', () => {
  const drift = Array.from({ length: 3000 }, (_, i) => ({ kind: 'Carrier' as const, key: `C${i}`, fields: ['name'], rates: false }));
  const md = renderPlanMarkdown(plan({ drift }));
  assert.ok(md.length <= MAX_MARKDOWN);
  assert.match(md, /Drift: 3000 object\(s\)/);
  assert.match(md, /- … 2950 more/);
});
