// Steps measured more than once: the runner runs each as often as it asks,
// stops at a run that fails, and reports the median run with the highest
// peak memory and every run's seconds.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stepResults, type Ran } from '../../bench/report.js';
import { combineRuns, runSection, type BenchContext, type Step, type StepOutcome } from '../../bench/steps.js';

const CTX: BenchContext = {
  dir: 'config', repoRoot: 'repo', scratch: 'scratch',
  options: { carriers: 1, interconnectsPerCarrier: 1, servicesPerCarrier: 1, ratingPlans: 1, rates: 1, seed: 1 },
};

test('a step is run as often as it asks, with its attempt number, and reported by its median run', async () => {
  const attempts: number[] = [];
  const seconds = [1.3, 0.9, 1.0];
  const step: Step = {
    name: 'apply, one carrier line', runs: 3, target: { seconds: 1.05 },
    run: async (_ctx, attempt = 0) => {
      attempts.push(attempt);
      return { status: 'ok', seconds: seconds[attempt], cpuSeconds: seconds[attempt] / 2, peakMB: 100 + attempt, note: `run ${attempt}` };
    },
  };
  const ran: Ran[] = [];
  await runSection({ title: 'PostgreSQL', ctx: CTX, steps: [step] }, ran, () => undefined);
  assert.deepEqual(attempts, [0, 1, 2]);
  const [result] = stepResults(ran);
  assert.equal(result.seconds, 1.0, 'the median, not the mean (1.07) nor the first run');
  assert.equal(result.cpuSeconds, 0.5, "the median run's CPU time");
  assert.equal(result.peakMB, 102, 'the highest peak of all runs: memory bounds hold in every run');
  assert.deepEqual(result.runs, [1.3, 0.9, 1.0]);
  assert.equal(result.note, 'run 2 (median of 3 runs: 1.30, 0.90, 1.00 s)');
  assert.equal(result.pass, true);
});

test('a run that fails ends the runs and fails the step, naming the run', async () => {
  let calls = 0;
  const step: Step = {
    name: 'validate', runs: 3, target: { seconds: 2 },
    run: async (_ctx, attempt = 0) => {
      calls++;
      if (attempt === 1) throw new Error('exit code 1');
      return { status: 'ok', seconds: 0.5 };
    },
  };
  const ran: Ran[] = [];
  await runSection({ title: 'Config', ctx: CTX, steps: [step] }, ran, () => undefined);
  assert.equal(calls, 2);
  const [result] = stepResults(ran);
  assert.equal(result.status, 'failed');
  assert.equal(result.pass, false);
  assert.match(result.note ?? '', /^run 2 of 2: exit code 1/);
});

test('one run is reported as it is; a run without a peak leaves the peak unknown', () => {
  const one: StepOutcome = { status: 'ok', seconds: 2, peakMB: 50, note: 'n' };
  assert.equal(combineRuns([one]), one);
  const outcome = combineRuns([{ status: 'ok', seconds: 1, peakMB: 90 }, { status: 'ok', seconds: 2 }, { status: 'ok', seconds: 3, peakMB: 80 }]);
  assert.equal(outcome.seconds, 2);
  assert.equal(outcome.peakMB, undefined, 'not the highest of the peaks that were read: the unread one may be higher');
  assert.equal(outcome.note, 'median of 3 runs: 1.00, 2.00, 3.00 s');
});
