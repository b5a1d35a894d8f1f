// The benchmark's verdicts: ratios to baselines measured later in the run,
// pass/fail against targets (a failed step fails, an unmeasured bound is no
// verdict), and the README region that carries the table.

import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { markdownResults, writeIntoReadme } from '../../bench/readme.js';
import { formatTable, resultsJson, stepResults, targetText, type Ran } from '../../bench/report.js';
import type { Step, StepOutcome } from '../../bench/steps.js';

function ran(name: string, outcome: StepOutcome, extra: Partial<Step> = {}, section = 'PostgreSQL'): Ran {
  return { section, step: { name, run: async () => outcome, ...extra }, outcome };
}

const COPY = 'baseline: \\copy in, same rows (psql)';

test('a ratio is taken against its baseline wherever the baseline ran, and judged against the target', () => {
  const results = stepResults([
    ran('first apply', { status: 'ok', seconds: 6, peakMB: 400 }, { baseline: COPY, target: { ratio: 1.5, peakMB: 512 } }),
    ran('apply, 1% of rates', { status: 'ok', seconds: 1.2, peakMB: 300 }, { baseline: COPY, target: { ratio: 0.3, peakMB: 512 } }),
    ran(COPY, { status: 'ok', seconds: 4 }),
  ]);
  assert.equal(results[0].ratio, 1.5);
  assert.equal(results[0].pass, true, 'a ratio equal to its bound passes');
  assert.equal(results[1].ratio, 0.3);
  assert.equal(results[1].pass, true);
  assert.equal(results[2].pass, null, 'a baseline has no target');

  const over = stepResults([
    ran('first apply', { status: 'ok', seconds: 6.01, peakMB: 400 }, { baseline: COPY, target: { ratio: 1.5 } }),
    ran(COPY, { status: 'ok', seconds: 4 }),
  ]);
  assert.equal(over[0].pass, false);
});

test('memory and seconds are strict bounds; a failed step fails, a step not available gives no verdict', () => {
  const [atMemory, atSeconds, failed, unavailable, unmeasured] = stepResults([
    ran('a', { status: 'ok', seconds: 0.5, peakMB: 512 }, { target: { peakMB: 512 } }),
    ran('b', { status: 'ok', seconds: 1, peakMB: 90 }, { target: { seconds: 1 } }),
    ran('c', { status: 'failed', note: 'exit 1' }, { target: { seconds: 1 } }),
    ran('d', { status: 'not available', note: 'no psql' }, { target: { seconds: 1 } }),
    ran('e', { status: 'ok', seconds: 0.5 }, { target: { seconds: 1, peakMB: 512 } }),
  ]);
  assert.equal(atMemory.pass, false);
  assert.equal(atSeconds.pass, false);
  assert.equal(failed.pass, false);
  assert.equal(unavailable.pass, null);
  assert.equal(unmeasured.pass, null, 'peak memory unknown: no verdict, though the time passes');
});

test('a baseline that did not run leaves the ratio unknown, and a ratio target unjudged', () => {
  const [step] = stepResults([
    ran('plan, no change', { status: 'ok', seconds: 0.5 }, { baseline: 'baseline: \\copy out of the rates (psql)', target: { ratio: 1 } }),
    ran('baseline: \\copy out of the rates (psql)', { status: 'not available', note: 'psql is not on PATH' }),
  ]);
  assert.equal(step.ratio, null);
  assert.equal(step.pass, null);
});

test('targets read as bounds against the baseline, named short', () => {
  assert.equal(targetText({ ratio: 1.5, peakMB: 512 }, COPY), '<= 1.5x \\copy in, < 512 MB');
  assert.equal(targetText({ seconds: 1 }, null), '< 1 s');
  assert.equal(targetText(null, COPY), '');
});

test('the table and the README region show each section once, with pipes and tags escaped in markdown', async () => {
  const results = stepResults([
    ran('validate', { status: 'ok', seconds: 1.81, cpuSeconds: 3.11, peakMB: 215 }, { target: { seconds: 2 } }, 'Config'),
    ran('first apply', { status: 'failed', note: 'a | b <script>' }, { target: { seconds: 1 } }),
  ]);
  const table = formatTable(results);
  assert.equal(table.split('\n').filter((l) => l.startsWith('== ')).length, 2);
  assert.match(table, /validate\s+1\.81\s+3\.11\s+215\s+< 2 s\s+pass/);
  assert.match(table, /first apply\s+-\s+-\s+-\s+< 1 s\s+FAIL\s+a \| b <script>/);

  const options = { carriers: 10, interconnectsPerCarrier: 2, servicesPerCarrier: 2, ratingPlans: 2, rates: 1000, seed: 1 };
  const md = markdownResults(resultsJson({ options, loadAverage: { start: 0.5, end: 1 } }, results));
  assert.match(md, /with a config of 10 carriers, 20 interconnects, 20 services, 2 rating plans, 1,000 rates/);
  assert.ok(md.includes('| a \\| b &lt;script> |'), md);
  assert.equal(md.split('\n').filter((l) => l.startsWith('**')).length, 2);

  const dir = await mkdtemp(join(tmpdir(), 'didsync-bench-readme-'));
  try {
    const readme = join(dir, 'README.md');
    await writeFile(readme, '# x\n\nbefore\n<!-- bench:start -->\nold table\n<!-- bench:end -->\nafter\n');
    assert.equal(await writeIntoReadme(readme, 'new table'), true);
    assert.equal(await readFile(readme, 'utf8'), '# x\n\nbefore\n<!-- bench:start -->\nnew table\n<!-- bench:end -->\nafter\n');
    await writeFile(readme, '# no markers\n');
    assert.equal(await writeIntoReadme(readme, 'new table'), false);
    assert.equal(await readFile(readme, 'utf8'), '# no markers\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
