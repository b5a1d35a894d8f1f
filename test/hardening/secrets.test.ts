// A database password given in the URL (--db or DATABASE_URL) never shows:
// not in stdout or stderr of any command, in success or failure, not in a
// saved plan, not in didsync.runs, not in exported files. Nor, with the
// webhook secret, in what the daemon logs and serves (/status, /metrics,
// /readyz, /healthz, webhook answers) or in the runs it records. The
// secrets are random and full of URL metacharacters, and every form of
// them is looked for: as written, percent-encoded, and each of their three
// distinctive parts.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import pg from 'pg';
import { copyExamples } from '../support/config.js';
import { makeOrigin } from '../daemon/git-support.js';
import { withCapacity } from '../daemon/fixtures.js';
import { githubPush, httpCall, lastRunOf, startDaemon, type DaemonProcess } from '../daemon/process-support.js';
import { databaseTest, POSTGRES_URL } from '../support/databases.js';
import { runCli, type CliResult } from './support/cli.js';
import { recordResult } from './support/results.js';

const temps: string[] = [];
after(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

/** A password with every character that needs care in a URL between three unique parts to search for. */
function makePassword(): { raw: string; forms: string[] } {
  const [a, b, c] = [0, 1, 2].map(() => `Zq${randomBytes(6).toString('hex')}`);
  const raw = `${a}@:/${b}?#%&'"\\ ;$${c}`;
  return { raw, forms: [raw, encodeURIComponent(raw), a, b, c] };
}

function leaks(text: string, forms: readonly string[]): string[] {
  return forms.filter((f) => text.includes(f));
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(await readFile(join(entry.parentPath, entry.name), 'utf8'));
  }
  return out;
}

interface Scan {
  what: string;
  text: string;
}

function scanAll(scans: Scan[], forms: readonly string[]): void {
  for (const s of scans) assert.deepEqual(leaks(s.text, forms), [], `the password shows in ${s.what}:\n${s.text.slice(0, 2000)}`);
}

function outputOf(what: string, r: CliResult): Scan[] {
  return [{ what: `stdout of ${what}`, text: r.stdout }, { what: `stderr of ${what}`, text: r.stderr }];
}

const FAILING = 'failing connections never show the password: bad host, closed port, malformed and unsupported URLs';
test(FAILING, { timeout: 120_000 }, async () => {
  const { raw, forms } = makePassword();
  const enc = encodeURIComponent(raw);
  const root = await copyExamples();
  const urls = [
    `postgres://someone:${enc}@127.0.0.1:1/nowhere`,
    `postgres://someone:${enc}@no-such-host.invalid:5432/nowhere`,
    `postgresql://someone:${enc}@127.0.0.1:99999/nowhere`,
    `postgres://someone:${enc}@[::1:5432/nowhere`,
    `postgres://someone:${raw}@127.0.0.1:1/nowhere`,
    `postgres://someone@127.0.0.1:1/nowhere?password=${enc}`,
    `mysql://someone:${enc}@127.0.0.1/nowhere`,
    `mysql://someone:${raw}@127.0.0.1/nowhere`,
  ];
  const scans: Scan[] = [];
  let cases = 0;
  for (const [i, url] of urls.entries()) {
    // Each URL through --db and through DATABASE_URL, across the commands that open a database.
    const command = [['plan', '-C', root], ['status'], ['db', 'init'], ['apply', '-C', root, '--yes']][i % 4];
    const viaFlag = await runCli([...command, '--db', url]);
    const viaEnv = await runCli(command, { env: { DATABASE_URL: url } });
    for (const r of [viaFlag, viaEnv]) {
      assert.equal(r.code, 1, `${command[0]} ${url}: ${r.stdout}${r.stderr}`);
      assert.doesNotMatch(r.stderr, /internal error|\n\s+at /, `${command[0]} ${url}:\n${r.stderr}`);
      scans.push(...outputOf(`${command.join(' ')} (${url.slice(0, 12)}…)`, r));
      cases++;
    }
  }
  scanAll(scans, forms);
  recordResult({
    area: 'Secrets', fault: 'password in a failing database URL (closed port, unknown host, bad port, malformed, unsupported scheme, query parameter), via --db and DATABASE_URL',
    database: '-', cases, outcome: 'exit 1, no stack trace; the password (as written, percent-encoded, or any of its parts) in no stdout or stderr',
    test: FAILING,
  });
});

const WORKING = 'a password in a working URL shows nowhere: plan, apply, saved plans, status, export, runs, refusals';
databaseTest(WORKING, async (db, target) => {
  const { raw, forms } = makePassword();
  const role = `didsync_secret_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE ROLE ${role} LOGIN SUPERUSER PASSWORD '${raw.replace(/'/g, "''")}'`);
    const url = new URL(target.url);
    url.username = role;
    url.password = encodeURIComponent(raw);
    const dbUrl = url.toString();
    assert.ok(dbUrl.includes(encodeURIComponent(raw)));

    const root = await copyExamples();
    const work = await mkdtemp(join(tmpdir(), 'didsync-secrets-'));
    temps.push(work);
    const planFile = join(work, 'plan.json');
    const scans: Scan[] = [];
    const run = async (what: string, args: string[], env?: Record<string, string>): Promise<CliResult> => {
      const r = await runCli(args, env ? { env } : {});
      scans.push(...outputOf(what, r));
      return r;
    };
    assert.equal((await run('db init', ['db', 'init', '--db', dbUrl])).code, 0);
    for (const format of ['text', 'json', 'markdown']) {
      assert.equal((await run(`plan ${format}`, ['plan', '-C', root, '--db', dbUrl, '--format', format])).code, 0);
    }
    assert.equal((await run('plan --out', ['plan', '-C', root, '--db', dbUrl, '--out', planFile])).code, 0);
    assert.equal((await run('apply --plan', ['apply', '--plan', planFile, '--db', dbUrl, '--yes'])).code, 0);
    assert.equal((await run('apply (DATABASE_URL)', ['apply', '-C', root, '--yes'], { DATABASE_URL: dbUrl })).code, 0);
    // Refusals and failures with the password in the URL.
    const stale = await run('stale apply --plan', ['apply', '--plan', planFile, '--db', dbUrl, '--yes']);
    assert.equal(stale.code, 1);
    const noTerminal = await run('apply without --yes', ['apply', '-C', root, '--db', dbUrl]);
    assert.equal(noTerminal.code, 0, 'nothing to apply needs no confirmation');
    const wrongDb = new URL(dbUrl);
    wrongDb.pathname = '/didsync_no_such_database';
    assert.equal((await run('plan on a missing database', ['plan', '-C', root, '--db', wrongDb.toString()])).code, 1);
    await db.query("UPDATE customer_rating_plans SET uncommitted_changes = uncommitted_changes, min_margin = 0.5 WHERE short_code = 'P1'");
    for (const format of ['text', 'json']) {
      assert.equal((await run(`status ${format}`, ['status', '--db', dbUrl, '--format', format])).code, 0);
    }
    const out = join(work, 'export');
    assert.equal((await run('export', ['export', '--db', dbUrl, '--out', out])).code, 0);
    for (const [i, text] of (await filesUnder(out)).entries()) scans.push({ what: `exported file ${i}`, text });
    scans.push({ what: 'the saved plan', text: await readFile(planFile, 'utf8') });
    const runs = await db.query<{ row: string }>('SELECT r::text AS row FROM didsync.runs r');
    assert.ok(runs.rows.length >= 3);
    for (const r of runs.rows) scans.push({ what: 'a didsync.runs row', text: r.row });
    const managed = await db.query<{ row: string }>('SELECT m::text AS row FROM didsync.managed m');
    for (const r of managed.rows) scans.push({ what: 'a didsync.managed row', text: r.row });
    scanAll(scans, forms);
    recordResult({
      area: 'Secrets', fault: 'password in a working PostgreSQL URL (role with a password full of URL metacharacters)', database: 'postgres',
      cases: scans.length,
      outcome: 'absent from stdout/stderr of db init, plan (text, json, markdown, --out), apply (--plan, fresh, DATABASE_URL), refusals, status, export; '
        + 'from the saved plan, exported files, didsync.runs and didsync.managed rows',
      test: `${WORKING} [postgres]`,
    });
  } finally {
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '${role}'`).catch(() => undefined);
    await admin.query(`DROP OWNED BY ${role}`).catch(() => undefined);
    await admin.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
    await admin.end();
  }
}, { init: true, only: 'postgres', timeout: 180_000 });

const DAEMON = "the daemon shows neither the database password nor the webhook secret: logs, /status, /metrics, webhook answers, runs";
databaseTest(DAEMON, async (db, target, t) => {
  const password = makePassword();
  const hook = makePassword();
  const role = `didsync_daemon_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  const all: DaemonProcess[] = [];
  try {
    await admin.query(`CREATE ROLE ${role} LOGIN SUPERUSER PASSWORD '${password.raw.replace(/'/g, "''")}'`);
    const url = new URL(target.url);
    url.username = role;
    url.password = encodeURIComponent(password.raw);
    const origin = await makeOrigin();
    temps.push(origin.base);
    const c1 = await origin.commit(withCapacity(120), 'ACME at 120');
    const d = await startDaemon(['--repo', origin.bare, '--workdir', join(origin.base, 'work'), '--db', url.toString(),
      '--schedule', '0 0 1 1 *', '--drift-schedule', '* * * * * *'], { DIDSYNC_WEBHOOK_SECRET: hook.raw });
    all.push(d);
    const scans: Scan[] = [];
    const get = async (path: string): Promise<void> => {
      const r = await httpCall(`${d.url}${path}`, 'GET');
      scans.push({ what: `GET ${path} (${r.status})`, text: typeof r.body === 'string' ? r.body : JSON.stringify(r.body) });
    };
    const push = async (what: string, secret: string | null, signature?: string): Promise<number> => {
      const r = await githubPush(d.url, 'main', secret, signature);
      scans.push({ what: `webhook answer (${what})`, text: JSON.stringify(r.body) });
      return r.status;
    };
    assert.equal((await lastRunOf(d.url, c1)).status, 'applied');
    // A broken commit (its run records the problems), the fix, and webhooks signed, unsigned and forged.
    const c2 = await origin.commit(withCapacity(150, { broken: true }), 'ACME at 150, with a typo');
    assert.equal(await push('signed', hook.raw), 202);
    assert.equal((await lastRunOf(d.url, c2)).status, 'failed');
    assert.equal(await push('unsigned', null), 401);
    assert.equal(await push('forged', null, `sha256=${'0'.repeat(64)}`), 401);
    assert.equal(await push('signed with a part of the secret', hook.forms[2]), 401);
    const c3 = await origin.commit(withCapacity(150), 'ACME at 150');
    assert.equal(await push('signed', hook.raw), 202);
    assert.equal((await lastRunOf(d.url, c3)).status, 'applied');
    // Drift, for the drift job to report and /status to show.
    await db.query("UPDATE carriers SET capacity_limit = 999 WHERE code = 'ACME'");
    await d.waitForLog((e) => e.level === 'warn' && String(e.msg).startsWith('drift:'), 'the drift report');
    for (const path of ['/status', '/metrics', '/readyz', '/healthz']) await get(path);
    assert.equal((await d.stop()).code, 0);
    scans.push({ what: 'the daemon\'s stderr', text: d.lines.join('\n') }, { what: 'the daemon\'s stdout', text: d.stdout() });
    const runs = await db.query<{ row: string }>('SELECT r::text AS row FROM didsync.runs r');
    assert.equal(runs.rows.length, 3);
    for (const r of runs.rows) scans.push({ what: 'a didsync.runs row written by the daemon', text: r.row });
    scanAll(scans, [...password.forms, ...hook.forms]);
    recordResult({
      area: 'Secrets', fault: 'database password and webhook secret (both full of URL metacharacters) in a running daemon', database: 'postgres',
      cases: scans.length,
      outcome: 'absent from its log lines and stdout, GET /status, /metrics, /readyz, /healthz, the answers to signed, unsigned and forged webhooks, '
        + 'and the didsync.runs rows of its applied and failed runs',
      test: `${DAEMON} [postgres]`,
    });
  } finally {
    for (const d of all) await d.stop('SIGKILL');
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '${role}'`).catch(() => undefined);
    await admin.query(`DROP OWNED BY ${role}`).catch(() => undefined);
    await admin.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
    await admin.end();
  }
}, { init: true, only: 'postgres', timeout: 120_000 });
