// The field model other stages build on: which fields are columns of a
// kind's table and under which column name, the nested parts' and the rate's
// fields, and where the decimals of a document are.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columnName } from '../../src/model/columns.js';
import { KINDS } from '../../src/model/kinds.js';
import { columnFields, decimalPointers, nestedFields, rateFields } from '../../src/model/schemas.js';
import { RATE_COLUMNS } from '../../src/load/types.js';

test('carrier columns: spend limits in, balances and references out', () => {
  const columns = columnFields('Carrier').map((f) => f.column);
  assert.ok(columns.includes('customer_24hr_spend_limit'));
  assert.ok(columns.includes('supplier_24hr_spend_limit'));
  for (const absent of ['customer_balance', 'supplier_balance', 'bilateral_balance', 'customer_24hr_spend', 'primary_currency_id', 'primary_currency', 'kind', 'contacts', 'id']) {
    assert.ok(!columns.includes(absent), `${absent} is not a carrier column`);
  }
  const limit = columnFields('Carrier').find((f) => f.name === 'customerCreditLimit');
  assert.deepEqual(limit?.decimal, { precision: 16, scale: 4 });
  assert.equal(limit?.type, 'decimal');
  assert.deepEqual(columnFields('Carrier').find((f) => f.name === 'status')?.enum, ['active', 'paused', 'disabled', 'testing']);
  assert.equal(columnFields('Carrier').find((f) => f.name === 'status')?.default, 'active');
});

test('no kind lists a reference, nested part, rates source or runtime field as a column', () => {
  for (const spec of KINDS) {
    const names = columnFields(spec.kind).map((f) => f.name);
    const excluded = ['kind', 'rates', 'ratesFile', ...spec.references.map((r) => r.field), ...spec.nested.map((n) => n.field), ...spec.runtimeOwned];
    for (const name of excluded) assert.ok(!names.includes(name), `${spec.kind}.${name}`);
    for (const f of columnFields(spec.kind)) assert.ok(f.description.length > 0, `${spec.kind}.${f.name} has a description`);
  }
  assert.deepEqual(columnFields('Settings'), []);
});

test('x-column overrides the naming rule; otherwise columnName applies', () => {
  const routing = columnFields('Service').find((f) => f.name === 'routingPlan');
  assert.equal(routing?.column, 'routing_plan_id');
  for (const f of columnFields('Interconnect')) assert.equal(f.column, columnName(f.name));
  const assignment = nestedFields('Carrier', 'assignment');
  assert.deepEqual(assignment.map((f) => [f.name, f.column, f.type, f.ref]), [
    ['assignmentType', 'assignment_type', 'string', undefined],
    ['categories', 'category_ids', 'json', 'CustomerCategory'],
    ['groups', 'group_ids', 'json', 'CustomerGroup'],
    ['customers', 'customer_ids', 'json', undefined],
  ]);
});

test('signalling maps 100relEnabled to the column 100rel_enabled', () => {
  const field = nestedFields('Interconnect', 'signalling').find((f) => f.name === '100relEnabled');
  assert.equal(field?.column, '100rel_enabled');
  assert.equal(field?.type, 'boolean');
  assert.equal(nestedFields('Interconnect', 'signalling').find((f) => f.name === 'releaseCauseMapping')?.type, 'json');
});

test('codecs carry no displayOrder (the list order is it); every nested part has fields', () => {
  assert.ok(!nestedFields('Interconnect', 'codecs').some((f) => f.column === 'display_order'));
  for (const spec of KINDS) for (const part of spec.nested) assert.ok(nestedFields(spec.kind, part.field).length > 0, `${spec.kind}.${part.field}`);
  assert.throws(() => nestedFields('Carrier', 'codecs'), /no nested part/);
});

test('rate fields are the CSV columns, in order, with their types', () => {
  assert.deepEqual(rateFields().map((f) => f.name), [...RATE_COLUMNS]);
  assert.deepEqual(rateFields().map((f) => f.type), ['string', 'string', 'decimal', 'decimal', 'integer', 'integer', 'date', 'date']);
  assert.deepEqual(rateFields().find((f) => f.name === 'rate')?.decimal, { precision: 12, scale: 6, minimum: '0' });
  assert.equal(columnFields('RatingPlan').find((f) => f.name === 'effectiveDate')?.type, 'date-time');
  assert.deepEqual(columnFields('RatingPlan').find((f) => f.name === 'minMargin')?.decimal, { precision: 9, scale: 4, minimum: '0' });
});

test('decimalPointers walks the schema and the data together', () => {
  const carrier = {
    kind: 'Carrier', customerCreditLimit: 5000, name: 'x', capacityLimit: 5,
    creditAlerts: [{ threshold: 2500, alertType: 'low_balance' }, { alertType: 'high_balance' }],
    contacts: [{ name: 'NOC' }],
  };
  assert.deepEqual(decimalPointers('Carrier', carrier).sort(), ['/creditAlerts/0/threshold', '/customerCreditLimit']);
  const rates = Array.from({ length: 4 }, (_, i) => ({ prefix: String(44 + i), destination: 'UK', rate: 0.01 }));
  const plan = { kind: 'RatingPlan', minMargin: 0.5, initialInterval: 60, rates };
  const pointers = decimalPointers('RatingPlan', plan);
  assert.ok(pointers.includes('/rates/3/rate'));
  assert.ok(pointers.includes('/minMargin'));
  assert.ok(!pointers.includes('/rates/3/connectionFee'), 'absent values are not listed');
  assert.ok(!pointers.includes('/initialInterval'));
  assert.deepEqual(decimalPointers('Carrier', { contacts: 'not a list', creditAlerts: [null, 7] }), []);
  assert.deepEqual(decimalPointers('Settings', { guards: { maxDeletePercent: 25 } }), []);
});
