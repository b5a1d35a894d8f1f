// What plan, apply and status share on the command line: reading and
// validating the config (problems printed like `validate`), opening the
// database (with the embedded default's note on stderr), today's date.

import { resolve } from 'node:path';
import { openTarget, resolveTarget, DEFAULT_EMBEDDED_DIR } from '../drivers/open.js';
import { initDatabase, schemaReady } from '../db/init.js';
import type { Driver } from '../drivers/driver.js';
import type { DesiredState, KnownDecks } from '../load/index.js';
import { formatProblemsText } from '../report/format-problems.js';
import { UserError } from '../report/errors.js';
import { planConfigRoot, type ConfigPlanOptions } from '../reconcile/config-plan.js';
import type { Plan } from '../reconcile/plan.js';

/**
 * Reads and validates the config. With `knownDecks` (plan and apply, read
 * from the database first), CSV decks didsync applied byte for byte are
 * not parsed (src/reconcile/deck-records.ts); without, everything is.
 */
export async function loadDesired(configDir: string, knownDecks?: KnownDecks): Promise<{ root: string; desired: DesiredState }> {
  const root = resolve(configDir);
  const { validateRoot } = await import('../validate/index.js');
  const { desired, problems } = await validateRoot(root, { knownDecks });
  if (!desired || problems.length > 0) {
    process.stderr.write(await formatProblemsText(root, problems, { colour: process.stderr.isTTY === true }));
    throw new UserError(`the config in ${configDir} is invalid (${problems.length} problem(s)); nothing was planned`);
  }
  return { root, desired };
}

/**
 * Plans the config against the database (incrementally when the records
 * allow: src/reconcile/config-plan.ts); an invalid config is printed like
 * `validate` and refused.
 */
export async function planConfig(db: Driver, configDir: string, opts: Omit<ConfigPlanOptions, 'dbDescription'>): Promise<{ plan: Plan; settings: Record<string, unknown> }> {
  const root = resolve(configDir);
  const planned = await planConfigRoot(db, root, { ...opts, dbDescription: db.description });
  if (!planned.ok) {
    process.stderr.write(await formatProblemsText(root, planned.problems, { colour: process.stderr.isTTY === true }));
    throw new UserError(`the config in ${configDir} is invalid (${planned.problems.length} problem(s)); nothing was planned`);
  }
  return planned;
}

export interface OpenOptions {
  /** Refuse a database without didsync's schema (all commands but `db init`). */
  requireSchema?: boolean;
}

/**
 * Open the database the user chose. The embedded one creates its schema on
 * first use and says so on stderr (CONTRACT §3); a server must have been
 * prepared with `didsync db init`, because creating tables in someone's
 * production database is not a side effect of `plan`.
 */
export async function openDatabase(url: string | undefined, opts: OpenOptions = { requireSchema: true }): Promise<Driver> {
  const target = resolveTarget(url, process.env, process.cwd());
  const db = await openTarget(target);
  try {
    if (opts.requireSchema !== false && !(await schemaReady(db))) {
      if (target.kind === 'pglite') {
        const { created, fresh } = await initDatabase(db);
        const done = fresh ? 'created the embedded database' : 'brought the embedded database up to date';
        const what = fresh ? '' : ` (created: ${created.join(', ')})`;
        process.stderr.write(target.isDefault
          ? `didsync: no --db or DATABASE_URL given; ${done} in ${DEFAULT_EMBEDDED_DIR}${what}\n`
          : `didsync: ${done} in ${db.description}${what}\n`);
      } else {
        throw new UserError(`the database ${db.description} lacks didsync's schema or part of it (a table or one of its triggers); run 'didsync db init --db URL' first`);
      }
    } else if (target.kind === 'pglite' && target.isDefault) {
      process.stderr.write(`didsync: no --db or DATABASE_URL given; using the embedded database in ${DEFAULT_EMBEDDED_DIR}\n`);
    }
    return db;
  } catch (e) {
    await db.close();
    throw e;
  }
}

export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Run `fn` with an open database, closing it whatever happens. */
export async function withDatabase<T>(url: string | undefined, fn: (db: Driver) => Promise<T>, opts?: OpenOptions): Promise<T> {
  const db = await openDatabase(url, opts);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
