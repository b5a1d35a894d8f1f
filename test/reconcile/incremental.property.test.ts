// An incremental plan (src/reconcile/incremental.ts) is the plan of the
// whole config: after any mix of edits in git (values, rates, comments,
// renames, removed documents, new files, Settings) and in the database (a
// field, a rate), the plan made from the records equals the plan made by
// reading and comparing everything (`--full-comparison`), less what says how
// it was read. And applying it leaves nothing to do: the next full plan is
// empty, and so is the next incremental one.

import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, realpath, rm, utimes, writeFile } from 'node:fs/promises';
import { after as afterAll } from 'node:test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { generateConfig } from '../../bench/generate.js';
import type { Driver } from '../../src/drivers/driver.js';
import { planConfigRoot } from '../../src/reconcile/config-plan.js';
import { applyPlan } from '../../src/reconcile/engine.js';
import type { Plan } from '../../src/reconcile/plan.js';
import { databaseTest } from '../support/databases.js';
import { writeConfig } from '../support/config.js';
import { canonicalRateOps, rowLines } from '../support/plans.js';

// File digests are remembered here for files 20 ms old (the racy window, 3 s by default): the runs
// below wait that long after their edits, so the plans take remembered digests wherever a file's
// stat is unchanged, and 'rate-same-stat' checks an edit that keeps size and mtime is still seen.
const digestDir = await mkdtemp(join(tmpdir(), 'didsync-digests-'));
afterAll(() => rm(digestDir, { recursive: true, force: true }));
const RACY_MS = 20;
const DECK_MTIME = 1_767_225_600; // 2026-01-01T00:00:00Z
const OPTIONS = {
  today: '2026-01-01', createdAt: '2026-01-01T00:00:00.000Z', commit: null, dbDescription: 'test',
  fileDigests: { dir: digestDir, racyMs: RACY_MS },
};

type Edit = { what: string; at: number };
const EDITS = [
  'capacity', 'contact', 'comment', 'rate-change', 'rate-same-stat', 'rate-add', 'rate-remove', 'plan-field',
  'rename-interconnect', 'remove-service', 'new-carrier', 'settings-prune', 'db-carrier', 'db-rate', 'db-contact',
] as const;
const editArb: fc.Arbitrary<Edit> = fc.record({ what: fc.constantFrom(...EDITS), at: fc.nat(5) });

const carrierFile = (root: string, at: number) => join(root, 'carriers', `c0000${(at % 3) + 1}.yaml`);
const deckFile = (root: string, at: number) => join(root, 'rating-plans', 'rates', `plan-00${(at % 2) + 1}.csv`);

let added = 0;

async function edit(root: string, db: Driver, e: Edit): Promise<void> {
  const change = async (file: string, fn: (text: string) => string) => writeFile(file, fn(await readFile(file, 'utf8')));
  switch (e.what) {
    case 'capacity': return change(carrierFile(root, e.at), (t) => t.replace(/capacityLimit: (\d+)/, (_, n: string) => `capacityLimit: ${Number(n) + 1}`));
    case 'contact': return change(carrierFile(root, e.at), (t) => t.replace(/email: noc@/, 'email: noc2@'));
    case 'comment': return change(carrierFile(root, e.at), (t) => `# edited ${e.at}\n${t}`);
    case 'rate-change': return change(deckFile(root, e.at), (t) => t.replace(/^(\d+,[^,\n]+,)0\.(\d)/m, (_, head: string, d: string) => `${head}0.${(Number(d) + 1) % 10}`));
    case 'rate-same-stat': {
      // Decks start at a whole-second mtime (below); this edit keeps the size and puts that mtime back.
      const file = deckFile(root, e.at);
      await change(file, (t) => t.replace(/^(\d+,[^,\n]+,)0\.(\d)/m, (_, head: string, d: string) => `${head}0.${(Number(d) + 1) % 10}`));
      return utimes(file, DECK_MTIME, DECK_MTIME);
    }
    // A prefix of its own for every added rate, under 999, which no generated deck uses (its country
    // codes 90, 91 and 92 could meet '9' + at + a number): two adds within one millisecond made one
    // prefix twice from the clock, an invalid deck, and the property failed for the test's own fault.
    case 'rate-add': return change(deckFile(root, e.at), (t) => `${t}999${e.at}${++added},Added,0.5,,,,,\n`);
    case 'rate-remove': return change(deckFile(root, e.at), (t) => t.replace(/\n[^\n]+\n/, '\n'));
    case 'plan-field': return change(join(root, 'rating-plans', `plan-00${(e.at % 2) + 1}.yaml`), (t) => t.replace(/minMargin: "([0-9.]+)"/, 'minMargin: "0.0009"'));
    case 'rename-interconnect':
      return change(carrierFile(root, e.at), (t) => t.replace(/name: ic-1\n/, 'name: ic-1x\n').replace(/interconnect: ic-1\n/g, 'interconnect: ic-1x\n'));
    case 'remove-service': return change(carrierFile(root, e.at), (t) => t.replace(/---\nkind: Service\n[\s\S]*?(?=---|$)/, ''));
    case 'new-carrier':
      return writeFile(join(root, 'carriers', `n${e.at}.yaml`), `kind: Carrier\ncode: NEW${e.at}\nname: New ${e.at}\npartnerType: supplier\nprimaryCurrency: EUR\n`);
    case 'settings-prune': return change(join(root, 'settings.yaml'), (t) => t.replace(/prune: (true|false)/, (_, v: string) => `prune: ${v === 'true' ? 'false' : 'true'}`));
    case 'db-carrier': await db.query("UPDATE carriers SET name = name || ' (ui)' WHERE code = $1", [`C0000${(e.at % 3) + 1}`]); return;
    case 'db-rate': await db.query("UPDATE customer_rating_plan_rates SET rate = rate + 1 WHERE prefix = '440'"); return;
    case 'db-contact': await db.query("UPDATE carrier_contacts SET telephone = '+1 555 0000' WHERE name = 'NOC'"); return;
  }
}

/** What a plan says should change; not how it was read (source, database, the time, the order live rows came in: test/support/plans.ts). */
function comparable(plan: Plan): unknown {
  const { createdAt: _c, source: _s, database: _d, rateReference, rateOps, ...rest } = plan;
  return {
    ...rest,
    rateOps: canonicalRateOps(rateOps),
    rateReference: Object.fromEntries(Object.entries(rateReference ?? {}).map(([k, v]) => [k, { digest: v.digest, live: rowLines(v.live) }])),
  };
}

async function planOf(db: Driver, root: string, fullComparison: boolean): Promise<Plan> {
  const planned = await planConfigRoot(db, root, { ...OPTIONS, fullComparison });
  assert.ok(planned.ok, planned.ok ? '' : JSON.stringify(planned.problems.slice(0, 3)));
  return planned.plan;
}

databaseTest('an incremental plan equals the full comparison after any edits in git and in the database, and applying it settles', async (db) => {
  const root = await writeConfig({});
  let incremental = 0;
  let edited = 0;
  // Two rounds: what the first leaves (orphans of a non-pruning apply, records of a partial one) is the second's starting point.
  const roundsArb = fc.array(fc.array(editArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 2 });
  await fc.assert(fc.asyncProperty(roundsArb, fc.nat(1000), async (rounds, seed) => {
    await rm(root, { recursive: true, force: true });
    await db.query('TRUNCATE carriers, customer_rating_plans, customer_categories, customer_groups, didsync.managed, didsync.applied_files, didsync.applied_decks, didsync.applied_deck_edits, didsync.changes CASCADE');
    await db.query("DELETE FROM didsync.meta WHERE key LIKE 'config_%'");
    await generateConfig(root, { carriers: 3, interconnectsPerCarrier: 2, servicesPerCarrier: 2, ratingPlans: 2, rates: 200, seed });
    for (const at of [0, 1]) await utimes(deckFile(root, at), DECK_MTIME, DECK_MTIME);
    await sleep(RACY_MS * 2);
    const first = await planOf(db, root, false);
    await applyPlan(db, first, { force: true, lockTimeoutSeconds: 5, run: { trigger: 'cli', command: 'apply' } });
    for (const edits of rounds) {
      for (const e of edits) await edit(root, db, e);
      await sleep(RACY_MS * 2);
      const fast = await planOf(db, root, false);
      const full = await planOf(db, root, true);
      assert.deepEqual(comparable(fast), comparable(full), `after ${JSON.stringify(rounds)}`);
      if (fast.database.subset) incremental++;
      if (fast.conflicts.length > 0) return;
      await applyPlan(db, fast, { force: true, lockTimeoutSeconds: 5, run: { trigger: 'cli', command: 'apply' } });
      if (Number((await db.query<{ n: string }>('SELECT count(*)::text AS n FROM didsync.applied_deck_edits')).rows[0].n) > 0) edited++;
      const after = await planOf(db, root, true);
      assert.deepEqual(after.changes, [], `nothing left to do after ${JSON.stringify(rounds)}`);
      const again = await planOf(db, root, false);
      assert.deepEqual(comparable(again), comparable(after));
      assert.ok(again.database.subset, 'after an apply the next plan is incremental');
    }
  }), {
    numRuns: 30,
    // Found by CI: two rates removed from a deck not in key order; the incremental plan listed their
    // deletes in the deck's order, the full one in key order (the test then compared the order too).
    examples: [[[[{ what: 'rate-remove', at: 0 }], [{ what: 'rate-remove', at: 0 }, { what: 'rate-remove', at: 0 }]], 0]],
  });
  assert.ok(incremental >= 5, `${incremental} of the plans were incremental`);
  // Decks of a hundred rates: a rate changed is recorded as edits of the deck before (applied-decks.ts), which the next plans read.
  assert.ok(edited >= 5, `${edited} of the applies left edits of a deck`);
  // The plans above did take remembered digests: the cache holds this config's files. (The other
  // database's run of this test writes its own cache file into the same folder, through a temp file.)
  const real = await realpath(root);
  const caches = await Promise.all((await readdir(digestDir)).filter((f) => f.endsWith('.json')).map(async (f) => JSON.parse(await readFile(join(digestDir, f), 'utf8')) as { root: string; files: object }));
  const mine = caches.find((c) => c.root === real);
  assert.ok(mine, 'a cache file for the config root');
  const remembered = Object.keys(mine.files);
  assert.ok(remembered.includes('settings.yaml') && remembered.some((f) => f.endsWith('.csv')), remembered.join(', '));
}, { init: true, timeout: 600_000 });
