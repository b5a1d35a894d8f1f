// What CI reads from didsync comes through a pipe (`didsync plan --format
// json | jq`, a plan posted as a comment). Output larger than a pipe's
// buffer must arrive whole: the process must not exit before it is written.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { writeConfig } from '../support/config.js';
import { runCli } from './support/cli.js';
import { largeConfigs } from './support/large-config.js';
import { recordResult } from './support/results.js';

const NAME = 'megabytes of output through a pipe arrive whole (validate and plan, json)';
test(NAME, { timeout: 120_000 }, async () => {
  const documents = Array.from({ length: 3000 }, (_, i) => `kind: Nothing${i}\n`).join('---\n');
  const invalid = await writeConfig({ 'many.yaml': documents });
  const validate = await runCli(['validate', '-C', invalid, '--format', 'json']);
  assert.equal(validate.code, 1);
  assert.ok(validate.stdout.length > 256 * 1024, `${validate.stdout.length} bytes`);
  const report = JSON.parse(validate.stdout) as { valid: boolean; errors: unknown[] };
  assert.equal(report.errors.length, 3000);

  const { a } = await largeConfigs({ carriers: 40, interconnectsPerCarrier: 2, servicesPerCarrier: 2, ratingPlans: 4, rates: 4000 });
  const plan = await runCli(['plan', '-C', a, '--db', 'pglite:memory', '--format', 'json']);
  assert.equal(plan.code, 0, plan.stderr);
  assert.ok(plan.stdout.length > 256 * 1024, `${plan.stdout.length} bytes`);
  const parsed = JSON.parse(plan.stdout) as { changes: unknown[] };
  assert.equal(parsed.changes.length, 40 * 5 + 4 + 4);
  recordResult({
    area: 'Faults', fault: 'output larger than a pipe buffer', database: 'pglite', cases: 2,
    outcome: `validate --format json (${Math.round(validate.stdout.length / 1024)} KiB) and plan --format json (${Math.round(plan.stdout.length / 1024)} KiB) parsed whole`,
    test: NAME,
  });
});
