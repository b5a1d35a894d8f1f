// validateAgainstSchema on good and typical bad documents: good ones give no
// issue; each mistake gives exactly one issue, at the right pointer, in
// words an engineer can act on.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { KIND_NAMES } from '../../src/model/kinds.js';
import { validateAgainstSchema } from '../../src/model/schema-validator.js';
import { checkYaml, issuesOf } from './documents.js';

const EXAMPLE = readFileSync(new URL('./fixtures/contract-example.yaml', import.meta.url), 'utf8');

const CARRIER = 'kind: Carrier\ncode: ACME\nname: Acme Telecom Ltd\npartnerType: bilateral\nprimaryCurrency: USD\n';
const INTERCONNECT = 'kind: Interconnect\ncarrier: ACME\nname: lon-1\ndirection: both\n';
const PLAN = 'kind: RatingPlan\nname: UK Wholesale\ncurrency: GBP\n';

function single(text: string): { path: string; message: string; hint?: string; keyword: string } {
  const issues = issuesOf(text);
  assert.equal(issues.length, 1, `expected one issue, got ${JSON.stringify(issues, null, 1)}`);
  return issues[0];
}

test('the CONTRACT example and a minimal document of every kind pass', () => {
  const docs = checkYaml(EXAMPLE);
  assert.deepEqual(docs.map((d) => d.kind).sort(), [...KIND_NAMES].sort());
  for (const doc of docs) assert.deepEqual(doc.issues, [], `${doc.kind}: ${JSON.stringify(doc.issues)}`);
});

test('inline rates pass, decimals written as numbers or strings', () => {
  const issues = issuesOf(`${PLAN}minMargin: 0.0005\nrates:\n  - { prefix: "44", destination: United Kingdom, rate: 0.0123, connectionFee: "0.01", effectiveDate: 2025-01-01, endDate: 2025-12-31 }\n`);
  assert.deepEqual(issues, []);
});

test('unknown field: the pointer names the key, the hint the likely field', () => {
  const top = single(`${CARRIER}capacityLimt: 120\n`);
  assert.equal(top.path, '/capacityLimt');
  assert.equal(top.message, "unknown field 'capacityLimt'");
  assert.equal(top.hint, "did you mean 'capacityLimit'?");
  const nested = single(`${CARRIER}contacts:\n  - name: NOC\n    emial: noc@acme.example\n`);
  assert.equal(nested.path, '/contacts/0/emial');
  assert.equal(nested.hint, "did you mean 'email'?");
});

test('a bad enum lists the allowed values and suggests the close one', () => {
  const issue = single(CARRIER.replace('bilateral', 'bilaterl'));
  assert.equal(issue.path, '/partnerType');
  assert.match(issue.message, /must be one of: customer, supplier, bilateral/);
  assert.equal(issue.hint, "did you mean 'bilateral'?");
  assert.match(single(`${CARRIER}status: live\n`).message, /must be one of: active, paused, disabled, testing/);
});

test('a port out of range gives the range', () => {
  const issue = single(`${INTERCONNECT}sipPort: 70000\n`);
  assert.equal(issue.path, '/sipPort');
  assert.match(issue.message, /^sipPort must be an integer between 1 and 65535/);
  assert.match(single(`${INTERCONNECT}sipPort: 50.5\n`).message, /must be an integer/);
  assert.match(single(`${INTERCONNECT}codecs:\n  - { codecName: PCMA, ptime: 5 }\n`).message, /ptime must be an integer between 10 and 150/);
});

test('a bad e-mail address and a bad IP address', () => {
  const email = single(`${CARRIER}contacts:\n  - { name: NOC, email: noc.acme.example }\n`);
  assert.equal(email.path, '/contacts/0/email');
  assert.match(email.message, /e-mail address/);
  const ip = single(`${INTERCONNECT}ipAddresses:\n  - { ipAddress: 192.0.2.256, addressType: transport }\n`);
  assert.equal(ip.path, '/ipAddresses/0/ipAddress');
  assert.match(ip.message, /must be an IPv4 or IPv6 address/);
  assert.deepEqual(issuesOf(`${INTERCONNECT}ipAddresses:\n  - { ipAddress: "2001:db8::1", addressType: media }\n`), []);
});

test('a rate with 7 decimal places is an error, not a rounding', () => {
  const issue = single(`${PLAN}rates:\n  - { prefix: "44", destination: UK, rate: 0.0123456 }\n`);
  assert.equal(issue.path, '/rates/0/rate');
  assert.equal(issue.keyword, 'x-decimal');
  assert.match(issue.message, /0\.0123456 has 7 decimal places; the column holds at most 6/);
});

test('a decimal with too many integer digits, a malformed one, a negative one', () => {
  const big = single(`${CARRIER}customerCreditLimit: 1234567890123.5\n`);
  assert.equal(big.path, '/customerCreditLimit');
  assert.match(big.message, /13 digits before the point; the column holds at most 12/);
  assert.match(single(`${CARRIER}customer24HrSpendLimit: 1e6\n`).message, /not a decimal number/);
  assert.match(single(`${PLAN}minMargin: "-0.01"\nratesFile: r.csv\n`).message, /negative/);
  assert.match(single(`${CARRIER}customerCreditLimit: true\n`).message, /must be a decimal number/);
  assert.deepEqual(issuesOf(`${CARRIER}customerCreditLimit: 999999999999.9999\n`), []);
});

test('an unquoted prefix is refused with advice to quote it', () => {
  const issue = single(`${PLAN}rates:\n  - { prefix: 0044, destination: UK, rate: "0.01" }\n`);
  assert.equal(issue.path, '/rates/0/prefix');
  assert.match(issue.message, /must be quoted text/);
  assert.match(issue.hint ?? '', /quotes.*leading zeros/);
});

test('rates and ratesFile together, or neither', () => {
  const both = single(`${PLAN}ratesFile: rates/uk.csv\nrates:\n  - { prefix: "44", destination: UK, rate: "0.01" }\n`);
  assert.equal(both.path, '/ratesFile');
  assert.match(both.message, /rates and ratesFile are both set/);
  const neither = single(PLAN);
  assert.equal(neither.path, '');
  assert.match(neither.message, /needs one of: rates, ratesFile/);
});

test('missing required fields point at the field, conditions are named', () => {
  const missing = single('kind: Carrier\ncode: ACME\npartnerType: customer\nprimaryCurrency: USD\n');
  assert.equal(missing.path, '/name');
  assert.equal(missing.message, "missing required field 'name'");
  const conditional = single(`${CARRIER}assignment: { assignmentType: groups }\n`);
  assert.equal(conditional.path, '/assignment/groups');
  assert.match(conditional.message, /required when assignmentType is groups/);
});

test('patterns speak in words: codes, currencies, names with a slash, time zones', () => {
  assert.match(single(CARRIER.replace('USD', 'usd')).message, /three-letter ISO 4217/);
  assert.match(single(CARRIER.replace('code: ACME', 'code: AC/ME')).message, /no '\/'/);
  const name = single(INTERCONNECT.replace('lon-1', 'lon/1'));
  assert.equal(name.path, '/name');
  assert.match(name.message, /must not contain '\/'/);
  assert.match(single(`${PLAN}ratesFile: r.csv\ntimeZone: Europe London\n`).message, /IANA time zone/);
  assert.match(single(`${CARRIER}name: " Acme"\n`.replace('name: Acme Telecom Ltd\n', '')).message, /blank/);
});

test('one issue per problem: a value failing several keywords is reported once', () => {
  const issues = issuesOf(`${CARRIER}name: ""\n`.replace('name: Acme Telecom Ltd\n', ''));
  assert.equal(issues.length, 1);
  assert.equal(issues[0].message, 'name must not be empty');
  const several = issuesOf(`${INTERCONNECT}sipPort: 0\nprotocol: H323\nipAddress: 10.0.0.1/8\n`);
  assert.deepEqual(several.map((i) => i.path), ['/ipAddress', '/protocol', '/sipPort']);
});

test('settings: ranges and cron expressions', () => {
  assert.deepEqual(validateAgainstSchema('Settings', { kind: 'Settings', guards: { maxDeletePercent: 12.5 } }), []);
  const issues = validateAgainstSchema('Settings', { kind: 'Settings', guards: { maxDeletePercent: 101 }, schedule: '* *' });
  assert.deepEqual(issues.map((i) => i.path), ['/guards/maxDeletePercent', '/schedule']);
  assert.match(issues[1].message, /cron expression/);
});

test('validation never changes the data', () => {
  const data = { kind: 'Carrier', code: 'ACME', name: 'Acme', partnerType: 'customer', primaryCurrency: 'USD', contacts: [{ name: 'NOC' }] };
  const before = structuredClone(data);
  validateAgainstSchema('Carrier', data);
  assert.deepEqual(data, before);
});
