// Regenerates RELIABILITY.md from a run of the hardening tests: runs every
// test under test/hardening/ and the daemon's fault, HTTP and log tests
// with the TAP reporter, collects the records the tests write (what they
// tried, how many cases, what came out; see
// test/hardening/support/results.ts) and writes one table per area, each
// row marked with its test's result. Exits 1 when a test failed (the report
// is written anyway, saying so).
//
//   DIDSYNC_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
//     npm run reliability -- [--out RELIABILITY.md] [--embedded-only]
//
// Without DIDSYNC_TEST_DATABASE_URL the PostgreSQL tests do not run; the
// script then refuses unless --embedded-only says that is intended.

import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import pg from 'pg';

interface ReliabilityRecord {
  area: string;
  fault: string;
  database: string;
  cases: number;
  outcome: string;
  test: string;
  seconds?: number;
}

const AREAS = ['Faults', 'Concurrency', 'Hostile input', 'Random input', 'Secrets', 'Exposure'];
/** The daemon's tests that also record (its connection faults, failover, HTTP surface, logs). */
const DAEMON_TESTS = ['daemon-ha', 'daemon-git', 'http-server', 'webhook'].map((name) => `test/daemon/${name}.test.ts`);
const ROOT = join(import.meta.dirname, '..');

async function testFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))
    .sort();
}

function runTests(files: string[], out: string): Promise<{ tap: string; code: number | null; seconds: number }> {
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

/** Test name -> passed, from TAP lines at any depth. */
function results(tap: string): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const line of tap.split('\n')) {
    const m = /^\s*(not )?ok \d+ - (.*?)(?: # (?:SKIP|TODO).*)?$/.exec(line);
    if (m) out.set(m[2].replace(/\\#/g, '#'), m[1] === undefined);
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

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function render(list: ReliabilityRecord[], passed: Map<string, boolean>, env: { postgres: string; seconds: number; failed: string[] }): string {
  const lines: string[] = [];
  const total = list.reduce((n, r) => n + r.cases, 0);
  lines.push(
    '# Reliability',
    '',
    'What the hardening tests (`test/hardening/`, and the daemon\'s in `test/daemon/`) tried against',
    'didsync and what came out: faults (processes killed, connections cut), concurrent writers, hostile',
    'and broken input, random input, secrets, and what the daemon exposes over HTTP. Every row is a class',
    'of fault or input; "cases" counts the individual kills, cuts, inputs or scans behind it; "result" is',
    'the test that asserts the outcome. The file is generated: do not edit it by hand.',
    '',
    '## Regenerate',
    '',
    '```sh',
    'DIDSYNC_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run reliability',
    '```',
    '',
    'It runs every test under `test/hardening/` and four of `test/daemon/` (about five minutes on two',
    'cores), collects what each recorded and rewrites this file. Without a PostgreSQL server it refuses,',
    'unless `--embedded-only` is given (the PostgreSQL rows are then missing).',
    '',
    `Last run: ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${env.postgres}, ${cpus().length} CPUs, `
      + `${Math.round(env.seconds)} s; ${list.length} fault and input classes, ${total} cases; `
      + (env.failed.length === 0 ? 'every test passed.' : `**${env.failed.length} test(s) FAILED**: ${env.failed.join('; ')}.`),
    '',
  );
  for (const area of [...AREAS, ...new Set(list.map((r) => r.area).filter((a) => !AREAS.includes(a)))]) {
    const rows = list.filter((r) => r.area === area);
    if (rows.length === 0) continue;
    lines.push(`## ${area}`, '', '| fault or input | database | cases | outcome | result |', '|---|---|---:|---|---|');
    for (const r of rows) {
      const ok = passed.get(r.test);
      const result = ok === undefined ? 'not reported' : ok ? 'passed' : '**FAILED**';
      lines.push(`| ${cell(r.fault)} | ${r.database} | ${r.cases} | ${cell(r.outcome)}${r.seconds !== undefined ? ` (${r.seconds} s)` : ''} | ${result} |`);
    }
    lines.push('');
  }
  lines.push(
    '## How to read the fault rows',
    '',
    '- "before" and "after" compare a digest of every row of every managed table and of',
    '  `didsync.managed` and `didsync.applied_rates` (ids of rate rows, creation and update times',
    '  left out) with the states before and after the change: any other state would be a mix.',
    '- A run record is opened only once the apply holds the lock, and its outcome is written inside',
    '  the apply transaction: after any crash it says `applied` exactly when the change committed.',
    "  A killed apply's record stays `running` until the next apply takes the lock and closes it as",
    '  `error` with the message `interrupted: …; nothing of it was applied`.',
    '- A cut connection is the server terminating the backend (`pg_terminate_backend`), which is what',
    '  a restart or a failover does to a session; the server itself is not restarted by these tests.',
    '',
    '## Not covered here',
    '',
    '- The daemon (its loop under faults, webhooks and HTTP exposure, its logs): `test/daemon/`.',
    '- The least-privilege database role: `docs/database-roles.md`.',
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
    const files = [...await testFiles(join(ROOT, 'test', 'hardening')), ...DAEMON_TESTS];
    const run = await runTests(files, dir);
    const passed = results(run.tap);
    const failed = [...passed].filter(([, ok]) => !ok).map(([name]) => name);
    for (const block of failureBlocks(run.tap)) process.stderr.write(`${block}\n`);
    const list = await records(dir);
    const report = render(list, passed, { postgres: await postgresVersion(url), seconds: run.seconds, failed });
    await writeFile(outFile, report);
    process.stderr.write(`reliability-report: ${list.length} rows written to ${relative(process.cwd(), outFile) || outFile}${failed.length ? `; ${failed.length} test(s) failed` : ''}\n`);
    return failed.length > 0 || run.code !== 0 ? 1 : 0;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().then((code) => { process.exitCode = code; }, (e: unknown) => {
  process.stderr.write(`reliability-report: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
