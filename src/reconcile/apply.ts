// Executes a plan inside one transaction: objects in dependency order
// (the plan's order), rates in bulk, then didsync's bookkeeping (managed
// records, last-applied rates, uncommitted_changes, assigned). It decides
// nothing: every decision was made by the diff and the guards. The caller
// owns the transaction and the lock.

import { APPLY_ORDER, kindSpec, type KindName } from '../model/kinds.js';
import { ident } from '../model/columns.js';
import type { Queryable } from '../drivers/driver.js';
import type { Plan, PlanChange, RateOps } from './plan.js';
import type { LiveState } from './state.js';
import { Resolver, nextShortCodes } from './write-object.js';
import { ColumnTypes, deleteObjects, insertObjects, newRowId, updateObjects, type ObjectWrite } from './write-batch.js';
import { RATES_TABLE, deletePlanRates, writeRates } from './write-rates.js';
import { appliedDecksReadFor, forgetVanishedDecks, prepareDeckEdits, recordAppliedDecks, savedDeckTexts, type AppliedDeck } from './applied-decks.js';
import { ownValue } from '../model/data-object.js';
import type { Value } from './values.js';
import { recordRatesFingerprints } from './fingerprint.js';
import { recordDeckSources } from './deck-records.js';

export interface AppliedChange {
  action: PlanChange['action'];
  kind: KindName;
  key: string;
  rowId: string;
}

/**
 * `names`, when given, learns the object each written row id belongs to
 * (`Carrier ACME`) as ids are assigned, so a constraint the database
 * enforces can be reported against the object that broke it.
 */
export async function executePlan(db: Queryable, plan: Plan, live: LiveState, runId: number, names?: Map<string, string>): Promise<AppliedChange[]> {
  const resolver = await buildResolver(db, live, plan.database.subset !== undefined);
  const types = new ColumnTypes(db);
  const done: AppliedChange[] = [];
  const records: ManagedRecord[] = [];

  // Creates and updates kind by kind in dependency order, each kind in a few
  // set-based statements; then deletes in reverse order.
  for (const kind of APPLY_ORDER) {
    const changes = plan.changes.filter((c) => c.kind === kind && c.action !== 'delete');
    if (changes.length === 0) continue;
    const creates: ObjectWrite[] = [];
    const updates: ObjectWrite[] = [];
    const spec = kindSpec(kind);
    const nextCode = changes.some((c) => c.action === 'create') && spec.shortCodePrefix ? await nextShortCodes(db, kind) : null;
    for (const change of changes) {
      const rowId = change.action === 'create' ? newRowId() : change.rowId!;
      const write: ObjectWrite = { rowId, fields: change.desired!, shortCode: change.action === 'create' && nextCode ? nextCode() : null };
      (change.action === 'create' ? creates : updates).push(write);
      resolver.set(kind, change.key, rowId);
      names?.set(rowId, `${kind} ${change.key}`);
      records.push({ kind, key: change.key, rowId, fields: change.desired! });
      done.push({ action: change.action, kind, key: change.key, rowId });
    }
    // Updates first: a row renamed out of band gives its identity back before
    // a new object may take that identity.
    await updateObjects(db, types, kind, updates, resolver);
    await insertObjects(db, types, kind, creates, resolver);
    if (kind === 'RatingPlan') {
      const writes = changes.flatMap((c) => {
        const ops = ownValue(plan.rateOps, c.key);
        return ops ? [{ planRowId: resolver.id('RatingPlan', c.key), ops }] : [];
      });
      const writing = writeRates(db, RATES_TABLE, writes);
      // The server writes the rates meanwhile, and the edits the records take of each changed deck are
      // worked out in that time instead of after it (recordRates).
      try {
        prepareDeckEdits(plan, (key) => resolver.find('RatingPlan', key));
      } finally {
        await writing;
      }
    }
  }
  for (const kind of [...APPLY_ORDER].reverse()) {
    const deletes = plan.changes.filter((c) => c.kind === kind && c.action === 'delete');
    if (deletes.length === 0) continue;
    const ids = deletes.map((c) => c.rowId!);
    if (kind === 'RatingPlan') for (const id of ids) await deletePlanRates(db, RATES_TABLE, id);
    await deleteObjects(db, kind, ids);
    await db.query('DELETE FROM didsync.managed WHERE kind = $1 AND row_id = ANY($2::varchar[])', [kind, ids]);
    for (const c of deletes) done.push({ action: 'delete', kind, key: c.key, rowId: c.rowId! });
  }

  for (const r of plan.refresh) records.push({ kind: r.kind, key: r.key, rowId: r.rowId, fields: r.fields });
  await recordManaged(db, records, runId);
  await forgetVanished(db);
  await recordRates(db, plan, resolver);
  await recordDeckSources(db, plan, (key) => resolver.find('RatingPlan', key));
  await markPlansCommitted(db, plan);
  await maintainAssigned(db);
  return done;
}

async function buildResolver(db: Queryable, live: LiveState, subset: boolean): Promise<Resolver> {
  const resolver = new Resolver();
  for (const row of (await db.query<{ id: string; code: string }>('SELECT id, code FROM currencies')).rows) {
    resolver.set('Currency', row.code, row.id);
  }
  // A plan of some objects read only those: the others are where their records say (the database is as didsync left it).
  if (subset) {
    for (const [kind, key, rowId] of await db.queryArrays('SELECT kind, key, row_id FROM didsync.managed') as Array<[KindName, string, string]>) {
      resolver.set(kind, key, rowId);
    }
  }
  for (const list of live.objects.values()) {
    if (list.length === 1) resolver.set(list[0].kind, list[0].key, list[0].rowId);
  }
  return resolver;
}


interface ManagedRecord {
  kind: KindName;
  key: string;
  rowId: string;
  fields: Record<string, Value>;
}

/** didsync.managed follows what was applied: one row per object, keyed by identity. */
async function recordManaged(db: Queryable, records: ManagedRecord[], runId: number): Promise<void> {
  for (let i = 0; i < records.length; i += 2000) {
    const part = records.slice(i, i + 2000);
    const json = JSON.stringify(part.map((r) => ({ kind: r.kind, key: r.key, row_id: r.rowId, applied: r.fields })));
    // A row adopted or renamed under another key leaves its old record behind. Its identities only:
    // the JSON with every applied value, sent here too, cost a first apply about 0.2 s more.
    await db.query(
      `DELETE FROM didsync.managed m USING unnest($1::text[], $2::text[], $3::varchar[]) AS x(kind, key, row_id)
        WHERE m.kind = x.kind AND m.row_id = x.row_id AND m.key <> x.key`,
      [part.map((r) => r.kind), part.map((r) => r.key), part.map((r) => r.rowId)],
    );
    await db.query(
      `INSERT INTO didsync.managed (kind, key, row_id, applied, applied_run, applied_at)
       SELECT x.kind, x.key, x.row_id, x.applied, $2, now() FROM jsonb_to_recordset($1::jsonb) AS x(kind text, key text, row_id varchar, applied jsonb)
       ON CONFLICT (kind, key) DO UPDATE SET row_id = EXCLUDED.row_id, applied = EXCLUDED.applied,
         applied_run = EXCLUDED.applied_run, applied_at = EXCLUDED.applied_at`,
      [json, runId],
    );
  }
}

/**
 * Record the fingerprint of the applied rates of every managed plan whose
 * rates this apply may have touched, or that has no record yet; a plan saved
 * without deck digests clears the records it touches, so a stale record can
 * never vouch for rates it did not see (fingerprint.ts).
 */
async function recordRates(db: Queryable, plan: Plan, resolver: Resolver): Promise<void> {
  const touched = new Set<string>();
  for (const c of plan.changes) if (c.kind === 'RatingPlan' && c.action !== 'delete') touched.add(c.key);
  for (const r of plan.refresh) if (r.kind === 'RatingPlan') touched.add(r.key);
  for (const d of plan.drift) if (d.kind === 'RatingPlan') touched.add(d.key);
  const missing = await db.query<{ key: string }>(
    "SELECT key FROM didsync.managed WHERE kind = 'RatingPlan' AND rates_fingerprint IS NULL",
  );
  for (const r of missing.rows) touched.add(r.key);
  const digests = plan.source.rateDigests;
  // A saved plan's texts given as edits, made again from the applied decks the database holds.
  const saved = await savedDeckTexts(db, plan.source.deckEdits, (key) => (touched.has(key) ? resolver.find('RatingPlan', key) : undefined));
  const record = new Map<string, string>();
  const decks: AppliedDeck[] = [];
  const clear: string[] = [];
  for (const key of touched) {
    const rowId = resolver.find('RatingPlan', key);
    if (rowId === undefined) continue;
    const digest = ownValue(digests, key);
    if (digest === undefined) {
      clear.push(rowId);
      continue;
    }
    record.set(rowId, digest);
    const text = ownValue(plan.source.deckTexts, key) ?? saved.texts.get(key);
    decks.push({ rowId, digest, ...(text !== undefined ? { text } : {}) });
  }
  await recordRatesFingerprints(db, record);
  await recordAppliedDecks(db, decks, appliedDecksReadFor(plan) ?? saved.read);
  if (clear.length > 0) {
    await db.query("UPDATE didsync.managed SET rates_fingerprint = NULL WHERE kind = 'RatingPlan' AND row_id = ANY($1::varchar[])", [clear]);
  }
}

/** Records of managed rows that no longer exist (deleted outside didsync) are dropped. */
async function forgetVanished(db: Queryable): Promise<void> {
  for (const kind of ['CustomerCategory', 'CustomerGroup', 'Carrier', 'Interconnect', 'RatingPlan', 'Service'] as const) {
    const table = ident(kindSpec(kind).table!);
    await db.query(`DELETE FROM didsync.managed m WHERE m.kind = $1 AND NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.id = m.row_id)`, [kind]);
  }
  await forgetVanishedDecks(db);
}

/** After an apply every rating plan in git equals git: no uncommitted changes (CONTRACT §5). */
async function markPlansCommitted(db: Queryable, plan: Plan): Promise<void> {
  const orphanPlans = plan.orphans.filter((o) => o.kind === 'RatingPlan').map((o) => o.rowId);
  await db.query(
    `UPDATE customer_rating_plans p SET uncommitted_changes = false
      WHERE p.uncommitted_changes AND p.id IN (SELECT row_id FROM didsync.managed WHERE kind = 'RatingPlan')
        AND NOT (p.id = ANY($1::varchar[]))`,
    [orphanPlans],
  );
}

/** `assigned` is true exactly while some service uses the plan (CONTRACT §5). */
export async function maintainAssigned(db: Queryable): Promise<void> {
  await db.query(
    `UPDATE customer_rating_plans p SET assigned = x.used
       FROM (SELECT q.id, EXISTS (SELECT 1 FROM carrier_services s WHERE s.rating_plan_id = q.id) AS used
               FROM customer_rating_plans q) x
      WHERE x.id = p.id AND p.assigned IS DISTINCT FROM x.used`,
  );
}

