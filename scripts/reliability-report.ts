// Regenerates RELIABILITY.md from a run of the hardening tests: runs every
// test under test/hardening/, the daemon's fault, HTTP and log tests and the
// database roles' tests with the TAP reporter, collects the records the tests write (what they
// tried, how many cases, what came out; see
// test/hardening/support/results.ts) and writes one table per area, each
// row marked with its test's result as the TAP output gives it: passed,
// FAILED or skipped. A test that failed or was skipped without recording a
// row is listed too, so a failure can never just drop a row. Exits 1 when
// a test failed or a row names a test that did not report (the report is
// written anyway, saying so).
//
//   DIDSYNC_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
//     npm run reliability -- [--out RELIABILITY.md] [--embedded-only]
//
// Without DIDSYNC_TEST_DATABASE_URL the PostgreSQL tests do not run; the
// script then refuses unless --embedded-only says that is intended.

import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { buildIfStale } from './build-if-stale.mjs';

export interface ReliabilityRecord {
  area: string;
  fault: string;
  database: string;
  cases: number;
  outcome: string;
  test: string;
  seconds?: number;
}

export const AREAS = ['Faults', 'Concurrency', 'Hostile input', 'Random input', 'Secrets', 'Exposure'];
/** The daemon's tests that also record (its connection faults, failover, HTTP surface, logs). */
export const DAEMON_TESTS = ['daemon-ha', 'daemon-git', 'daemon-rejection', 'daemon-secrets', 'http-server', 'webhook'].map((name) => `test/daemon/${name}.test.ts`);
/** The least-privilege database roles of the README, granted as documented. */
export const ROLE_TESTS = ['test/export/database-roles.test.ts'];
/** Every test outside test/hardening/ that the report runs and whose records it tables. */
export const LISTED_TESTS = [...DAEMON_TESTS, ...ROLE_TESTS];
const ROOT = join(import.meta.dirname, '..');
const REPORT_TEST = 'reliability-report.test.ts';

async function testFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))
    .sort();
}

function runTests(files: string[], out: string): Promise<{ tap: string; code: number | null; seconds: number }> {
  buildIfStale(ROOT);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', '--test-concurrency=2', ...files], {
      cwd: ROOT, env: { ...process.env, DIDSYNC_RELIABILITY_OUT: out }, stdio: ['ignore', 'pipe', 'inherit'],
    });
    let tap = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      tap += chunk;
      for (const line of chunk.split('\n')) if (/^(not )?ok \d+ - /.test(line)) process.stderr.write(`${line}\n`);
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ tap, code, seconds: (performance.now() - started) / 1000 }));
  });
}

export type TestResult = 'passed' | 'FAILED' | 'skipped';

/**
 * Test name -> result, from TAP lines at any depth. `# SKIP` is skipped and
 * `# TODO` counts as skipped too (it asserts nothing); a name reported
 * twice keeps its worst result.
 */
export function results(tap: string): Map<string, TestResult> {
  const rank: Record<TestResult, number> = { passed: 0, skipped: 1, FAILED: 2 };
  const out = new Map<string, TestResult>();
  for (const line of tap.split('\n')) {
    const m = /^\s*(not )?ok \d+ - (.*?)(?: # (SKIP|TODO)\b.*)?$/.exec(line);
    if (!m) continue;
    const name = m[2]!.replace(/\\([\\#])/g, '$1');
    const result: TestResult = m[3] ? 'skipped' : m[1] ? 'FAILED' : 'passed';
    const before = out.get(name);
    if (before === undefined || rank[result] > rank[before]) out.set(name, result);
  }
  return out;
}

/** Each failed test's TAP lines with its diagnostics (the error and where), for the console. */
function failureBlocks(tap: string): string[] {
  const lines = tap.split('\n');
  const blocks: string[] = [];
  lines.forEach((line, i) => {
    if (!/^\s*not ok \d+ - /.test(line)) return;
    const end = lines.findIndex((l, j) => j > i && /^\s*\.\.\.$/.test(l));
    blocks.push(lines.slice(i, end === -1 ? i + 1 : end + 1).join('\n'));
  });
  return blocks;
}

async function records(dir: string): Promise<ReliabilityRecord[]> {
  const list: ReliabilityRecord[] = [];
  for (const name of (await readdir(dir)).sort()) {
    for (const line of (await readFile(join(dir, name), 'utf8')).split('\n')) if (line.trim()) list.push(JSON.parse(line) as ReliabilityRecord);
  }
  return list;
}

async function postgresVersion(url: string | undefined): Promise<string> {
  if (!url) return 'not run';
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return `PostgreSQL ${(await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version}`;
  } finally {
    await client.end();
  }
}

export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export interface RunFacts {
  postgres: string;
  seconds: number;
  /** Every test's result, by name. */
  tests: Map<string, TestResult>;
}

export function render(list: ReliabilityRecord[], env: RunFacts): string {
  const lines: string[] = [];
  const total = list.reduce((n, r) => n + r.cases, 0);
  const tests = [...env.tests];
  const failed = tests.filter(([, r]) => r === 'FAILED').map(([name]) => name);
  const skipped = tests.filter(([, r]) => r === 'skipped').map(([name]) => name);
  const unreported = [...new Set(list.filter((r) => !env.tests.has(r.test)).map((r) => r.test))];
  const verdict = failed.length === 0 && unreported.length === 0
    ? 'every test passed' : `**${failed.length} test(s) FAILED**${unreported.length ? `, ${unreported.length} recorded test(s) did not report` : ''}`;
  lines.push(
    '# Reliability',
    '',
    'What the hardening tests (`test/hardening/`, the daemon\'s in `test/daemon/` and the database roles\'',
    'in `test/export/database-roles.test.ts`) tried against didsync and what came out: faults (processes',
    'killed, connections cut, the server restarted), concurrent writers, hostile and broken input, random',
    'input, secrets, and what the daemon and its database role are allowed to do. Every row is a class',
    'of fault or input; "cases" counts the individual kills, cuts, inputs or scans behind it (for hostile',
    'input: each tag, value, key or file tried, not the folders); "result" is what the test runner said of',
    'the test that asserts the outcome: passed, FAILED or skipped. The file is generated: do not edit it',
    'by hand; `test/hardening/reliability-report.test.ts` fails when it lacks a class the tests record.',
    '',
    '## Regenerate',
    '',
    '```sh',
    'DIDSYNC_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run reliability',
    '```',
    '',
    `It runs every test under \`test/hardening/\`, ${DAEMON_TESTS.length} of \`test/daemon/\` and the database roles' test`,
    '(a few minutes on two cores), collects what each recorded and rewrites this file. Without a',
    'PostgreSQL server it refuses, unless `--embedded-only` is given (the PostgreSQL rows are then missing).',
    '',
    `Last run: ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${env.postgres}, ${cpus().length} CPUs, `
      + `${Math.round(env.seconds)} s; ${list.length} fault and input classes, ${total} cases; `
      + `${tests.length} tests: ${tests.length - failed.length - skipped.length} passed, ${failed.length} failed, ${skipped.length} skipped; ${verdict}.`,
    '',
  );
  for (const area of [...AREAS, ...new Set(list.map((r) => r.area).filter((a) => !AREAS.includes(a)))]) {
    const rows = list.filter((r) => r.area === area);
    if (rows.length === 0) continue;
    lines.push(`## ${area}`, '', '| fault or input | database | cases | outcome | result |', '|---|---|---:|---|---|');
    for (const r of rows) {
      const result = env.tests.get(r.test) ?? '**not reported**';
      lines.push(`| ${cell(r.fault)} | ${r.database} | ${r.cases} | ${cell(r.outcome)}${r.seconds !== undefined ? ` (${r.seconds} s)` : ''} | ${result === 'FAILED' ? '**FAILED**' : result} |`);
    }
    lines.push('');
  }
  // A test that failed or was skipped before it recorded anything still shows.
  const recorded = new Set(list.map((r) => r.test));
  const silent = tests.filter(([name, r]) => r !== 'passed' && !recorded.has(name));
  if (silent.length > 0) {
    lines.push('## Tests that failed or were skipped without a row', '', '| test | result |', '|---|---|');
    for (const [name, r] of silent) lines.push(`| ${cell(name)} | ${r === 'FAILED' ? '**FAILED**' : r} |`);
    lines.push('');
  }
  lines.push(
    '## How to read the fault rows',
    '',
    '- "before" and "after" compare a digest of every row of every table in the `public` and',
    '  `didsync` schemas but `didsync.runs` (ids of rate rows, creation and update times left out)',
    '  with the states before and after the change: any other state would be a mix.',
    '- Kill moments are drawn over the measured write phase of each apply (on PostgreSQL from the',
    '  moment its backend holds a transaction id to its COMMIT, plus one kill after COMMIT; on PGlite',
    '  from the printed plan to the exit), not over its start-up and planning.',
    '- A run record is opened only once the apply holds the lock, and its outcome is written inside',
    '  the apply transaction: after any crash it says `applied` exactly when the change committed.',
    "  A killed apply's record stays `running` until the next apply takes the lock and closes it as",
    '  `error` with the message `interrupted: …; nothing of it was applied`.',
    '- A cut connection is the server terminating the backend (`pg_terminate_backend`), which is what',
    '  a restart or a failover does to a session. A restarted server is the real thing: a private server',
    '  made with initdb for the test, restarted with `pg_ctl restart -m fast` while the command waits on',
    '  a lock the test holds on the rates table (so the restart lands inside its work, not after it).',
    '',
    '## Not covered here',
    '',
    '- The rest of the daemon (following git, drift, schedules, watch mode): the other tests in `test/daemon/`.',
    '- The exact GRANTs of the least-privilege database roles: the README, section "Database roles".',
    '  `test/export/database-roles.test.ts` grants them from there; what each role could and could not do',
    '  is in the Exposure rows above.',
    '',
  );
  return lines.join('\n');
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const outFile = args.includes('--out') ? args[args.indexOf('--out') + 1] : join(ROOT, 'RELIABILITY.md');
  const url = process.env.DIDSYNC_TEST_DATABASE_URL || undefined;
  if (!url && !args.includes('--embedded-only')) {
    process.stderr.write('reliability-report: set DIDSYNC_TEST_DATABASE_URL to run the PostgreSQL tests, or pass --embedded-only\n');
    return 1;
  }
  const dir = await mkdtemp(join(tmpdir(), 'didsync-reliability-'));
  try {
    // The report's own test checks the file this run is about to rewrite: it runs with the other suites.
    const files = [...(await testFiles(join(ROOT, 'test', 'hardening'))).filter((f) => !f.endsWith(REPORT_TEST)), ...LISTED_TESTS];
    const run = await runTests(files, dir);
    const tests = results(run.tap);
    const failed = [...tests].filter(([, r]) => r === 'FAILED').map(([name]) => name);
    for (const block of failureBlocks(run.tap)) process.stderr.write(`${block}\n`);
    const list = await records(dir);
    const unreported = list.filter((r) => !tests.has(r.test)).map((r) => r.test);
    const report = render(list, { postgres: await postgresVersion(url), seconds: run.seconds, tests });
    await writeFile(outFile, report);
    process.stderr.write(`reliability-report: ${list.length} rows written to ${relative(process.cwd(), outFile) || outFile}`
      + `${failed.length ? `; ${failed.length} test(s) failed` : ''}${unreported.length ? `; rows name tests that did not report: ${unreported.join('; ')}` : ''}\n`);
    return failed.length > 0 || unreported.length > 0 || run.code !== 0 ? 1 : 0;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Run as a script; imported (by the report's own test) it only provides the functions.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main().then((code) => { process.exitCode = code; }, (e: unknown) => {
    process.stderr.write(`reliability-report: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
