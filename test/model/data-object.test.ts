// Keys that read as array indexes (SIP codes) must not cost an array sized
// to the largest one in each object that holds them (src/model/data-object.ts),
// wherever config data is copied: both YAML readers, the validator's copy,
// Settings' defaults and the diff's canonical JSON.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { parseYamlFile } from '../../src/load/yaml.js';
import { copyData } from '../../src/validate/documents.js';
import { plainCopy } from '../../src/validate/settings-defaults.js';
import { canonicalJson } from '../../src/reconcile/values.js';
import { dataObject } from '../../src/model/data-object.js';

setFlagsFromString('--allow-natives-syntax');
const hasDictionaryElements = new Function('o', 'return %HasDictionaryElements(o)') as (o: object) => boolean;
const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;

const YAML = 'kind: Interconnect\nsignalling:\n  releaseCauseMapping: { "503": 34, "486": 17, note: 1 }\n';
const EXPECTED = { 486: 17, 503: 34, note: 1 };

function mapping(data: unknown): Record<string, unknown> {
  return (data as { signalling: { releaseCauseMapping: Record<string, unknown> } }).signalling.releaseCauseMapping;
}

test('an object with index-like keys holds them in a dictionary, listed as any object lists them', () => {
  const plain: Record<string, unknown> = {};
  plain['486'] = 17;
  assert.equal(hasDictionaryElements(plain), false, 'the cost this avoids: one key "486" makes an array of holes');
  const made = dataObject(['486', 'note']);
  made.note = 1;
  made['486'] = 17;
  assert.equal(hasDictionaryElements(made), true);
  assert.deepEqual(Object.keys(made), ['486', 'note']);
  assert.equal(JSON.stringify(made), '{"486":17,"note":1}');
  assert.equal(Object.getPrototypeOf(made), null);
  assert.equal(hasFastProperties(made), true, 'a null prototype, and fast properties all the same');
  assert.equal(hasFastProperties(Object.create(null)), false, 'the cost this avoids');
  assert.equal(Object.getPrototypeOf(dataObject(['1'], true)), Object.prototype);
});

test('config data copied anywhere keeps index-like keys in a dictionary', () => {
  for (const careful of [false, true]) {
    const [doc] = parseYamlFile('ic.yaml', YAML, {}, { careful }).documents;
    const read = mapping(doc.data);
    assert.deepEqual({ ...read }, EXPECTED, careful ? 'careful reader' : 'fast reader');
    assert.equal(hasDictionaryElements(read), true, careful ? 'careful reader' : 'fast reader');
    const copies = { copyData: mapping(copyData(doc.data)), plainCopy: mapping(plainCopy(doc.data)), canonicalJson: mapping(canonicalJson(doc.data)) };
    for (const [name, copy] of Object.entries(copies)) {
      assert.deepEqual({ ...copy }, EXPECTED, name);
      assert.deepEqual(Object.keys(copy), ['486', '503', 'note'], name);
      assert.equal(hasDictionaryElements(copy), true, name);
      if (name === 'copyData') assert.equal(hasFastProperties(copyData(doc.data) as object), true, name);
    }
  }
});

test('a __proto__ key stays plain data in a copy', () => {
  const data = JSON.parse('{"__proto__": {"polluted": 1}, "486": 2}') as Record<string, unknown>;
  const copy = plainCopy(data) as Record<string, unknown>;
  assert.deepEqual(Object.keys(copy), ['486', '__proto__']);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(Object.getPrototypeOf(copy), Object.prototype);
});
