// The write-back editors on small inputs, byte for byte: what a changed,
// added or removed value looks like, and that everything else is untouched.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { editDeck } from '../../src/export/csv-edit.js';
import { documentFields, propertyRank } from '../../src/export/documents.js';
import { documentMap, editFields, YamlEditor } from '../../src/export/yaml-edit.js';
import { desiredObject } from '../../src/reconcile/desired.js';
import { EMPTY_RATES, type RateRows } from '../../src/reconcile/state.js';
import type { KindName } from '../../src/model/kinds.js';
import type { Value } from '../../src/reconcile/values.js';

/** Edit the first document of `src` so that its fields are those of `src` with `change` applied. */
function editYaml(kind: KindName, src: string, change: (fields: Record<string, Value>) => void): string {
  const [doc] = parseAllDocuments(src);
  const live = structuredClone(desiredObject({ kind, key: 'x', file: 'x.yaml', line: 1, data: doc.toJS() }).fields);
  change(live);
  const editor = new YamlEditor(src);
  editor.editMap(documentMap(doc)!, editFields(documentFields(kind)), live, propertyRank(kind));
  return editor.edits.render();
}

const contacts = (f: Record<string, Value>) => f.contacts as Array<Record<string, Value>>;

describe('YAML write-back', () => {
  test('a changed scalar keeps its quotes and its comment', () => {
    const src = `kind: Carrier\ncode: A\nname: "Old name"   # legal\ntaxCode: 'GB-1'\nbillTo: plain\n`;
    const out = editYaml('Carrier', src, (f) => {
      f.name = 'New: "name"';
      f.taxCode = "O'Brien";
      f.billTo = 'a # b';
    });
    assert.equal(out, `kind: Carrier\ncode: A\nname: "New: \\"name\\""   # legal\ntaxCode: 'O''Brien'\nbillTo: "a # b"\n`);
  });

  test('a decimal keeps its style and at least its number of places', () => {
    const src = 'kind: Carrier\ncode: A\ncustomerCreditLimit: 5000.00\nbilateralCreditLimit: "100.0000"\n';
    const out = editYaml('Carrier', src, (f) => {
      f.customerCreditLimit = '7500.5';
      f.bilateralCreditLimit = '250.12345';
    });
    assert.equal(out, 'kind: Carrier\ncode: A\ncustomerCreditLimit: 7500.50\nbilateralCreditLimit: "250.12345"\n');
  });

  test('a new field goes to its schema position, a field now empty loses its line', () => {
    const src = '# head\nkind: Carrier\ncode: A\nname: N\ncapacityLimit: 5\n# tax\ntaxCode: T\n';
    const out = editYaml('Carrier', src, (f) => {
      f.partnerType = 'supplier';
      f.capacityLimit = null;
      f.shipTo = 'line 1\nline 2';
    });
    assert.equal(out, '# head\nkind: Carrier\ncode: A\nname: N\npartnerType: supplier\n# tax\ntaxCode: T\nshipTo: |-\n  line 1\n  line 2\n');
  });

  test('CRLF files get CRLF lines', () => {
    const src = 'kind: Carrier\r\ncode: A\r\nname: N\r\n';
    const out = editYaml('Carrier', src, (f) => { f.partnerType = 'customer'; });
    assert.equal(out, 'kind: Carrier\r\ncode: A\r\nname: N\r\npartnerType: customer\r\n');
  });

  test('a list item loses its first key and gains another, in place', () => {
    const src = 'kind: Carrier\ncode: A\ncontacts:\n  - name: NOC\n    title: Mr   # to go\n    email: a@x.example\n  - name: B\n';
    const out = editYaml('Carrier', src, (f) => {
      const noc = contacts(f).find((c) => c.name === 'NOC')!;
      noc.title = null;
      noc.firstName = 'Ann';
    });
    assert.equal(out, 'kind: Carrier\ncode: A\ncontacts:\n  - name: NOC\n    firstName: Ann\n    email: a@x.example\n  - name: B\n');
  });

  test('flow mappings are rewritten on one line, keeping their padding', () => {
    const src = 'kind: Interconnect\ncarrier: A\nname: n\nsignalling: {sessionTimerEnabled: true, maxCallDuration: 60}\n';
    const out = editYaml('Interconnect', src, (f) => {
      const s = f.signalling as Record<string, Value>;
      s.maxCallDuration = null;
      s.privacyMethod = 'rfc3325';
    });
    assert.equal(out, 'kind: Interconnect\ncarrier: A\nname: n\nsignalling: {privacyMethod: rfc3325, sessionTimerEnabled: true}\n');
  });

  test('an ordered list is reordered, its items keep their comments', () => {
    const src = 'kind: Interconnect\ncarrier: A\nname: n\ncodecs:\n  # preferred\n  - { codecName: PCMA }\n  - { codecName: G729 }   # mobile\nmedia: { rtpTimeout: 5 }\n';
    const out = editYaml('Interconnect', src, (f) => { (f.codecs as Value[]).reverse(); });
    assert.equal(out, 'kind: Interconnect\ncarrier: A\nname: n\ncodecs:\n  # preferred\n  - { codecName: G729 }   # mobile\n  - { codecName: PCMA }\nmedia: { rtpTimeout: 5 }\n');
  });

  test('an unordered list in another order than the database is no change', () => {
    const src = 'kind: Carrier\ncode: A\ncontacts:\n  - name: Zed\n  - name: Ann\n';
    const [doc] = parseAllDocuments(src);
    const live = desiredObject({ kind: 'Carrier', key: 'A', file: 'x.yaml', line: 1, data: doc.toJS() }).fields;
    assert.deepEqual(contacts(live).map((c) => c.name), ['Ann', 'Zed']);
    const editor = new YamlEditor(src);
    assert.deepEqual(editor.editMap(documentMap(doc)!, editFields(documentFields('Carrier')), live, propertyRank('Carrier')), []);
    assert.equal(editor.edits.size, 0);
  });

  test('a multi-line value replacing a commented scalar drops the comment rather than swallowing it', () => {
    const src = 'kind: Carrier\ncode: A\nbillTo: one line   # old address\nshipTo: x\n';
    const out = editYaml('Carrier', src, (f) => { f.billTo = 'two\nlines'; });
    assert.equal(out, 'kind: Carrier\ncode: A\nbillTo: |-\n  two\n  lines\nshipTo: x\n');
  });
});

function deck(rows: Array<[string, string, string, string | null, string | null]>): RateRows {
  const d = EMPTY_RATES();
  for (const [prefix, destination, rate, fee, date] of rows) {
    d.prefix.push(prefix); d.destination.push(destination); d.rate.push(rate); d.connectionFee.push(fee);
    d.initialInterval.push(null); d.recurringInterval.push(null); d.effectiveDate.push(date); d.endDate.push(null);
  }
  return d;
}

describe('CSV write-back', () => {
  const src = '\uFEFFprefix,destination,rate\n44,"United Kingdom",0.0100\n"4420",London,0.0080\n447,"Mobile\nall networks",0.03';

  test('an equal deck is no edit', () => {
    assert.equal(editDeck(src, deck([['44', 'United Kingdom', '0.01', null, null], ['4420', 'London', '0.008', null, null], ['447', 'Mobile\nall networks', '0.03', null, null]])), null);
  });

  test('rows are changed in place, removed, and appended; untouched cells keep their quotes', () => {
    const out = editDeck(src, deck([
      ['44', 'United Kingdom', '0.011', null, null],
      ['447', 'Mobile\nall networks', '0.03', null, null],
      ['0049', 'Germany, "mobile"', '0.02', null, null],
    ]));
    assert.deepEqual(out, {
      text: '\uFEFFprefix,destination,rate\n44,"United Kingdom",0.0110\n447,"Mobile\nall networks",0.03\n0049,"Germany, ""mobile""",0.02\n',
      added: 1, changed: 1, removed: 1,
    });
  });

  test('a column the file lacks is added to the header and to every row', () => {
    const out = editDeck('prefix,destination,rate\r\n44,UK,0.01\r\n', deck([['44', 'UK', '0.01', null, null], ['1', 'US', '0.02', '0.5', '2026-01-01']]));
    assert.equal(out?.text, 'prefix,destination,rate,connectionFee,effectiveDate\r\n44,UK,0.01,,\r\n1,US,0.02,0.5,2026-01-01\r\n');
  });
});
