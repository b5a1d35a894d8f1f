// `apply --plan FILE` applies exactly what was reviewed, and nothing a
// plan file could be made to say gets past the checks of a fresh apply: a
// file changed after it was saved, a malformed file, a guard that holds on
// the day of the apply but did not on the day of the plan. Refusals are
// recorded as runs.

import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { addDays } from '../../src/reconcile/rates-diff.js';
import { planFileText } from '../../src/reconcile/plan-file.js';
import { today } from '../../src/cli/session.js';
import { databaseTest, inspectTarget } from '../support/databases.js';
import { MINIMAL, applyConfig, planConfig, scalar, updateConfig, writeConfig } from '../support/config.js';
import { isOneLineError, runCli } from '../hardening/support/cli.js';

const temps: string[] = [];
after(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true });
});

async function tempFile(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'didsync-saved-'));
  temps.push(dir);
  return join(dir, name);
}

const DECK = 'rates/uk-wholesale.csv';

function withoutFields(text: string): string {
  const plan = JSON.parse(text) as { changes: Array<{ fields?: unknown }> };
  delete plan.changes[0].fields;
  return JSON.stringify(plan);
}

databaseTest('a saved plan is judged on the day it is applied: an increase that gave notice then but not now is refused', async (db, target) => {
  const root = await writeConfig(MINIMAL);
  await applyConfig(db, root, { today: today() });
  const soon = addDays(today(), 3);
  await updateConfig(root, { [DECK]: MINIMAL[DECK].replace('447,UK Mobile,0.0300,0.01,', `447,UK Mobile,0.0300,0.01,\n447,UK Mobile,0.0450,0.01,${soon}`) });
  // Made ten days ago, the increase three days from now was 13 days ahead: no guard then.
  const plan = await planConfig(db, root, { today: addDays(today(), -10) });
  assert.deepEqual(plan.guards, []);
  const file = await tempFile('plan.json');
  await writeFile(file, planFileText(plan));
  await db.close();

  const refused = await runCli(['apply', '--plan', file, '--db', target.url, '--yes']);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /refused by safety guards \(use --force to override\):\n {2}- 1 price increase\(s\) take effect less than 7 days ahead \(first: plan 'UK Wholesale' prefix 447 rate 0\.03 -> 0\.045 effective \d{4}-\d\d-\d\d\)/);
  const forced = await runCli(['apply', '--plan', file, '--db', target.url, '--yes', '--force']);
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(forced.stdout, /Applied: 1 object change\(s\)/);
}, { init: true });

databaseTest('a plan file changed after it was saved, or not a plan at all, is refused in one line and recorded', async (db, target) => {
  const root = await writeConfig(MINIMAL);
  const file = await tempFile('plan.json');
  await writeFile(file, planFileText(await planConfig(db, root)));
  const text = await readFile(file, 'utf8');
  await db.close();
  const cases: Array<[string, string, RegExp]> = [
    ['edited', text.replace('"capacityLimit":120', '"capacityLimit":999'), /was changed after `didsync plan --out` saved it/],
    ['not JSON', '{"formatVersion": 1,', /cannot read plan .*: /],
    ['no changes list', JSON.stringify({ formatVersion: 1, changes: [], database: { digests: {} } }), /is not a didsync plan of format version 1 .*: the plan must have required property/],
    ['a change without fields', withoutFields(text), /is not a didsync plan of format version 1 .*\/changes\/0 must have required property 'fields'/],
    ['another format', text.replace('"formatVersion":1', '"formatVersion":2'), /is not a didsync plan of format version 1 .*\/formatVersion must be equal to constant/],
  ];
  for (const [name, body, message] of cases) {
    const bad = await tempFile(`${name.replace(/ /g, '-')}.json`);
    await writeFile(bad, body);
    const r = await runCli(['apply', '--plan', bad, '--db', target.url, '--yes']);
    assert.equal(r.code, 1, name);
    assert.ok(isOneLineError(r.stderr), `${name}: ${r.stderr}`);
    assert.match(r.stderr, message, name);
  }
  await inspectTarget(target, async (check) => {
    assert.equal(await scalar(check, "SELECT count(*)::int FROM didsync.runs WHERE status = 'refused'"), cases.length);
    assert.equal(await scalar(check, 'SELECT count(*)::int FROM carriers'), 0);
  });
}, { init: true });

databaseTest('apply refuses -C with --plan, and --prune with a saved plan', async (db, target) => {
  const root = await writeConfig(MINIMAL);
  const file = await tempFile('plan.json');
  await writeFile(file, planFileText(await planConfig(db, root)));
  await db.close();
  const both = await runCli(['apply', '-C', root, '--plan', file, '--db', target.url, '--yes']);
  assert.equal(both.code, 1);
  assert.match(both.stderr, /^didsync: apply takes either -C DIR or --plan FILE, not both/);
  const pruned = await runCli(['apply', '--plan', file, '--db', target.url, '--yes', '--no-prune']);
  assert.equal(pruned.code, 1);
  assert.match(pruned.stderr, /--prune and --no-prune do not apply to a saved plan/);
}, { init: true });

databaseTest('--no-prune overrides prune: true in Settings', async (db, target) => {
  const globex = 'kind: Carrier\ncode: GLOBEX\nname: Globex\npartnerType: supplier\nprimaryCurrency: EUR\n';
  const root = await writeConfig({ ...MINIMAL, 'globex.yaml': globex });
  await applyConfig(db, root);
  await db.close();
  await updateConfig(root, { 'globex.yaml': null, 'settings.yaml': 'kind: Settings\nprune: true\n' });
  const kept = await runCli(['plan', '-C', root, '--db', target.url, '--no-prune']);
  assert.equal(kept.code, 0, kept.stderr);
  assert.doesNotMatch(kept.stdout, /- Carrier GLOBEX/);
  const pruned = await runCli(['plan', '-C', root, '--db', target.url]);
  assert.match(pruned.stdout, /- Carrier GLOBEX/);
}, { init: true });

databaseTest('an apply of an invalid config is refused and recorded as a run', async (db, target) => {
  const root = await writeConfig({ ...MINIMAL, 'config.yaml': MINIMAL['config.yaml'].replace('capacityLimit: 120', 'capacityLimit: -5') });
  await db.close();
  const r = await runCli(['apply', '-C', root, '--db', target.url, '--yes']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /is invalid \(1 problem\(s\)\); nothing was planned/);
  assert.equal(await inspectTarget(target, (check) => scalar(check, 'SELECT status FROM didsync.runs ORDER BY id DESC LIMIT 1')), 'refused');
}, { init: true });
