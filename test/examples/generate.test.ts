// The benchmark generator: same options, same bytes; the sizes asked for;
// a config that obeys the rules validate enforces (unique transport
// addresses, services on interconnects that carry their direction, unique
// rate identities), so a benchmark never measures an error path.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { generateConfig, type GenerateOptions } from '../../bench/generate.js';
import { byKind, listFiles, readDocs, readRates } from './config-files.js';

const SMALL: GenerateOptions = { carriers: 7, interconnectsPerCarrier: 3, servicesPerCarrier: 4, ratingPlans: 4, rates: 2503, seed: 42 };
const scratch = mkdtempSync(join(tmpdir(), 'didsync-gen-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

let n = 0;
async function generate(opts: GenerateOptions): Promise<{ dir: string; files: number; bytes: number }> {
  const dir = join(scratch, String(n++));
  return { dir, ...(await generateConfig(dir, opts)) };
}

function snapshot(dir: string): Map<string, string> {
  return new Map(listFiles(dir, /./).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

describe('generateConfig', () => {
  test('two runs with the same options are byte-identical; another seed differs', async () => {
    const a = await generate(SMALL);
    const b = await generate(SMALL);
    assert.deepEqual(snapshot(b.dir), snapshot(a.dir));
    assert.equal(b.bytes, a.bytes);
    const c = await generate({ ...SMALL, seed: 43 });
    assert.notDeepEqual(snapshot(c.dir), snapshot(a.dir));
  });

  test('writes the requested numbers of each kind and of rates', async () => {
    const g = await generate(SMALL);
    const docs = readDocs(g.dir);
    assert.equal(byKind(docs, 'Carrier').length, 7);
    assert.equal(byKind(docs, 'Interconnect').length, 21);
    assert.equal(byKind(docs, 'Service').length, 28);
    assert.equal(byKind(docs, 'RatingPlan').length, 4);
    assert.equal(byKind(docs, 'Settings').length, 1);
    assert.ok(byKind(docs, 'CustomerCategory').length > 0 && byKind(docs, 'CustomerGroup').length > 0);
    const decks = listFiles(g.dir, /\.csv$/);
    assert.equal(decks.length, 4);
    const sizes = decks.map((f) => readRates(join(g.dir, f)).rows.length);
    assert.equal(sizes.reduce((s, x) => s + x, 0), 2503);
    assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `rates spread evenly: ${sizes.join(', ')}`);
    const all = listFiles(g.dir, /./);
    assert.equal(g.files, all.length);
    assert.equal(g.bytes, all.reduce((s, f) => s + readFileSync(join(g.dir, f)).length, 0));
  });

  test('the config keeps the rules: unique transports, compatible services, unique rate identities', async () => {
    const g = await generate({ ...SMALL, rates: 12_000, ratingPlans: 3 });
    const docs = readDocs(g.dir);
    const transports = byKind(docs, 'Interconnect').flatMap((ic) =>
      (ic.ipAddresses as { ipAddress: string; addressType: string }[]).filter((a) => a.addressType === 'transport').map((a) => a.ipAddress));
    assert.equal(new Set(transports).size, transports.length);
    const interconnects = new Map(byKind(docs, 'Interconnect').map((ic) => [`${ic.carrier}/${ic.name}`, ic]));
    const plans = new Set(byKind(docs, 'RatingPlan').map((p) => p.name));
    const directions = new Set<unknown>();
    for (const s of byKind(docs, 'Service')) {
      const ic = interconnects.get(`${s.carrier}/${s.interconnect}`);
      assert.ok(ic, `service ${s.carrier}/${s.name} names an interconnect of its carrier`);
      assert.ok([s.direction, 'both'].includes(ic.direction as string), `${s.carrier}/${s.name} ${s.direction} on ${ic.direction}`);
      assert.ok(plans.has(s.ratingPlan), `rating plan ${s.ratingPlan} exists`);
      directions.add(s.direction);
    }
    assert.deepEqual([...directions].sort(), ['egress', 'ingress']);
    for (const f of listFiles(g.dir, /\.csv$/)) {
      const { rows } = readRates(join(g.dir, f));
      const keys = new Set(rows.map((r) => `${r.prefix}@${r.effectiveDate}`));
      assert.equal(keys.size, rows.length, `${f}: prefix + effectiveDate unique`);
      assert.ok(rows.every((r) => /^\d{1,16}$/.test(r.prefix)), `${f}: prefixes are 1-16 digits`);
      assert.ok(rows.some((r) => r.effectiveDate >= '2027-03-01'), `${f}: has announced increases`);
    }
  });

  test('refuses services without interconnects and rates without plans', async () => {
    await assert.rejects(generate({ ...SMALL, interconnectsPerCarrier: 0 }), RangeError);
    await assert.rejects(generate({ ...SMALL, ratingPlans: 0 }), RangeError);
    await assert.rejects(generate({ ...SMALL, carriers: -1 }), RangeError);
  });
});
