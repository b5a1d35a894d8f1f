// The example config repository: every file parses and names its schema,
// the content covers what later features apply (every partner type, address
// ranges, all interconnect settings, both service directions, CSV and inline
// rates with dated rows), and the decks are exactly the generator's output.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { KINDS } from '../../src/model/kinds.js';
import { buildDeck, EXAMPLE_DECKS, RATES_HEADER } from '../../scripts/gen-examples.js';
import { byKind, listFiles, readDocs, readRates } from './config-files.js';

const ROOT = fileURLToPath(new URL('../../examples/', import.meta.url));
const docs = readDocs(ROOT);
const SCHEMA_LINE = /^# yaml-language-server: \$schema=(\S+)\n/;

describe('examples', () => {
  test('every YAML file starts with the schema of its first kind, relative to the file', () => {
    const files = listFiles(ROOT, /\.ya?ml$/);
    assert.ok(files.length >= 10);
    for (const file of files) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const schema = SCHEMA_LINE.exec(text)?.[1];
      assert.ok(schema, `${file} starts with the yaml-language-server line`);
      const first = docs.find((d) => d.file === file);
      const spec = KINDS.find((k) => k.kind === first?.kind);
      assert.ok(spec, `${file}: first document has a known kind`);
      // examples/ sits beside schemas/ in the repository
      assert.equal(posix.join('examples', posix.dirname(file), schema), `schemas/${spec.schema}`, file);
    }
  });

  test('no document carries a runtime-owned field', () => {
    for (const d of docs) {
      const spec = KINDS.find((k) => k.kind === d.kind);
      assert.ok(spec, `${d.file}: kind ${d.kind}`);
      for (const field of [...spec.runtimeOwned, 'shortCode']) assert.ok(!(field in d.data), `${d.file}: ${d.kind} has ${field}`);
    }
  });

  test('carriers cover every partner type with contacts, credit alerts and an assignment', () => {
    const carriers = byKind(docs, 'Carrier');
    assert.ok(carriers.length >= 6);
    assert.deepEqual(new Set(carriers.map((c) => c.partnerType)), new Set(['customer', 'supplier', 'bilateral']));
    for (const c of carriers) {
      assert.ok((c.contacts as unknown[]).length > 0 && (c.creditAlerts as unknown[]).length > 0, String(c.code));
      assert.ok(c.assignment, `${c.code} has an assignment`);
    }
  });

  test('interconnects have transport and media addresses, all settings and the codecs', () => {
    const interconnects = byKind(docs, 'Interconnect');
    assert.ok(interconnects.length >= 8);
    for (const ic of interconnects) {
      const at = `${ic.carrier}/${ic.name}`;
      const types = new Set((ic.ipAddresses as { addressType: string }[]).map((a) => a.addressType));
      assert.deepEqual(types, new Set(['transport', 'media']), at);
      for (const part of ['validation', 'translation', 'media', 'signalling']) assert.equal(typeof ic[part], 'object', `${at}.${part}`);
      const codecs = (ic.codecs as { codecName: string; ptime: number }[]);
      assert.deepEqual(new Set(codecs.map((c) => c.codecName)), new Set(['PCMA', 'PCMU', 'G729', 'G722', 'OPUS']), at);
      assert.ok(codecs.every((c) => Number.isInteger(c.ptime)), `${at}: every codec has a ptime`);
    }
    const ranges = interconnects.flatMap((ic) => (ic.ipAddresses as { isRange?: boolean; rangeEnd?: string }[]))
      .filter((a) => a.isRange === true && typeof a.rangeEnd === 'string');
    assert.ok(ranges.length > 0, 'some address is a range');
  });

  test('services run both ways, each on an interconnect of its carrier that carries its direction', () => {
    const interconnects = new Map(byKind(docs, 'Interconnect').map((ic) => [`${ic.carrier}/${ic.name}`, ic]));
    const plans = new Set(byKind(docs, 'RatingPlan').map((p) => p.name));
    const services = byKind(docs, 'Service');
    assert.deepEqual(new Set(services.map((s) => s.direction)), new Set(['ingress', 'egress']));
    for (const s of services) {
      const ic = interconnects.get(`${s.carrier}/${s.interconnect}`);
      assert.ok(ic, `${s.carrier}/${s.name}: interconnect ${s.interconnect}`);
      assert.ok([s.direction, 'both'].includes(ic.direction as string), `${s.carrier}/${s.name}`);
      assert.ok(plans.has(s.ratingPlan), `${s.carrier}/${s.name}: plan ${s.ratingPlan}`);
    }
  });

  test('rating plans: at least three CSV decks of thousands of rates and one inline plan', () => {
    const plans = byKind(docs, 'RatingPlan');
    const withFile = plans.filter((p) => typeof p.ratesFile === 'string');
    assert.ok(withFile.length >= 3);
    assert.ok(plans.some((p) => Array.isArray(p.rates) && (p.rates as { prefix: unknown }[]).every((r) => typeof r.prefix === 'string')));
    for (const p of withFile) {
      const { header, rows } = readRates(join(ROOT, 'rating-plans', String(p.ratesFile)));
      assert.equal(header, RATES_HEADER);
      assert.ok(rows.length >= 2000, `${p.name}: ${rows.length} rates`);
      assert.equal(new Set(rows.map((r) => `${r.prefix}@${r.effectiveDate}`)).size, rows.length, `${p.name}: unique identities`);
      assert.ok(rows.some((r) => r.effectiveDate >= '2027-03-01'), `${p.name}: announced increases`);
      assert.ok(rows.some((r) => r.endDate !== ''), `${p.name}: rates with an end date`);
    }
  });

  test('the committed decks are exactly what scripts/gen-examples.ts writes', () => {
    for (const profile of EXAMPLE_DECKS) {
      const committed = readFileSync(join(ROOT, 'rating-plans', 'rates', `${profile.slug}.csv`), 'utf8');
      assert.ok(committed === buildDeck(profile), `${profile.slug}.csv differs: run npx tsx scripts/gen-examples.ts`);
    }
  });

  test('the CI recipes are kept out of the config by .didsyncignore', () => {
    const ignore = readFileSync(join(ROOT, '.didsyncignore'), 'utf8').split('\n').map((l) => l.trim());
    assert.ok(ignore.includes('ci/'));
    assert.ok(docs.every((d) => !d.file.startsWith('ci/')));
  });
});
