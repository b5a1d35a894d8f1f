// What the writers of write-batch.ts need to know about rows that exist:
// natural keys resolved to row ids, and DIDTron's next free shortcodes.

import { ident } from '../model/columns.js';
import { kindSpec, type KindName } from '../model/kinds.js';
import { UserError } from '../report/errors.js';
import type { Queryable } from '../drivers/driver.js';

/** Natural key -> row id, for every kind a reference can point at. */
export class Resolver {
  private readonly ids = new Map<string, string>();
  set(kind: KindName | 'Currency', key: string, rowId: string): void {
    this.ids.set(`${kind}\u0000${key}`, rowId);
  }
  find(kind: KindName | 'Currency', key: string): string | undefined {
    return this.ids.get(`${kind}\u0000${key}`);
  }
  id(kind: KindName | 'Currency', key: string): string {
    const id = this.ids.get(`${kind}\u0000${key}`);
    // Validation guarantees references resolve within the config; a miss
    // here means the database lacks the target (e.g. an unknown currency).
    if (id === undefined) throw new ReferenceMissing(kind, key);
    return id;
  }
}

/** A reference the config may make but the database cannot resolve (a currency its table lacks): the user's to fix. */
export class ReferenceMissing extends UserError {
  constructor(readonly kind: string, readonly key: string) {
    super(kind === 'Currency'
      ? `currency '${key}' is not in the database's currencies table; add it there (didsync db init fills an empty table with ISO 4217)`
      : `${kind} '${key}' does not exist in the database`);
  }
}

/** DIDTron's next free shortcodes of a prefix (I1, I2, ...), never reusing a number. */
export async function nextShortCodes(db: Queryable, kind: KindName): Promise<() => string> {
  const spec = kindSpec(kind);
  const prefix = spec.shortCodePrefix!;
  const res = await db.query<{ n: number | string | null }>(
    `SELECT max((substring(short_code FROM '^${prefix}([0-9]+)$'))::bigint) AS n FROM ${ident(spec.table!)}`,
  );
  let next = Number(res.rows[0]?.n ?? 0);
  return () => `${prefix}${++next}`;
}
