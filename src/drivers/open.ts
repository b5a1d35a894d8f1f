// Where the database is (CONTRACT §3): `--db URL`, else DATABASE_URL, else
// the embedded PGlite in `.didsync/db` under the working directory.
//   postgres://… | postgresql://…   a PostgreSQL server
//   pglite:memory                    embedded, in memory (tests, dry runs)
//   pglite:DIR                       embedded, kept in DIR

import { resolve } from 'node:path';
import { UserError } from '../report/errors.js';
import type { Driver } from './driver.js';
import { redactUrl } from './errors.js';

export const DEFAULT_EMBEDDED_DIR = '.didsync/db';

export type Target =
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; dir: string | undefined; isDefault: boolean };

export function resolveTarget(url: string | undefined, env: NodeJS.ProcessEnv, cwd: string): Target {
  const chosen = url ?? (env.DATABASE_URL !== undefined && env.DATABASE_URL !== '' ? env.DATABASE_URL : undefined);
  if (chosen === undefined) return { kind: 'pglite', dir: resolve(cwd, DEFAULT_EMBEDDED_DIR), isDefault: true };
  if (/^postgres(ql)?:\/\//i.test(chosen)) return { kind: 'postgres', url: chosen };
  if (/^pglite:/i.test(chosen)) {
    const rest = chosen.slice('pglite:'.length);
    if (rest === '' ) throw new UserError("'pglite:' needs a folder or 'memory' (pglite:.didsync/db, pglite:memory)");
    return { kind: 'pglite', dir: rest === 'memory' ? undefined : resolve(cwd, rest), isDefault: false };
  }
  throw new UserError(`unsupported database URL '${redactUrl(chosen)}': use postgres://…, pglite:DIR or pglite:memory`);
}

/** Opens the target; only its driver's modules are loaded (PGlite's WASM runtime or pg, not both). */
export async function openTarget(target: Target): Promise<Driver> {
  if (target.kind === 'postgres') {
    const { openPostgres } = await import('./postgres.js');
    return openPostgres({ url: target.url });
  }
  const { openPglite } = await import('./pglite.js');
  return openPglite(target.dir === undefined ? {} : { dataDir: target.dir, description: `pglite:${target.dir}` });
}
