// The file `plan --out` saves is written in parts, never as one text: the
// parts are exactly JSON.stringify's text, so a file is the same bytes, with
// the same checksum, as the plan stringified whole with its checksum last;
// files saved before, with the checksum first, read the same.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { jsonParts, planFileParts, planFileText, readPlanFile, writePlanFile } from '../../src/reconcile/plan-file.js';
import { UserError } from '../../src/report/errors.js';
import { databaseTest } from '../support/databases.js';
import { MINIMAL, planConfig, scalar, updateConfig, writeConfig } from '../support/config.js';
import { applyPlan } from '../../src/reconcile/engine.js';

/** Values as a plan holds them, and what JSON.stringify treats specially: undefined, functions, toJSON, null prototypes. */
const valueArb: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 1 }),
    fc.constantFrom(undefined, () => 1, new Date(0), { toJSON: () => ['own'] }, 'ünï\u2028"\\\ud800', -0, Number.NaN),
    fc.array(tie('value'), { maxLength: 4 }),
    tie('object'),
  ),
  object: fc.oneof(
    fc.dictionary(fc.string({ maxLength: 4 }), tie('value'), { maxKeys: 5 }),
    fc.dictionary(fc.constantFrom('1', '0', 'a', '__proto__', 'b'), tie('value'), { maxKeys: 4, noNullPrototype: false }),
    fc.dictionary(fc.string({ maxLength: 3 }), tie('value'), { maxKeys: 3 }).map((o) => Object.assign(Object.create(null) as object, o)),
  ),
})).value;

test('jsonParts joined is JSON.stringify, at every depth', () => {
  fc.assert(fc.property(valueArb, fc.integer({ min: 0, max: 6 }), (value, depth) => {
    if (value === undefined || typeof value === 'function') return;
    assert.equal([...jsonParts(value, depth)].join(''), JSON.stringify(value));
  }), { numRuns: 2_000 });
});

test('a big text in a plain object is one part of its own, not joined with the rest', () => {
  const big = 'x'.repeat(1_000_000);
  const parts = [...jsonParts({ source: { deckTexts: { a: big, b: 'small' } }, changes: [1, 2] })];
  assert.equal(Math.max(...parts.map((p) => p.length)), big.length + 2);
  assert.equal(parts.filter((p) => p.length > 1000).length, 1);
});

databaseTest('a saved plan is the bytes of the plan stringified whole, with the checksum of its body last, and reads back, as do plans saved with it first', async (db) => {
  const root = await writeConfig(MINIMAL);
  const plan = await planConfig(db, root);
  assert.ok(plan.source.deckTexts && Object.keys(plan.source.deckTexts).length > 0, 'the plan carries deck texts');
  const dir = await mkdtemp(join(tmpdir(), 'didsync-plan-file-'));
  try {
    const file = join(dir, 'plan.json');
    await writePlanFile(file, plan);
    const text = await readFile(file, 'utf8');
    assert.equal(text, planFileText(plan));
    assert.equal(text, [...planFileParts(plan)].join(''));
    // The plan stringified whole, its checksum (of the rest's text) last.
    const { rateReference: _r, ...body } = plan;
    const checksum = `sha256:${createHash('sha256').update(JSON.stringify(body)).digest('hex')}`;
    assert.equal(text, `${JSON.stringify({ ...body, checksum })}\n`);
    for (const saved of [text, `${JSON.stringify({ checksum, ...body })}\n`]) {
      // ... and as plan files were saved before, the checksum first: both read back.
      const back = readPlanFile(saved, file);
      assert.deepEqual(back.rateOps, JSON.parse(JSON.stringify(plan.rateOps)));
      assert.deepEqual(back.source.deckTexts, plan.source.deckTexts);
    }
    // One character of a deck's text changed is a file changed after it was saved.
    const [key, deck] = Object.entries(plan.source.deckTexts)[0];
    const edited = text.replace(JSON.stringify(deck), JSON.stringify(deck.replace('0.', '1.')));
    assert.notEqual(edited, text);
    assert.throws(() => readPlanFile(edited, file), /changed after .* saved it/, `deck ${key}`);
    // Where it cannot be written: a UserError naming the file, and nothing left there.
    const nowhere = join(dir, 'missing', 'plan.json');
    await assert.rejects(writePlanFile(nowhere, plan), (e: Error) => e instanceof UserError && e.message === `cannot write plan ${nowhere}: ENOENT`);
    await assert.rejects(writePlanFile(dir, plan), (e: Error) => e instanceof UserError && e.message.startsWith(`cannot write plan ${dir}: `));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, { init: true, only: 'pglite' });

// A rating plan's name keys the plan's records (rate operations, decks, increases): names that are
// also members of every object stay keys of their own, whether the plan is applied as made or saved.
for (const name of ['__proto__', 'constructor']) {
  for (const saved of [false, true]) {
    databaseTest(`a rating plan named ${name} is applied from a plan ${saved ? 'saved to a file' : 'as made'}`, async (db) => {
      const config = MINIMAL['config.yaml'].replaceAll('UK Wholesale', name);
      const root = await writeConfig({ ...MINIMAL, 'config.yaml': config });
      const applyOnce = async () => {
        const made = await planConfig(db, root);
        const plan = saved ? readPlanFile(planFileText(made), 'plan.json') : made;
        await applyPlan(db, plan, { force: false, lockTimeoutSeconds: 5, run: { trigger: 'cli', command: 'apply' } });
      };
      await applyOnce();
      assert.equal(await scalar(db, 'SELECT count(*)::int FROM customer_rating_plan_rates'), 3);
      await updateConfig(root, {
        'config.yaml': config.replace('timeZone: Europe/London', 'timeZone: UTC'),
        'rates/uk-wholesale.csv': MINIMAL['rates/uk-wholesale.csv'].replace('0.0300', '0.0200'),
      });
      await applyOnce();
      assert.equal(await scalar(db, 'SELECT time_zone FROM customer_rating_plans'), 'UTC');
      assert.equal(await scalar(db, "SELECT rate::text FROM customer_rating_plan_rates WHERE prefix = '447'"), '0.020000');
      assert.deepEqual((await planConfig(db, root)).changes, []);
    }, { init: true });
  }
}
