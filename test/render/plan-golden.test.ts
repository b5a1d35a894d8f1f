// Golden files for the human output of `didsync plan`: each folder under
// cases/ is either a config in `after/` planned against the state `before/`
// describes (applied and unchanged since; no `before/` is an empty
// database), or a saved plan in `plan.json`. Its expected.txt (text, no
// colour; the coloured rendering must equal it once the escapes are
// stripped) and expected.md (markdown) are reviewed like code;
// UPDATE_GOLDEN=1 rewrites them. An optional `options.json` holds
// { prune, today, maxLength }.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { desiredOf } from '../support/config.js';
import { desiredModel, type DesiredModel } from '../../src/reconcile/desired.js';
import { diff } from '../../src/reconcile/diff.js';
import { checkGuards } from '../../src/reconcile/guards.js';
import { settingsOf } from '../../src/reconcile/engine.js';
import { buildPlan, type Plan } from '../../src/reconcile/plan.js';
import type { AppliedObject, LiveObject, LiveState, AppliedState } from '../../src/reconcile/state.js';
import { renderPlanText } from '../../src/render/plan-text.js';
import { MAX_MARKDOWN, renderPlanMarkdown } from '../../src/render/plan-markdown.js';

const CASES = fileURLToPath(new URL('./cases/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const names = readdirSync(CASES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

interface CaseOptions { prune?: boolean; today?: string; maxLength?: number }

for (const name of names) {
  test(`plan golden: ${name}`, async () => {
    const dir = join(CASES, name);
    const options = readJson<CaseOptions>(join(dir, 'options.json')) ?? {};
    const plan = readJson<Plan>(join(dir, 'plan.json')) ?? (await planCase(dir, options));
    const text = renderPlanText(plan, { colour: false });
    const markdown = renderPlanMarkdown(plan, options.maxLength ? { maxLength: options.maxLength } : {});
    if (UPDATE) {
      writeFileSync(join(dir, 'expected.txt'), text);
      writeFileSync(join(dir, 'expected.md'), markdown);
    }
    assert.equal(text, expected(dir, 'expected.txt'), `${name}/expected.txt differs`);
    assert.equal(markdown, expected(dir, 'expected.md'), `${name}/expected.md differs`);
    assert.ok(markdown.length <= (options.maxLength ?? MAX_MARKDOWN), `markdown is ${markdown.length} characters`);
    assertColoured(plan, text);
  });
}

const ANSI = /\u001b\[[0-9;]*m/g;
const SIGN_COLOUR: Record<string, string> = { '+': '\u001b[32m', '-': '\u001b[31m', '~': '\u001b[33m' };

/** On a terminal the plan is the golden text plus colour: the same characters once the escapes are stripped, each change in its sign's colour. */
function assertColoured(plan: Plan, text: string): void {
  const coloured = renderPlanText(plan, { colour: true });
  assert.equal(coloured.replace(ANSI, ''), text, 'the colour rendering is the golden text once escapes are stripped');
  const sections = plan.changes.length + plan.orphans.length + plan.drift.length + plan.conflicts.length + plan.guards.length;
  if (sections === 0) return;
  assert.match(coloured, ANSI, 'the colour rendering has ANSI escapes');
  const lines = coloured.split('\n');
  for (const change of plan.changes) {
    const header = lines.find((l) => l.replace(ANSI, '').match(/^ {2}[+~-] /) && l.replace(ANSI, '').endsWith(` ${change.kind} ${change.key}${change.action === 'adopt' ? ' (adopt: existing row, not yet managed)' : ''}`));
    assert.ok(header, `a header line for ${change.kind} ${change.key}`);
    const sign = header.replace(ANSI, '').trim()[0];
    assert.ok(header.startsWith(SIGN_COLOUR[sign]), `${change.kind} ${change.key} is in the colour of '${sign}': ${JSON.stringify(header.slice(0, 12))}`);
  }
}

/** Plan `after/` against `before/` as if it had been applied: every row managed, records equal, no drift. */
async function planCase(dir: string, options: CaseOptions): Promise<Plan> {
  const after = await desiredOf(join(dir, 'after'));
  const desired = desiredModel(after);
  const before = existsSync(join(dir, 'before')) ? desiredModel(await desiredOf(join(dir, 'before'))) : null;
  const { live, applied } = appliedState(before);
  const prune = options.prune ?? false;
  const result = diff(desired, live, applied, { prune });
  const { violations, increases } = checkGuards(result, desired, live, applied, settingsOf(after).guards, options.today ?? '2026-01-01');
  const plan = buildPlan({
    result, desired, live, guards: violations, prune, createdAt: '2026-01-01T00:00:00.000Z',
    commit: null, configDigest: 'golden', dbDescription: 'golden',
    settings: { guards: settingsOf(after).guards, lockTimeoutSeconds: 30 },
  });
  if (Object.keys(increases).length > 0) plan.rateIncreases = increases;
  return plan;
}

function appliedState(before: DesiredModel | null): { live: LiveState; applied: AppliedState } {
  const live: LiveState = { objects: new Map(), rates: new Map(before?.rates ?? []) };
  const applied: AppliedState = { objects: new Map(), rates: new Map(before?.rates ?? []) };
  let n = 0;
  for (const [id, o] of before?.objects ?? []) {
    const rowId = `row-${++n}`;
    const row: LiveObject = { ...o, rowId, shortCode: null, managed: true, runtime: {} };
    const record: AppliedObject = { kind: o.kind, key: o.key, rowId, fields: o.fields };
    live.objects.set(id, [row]);
    applied.objects.set(id, record);
  }
  return { live, applied };
}

function readJson<T>(path: string): T | null {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null;
}

function expected(dir: string, file: string): string {
  const path = join(dir, file);
  assert.ok(existsSync(path), `${path} is missing: run \`npm run golden:update\` and review the new file`);
  return readFileSync(path, 'utf8');
}
