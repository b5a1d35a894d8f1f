// An explicit null for a field that has a schema default says "keep the
// column NULL" (what export writes for such a row, so adopting it changes
// nothing); an absent field takes the default; a null anywhere else is
// still refused.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateRoot } from '../../src/validate/index.js';
import { desiredModel } from '../../src/reconcile/desired.js';
import { objectId } from '../../src/reconcile/state.js';
import { writeConfig } from '../support/config.js';

const CARRIER = 'kind: Carrier\ncode: ACME\nname: Acme Telecom Ltd\npartnerType: bilateral\nprimaryCurrency: USD\n';

test('null keeps a defaulted field NULL, absence takes the default, in objects and nested elements', async () => {
  const root = await writeConfig({
    'a.yaml': `${CARRIER}status: null\ncircularRouting:\ncontacts:\n  - { name: NOC, isPrimary: null }\n  - { name: Billing }\n`,
    'b.yaml': CARRIER.replace(/ACME/g, 'GLOBEX'),
  });
  const { desired, problems } = await validateRoot(root);
  assert.deepEqual(problems, []);
  const model = desiredModel(desired!);
  const acme = model.objects.get(objectId('Carrier', 'ACME'))!.fields;
  assert.equal(acme.status, null);
  assert.equal(acme.circularRouting, null);
  const contacts = acme.contacts as Array<Record<string, unknown>>;
  assert.deepEqual(contacts.map((c) => [c.name, c.isPrimary]), [['Billing', false], ['NOC', null]]);
  const globex = model.objects.get(objectId('Carrier', 'GLOBEX'))!.fields;
  assert.equal(globex.status, 'active');
  assert.equal(globex.circularRouting, false);
});

test('a null for a required field or a field without a default is still refused', async () => {
  const root = await writeConfig({ 'a.yaml': `${CARRIER.replace('name: Acme Telecom Ltd', 'name: null')}taxCode: null\n` });
  const { problems } = await validateRoot(root);
  assert.deepEqual(problems.map((p) => [p.line, p.path, p.rule]), [[3, '/name', 'schema'], [6, '/taxCode', 'schema']]);
});
