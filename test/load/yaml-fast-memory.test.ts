// What the fast YAML reader keeps alive: its copies of the documents, not
// js-yaml's own values as well (the position maps' closures share a scope
// with them). js-yaml's value for a key "486" holds a 6 KB array of holes
// (src/model/data-object.ts), so keeping them shows in the heap.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseYamlFile } from '../../src/load/yaml.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

test('documents read the fast way do not keep js-yaml\'s values alive', () => {
  const docs = 2000;
  let text = '';
  for (let i = 0; i < docs; i++) text += `---\nkind: Interconnect\nname: ic-${i}\nsignalling:\n  releaseCauseMapping: { "486": 17 }\n`;
  gc();
  const before = process.memoryUsage().heapUsed;
  const read = parseYamlFile('many.yaml', text);
  gc();
  const perDocument = (process.memoryUsage().heapUsed - before) / docs;
  assert.equal(read.documents.length, docs);
  assert.ok(read.documents.every((d) => d.positions.get('') !== undefined), 'read the fast way (the position of each value known without re-reading)');
  assert.ok(perDocument < 4500, `${perDocument.toFixed(0)} bytes per document held`);
});
