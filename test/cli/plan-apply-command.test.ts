// `didsync plan`, `apply` and `status` as a user and a CI job run them:
// `main(argv)` in process (exit code, stdout, stderr) against a fresh
// database per test, and a real process where the working directory or the
// absence of a terminal is the point. CONTRACT §3 and §4.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { openTarget, resolveTarget } from '../../src/drivers/open.js';
import { databaseTest, inspectTarget, type TestTarget } from '../support/databases.js';
import { MINIMAL, updateConfig, writeConfig } from '../support/config.js';
import { cliArgs } from '../support/cli-entry.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

interface Run { code: number; stdout: string; stderr: string }

/** `didsync ...args` in this process, with its output captured and no terminal on stdin. */
async function didsync(...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const write = { out: process.stdout.write, err: process.stderr.write };
  const tty = Object.getOwnPropertyDescriptor(process.stdin, 'isTTY');
  process.stdout.write = ((chunk: string | Uint8Array) => { stdout += String(chunk); return true; }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => { stderr += String(chunk); return true; }) as typeof process.stderr.write;
  Object.defineProperty(process.stdin, 'isTTY', { value: false, configurable: true });
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    if (tty) Object.defineProperty(process.stdin, 'isTTY', tty);
    else delete (process.stdin as { isTTY?: boolean }).isTTY;
  }
}

/** A real didsync process in `cwd` (the embedded default depends on it). */
function didsyncProcess(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...cliArgs(), ...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
    child.stdin.end();
  });
}

const inspect = inspectTarget;

async function count(target: TestTarget, table: string): Promise<number> {
  return inspect(target, async (db) => Number((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n));
}

const temps: string[] = [];
after(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'didsync-cli-'));
  temps.push(dir);
  return dir;
}

// CONTRACT §4: plan --format json
const PLAN_KEYS = ['formatVersion', 'changes', 'summary'];
/** Besides the contract's keys the JSON may carry these, for CI and reviewers; never the apply payload. */
const PLAN_EXTRA_KEYS = ['createdAt', 'source', 'database', 'prune', 'orphans', 'drift', 'conflicts', 'guards', 'rateIncreases'];
const CHANGE_KEYS = ['action', 'kind', 'key', 'fields', 'rates'];

function assertPlanShape(plan: Record<string, unknown>): void {
  for (const k of PLAN_KEYS) assert.ok(k in plan, `plan has ${k}`);
  for (const k of Object.keys(plan)) assert.ok(PLAN_KEYS.includes(k) || PLAN_EXTRA_KEYS.includes(k), `unexpected top-level key ${k}`);
  assert.equal(plan.formatVersion, 1);
  assert.deepEqual(Object.keys(plan.summary as object).sort(), ['adopt', 'create', 'delete', 'update']);
  const changes = plan.changes as Record<string, unknown>[];
  const counted = { create: 0, update: 0, delete: 0, adopt: 0 } as Record<string, number>;
  for (const c of changes) {
    for (const k of Object.keys(c)) assert.ok(CHANGE_KEYS.includes(k), `unexpected change key ${k} in ${c.kind} ${c.key}`);
    assert.ok(['create', 'update', 'delete', 'adopt'].includes(c.action as string));
    assert.equal(typeof c.kind, 'string');
    assert.equal(typeof c.key, 'string');
    counted[c.action as string]++;
    for (const [name, f] of Object.entries(c.fields as Record<string, Record<string, unknown>>)) {
      assert.deepEqual(Object.keys(f).sort(), ['from', 'to'], `${c.key}.${name}`);
    }
    if (c.kind === 'RatingPlan' && c.action !== 'delete') assert.ok('rates' in c, `rates appear on every RatingPlan change (${c.key})`);
    if ('rates' in c) {
      assert.equal(c.kind, 'RatingPlan', 'rates appear on rating plans only');
      const r = c.rates as Record<string, unknown>;
      for (const k of ['added', 'removed', 'changed']) assert.equal(typeof r[k], 'number');
    }
  }
  assert.deepEqual(plan.summary, counted);
}

databaseTest('plan --format json is the contract shape and holds no internal payload', async (db, target) => {
  await db.close();
  const root = await writeConfig(MINIMAL);
  const created = await didsync('plan', '-C', root, '--db', target.url, '--format', 'json');
  assert.equal(created.code, 0, created.stderr);
  const plan = JSON.parse(created.stdout) as Record<string, unknown>;
  assertPlanShape(plan);
  const changes = plan.changes as Array<Record<string, any>>;
  assert.deepEqual(changes.map((c) => [c.action, c.kind, c.key]), [
    ['create', 'Carrier', 'ACME'], ['create', 'Interconnect', 'ACME/lon-1'], ['create', 'RatingPlan', 'UK Wholesale'], ['create', 'Service', 'ACME/uk-termination'],
  ]);
  assert.deepEqual(changes[0].fields.capacityLimit, { from: null, to: 120 });
  assert.ok(Array.isArray(changes[0].fields.contacts.to), 'nested collections are fields of their parent');
  assert.deepEqual({ ...changes[2].rates, samples: undefined }, { added: 3, removed: 0, changed: 0, samples: undefined });
  assert.deepEqual(plan.summary, { create: 4, update: 0, delete: 0, adopt: 0 });

  assert.equal((await didsync('apply', '-C', root, '--db', target.url, '--yes')).code, 0);
  await updateConfig(root, {
    'config.yaml': MINIMAL['config.yaml'].replace('capacityLimit: 120', 'capacityLimit: 150').replace('timeZone: Europe/London', 'timeZone: UTC'),
  });
  const updated = await didsync('plan', '-C', root, '--db', target.url, '--format', 'json');
  const again = JSON.parse(updated.stdout) as Record<string, any>;
  assertPlanShape(again);
  assert.deepEqual(again.changes[0], { action: 'update', kind: 'Carrier', key: 'ACME', fields: { capacityLimit: { from: 120, to: 150 } } });
  assert.deepEqual({ ...again.changes[1], rates: { ...again.changes[1].rates, samples: undefined } }, {
    action: 'update', kind: 'RatingPlan', key: 'UK Wholesale', fields: { timeZone: { from: 'Europe/London', to: 'UTC' } },
    rates: { added: 0, removed: 0, changed: 0, samples: undefined },
  });
  for (const internal of ['"desired"', '"rateOps"', '"digests"', '"refresh"', '"rowId"', '"upsert"']) {
    assert.ok(!updated.stdout.includes(internal), `no ${internal} in the JSON`);
  }
  const ids = await inspect(target, async (d) => (await d.query<{ id: string }>('SELECT id FROM carriers UNION ALL SELECT id FROM carrier_interconnects')).rows.map((r) => r.id));
  for (const id of ids) assert.ok(!updated.stdout.includes(id) && !created.stdout.includes(id), 'no row ids in the JSON');
}, { init: true });

databaseTest('--detailed-exitcode gives 2 with changes and 0 without; plain plan gives 0 either way', async (db, target) => {
  await db.close();
  const root = await writeConfig(MINIMAL);
  const pending = await didsync('plan', '-C', root, '--db', target.url, '--detailed-exitcode');
  assert.equal(pending.code, 2, pending.stderr);
  assert.match(pending.stdout, /Plan: 4 to create, 0 to update, 0 to delete, 0 to adopt; 3 rate change\(s\)\.\n$/);
  assert.equal((await didsync('plan', '-C', root, '--db', target.url)).code, 0);
  assert.equal((await didsync('apply', '-C', root, '--db', target.url, '--yes')).code, 0);
  const clean = await didsync('plan', '-C', root, '--db', target.url, '--detailed-exitcode');
  assert.equal(clean.code, 0, clean.stderr);
  assert.equal(clean.stdout, 'No changes. The database matches the config.\n');
}, { init: true });

databaseTest('plan --out then apply --plan --yes applies exactly the saved plan', async (db, target) => {
  await db.close();
  const root = await writeConfig(MINIMAL);
  const file = join(await tempDir(), 'plan.json');
  const saved = await didsync('plan', '-C', root, '--db', target.url, '--out', file);
  assert.equal(saved.code, 0, saved.stderr);
  const onDisk = JSON.parse(await readFile(file, 'utf8')) as { formatVersion: number; changes: unknown[] };
  assert.equal(onDisk.formatVersion, 1);
  assert.equal(onDisk.changes.length, 4);

  // The config moves on after the plan was saved: apply --plan still applies what was reviewed.
  await updateConfig(root, { 'config.yaml': MINIMAL['config.yaml'].replace('capacityLimit: 120', 'capacityLimit: 150') });
  const applied = await didsync('apply', '--plan', file, '--db', target.url, '--yes');
  assert.equal(applied.code, 0, applied.stderr);
  assert.match(applied.stdout, /Applied: 4 object change\(s\) in run \d+\.\n$/);
  assert.equal(await inspect(target, async (d) => (await d.query("SELECT capacity_limit AS n FROM carriers WHERE code = 'ACME'")).rows[0].n), 120);
  assert.equal(await count(target, 'customer_rating_plan_rates'), 3);

  const next = JSON.parse((await didsync('plan', '-C', root, '--db', target.url, '--format', 'json')).stdout) as { changes: Array<{ key: string; fields: object }> };
  assert.deepEqual(next.changes.map((c) => [c.key, c.fields]), [['ACME', { capacityLimit: { from: 120, to: 150 } }]]);
}, { init: true });

databaseTest('apply --plan is refused, naming the object, when the database changed since the plan', async (db, target) => {
  await db.close();
  const root = await writeConfig(MINIMAL);
  assert.equal((await didsync('apply', '-C', root, '--db', target.url, '--yes')).code, 0);
  await updateConfig(root, { 'config.yaml': MINIMAL['config.yaml'].replace('capacityLimit: 120', 'capacityLimit: 150') });
  const file = join(await tempDir(), 'plan.json');
  assert.equal((await didsync('plan', '-C', root, '--db', target.url, '--out', file)).code, 0);
  await inspect(target, (d) => d.query("UPDATE carrier_interconnects SET tech_prefix = '77' WHERE name = 'lon-1'"));

  const refused = await didsync('apply', '--plan', file, '--db', target.url, '--yes');
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /^didsync: refused: the database changed since the plan was made \(written outside didsync: carrier_interconnects\); make a new plan\n$/m);
  assert.doesNotMatch(refused.stderr, /\n\s+at /);
  assert.equal(await inspect(target, async (d) => (await d.query("SELECT capacity_limit AS n FROM carriers WHERE code = 'ACME'")).rows[0].n), 120);
  assert.equal(await inspect(target, async (d) => (await d.query('SELECT status FROM didsync.runs ORDER BY id DESC LIMIT 1')).rows[0].status), 'refused');
}, { init: true });

databaseTest('a delete refused by a guard exits 1 naming the objects; --force applies it', async (db, target) => {
  await db.close();
  const globex = 'kind: Carrier\ncode: GLOBEX\nname: Globex\npartnerType: supplier\nprimaryCurrency: EUR\n';
  const root = await writeConfig({ ...MINIMAL, 'globex.yaml': globex });
  assert.equal((await didsync('apply', '-C', root, '--db', target.url, '--yes')).code, 0);
  await updateConfig(root, { 'globex.yaml': null });
  const refused = await didsync('apply', '-C', root, '--db', target.url, '--yes', '--prune');
  assert.equal(refused.code, 1);
  assert.match(refused.stdout, /- Carrier GLOBEX/);
  assert.match(refused.stderr, /refused by safety guards \(use --force to override\):\n {2}- deleting 1 of 2 managed carriers \(50%\) exceeds the limit of 25%\n {4}objects: Carrier GLOBEX\n$/);
  assert.equal(await count(target, 'carriers'), 2);
  const forced = await didsync('apply', '-C', root, '--db', target.url, '--yes', '--prune', '--force');
  assert.equal(forced.code, 0, forced.stderr);
  assert.equal(await count(target, 'carriers'), 1);
}, { init: true });

databaseTest('apply without a terminal and without --yes refuses and writes nothing', async (db, target) => {
  await db.close();
  const root = await writeConfig(MINIMAL);
  const r = await didsync('apply', '-C', root, '--db', target.url);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /Plan: 4 to create/, 'the plan is shown first');
  assert.match(r.stderr, /no terminal to ask on; pass --yes/);
  assert.equal(await count(target, 'carriers'), 0);
  assert.equal(await count(target, 'customer_rating_plans'), 0);
  assert.equal(await count(target, 'didsync.managed'), 0);
  const runs = await inspect(target, async (d) => (await d.query('SELECT status, error FROM didsync.runs')).rows);
  assert.deepEqual(runs.map((r) => r.status), ['refused'], 'the refusal is recorded as a run');
  assert.match(String(runs[0].error), /no terminal to ask on/);
}, { init: true });

/** `script` (util-linux) runs a command under a pseudo-terminal: the way to be a person at a terminal without a dependency. */
const SCRIPT = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/**
 * `didsync ...args` as a real process on a pseudo-terminal: once the
 * confirmation prompt appears, type `answer` and Enter. Output is the
 * terminal's, with its escapes (colour, cursor moves) stripped and its line
 * ends made plain. A process still running after 90 s is killed.
 */
function didsyncOnTerminal(answer: string, ...args: string[]): Promise<Run & { prompted: boolean }> {
  const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, ...cliArgs(), ...args].map(quote).join(' ');
  const plain = (text: string) => text.replace(TERMINAL_ESCAPE, '').replace(/\r+\n/g, '\n');
  return new Promise((resolvePromise, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    let stdout = '';
    let stderr = '';
    let prompted = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (!prompted && /Only 'yes' is accepted: $/.test(plain(stdout))) {
        prompted = true;
        child.stdin.write(`${answer}\r`);
      }
    });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code: code ?? -1, stdout: plain(stdout), stderr, prompted });
    });
  });
}
/** ESC [ ... letter: the colour and cursor escapes a terminal session carries. */
const TERMINAL_ESCAPE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g');

const ON_TERMINAL = 'apply on a terminal asks first: only yes applies, n and y leave the database untouched';
if (!SCRIPT) test(ON_TERMINAL, { skip: 'no `script` (util-linux) to run a pseudo-terminal' }, () => undefined);
else databaseTest(ON_TERMINAL, async (db, target) => {
  await db.close();
  const root = await writeConfig(MINIMAL);
  for (const answer of ['n', 'y']) {
    const declined = await didsyncOnTerminal(answer, 'apply', '-C', root, '--db', target.url);
    assert.ok(declined.prompted, `the prompt was shown:\n${declined.stdout}${declined.stderr}`);
    assert.equal(declined.code, 1, `answer ${answer}`);
    assert.match(declined.stdout, /Plan: 4 to create/, 'the plan is shown before the question');
    assert.match(declined.stdout, new RegExp(`Apply these changes to .*\\? Only 'yes' is accepted: ${answer}\n`), 'the answer is echoed by the terminal');
    assert.match(declined.stdout + declined.stderr, /apply cancelled; nothing was changed/);
    assert.equal(await count(target, 'carriers'), 0, `answer ${answer}: nothing written`);
    assert.equal(await count(target, 'didsync.managed'), 0);
  }
  const accepted = await didsyncOnTerminal('yes', 'apply', '-C', root, '--db', target.url);
  assert.equal(accepted.code, 0, accepted.stdout + accepted.stderr);
  assert.match(accepted.stdout, /Applied: 4 object change\(s\) in run \d+\.\n$/);
  assert.equal(await count(target, 'carriers'), 1);
  assert.equal(await count(target, 'customer_rating_plan_rates'), 3);
  const runs = await inspect(target, async (d) => (await d.query<{ status: string; error: string | null }>('SELECT status, error FROM didsync.runs ORDER BY id')).rows);
  assert.deepEqual(runs.map((r) => [r.status, r.error]), [
    ['refused', 'apply cancelled; nothing was changed'], ['refused', 'apply cancelled; nothing was changed'], ['applied', null],
  ]);
}, { init: true });

databaseTest('status --format json is the contract shape', async (db, target) => {
  await db.close();
  const root = await writeConfig(MINIMAL);
  const empty = JSON.parse((await didsync('status', '--db', target.url, '--format', 'json')).stdout) as Record<string, unknown>;
  assert.deepEqual(empty, { lastRun: null, plans: [], drift: [] });

  assert.equal((await didsync('apply', '-C', root, '--db', target.url, '--yes')).code, 0);
  await inspect(target, async (d) => {
    await d.query("UPDATE customer_rating_plan_rates SET rate = 0.5 WHERE prefix = '447'");
    await d.query("UPDATE carriers SET capacity_limit = 99 WHERE code = 'ACME'");
  });
  const r = await didsync('status', '--db', target.url, '--format', 'json');
  assert.equal(r.code, 0, r.stderr);
  const status = JSON.parse(r.stdout) as { lastRun: Record<string, unknown>; plans: Record<string, unknown>[]; drift: unknown[] };
  assert.deepEqual(Object.keys(status).sort(), ['drift', 'lastRun', 'plans']);
  for (const k of ['commit', 'status', 'finishedAt']) assert.ok(k in status.lastRun, `lastRun has ${k}`);
  assert.equal(status.lastRun.status, 'applied');
  assert.equal(status.lastRun.commit, null, 'the config root is not in git');
  assert.ok(!Number.isNaN(Date.parse(String(status.lastRun.finishedAt))), `finishedAt ${status.lastRun.finishedAt}`);
  assert.equal(status.plans.length, 1);
  const p = status.plans[0];
  for (const k of ['name', 'shortCode', 'uncommittedChanges', 'changes']) assert.ok(k in p, `plan has ${k}`);
  assert.deepEqual([p.name, p.shortCode, p.uncommittedChanges, p.changes], ['UK Wholesale', 'P1', true, ['rates (+0 ~1 -0)']]);
  assert.deepEqual(status.drift, [{ kind: 'Carrier', key: 'ACME', fields: ['capacityLimit'] }]);
}, { init: true });

/** customer_rating_plans.uncommitted_changes of the plan called `name`. */
async function uncommitted(target: TestTarget, name: string): Promise<boolean> {
  return inspect(target, async (d) => (await d.query<{ u: boolean }>('SELECT uncommitted_changes AS u FROM customer_rating_plans WHERE name = $1', [name])).rows[0].u);
}

databaseTest('plan and status set uncommitted_changes when a rate is edited outside git; apply --yes clears it', async (db, target) => {
  await db.close();
  const root = await writeConfig(MINIMAL);
  assert.equal((await didsync('apply', '-C', root, '--db', target.url, '--yes')).code, 0);
  assert.equal(await uncommitted(target, 'UK Wholesale'), false);
  const editRate = () => inspect(target, (d) => d.query("UPDATE customer_rating_plan_rates SET rate = 0.5 WHERE prefix = '447'"));

  // Seen by plan.
  await editRate();
  assert.equal(await uncommitted(target, 'UK Wholesale'), false, 'nothing has looked yet');
  const planned = await didsync('plan', '-C', root, '--db', target.url);
  assert.equal(planned.code, 0, planned.stderr);
  assert.equal(await uncommitted(target, 'UK Wholesale'), true, 'plan marks the plan');
  const applied = await didsync('apply', '-C', root, '--db', target.url, '--yes');
  assert.equal(applied.code, 0, applied.stderr);
  assert.equal(await uncommitted(target, 'UK Wholesale'), false, 'apply makes the plan equal to git again');
  assert.equal(await inspect(target, async (d) => (await d.query("SELECT rate::text AS r FROM customer_rating_plan_rates WHERE prefix = '447'")).rows[0].r), '0.030000');

  // Seen by status.
  await editRate();
  const status = await didsync('status', '--db', target.url);
  assert.equal(status.code, 0, status.stderr);
  assert.equal(await uncommitted(target, 'UK Wholesale'), true, 'status marks the plan');
  const reapplied = await didsync('apply', '-C', root, '--db', target.url, '--yes');
  assert.equal(reapplied.code, 0, reapplied.stderr);
  assert.equal(await uncommitted(target, 'UK Wholesale'), false);
  const settled = JSON.parse((await didsync('status', '--db', target.url, '--format', 'json')).stdout) as { plans: Array<{ uncommittedChanges: boolean }> };
  assert.equal(settled.plans[0].uncommittedChanges, false, 'status after the apply finds nothing to mark');
  assert.equal(await uncommitted(target, 'UK Wholesale'), false);
}, { init: true });

test('an invalid config exits 1 with located errors and no stack trace', async () => {
  const root = await writeConfig({ 'bad.yaml': 'kind: Carrier\ncode: ACME\nname: Acme\npartnerType: bilateral\ncapacityLimit: lots\n' });
  for (const command of [['plan'], ['apply', '--yes']]) {
    const r = await didsync(...command, '-C', root, '--db', 'pglite:memory');
    assert.equal(r.code, 1, command[0]);
    assert.match(r.stderr, /bad\.yaml:5:\d+/, `${command[0]}: the error names file and line`);
    assert.match(r.stderr, /capacityLimit/);
    assert.match(r.stderr, /didsync: the config in .* is invalid \(\d+ problem\(s\)\); nothing was planned\n$/);
    assert.doesNotMatch(r.stderr, /\n\s+at |internal error/, 'no stack trace');
    assert.equal(r.stdout, '');
  }
});

test('plan --out where no plan can be saved exits 1 in one line naming the file, before any database is opened', async () => {
  const root = await writeConfig(MINIMAL);
  const dir = await tempDir();
  // A server that is not there: reaching it would be a connection error, not this one.
  const nowhere = 'postgres://didsync@127.0.0.1:1/none';
  for (const [out, why] of [[join(dir, 'missing', 'plan.json'), 'ENOENT'], [dir, 'it is a folder']]) {
    const r = await didsync('plan', '-C', root, '--db', nowhere, '--out', out);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, `didsync: cannot write plan ${out}: ${why}\n`);
    assert.equal(r.stdout, '');
  }
  assert.equal(existsSync(join(dir, 'missing')), false);
});

/** A working folder, the minimal config and an environment naming no database, for runs on the embedded one. */
async function withoutDatabase(): Promise<{ cwd: string; root: string; env: NodeJS.ProcessEnv }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.DATABASE_URL;
  return { cwd: await tempDir(), root: await writeConfig(MINIMAL), env };
}

test('with no --db and no DATABASE_URL the embedded database is created in .didsync/db, and stderr says so', async () => {
  const { cwd, root, env } = await withoutDatabase();
  const first = await didsyncProcess(cwd, env, 'plan', '-C', root, '--detailed-exitcode');
  assert.equal(first.code, 2, first.stderr);
  assert.equal(first.stderr, 'didsync: no --db or DATABASE_URL given; created the embedded database in .didsync/db\n');
  assert.ok(existsSync(join(cwd, '.didsync/db/PG_VERSION')), 'the database lives under the working directory');
  const second = await didsyncProcess(cwd, env, 'apply', '-C', root, '--yes');
  assert.equal(second.code, 0, second.stderr);
  assert.equal(second.stderr, 'didsync: no --db or DATABASE_URL given; using the embedded database in .didsync/db\n');
  const third = await didsyncProcess(cwd, env, 'plan', '-C', root, '--detailed-exitcode');
  assert.equal(third.code, 0, third.stderr + third.stdout);
});

test('an embedded database named with --db is created there, and stderr says so without claiming no --db was given', async () => {
  const { cwd, root, env } = await withoutDatabase();
  const first = await didsyncProcess(cwd, env, 'plan', '-C', root, '--db', 'pglite:data/db', '--detailed-exitcode');
  assert.equal(first.code, 2, first.stderr);
  assert.equal(first.stderr, `didsync: created the embedded database in pglite:${join(realpathSync(cwd), 'data/db')}\n`);
  assert.ok(existsSync(join(cwd, 'data/db/PG_VERSION')));
  const second = await didsyncProcess(cwd, env, 'plan', '-C', root, '--db', 'pglite:data/db', '--detailed-exitcode');
  assert.equal(second.code, 2, second.stderr);
  assert.equal(second.stderr, '', 'a database named on the command line is used without a word');
});

test('an embedded database an earlier version made is brought up to date on first use, and stderr says what was added', async () => {
  const { cwd, root, env } = await withoutDatabase();
  const first = await didsyncProcess(cwd, env, 'apply', '-C', root, '--db', 'pglite:data/db', '--yes');
  assert.equal(first.code, 0, first.stderr);
  // As a version from before didsync.applied_deck_edits left it.
  const db = await openTarget(resolveTarget('pglite:data/db', {}, cwd));
  try {
    await db.exec('DROP TABLE didsync.applied_deck_edits');
  } finally {
    await db.close();
  }
  const second = await didsyncProcess(cwd, env, 'plan', '-C', root, '--db', 'pglite:data/db', '--detailed-exitcode');
  assert.equal(second.code, 0, second.stderr + second.stdout);
  assert.equal(second.stderr, `didsync: brought the embedded database up to date in pglite:${join(realpathSync(cwd), 'data/db')} (created: table didsync.applied_deck_edits)\n`);
  const third = await didsyncProcess(cwd, env, 'plan', '-C', root, '--db', 'pglite:data/db', '--detailed-exitcode');
  assert.equal(third.code, 0, third.stderr + third.stdout);
  assert.equal(third.stderr, '');
});

databaseTest('a run records the commit, author and subject when the config root is a git repository, and its summary, plan and error', async (db, target) => {
  await db.close();
  const root = await writeConfig(MINIMAL);
  const git = (...args: string[]) => {
    const r = spawnSync('git', args, {
      cwd: root, encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 'Ada Lovelace', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_COMMITTER_NAME: 'Ada Lovelace', GIT_COMMITTER_EMAIL: 'ada@example.com' },
    });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.trim();
  };
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'Add Acme and its UK route');
  const head = git('rev-parse', 'HEAD');

  const r = await didsync('apply', '-C', root, '--db', target.url, '--yes');
  assert.equal(r.code, 0, r.stderr);
  const run = await inspect(target, async (d) => (await d.query('SELECT commit, author, subject, status, trigger FROM didsync.runs ORDER BY id DESC LIMIT 1')).rows[0]);
  assert.deepEqual(run, { commit: head, author: 'Ada Lovelace <ada@example.com>', subject: 'Add Acme and its UK route', status: 'applied', trigger: 'cli' });
  const status = JSON.parse((await didsync('status', '--db', target.url, '--format', 'json')).stdout) as { lastRun: { commit: string } };
  assert.equal(status.lastRun.commit, head);

  // A successful run keeps its summary and the plan it applied, in the contract's JSON shape.
  const applied = await lastRunRecord(target);
  assert.deepEqual(applied.summary, { create: 4, update: 0, delete: 0, adopt: 0 });
  assert.equal(applied.error, null);
  assertPlanShape(applied.plan);
  assert.deepEqual(applied.plan.changes.map((c) => [c.action, c.kind, c.key]), [
    ['create', 'Carrier', 'ACME'], ['create', 'Interconnect', 'ACME/lon-1'], ['create', 'RatingPlan', 'UK Wholesale'], ['create', 'Service', 'ACME/uk-termination'],
  ]);
  assert.deepEqual(applied.plan.changes[0].fields.capacityLimit, { from: null, to: 120 });
  assert.equal(applied.plan.changes[2].rates?.added, 3);
  for (const internal of ['desired', 'rateOps', 'refresh']) assert.ok(!(internal in applied.plan), `no ${internal} in the recorded plan`);

  // A run a guard refused keeps the refusal, naming the object, and the plan it refused.
  await updateConfig(root, { 'globex.yaml': 'kind: Carrier\ncode: GLOBEX\nname: Globex\npartnerType: supplier\nprimaryCurrency: EUR\n' });
  git('add', '.');
  git('commit', '-q', '-m', 'Add Globex');
  assert.equal((await didsync('apply', '-C', root, '--db', target.url, '--yes')).code, 0);
  git('rm', '-q', 'globex.yaml');
  git('commit', '-q', '-m', 'Drop Globex');
  assert.equal((await didsync('apply', '-C', root, '--db', target.url, '--yes', '--prune')).code, 1);
  const refused = await lastRunRecord(target);
  assert.equal(refused.status, 'refused');
  assert.equal(refused.commit, git('rev-parse', 'HEAD'));
  assert.match(String(refused.error), /^refused by safety guards \(use --force to override\):\n {2}- deleting 1 of 2 managed carriers \(50%\) exceeds the limit of 25%\n {4}objects: Carrier GLOBEX$/);
  assert.deepEqual(refused.summary, { create: 0, update: 0, delete: 1, adopt: 0 });
  assert.deepEqual(refused.plan.changes.map((c) => [c.action, c.kind, c.key]), [['delete', 'Carrier', 'GLOBEX']]);

  // A run the database failed keeps the database's reason, named after the object.
  await inspect(target, (d) => d.query('ALTER TABLE carriers ADD CONSTRAINT capacity_within_contract CHECK (capacity_limit < 130)'));
  await updateConfig(root, { 'config.yaml': MINIMAL['config.yaml'].replace('capacityLimit: 120', 'capacityLimit: 150') });
  git('commit', '-q', '-am', 'More capacity for Acme');
  const failedRun = await didsync('apply', '-C', root, '--db', target.url, '--yes');
  assert.equal(failedRun.code, 1);
  const failed = await lastRunRecord(target);
  assert.equal(failed.status, 'failed');
  assert.equal(failed.subject, 'More capacity for Acme');
  assert.match(String(failed.error), /^Carrier ACME: .*violates check constraint "capacity_within_contract"/);
  assert.deepEqual(failed.summary, { create: 0, update: 1, delete: 0, adopt: 0 });
  assert.deepEqual(failed.plan.changes[0].fields, { capacityLimit: { from: 120, to: 150 } });
  assert.equal(await inspect(target, async (d) => (await d.query("SELECT capacity_limit AS n FROM carriers WHERE code = 'ACME'")).rows[0].n), 120);
}, { init: true });

interface RunRecord {
  status: string;
  commit: string | null;
  subject: string | null;
  summary: Record<string, number> | null;
  plan: { changes: Array<{ action: string; kind: string; key: string; fields: Record<string, unknown>; rates?: { added: number } }> } & Record<string, unknown>;
  error: string | null;
}

async function lastRunRecord(target: TestTarget): Promise<RunRecord> {
  return inspect(target, async (d) => (await d.query<RunRecord>(
    'SELECT status, commit, subject, summary, plan, error FROM didsync.runs ORDER BY id DESC LIMIT 1',
  )).rows[0]);
}
