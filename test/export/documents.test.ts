// Exported documents: `kind` first, then the fields in the order of the
// kind's schema; nulls and schema defaults left out; decimals as strings;
// lists of plain values on one line.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import { toDocument } from '../../src/export/documents.js';
import { renderDocument } from '../../src/export/yaml-render.js';
import { desiredObject } from '../../src/reconcile/desired.js';
import { schemaOf } from '../../src/model/schema-files.js';
import { APPLY_ORDER } from '../../src/model/kinds.js';
import { stateFields } from '../../src/reconcile/state.js';

const carrier = desiredObject({
  kind: 'Carrier', key: 'ACME', file: 'x.yaml', line: 1,
  data: {
    primaryCurrency: 'GBP', status: 'active', code: 'ACME', capacityMode: 'unrestricted', name: 'Acme: "Ltd"',
    partnerType: 'bilateral', customerCreditLimit: '5000.00', circularRouting: false, taxCode: '0012',
    contacts: [{ name: 'NOC', isPrimary: false, portalAccess: true }],
    creditAlerts: [{ alertType: 'low_balance', direction: 'customer', threshold: 10, recipients: ['a@x.example', 'b@x.example'], isActive: true }],
  },
});

test('fields in schema order, defaults and nulls left out, decimals as strings', () => {
  const doc = toDocument(carrier);
  assert.deepEqual(Object.keys(doc), ['kind', 'code', 'name', 'partnerType', 'primaryCurrency', 'customerCreditLimit', 'taxCode', 'contacts', 'creditAlerts']);
  assert.equal(doc.customerCreditLimit, '5000');
  assert.deepEqual(doc.contacts, [{ name: 'NOC', portalAccess: true }]);
  assert.deepEqual(doc.creditAlerts, [{ alertType: 'low_balance', threshold: '10', direction: 'customer', recipients: ['a@x.example', 'b@x.example'] }]);
});

test('every kind: the document keys follow the schema properties', () => {
  for (const kind of APPLY_ORDER) {
    const names = Object.keys(schemaOf(kind).properties as object);
    const fields = stateFields(kind).map((f) => f.name);
    const order = names.filter((n) => fields.includes(n));
    const doc = toDocument({ kind, key: 'x', fields: Object.fromEntries(fields.map((f) => [f, 'v'])) });
    assert.deepEqual(Object.keys(doc).slice(1).filter((k) => order.includes(k)), order.filter((k) => k in doc), kind);
  }
});

test('the rendered text quotes what YAML would misread and reads back the same', () => {
  const text = renderDocument(toDocument(carrier));
  assert.match(text, /^name: 'Acme: "Ltd"'$/m);
  assert.match(text, /^taxCode: "0012"$/m);
  assert.match(text, /^ {4}recipients: \[a@x\.example, b@x\.example\]$/m);
  assert.deepEqual(parse(text), toDocument(carrier));
});
