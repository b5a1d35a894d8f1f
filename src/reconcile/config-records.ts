// What didsync records of the config it applied, so that the next plan can
// tell from file hashes alone which files changed (src/reconcile/
// incremental.ts): for each YAML file and CSV deck of the last apply its
// sha256, the objects a YAML file declared (a deck: the YAML files that
// name it) and the digest of the file's facts across documents; the rules
// the config was read by; the Settings it had. Written by apply in its
// transaction, so the record is the config of the last committed apply.
//
// And whether the database is as didsync left it: no write logged by the
// triggers since (src/db/watchers.ts) and every managed plan's rate
// fingerprint the one recorded at its apply. Only then may a plan take
// records for live rows.

import { createHash } from 'node:crypto';
import type { Queryable } from '../drivers/driver.js';
import { EMPTY_FINGERPRINT, parseRatesRecord, rateFingerprints } from './fingerprint.js';

/** One config file as applied. */
export interface FileRecord {
  path: string;
  sha256: string;
  /** YAML: the objects it declares, in order, as `Kind:key` (recordedId); deck: the YAML files naming it. */
  objects: string[];
  /** YAML: digest of its documents' facts across documents; null for a deck. */
  facts: string | null;
}

/** An object as a file record names it (`Carrier:ACME`): jsonb text cannot hold the NUL of object ids. */
export function recordedId(kind: string, key: string): string {
  return `${kind}:${key}`;
}

/** The object id (`Kind\u0000key`) a file record names. */
export function objectIdOfRecorded(recorded: string): string {
  const colon = recorded.indexOf(':');
  return `${recorded.slice(0, colon)}\u0000${recorded.slice(colon + 1)}`;
}

/** The record of the applied config. */
export interface ConfigRecord {
  rules: string;
  settings: Record<string, unknown>;
  files: Map<string, FileRecord>;
}

/** What a plan asks apply to record: all files (a plan of the whole config), or the changed and removed ones. */
export interface ConfigRecordUpdate {
  rules: string;
  settings: Record<string, unknown>;
  whole: boolean;
  files: FileRecord[];
  removed?: string[];
}

export async function readConfigRecord(db: Queryable): Promise<ConfigRecord | undefined> {
  const meta = await db.query<{ key: string; value: string }>("SELECT key, value FROM didsync.meta WHERE key IN ('config_rules', 'config_settings')");
  const rules = meta.rows.find((r) => r.key === 'config_rules')?.value;
  const settings = meta.rows.find((r) => r.key === 'config_settings')?.value;
  if (rules === undefined || settings === undefined) return undefined;
  const { rows } = await db.query<{ path: string; sha256: string; objects: string[]; facts: string | null }>(
    'SELECT path, sha256, objects, facts FROM didsync.applied_files',
  );
  return { rules, settings: JSON.parse(settings) as Record<string, unknown>, files: new Map(rows.map((r) => [r.path, r])) };
}

/** Record the config of this apply (in the apply's transaction). */
export async function writeConfigRecord(db: Queryable, update: ConfigRecordUpdate): Promise<void> {
  if (update.whole) await db.query('DELETE FROM didsync.applied_files');
  else if (update.removed && update.removed.length > 0) {
    await db.query('DELETE FROM didsync.applied_files WHERE path = ANY($1::text[])', [update.removed]);
  }
  for (let i = 0; i < update.files.length; i += 2000) {
    await db.query(
      `INSERT INTO didsync.applied_files (path, sha256, objects, facts)
       SELECT x.path, x.sha256, x.objects, x.facts FROM jsonb_to_recordset($1::jsonb) AS x(path text, sha256 text, objects jsonb, facts text)
       ON CONFLICT (path) DO UPDATE SET sha256 = EXCLUDED.sha256, objects = EXCLUDED.objects, facts = EXCLUDED.facts`,
      [JSON.stringify(update.files.slice(i, i + 2000))],
    );
  }
  await db.query(
    `INSERT INTO didsync.meta (key, value) VALUES ('config_rules', $1), ('config_settings', $2)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    [update.rules, JSON.stringify(update.settings)],
  );
}

/** Forget the record (an apply that cannot vouch for the whole config, e.g. a saved plan of another kind). */
export async function clearConfigRecord(db: Queryable): Promise<void> {
  await db.query("DELETE FROM didsync.meta WHERE key IN ('config_rules', 'config_settings')");
  await db.query('DELETE FROM didsync.applied_files');
}

/** The state of the database a plan that trusts the records was made against; apply checks it again. */
export interface Watermark {
  /** No write by others logged, and every managed plan's rates have the fingerprint of their last apply. */
  clean: boolean;
  /** Digest of every plan's fingerprint, so any rate written in between shows. */
  prints: string;
}

export async function readWatermark(db: Queryable): Promise<Watermark> {
  const logged = await db.query('SELECT 1 FROM didsync.changes LIMIT 1');
  const prints = await rateFingerprints(db);
  const records = await db.query<{ row_id: string; rates_fingerprint: string | null }>(
    "SELECT row_id, rates_fingerprint FROM didsync.managed WHERE kind = 'RatingPlan'",
  );
  const settled = records.rows.every((r) => parseRatesRecord(r.rates_fingerprint)?.applied === (prints.get(r.row_id) ?? EMPTY_FINGERPRINT));
  const h = createHash('sha256');
  for (const id of [...prints.keys()].sort()) h.update(`${id}=${prints.get(id)}\n`);
  return { clean: logged.rows.length === 0 && settled, prints: h.digest('hex').slice(0, 32) };
}

/**
 * After an apply made the database equal to git: forget the writes of
 * others that the apply saw (the log rows it read before reading live
 * state: exactly those, as a write committed later may carry a smaller id)
 * and its own.
 */
export async function forgetSeenChanges(db: Queryable, seen: readonly string[]): Promise<void> {
  await db.query('DELETE FROM didsync.changes WHERE txid = pg_current_xact_id()');
  if (seen.length > 0) await db.query('DELETE FROM didsync.changes WHERE id = ANY($1::bigint[])', [seen]);
}

/** The ids of the write log, read before live state (see forgetSeenChanges). */
export async function changesSeen(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>('SELECT id::text AS id FROM didsync.changes ORDER BY id LIMIT 100000');
  return rows.map((r) => r.id);
}
