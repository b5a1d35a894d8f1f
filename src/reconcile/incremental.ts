// A plan that reads only what changed since the last apply. It holds when
// the records say exactly what the database and the rest of the config are
// (config-records.ts):
//
//  - the config is read by the same rules as at the last apply;
//  - the database is as didsync left it: no write logged by others since,
//    every plan's rates with the fingerprint of their apply;
//  - the same files are there, and each changed file keeps its facts across
//    documents (its objects' identities, what they name, the fields the
//    rules across documents read: src/validate/cross-facts.ts).
//
// Then every object of an unchanged file equals its record, in git and in
// the database, and the plan of the whole config is the plan of the changed
// files' objects (and of the orphans, the records git no longer has): those
// are read, checked document by document, and compared with their rows, and
// nothing else is. A changed deck is not even parsed where its plan has not
// drifted: its lines are compared with the deck applied last, and only the
// rows around those that differ are read and checked (applied-decks.ts
// windowsByLines); a deck that breaks a rule sends the plan to the whole
// config, whose validation says what. When any condition fails it answers
// undefined and the caller reads the whole config (config-plan.ts). A plan
// made here is the plan the whole config gives, less what says how it was
// read: test/reconcile/incremental.property.test.ts checks that.

import { realpath } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Queryable } from '../drivers/driver.js';
import { openFileDigests, type FileDigest, type FileDigests } from '../load/file-digests.js';
import { listConfigFiles, loadConfig, DEFAULT_LIMITS } from '../load/index.js';
import type { DesiredState } from '../load/types.js';
import { configRules, factsDigest } from '../validate/cross-facts.js';
import { objectIdOfRecorded, readConfigRecord, readWatermark, recordedId, type FileRecord } from './config-records.js';
import { readKnownDecks } from './deck-records.js';
import { prefetchAppliedDecks } from './applied-decks.js';
import { readManagedNames } from './live.js';
import { makePlan, settingsOf } from './engine.js';
import type { ConfigPlanOptions } from './config-plan.js';
import type { Plan } from './plan.js';
import { objectId } from './state.js';
import { UserError } from '../report/errors.js';

/** How a file record names a rating plan, less its key. */
const RATING_PLAN = recordedId('RatingPlan', '');

/** Small regular files, read synchronously as the loader reads them (src/load/index.ts); undefined when unreadable. */
function digestOf(digests: FileDigests, path: string, key: string): FileDigest | undefined {
  try {
    return digests.digest(path, key);
  } catch {
    return undefined;
  }
}

export async function planIncrementally(
  db: Queryable & { description?: string }, rootDir: string, opts: ConfigPlanOptions,
): Promise<{ plan: Plan; settings: Record<string, unknown> } | undefined> {
  const record = await readConfigRecord(db);
  if (!record || record.rules !== configRules()) return undefined;
  const watermark = await readWatermark(db);
  if (!watermark.clean) return undefined;

  const root = resolve(rootDir);
  const realRoot = await realpath(root).catch(() => undefined);
  if (!realRoot) return undefined;
  const listing = await listConfigFiles(root, realRoot, { ...DEFAULT_LIMITS });
  if (listing.truncated || listing.problems.length > 0) return undefined;

  // Which files changed: a YAML file added or gone is a change of structure, for the whole config to judge.
  const yaml = new Set(listing.files.map((f) => f.file));
  const recordedYaml = [...record.files.values()].filter((f) => f.facts !== null);
  if (recordedYaml.length !== yaml.size || recordedYaml.some((f) => !yaml.has(f.path))) return undefined;
  // Each file's digest: remembered by its stat where it was hashed before (load/file-digests.ts), else read.
  const digests = openFileDigests(realRoot, opts.fileDigests);
  const read = new Map<string, Buffer>();
  const changed = new Set<string>();
  for (const f of listing.files) {
    const digest = digestOf(digests, f.path, f.file);
    if (!digest) return undefined;
    if (digest.sha256 !== record.files.get(f.file)!.sha256) {
      changed.add(f.file);
      if (digest.bytes) read.set(f.file, digest.bytes);
    }
  }
  const changedDecks: FileRecord[] = [];
  for (const deck of record.files.values()) {
    if (deck.facts !== null) continue;
    const sha256 = digestOf(digests, join(root, deck.path), deck.path)?.sha256 ?? '';
    if (sha256 === deck.sha256) continue;
    // A deck is read with the plans that name it.
    changedDecks.push({ ...deck, sha256 });
    for (const referrer of deck.objects) changed.add(referrer);
  }
  digests.save();

  // The changed files, checked document by document; their facts must be those recorded. The
  // decks applied last of the plans whose decks changed travel meanwhile: nothing else waits on
  // the connection while git's decks are parsed.
  const knownDecks = await readKnownDecks(db);
  const planKeys = new Set<string>();
  for (const deck of changedDecks) {
    for (const referrer of deck.objects) {
      for (const id of record.files.get(referrer)?.objects ?? []) if (id.startsWith(RATING_PLAN)) planKeys.add(id.slice(RATING_PLAN.length));
    }
  }
  const appliedDecks = prefetchAppliedDecks(db, [...planKeys]);
  // A changed deck is put off, not parsed: makePlan reads it by the lines it changed where it can.
  const load = await loadConfig(root, { knownDecks, only: changed, listing, read, deferDecks: true });
  // Nothing changed, nothing to check: the validation stage (Ajv, the YAML parsers) is not even loaded.
  const validation = changed.size === 0
    ? { desired: { objects: [] }, problems: [], facts: new Map<string, string>() }
    : (await import('../validate/index.js')).validateConfig(load, { scope: 'documents', defaults: record.settings });
  if (!validation.desired || validation.problems.length > 0) return undefined;
  for (const file of changed) if ((validation.facts.get(file) ?? factsDigest([])) !== record.files.get(file)!.facts) return undefined;
  if (changedDecks.some((d) => d.sha256 === '' || load.deckHashes.get(d.path) !== d.sha256)) return undefined;

  // The subset: the changed files' objects, and every record that no file declares (orphans, deleted when pruning).
  const declared = new Set([...record.files.values()].flatMap((f) => (f.facts !== null ? f.objects.map(objectIdOfRecorded) : [])));
  const ids = new Set<string>();
  for (const file of changed) for (const id of record.files.get(file)!.objects) ids.add(objectIdOfRecorded(id));
  const managed = await readManagedNames(db);
  for (const { kind, key } of managed) {
    const id = objectId(kind, key);
    if (!declared.has(id)) ids.add(id);
  }
  const desired: DesiredState = { objects: validation.desired.objects, settings: record.settings };
  for (const o of desired.objects) if (!ids.has(objectId(o.kind, o.key))) return undefined;

  const settings = settingsOf(desired);
  let plan: Plan;
  try {
    plan = await makePlan(db, desired, {
      prune: opts.prune ?? settings.prune, guards: settings.guards, today: opts.today, createdAt: opts.createdAt,
      commit: opts.commit, dbDescription: opts.dbDescription, lockTimeoutSeconds: settings.lockTimeoutSeconds,
      only: { ids, watermark: watermark.prints, names: managed }, appliedDecks,
    });
  } catch (e) {
    // A deck put off breaks a rule (or changed meanwhile): the whole config is read, and validation says what is wrong.
    if (e instanceof UserError) return undefined;
    throw e;
  }
  const files: FileRecord[] = [...changed].map((path) => ({ ...record.files.get(path)!, sha256: load.fileHashes.get(path)! }));
  plan.source.config = { rules: record.rules, settings: record.settings, whole: false, files: [...files, ...changedDecks] };
  return { plan, settings: record.settings };
}
