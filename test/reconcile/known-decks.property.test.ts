// The deck shortcut must never miss a change: a plan made the way plan and
// apply make it (CSV decks applied byte for byte carried as stubs, rows not
// read when the database is unchanged) equals the plan made by parsing every
// deck and comparing every row, after any sequence of edits to decks, file
// moves, plans pointed at other files, edits of rates in the database, files
// edited back to an earlier content, and applies in between.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { databaseTest } from '../support/databases.js';
import { hashedDesiredOf, knownDesiredOf, MINIMAL, updateConfig, writeConfig } from '../support/config.js';
import { applyPlan, makePlan, settingsOf } from '../../src/reconcile/engine.js';
import { canonicalRateOps } from '../support/plans.js';
import type { Plan } from '../../src/reconcile/plan.js';
import type { DesiredState } from '../../src/load/types.js';
import type { Driver, Queryable } from '../../src/drivers/driver.js';

const PLANS = ['Alpha', 'Beta', 'Gamma'] as const;
const FILES = ['rates/a.csv', 'rates/b.csv', 'rates/c.csv', 'rates/old/d.csv'] as const;

type Row = { prefix: string; rate: number; effective: boolean };

interface World {
  files: Map<string, Row[]>;
  /** Every content each file has had, to edit one back to. */
  history: Map<string, Row[][]>;
  ratesFile: Map<string, string>;
}

function csv(rows: readonly Row[]): string {
  return 'prefix,destination,rate,effectiveDate\n'
    + rows.map((r) => `${r.prefix},Dest ${r.prefix},0.${String(r.rate).padStart(4, '0')},${r.effective ? '2025-01-01' : ''}\n`).join('');
}

function plansYaml(w: World): string {
  return PLANS.map((name) => `kind: RatingPlan\nname: ${name}\ncurrency: GBP\nratesFile: ${w.ratesFile.get(name)!.replace(/^rates\//, '../rates/')}\n`).join('---\n');
}

function startingWorld(): World {
  const files = new Map<string, Row[]>();
  FILES.forEach((f, k) => files.set(f, Array.from({ length: 6 }, (_, i) => ({ prefix: `4${k}${i}`, rate: 100 + i * 7 + k, effective: i % 2 === 0 }))));
  return {
    files,
    history: new Map([...files].map(([f, rows]) => [f, [rows]])),
    ratesFile: new Map(PLANS.map((p, i) => [p, FILES[i]])),
  };
}

async function write(root: string, w: World): Promise<void> {
  await updateConfig(root, {
    'plans/plans.yaml': plansYaml(w),
    ...Object.fromEntries(FILES.map((f) => [f, w.files.has(f) ? csv(w.files.get(f)!) : null])),
  });
}

const step = fc.oneof(
  fc.record({ op: fc.constant('edit' as const), file: fc.nat(3), n: fc.nat(20), rate: fc.integer({ min: 1, max: 9999 }) }),
  fc.record({ op: fc.constant('add' as const), file: fc.nat(3), n: fc.nat(99) }),
  fc.record({ op: fc.constant('remove' as const), file: fc.nat(3), n: fc.nat(20) }),
  fc.record({ op: fc.constant('move' as const), file: fc.nat(3), to: fc.nat(3) }),
  fc.record({ op: fc.constant('point' as const), plan: fc.nat(2), file: fc.nat(3) }),
  fc.record({ op: fc.constant('back' as const), file: fc.nat(3), n: fc.nat(20) }),
  fc.record({ op: fc.constant('drift' as const), plan: fc.nat(2), n: fc.nat(20), kind: fc.constantFrom('rate', 'delete', 'insert') }),
  fc.record({ op: fc.constant('apply' as const) }),
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/** Applies a step to the files (or the database); false when it does not apply to this world. */
async function take(db: Queryable, w: World, s: Step): Promise<boolean> {
  const existing = FILES.filter((f) => w.files.has(f));
  const fileOf = (n: number) => existing[n % existing.length];
  const remember = (f: string) => w.history.get(f)!.push(w.files.get(f)!);
  switch (s.op) {
    case 'edit': case 'add': case 'remove': {
      const f = fileOf(s.file);
      const rows = [...w.files.get(f)!];
      if (s.op === 'edit' && rows.length > 0) rows[s.n % rows.length] = { ...rows[s.n % rows.length], rate: s.rate };
      if (s.op === 'add' && !rows.some((r) => r.prefix === `9${s.n}`)) rows.push({ prefix: `9${s.n}`, rate: s.n + 1, effective: s.n % 2 === 0 });
      if (s.op === 'remove' && rows.length > 1) rows.splice(s.n % rows.length, 1);
      w.files.set(f, rows);
      remember(f);
      return true;
    }
    case 'move': {
      const from = fileOf(s.file);
      const to = FILES[s.to];
      if (w.files.has(to)) return false;
      w.files.set(to, w.files.get(from)!);
      w.files.delete(from);
      w.history.set(to, [...(w.history.get(to) ?? []), w.files.get(to)!]);
      for (const [plan, file] of w.ratesFile) if (file === from) w.ratesFile.set(plan, to);
      return true;
    }
    case 'point':
      w.ratesFile.set(PLANS[s.plan], fileOf(s.file));
      return true;
    case 'back': {
      const f = fileOf(s.file);
      const past = w.history.get(f)!;
      w.files.set(f, past[s.n % past.length]);
      remember(f);
      return true;
    }
    case 'drift': {
      const target = `(SELECT r.ctid FROM customer_rating_plan_rates r JOIN customer_rating_plans p ON p.id = r.rating_plan_id
                        WHERE p.name = $1 ORDER BY r.prefix, r.effective_date OFFSET $2 LIMIT 1)`;
      const plan = PLANS[s.plan];
      if (s.kind === 'rate') await db.query(`UPDATE customer_rating_plan_rates SET rate = rate + 0.0001 WHERE ctid = ${target}`, [plan, s.n % 6]);
      if (s.kind === 'delete') await db.query(`DELETE FROM customer_rating_plan_rates WHERE ctid = ${target}`, [plan, s.n % 6]);
      if (s.kind === 'insert') {
        await db.query(`INSERT INTO customer_rating_plan_rates (rating_plan_id, prefix, destination, rate)
                        SELECT id, $2, 'Drift', 0.5 FROM customer_rating_plans WHERE name = $1 ON CONFLICT DO NOTHING`, [plan, `8${s.n}`]);
      }
      return true;
    }
    case 'apply':
      return true;
  }
}

const OPTIONS = { prune: false, today: '2026-01-01', createdAt: '2026-01-01T00:00:00.000Z', commit: null, dbDescription: 'test' };

async function planOf(db: Queryable, desired: DesiredState, fullComparison: boolean): Promise<Plan> {
  return makePlan(db, desired, { ...OPTIONS, guards: settingsOf(desired).guards, fullComparison });
}

/**
 * The plan as apply would use it, without the record of which files were hashed and read (the full
 * path hashes none, and reads every deck), its rate writes as sets (test/support/plans.ts).
 */
function comparable(plan: Plan): unknown {
  const { rateDecks: _decks, deckTexts: _texts, ...source } = plan.source;
  return { ...plan, source, rateOps: canonicalRateOps(plan.rateOps) };
}

/** Counts the stubs the plan had to load in full. */
function countingLoads(desired: DesiredState): { stubs: number; loaded: () => number } {
  let loaded = 0;
  let stubs = 0;
  for (const obj of desired.objects) {
    const stub = obj.ratesStub;
    if (!stub) continue;
    stubs++;
    obj.ratesStub = { ...stub, load: () => { loaded++; return stub.load(); } };
  }
  return { stubs, loaded: () => loaded };
}

async function applyIncremental(db: Driver, root: string): Promise<void> {
  const plan = await planOf(db, await knownDesiredOf(db, root), false);
  await applyPlan(db, plan, { force: true, lockTimeoutSeconds: 5, run: { trigger: 'cli', command: 'apply' } });
}

databaseTest('plans made from known decks equal the full comparison, whatever was edited where', async (db) => {
  const root = await writeConfig(MINIMAL);
  const seen = { stubbed: 0, skipped: 0, loaded: 0 };
  await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
    const world = startingWorld();
    await write(root, world);
    await applyIncremental(db, root);
    for (const s of steps) {
      if (!(await take(db, world, s))) continue;
      await write(root, world);
      if (s.op === 'apply') {
        await applyIncremental(db, root);
        continue;
      }
      const known = await knownDesiredOf(db, root);
      const loads = countingLoads(known);
      const fast = await planOf(db, known, false);
      const full = await planOf(db, await hashedDesiredOf(root), true);
      assert.deepEqual(comparable(fast), comparable(full), `after ${JSON.stringify(s)}`);
      seen.stubbed += loads.stubs;
      seen.loaded += loads.loaded();
      seen.skipped += loads.stubs - loads.loaded();
    }
  }), { numRuns: 25, seed: 20261125 });
  // Both paths of a stub were taken: rows never read, and loaded in full.
  assert.ok(seen.skipped > 0, `stubs never skipped: ${JSON.stringify(seen)}`);
  assert.ok(seen.loaded > 0, `stubs never loaded: ${JSON.stringify(seen)}`);
}, { init: true, timeout: 600_000 });
