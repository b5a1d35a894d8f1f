// `didsync daemon`: follow a git branch (--repo) or a folder (--watch) and
// apply every change, serving health, readiness, metrics, status and
// webhooks over HTTP (CONTRACT §6). This module only turns flags into
// options, connects SIGTERM/SIGINT to a graceful stop and maps the end to an
// exit code: 0 after a signal, 1 when the daemon cannot start. Logs are JSON
// lines on stderr; in --watch mode the plans it applies go to stdout.

import type { Command } from 'commander';
import type { SetExit } from './index.js';
import { urlSecrets } from '../../drivers/errors.js';
import { daemonOptions, DEFAULT_LISTEN, DEFAULT_WORKDIR, type DaemonFlags } from '../../daemon/options.js';
import { FaultError, UserError } from '../../report/errors.js';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('daemon')
    .description('follow a git branch (or watch a folder) and apply every change; HTTP health, metrics, status and webhooks')
    .option('--repo <url|path>', 'config repository to follow (https://, ssh://, git@host:path or a local path)')
    .option('--branch <name>', 'branch to follow (default: main)')
    .option('--path <subdir>', 'config root inside the repository (default: its root)')
    .option('--workdir <dir>', `where the repository is checked out (default: ${DEFAULT_WORKDIR})`)
    .option('--watch <dir>', 'apply local edits in DIR once they settle (development)')
    .option('--db <url>', 'database URL (default: $DATABASE_URL, else the embedded database)')
    .option('--schedule <cron>', "when to check git for new commits (default: the config's Settings, every minute)")
    .option('--drift <policy>', "report (mark and report) or revert (re-apply git) (default: the config's Settings, report)")
    .option('--drift-schedule <cron>', "when to check for drift (default: the config's Settings, every 5 minutes)")
    .option('--listen <host:port>', `HTTP address for /healthz, /readyz, /metrics, /status, /webhook (default: ${DEFAULT_LISTEN})`)
    .action(async (flags: DaemonFlags) => {
      const opts = daemonOptions(flags, process.env, process.cwd());
      // Loaded only here: every other command starts faster without the daemon's HTTP, git and metrics.
      const [{ Daemon }, { createLogger }] = await Promise.all([import('../../daemon/daemon.js'), import('../../daemon/logger.js')]);
      // Every credential the daemon was given, literally, so the log loses it in any field and any
      // form: the webhook secret, the database password (also one that does not parse as a URL) and
      // a token in the repository URL, as password or as user name (https://ghp_…@host/…).
      const log = createLogger({
        secrets: [
          opts.webhookSecret ?? '', ...urlSecrets(opts.db ?? process.env.DATABASE_URL), process.env.PGPASSWORD ?? '',
          ...(opts.source.kind === 'git' ? urlSecrets(opts.source.repo) : []),
        ],
      });
      const daemon = new Daemon(opts, {
        log,
        out: opts.source.kind === 'watch' ? (text) => process.stdout.write(text) : null,
      });
      const onSignal = (signal: NodeJS.Signals): void => daemon.stop(signal);
      process.on('SIGTERM', onSignal);
      process.on('SIGINT', onSignal);
      try {
        await daemon.run();
        setExit(0);
      } catch (e) {
        // Logged as JSON like everything else, so the log stays parseable to the last line.
        if (e instanceof UserError || e instanceof FaultError) log.fatal({ error: e.message }, `cannot run: ${e.message}`);
        else log.fatal({ err: e }, 'internal error');
        setExit(1);
      } finally {
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
      }
    });
}
