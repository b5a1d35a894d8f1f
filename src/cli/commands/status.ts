// `didsync status`: the last run, the rating plans with uncommitted changes
// and what differs, and drift of other objects. It marks the drift it finds
// (CONTRACT §5), as plan does; the daemon's GET /status only reads.

import type { Command } from 'commander';
import type { SetExit } from './index.js';
import { withDatabase } from '../session.js';
import { readStatus, type StatusReport } from '../../reconcile/status.js';
import { UserError } from '../../report/errors.js';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('status')
    .description('show the last run, uncommitted changes per rating plan and drift')
    .option('--db <url>', 'database URL (default: $DATABASE_URL, else the embedded database)')
    .option('--format <format>', 'text | json', 'text')
    .action(async (flags: { db?: string; format: string }) => {
      if (!['text', 'json'].includes(flags.format)) throw new UserError(`unknown --format '${flags.format}' (text or json)`);
      const report = await withDatabase(flags.db, (db) => readStatus(db, { mark: true }));
      process.stdout.write(flags.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderStatus(report));
      setExit(0);
    });
}

export function renderStatus(r: StatusReport): string {
  const out: string[] = [];
  out.push(r.lastRun
    ? `Last run: ${r.lastRun.status} (${r.lastRun.trigger}) ${r.lastRun.finishedAt ?? r.lastRun.startedAt}${r.lastRun.commit ? ` commit ${r.lastRun.commit.slice(0, 12)}` : ''}${r.lastRun.error ? `\n  error: ${r.lastRun.error}` : ''}`
    : 'Last run: none');
  out.push('', 'Rating plans:');
  if (r.plans.length === 0) out.push('  (none)');
  for (const p of r.plans) {
    const flags = [p.syncState, p.assigned ? 'assigned' : 'unassigned'].join(', ');
    out.push(`  ${(p.shortCode ?? '-').padEnd(5)} ${p.name}  [${flags}]${p.uncommittedChanges ? '  uncommitted changes' : ''}`);
    for (const c of p.changes) out.push(`        differs: ${c}`);
  }
  out.push('', r.drift.length === 0 ? 'Drift: none' : 'Drift:');
  for (const d of r.drift) out.push(`  ${d.kind} ${d.key}: ${d.fields.join(', ')}`);
  return `${out.join('\n')}\n`;
}
