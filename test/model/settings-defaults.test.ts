// config/defaults.yaml is the Settings document of defaults; the settings
// schema states the same defaults. They must agree field by field, and the
// file must itself be a valid Settings document.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { members, packageRoot, schemaOf, type SchemaNode } from '../../src/model/schema-files.js';
import { validateAgainstSchema } from '../../src/model/schema-validator.js';

const defaults = parse(readFileSync(join(packageRoot(), 'config', 'defaults.yaml'), 'utf8')) as Record<string, unknown>;

/** The defaults a schema object states, nested objects built from their properties' defaults. */
function schemaDefaults(node: SchemaNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(members(node, 'properties'))) {
    if (name === 'kind') continue;
    assert.ok(property.default !== undefined, `settings field ${name} has a default in the schema`);
    if (Object.keys(members(property, 'properties')).length > 0) {
      const inner = schemaDefaults(property);
      assert.deepEqual(property.default, inner, `${name}: the object default equals its fields' defaults`);
      out[name] = inner;
    } else {
      out[name] = property.default;
    }
  }
  return out;
}

test('config/defaults.yaml is a valid Settings document', () => {
  assert.equal(defaults.kind, 'Settings');
  assert.deepEqual(validateAgainstSchema('Settings', defaults), []);
});

test('config/defaults.yaml and the settings schema state the same defaults', () => {
  const { kind: _kind, ...shipped } = defaults;
  assert.deepEqual(shipped, schemaDefaults(schemaOf('Settings')));
});
