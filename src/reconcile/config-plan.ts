// A plan of a config root against a database, the way plan, apply and the
// daemon make it: incrementally when the records allow (incremental.ts:
// only the files that changed are read, only their objects compared), else
// from the whole config, read and validated. Either way the plan carries
// the record of the config it came from, for apply to keep.

import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Queryable } from '../drivers/driver.js';
import { openFileDigests, type FileDigestOptions } from '../load/file-digests.js';
import type { DesiredState, LoadResult } from '../load/types.js';
import type { Problem } from '../report/problem.js';
import type { Validation } from '../validate/index.js';
import { configRules, factsDigest } from '../validate/cross-facts.js';
import { readKnownDecks } from './deck-records.js';
import { makePlan, settingsOf } from './engine.js';
import { recordedId, type FileRecord } from './config-records.js';
import { planIncrementally } from './incremental.js';
import type { Plan } from './plan.js';

export interface ConfigPlanOptions {
  /** `--prune` / `--no-prune`; undefined: the Settings say. */
  prune?: boolean;
  today: string;
  createdAt: string;
  commit: string | null;
  dbDescription: string;
  /** Read and compare everything, trusting no record, fingerprint or trigger. */
  fullComparison?: boolean;
  /** Where file digests are remembered (load/file-digests.ts); default: the user's cache folder. */
  fileDigests?: FileDigestOptions;
}

export type ConfigPlan =
  | { ok: true; plan: Plan; settings: Record<string, unknown>; incremental: boolean }
  | { ok: false; problems: Problem[] };

export async function planConfigRoot(db: Queryable & { description?: string }, root: string, opts: ConfigPlanOptions): Promise<ConfigPlan> {
  if (!opts.fullComparison) {
    const fast = await planIncrementally(db, root, opts);
    if (fast) return { ok: true, ...fast, incremental: true };
  }
  const { validateRoot } = await import('../validate/index.js');
  const realRoot = await realpath(resolve(root)).catch(() => undefined);
  const digests = realRoot ? openFileDigests(realRoot, opts.fileDigests) : undefined;
  const validation = await validateRoot(root, { knownDecks: await readKnownDecks(db), digests });
  digests?.save();
  const { desired, problems } = validation;
  if (!desired || problems.length > 0) return { ok: false, problems };
  const settings = settingsOf(desired);
  const plan = await makePlan(db, desired, {
    prune: opts.prune ?? settings.prune, guards: settings.guards, today: opts.today, createdAt: opts.createdAt,
    commit: opts.commit, dbDescription: opts.dbDescription, lockTimeoutSeconds: settings.lockTimeoutSeconds,
    ...(opts.fullComparison ? { fullComparison: true } : {}),
  });
  plan.source.config = { rules: configRules(), settings: desired.settings, whole: true, files: fileRecords(validation, desired) };
  return { ok: true, plan, settings: desired.settings, incremental: false };
}

/** Every file of a fully read config, as config-records.ts keeps it. */
function fileRecords(validation: Validation & { load: LoadResult }, desired: DesiredState): FileRecord[] {
  const { load } = validation;
  const objects = new Map<string, string[]>();
  const referrers = new Map<string, string[]>();
  for (const o of desired.objects) {
    if (o.kind !== 'Settings') objects.set(o.file, [...(objects.get(o.file) ?? []), recordedId(o.kind, o.key)]);
    if (o.ratesSource) referrers.set(o.ratesSource.file, [...(referrers.get(o.ratesSource.file) ?? []), o.file]);
  }
  const empty = factsDigest([]);
  const files: FileRecord[] = [...load.fileHashes].map(([path, sha256]) => ({
    path, sha256, objects: objects.get(path) ?? [], facts: validation.facts.get(path) ?? empty,
  }));
  for (const [path, sha256] of load.deckHashes) files.push({ path, sha256, objects: [...new Set(referrers.get(path) ?? [])].sort(), facts: null });
  return files;
}
