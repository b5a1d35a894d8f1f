// The database as a value to compare: per table, the row count and an md5
// of its rows in a fixed order, computed by the database itself. Columns
// that differ between two equal states are left out: the rate rows' own
// ids (new rows get new ids), creation and update times, and the run that
// wrote a record. didsync.runs is not part of the state: a run record is
// written outside the apply transaction on purpose. Nor is didsync.changes,
// the triggers' log of writes (src/db/watchers.ts): it grows with every
// apply, so two equal states never have equal logs.

import type { Queryable } from '../../../src/drivers/driver.js';

export type DatabaseState = Record<string, string>;

const VOLATILE = new Set([
  'public.customer_rating_plan_rates.id',
  'didsync.managed.applied_run',
  'didsync.managed.applied_at',
]);

export async function databaseState(db: Queryable): Promise<DatabaseState> {
  const { rows } = await db.query<{ table_schema: string; table_name: string; column_name: string }>(
    `SELECT c.table_schema, c.table_name, c.column_name
       FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema IN ('public', 'didsync') AND t.table_type = 'BASE TABLE'
        AND NOT (c.table_schema = 'didsync' AND c.table_name IN ('runs', 'changes'))
      ORDER BY c.table_schema, c.table_name, c.ordinal_position`,
  );
  const tables = new Map<string, string[]>();
  for (const r of rows) {
    const table = `${r.table_schema}.${r.table_name}`;
    if (VOLATILE.has(`${table}.${r.column_name}`) || r.column_name === 'created_at' || r.column_name === 'updated_at') continue;
    const list = tables.get(table) ?? [];
    list.push(`"${r.column_name.replace(/"/g, '""')}"`);
    tables.set(table, list);
  }
  const state: DatabaseState = {};
  for (const [table, columns] of tables) {
    const [schema, name] = table.split('.');
    const res = await db.query<{ n: string; digest: string }>(
      `SELECT count(*)::text AS n, md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) AS digest
         FROM (SELECT ROW(${columns.join(', ')})::text AS r FROM "${schema}"."${name}") x`,
    );
    state[table] = `${res.rows[0].n}:${res.rows[0].digest}`;
  }
  return state;
}

/** 'before', 'after', or for a mixed state each table with the state it matches. */
export function whichState(now: DatabaseState, before: DatabaseState, after: DatabaseState): 'before' | 'after' | string[] {
  const tables = Object.keys({ ...now, ...before, ...after }).sort();
  if (tables.every((k) => now[k] === before[k])) return 'before';
  if (tables.every((k) => now[k] === after[k])) return 'after';
  return tables.map((k) => `${k}=${now[k] === before[k] ? 'before' : now[k] === after[k] ? 'after' : 'neither'}`);
}
