// What the hardening tests tried and what came out, for RELIABILITY.md.
// Each test records its fault or input classes here; when
// DIDSYNC_RELIABILITY_OUT names a folder (scripts/reliability-report.ts sets
// it) the records are appended there as JSON lines, otherwise they are
// dropped. A record never decides a test: the assertions do, and the report
// marks each row with its test's result from the runner's TAP output. Record
// in a `finally` where a failing test should still show its row (as
// FAILED); a test that fails before recording is listed by the report as
// failed without a row. `test` must be the test's full name as the runner
// reports it (with the ` [postgres]` or ` [pglite]` of a databaseTest).

import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ReliabilityRecord {
  /** The table the row belongs to: 'Faults', 'Concurrency', 'Hostile input', 'Random input', 'Secrets', 'Exposure'. */
  area: string;
  /** The fault or input class, e.g. 'SIGKILL during apply'. */
  fault: string;
  /** 'postgres', 'pglite' or '-' when no database is involved. */
  database: string;
  cases: number;
  /** What every case showed, in numbers where there are some. */
  outcome: string;
  /** The test that asserted it (the report marks its result). */
  test: string;
  seconds?: number;
}

export function recordResult(record: ReliabilityRecord): void {
  const dir = process.env.DIDSYNC_RELIABILITY_OUT;
  if (!dir) return;
  appendFileSync(join(dir, `records-${process.pid}.jsonl`), `${JSON.stringify(record)}\n`);
}
