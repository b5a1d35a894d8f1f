// `didsync db init`: creates what is missing of DIDTron's tables and
// didsync's own schema (CONTRACT §2), and says in one line what it did.
// Idempotent: run again it creates nothing and says so.

import type { Command } from 'commander';
import type { SetExit } from './index.js';
import { withDatabase } from '../session.js';
import { initDatabase } from '../../db/init.js';

export function register(program: Command, setExit: SetExit): void {
  const db = program.commands.find((c) => c.name() === 'db')
    ?? program.command('db').description('manage the database didsync works on');
  db
    .command('init')
    .description("create DIDTron's tables and didsync's schema where missing (never alters existing tables)")
    .option('--db <url>', 'database URL (default: $DATABASE_URL, else the embedded database)')
    .action(async (flags: { db?: string }) => {
      const { created } = await withDatabase(flags.db, initDatabase, { requireSchema: false });
      process.stdout.write(`${summary(created)}\n`);
      setExit(0);
    });
}

export function summary(created: readonly string[]): string {
  if (created.length === 0) return 'database already initialised, nothing to do';
  return `created ${created.length} object${created.length === 1 ? '' : 's'}: ${created.join(', ')}`;
}
