// A private PostgreSQL server for the tests that restart the server itself
// (the shared one must not be restarted under the other suites): initdb in a
// temp folder, started with pg_ctl on a free loopback port, restarted and
// stopped by pg_ctl. initdb and the server refuse to run as root, so under
// root (as in CI) they run as the `postgres` OS user that the server package
// creates. `findCluster` says why when this machine cannot make one.

import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ClusterTools {
  bin: string;
  /** The OS user to run initdb and the server as, when this process is root. */
  user?: { name: string; uid: number; gid: number };
}

/** PostgreSQL's binaries and a user to run them as, or the reason there are none. */
export async function findCluster(): Promise<ClusterTools | string> {
  const candidates = [process.env.DIDSYNC_TEST_PG_BIN, ...pgBinFolders()].filter((d): d is string => !!d);
  const bin = candidates.find((d) => existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl')));
  if (!bin) return 'no initdb and pg_ctl found (set DIDSYNC_TEST_PG_BIN to their folder)';
  if (userInfo().uid !== 0) return { bin };
  try {
    const { stdout } = await run('id', ['postgres']);
    const uid = Number(/uid=(\d+)/.exec(stdout)?.[1]);
    const gid = Number(/gid=(\d+)/.exec(stdout)?.[1]);
    await run('runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), '--version']);
    return { bin, user: { name: 'postgres', uid, gid } };
  } catch {
    return 'running as root, and pg_ctl cannot be run as the postgres OS user (no such user, or no runuser)';
  }
}

/** /usr/lib/postgresql/<version>/bin, newest version first. */
function pgBinFolders(): string[] {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return [];
  return readdirSync(root).sort((a, b) => Number(b) - Number(a)).map((v) => join(root, v, 'bin'));
}

export interface Cluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  /** `pg_ctl restart -m fast`: sessions are terminated, the server is down for a moment, then up again. */
  restart(): Promise<void>;
  /** Stop the server (immediately) and remove its folder; safe to call twice. */
  dispose(): Promise<void>;
  /** The server's log, for a failing test's message. */
  log(): Promise<string>;
}

export async function startCluster(tools: ClusterTools): Promise<Cluster> {
  const base = await mkdtemp(join(tmpdir(), 'didsync-cluster-'));
  if (tools.user) await chown(base, tools.user.uid, tools.user.gid);
  const data = join(base, 'data');
  const logFile = join(base, 'server.log');
  const as = (tool: string, args: string[]) => tools.user
    ? run('runuser', ['-u', tools.user.name, '--', join(tools.bin, tool), ...args], { cwd: base })
    : run(join(tools.bin, tool), args, { cwd: base });
  let stopped = false;
  const dispose = async () => {
    if (!stopped) {
      stopped = true;
      await as('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']).catch(() => undefined);
    }
    await rm(base, { recursive: true, force: true });
  };
  try {
    await as('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
    const port = await freePort();
    // fsync off: the tests restart the server, they do not crash the machine.
    const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${base} -c fsync=off -c full_page_writes=off`;
    await as('pg_ctl', ['start', '-D', data, '-l', logFile, '-w', '-t', '60', '-o', options]);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      port,
      async restart() {
        // Its options are the start's (postmaster.opts); the log must be named again, or the server
        // would hold pg_ctl's output open.
        await as('pg_ctl', ['restart', '-D', data, '-l', logFile, '-m', 'fast', '-w', '-t', '60']);
      },
      dispose,
      log: () => readFile(logFile, 'utf8').catch(() => ''),
    };
  } catch (e) {
    await dispose();
    throw e;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
