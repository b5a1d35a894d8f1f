// Loads `pg` without the cost of its runtime probe. As it loads, pg asks
// whether it runs in a Cloudflare Worker; where there is no global
// `navigator` (Node 20 has none) it makes a fetch Response to find out,
// which loads Node's fetch implementation (undici): 25-40 ms of every
// command that opens PostgreSQL, for nothing didsync uses. For the length
// of that one synchronous load, a `navigator` naming Node.js answers the
// question instead; it is removed at once, and one that was already there
// is left alone.

import { createRequire } from 'node:module';
import type * as Pg from 'pg';

function loadPg(): typeof Pg {
  const require = createRequire(import.meta.url);
  if ('navigator' in globalThis) return require('pg') as typeof Pg;
  Object.defineProperty(globalThis, 'navigator', { value: { userAgent: `Node.js/${process.versions.node}` }, configurable: true });
  try {
    return require('pg') as typeof Pg;
  } finally {
    delete (globalThis as { navigator?: unknown }).navigator;
  }
}

export const pg = loadPg();
