// The CI recipes in examples/ci: GitHub Actions and GitLab CI run validate
// on every change request, post the plan (markdown, read-only role) as one
// comment that later pushes update, and apply the main branch. The embedded
// scripts at least compile.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const CI = fileURLToPath(new URL('../../examples/ci/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'didsync-ci-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

interface Step { name?: string; uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string> }
interface GithubJob { if?: string; needs?: string | string[]; permissions?: Record<string, string>; steps: Step[]; concurrency?: unknown }

describe('GitHub Actions recipe', () => {
  const workflow = parse(readFileSync(join(CI, 'github', 'didsync.yml'), 'utf8')) as {
    on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, GithubJob>;
  };
  const runs = (job: GithubJob) => job.steps.map((s) => s.run ?? '').join('\n');

  test('runs on pull requests and on pushes to main, read-only by default', () => {
    assert.ok('pull_request' in workflow.on);
    assert.deepEqual((workflow.on.push as { branches: string[] }).branches, ['main']);
    assert.deepEqual(workflow.permissions, { contents: 'read' });
  });

  test('validate annotates with --format github', () => {
    assert.match(runs(workflow.jobs.validate), /didsync validate .*--format github/);
  });

  test('plan uses the read-only database secret, markdown, and one comment found by a marker', () => {
    const plan = workflow.jobs.plan;
    assert.equal(plan.needs, 'validate');
    assert.equal(plan.permissions?.['pull-requests'], 'write');
    const step = plan.steps.find((s) => /didsync plan/.test(s.run ?? ''))!;
    assert.match(step.run!, /--format markdown/);
    assert.equal(step.env?.DATABASE_URL, '${{ secrets.DIDSYNC_PLAN_DATABASE_URL }}');
    const comment = plan.steps.find((s) => s.uses?.startsWith('actions/github-script@'))!;
    const script = comment.with!.script;
    assert.match(script, /<!-- didsync-plan -->/);
    assert.match(script, /updateComment/);
    assert.match(script, /createComment/);
    // github-script runs the script as the body of an async function
    const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => unknown;
    assert.doesNotThrow(() => new AsyncFunction('require', 'github', 'context', script));
  });

  test('apply on main uses --yes, the apply secret, and never runs twice at once', () => {
    const apply = workflow.jobs.apply;
    assert.match(apply.if!, /refs\/heads\/main/);
    assert.match(runs(apply), /didsync apply .*--yes/);
    assert.deepEqual(apply.concurrency, { group: 'didsync-apply', 'cancel-in-progress': false });
    assert.ok(apply.steps.some((s) => s.env?.DATABASE_URL === '${{ secrets.DIDSYNC_APPLY_DATABASE_URL }}'));
  });
});

describe('GitLab CI recipe', () => {
  const pipeline = parse(readFileSync(join(CI, 'gitlab', '.gitlab-ci.yml'), 'utf8')) as Record<string, {
    script?: string[]; variables?: Record<string, string>; rules?: { if?: string }[]; resource_group?: string; artifacts?: unknown;
  }>;

  test('validate, plan on merge requests, apply on the default branch', () => {
    assert.match(pipeline.validate.script!.join('\n'), /didsync validate .*--format gitlab > gl-code-quality-report\.json/);
    assert.deepEqual(pipeline.validate.artifacts, { when: 'always', reports: { codequality: 'gl-code-quality-report.json' } });
    assert.match(pipeline.plan.rules![0].if!, /merge_request_event/);
    assert.match(pipeline.plan.script!.join('\n'), /didsync plan .*--format markdown/);
    assert.equal(pipeline.plan.variables!.DATABASE_URL, '$DIDSYNC_PLAN_DATABASE_URL');
    assert.match(pipeline.apply.rules![0].if!, /CI_DEFAULT_BRANCH/);
    assert.match(pipeline.apply.script!.join('\n'), /didsync apply .*--yes/);
    assert.equal(pipeline.apply.resource_group, 'didsync-apply');
  });

  test('the note script updates the note with the marker in place, and compiles', () => {
    const script = pipeline.plan.script!.join('\n');
    const body = /<<'EOF'\n([\s\S]*?)\nEOF\n/.exec(script)?.[1];
    assert.ok(body, 'the note script is a quoted here-document');
    assert.match(body, /<!-- didsync-plan -->/);
    assert.match(body, /method: 'PUT'/);
    const file = join(scratch, 'post-plan-note.mjs');
    writeFileSync(file, body);
    const check = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
  });
});
