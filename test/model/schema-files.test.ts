// The schema files themselves: they compile under strict Ajv and follow the
// house rules every consumer relies on (titles, descriptions everywhere,
// closed objects, no runtime-owned fields, declared required names, the
// nested defs kinds.ts names, words for every pattern).

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { KINDS } from '../../src/model/kinds.js';
import { schemaPath } from '../../src/model/schemas.js';
import { compileAll, newAjv } from '../../src/model/schema-compiler.js';
import { members, schemaOf, type SchemaNode } from '../../src/model/schema-files.js';
import { hasPatternWords } from '../../src/model/schema-patterns.js';

/** Every schema node of a file with its location, depth first. */
function nodes(node: unknown, at = '#'): [string, SchemaNode][] {
  if (typeof node !== 'object' || node === null) return [];
  if (Array.isArray(node)) return node.flatMap((n, i) => nodes(n, `${at}/${i}`));
  const out: [string, SchemaNode][] = [[at, node as SchemaNode]];
  for (const [key, value] of Object.entries(node)) {
    // values and conditions (`if`), not definitions of fields
    if (['default', 'enum', 'const', 'x-decimal', 'required', 'if'].includes(key)) continue;
    out.push(...nodes(value, `${at}/${key}`));
  }
  return out;
}

test('every schema compiles under strict Ajv with didsync keywords', () => {
  assert.doesNotThrow(() => compileAll());
});

test('compileAll checks each schema against the meta-schemas, which runs skip: a malformed x-decimal is refused there', () => {
  const bad = { type: 'string', 'x-decimal': { precision: 0, scale: 2 } };
  assert.throws(() => newAjv({ checkSchemas: true }).compile(bad), /x-decimal|precision|must be >= 1/);
  const badSchema = { type: 'object', properties: { a: { type: 'strng' } } };
  assert.throws(() => newAjv({ checkSchemas: true }).compile(badSchema), /schema is invalid|must be equal to one of the allowed values/);
  // What a run uses trusts the shipped files; only this test stands between them and a malformed keyword.
  assert.doesNotThrow(() => newAjv({ checkSchemas: false }).compile(bad));
});

for (const spec of KINDS) {
  test(`${spec.schema}: house rules`, () => {
    assert.ok(existsSync(schemaPath(spec.kind)), schemaPath(spec.kind));
    const schema = schemaOf(spec.kind);
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(schema.title, spec.kind);
    assert.deepEqual(members(schema, 'properties').kind, { const: spec.kind, description: `Always \`${spec.kind}\`.` });
    for (const [at, node] of nodes(schema)) {
      const properties = members(node, 'properties');
      if (node.type === 'object' || Object.keys(properties).length > 0) {
        const map = typeof node.additionalProperties === 'object' && node.propertyNames !== undefined;
        assert.ok(node.additionalProperties === false || map, `${at}: objects are closed (or a map with propertyNames)`);
      }
      for (const [name, property] of Object.entries(properties)) {
        assert.equal(typeof property.description, 'string', `${at}/properties/${name} has a description`);
        assert.ok(String(property.description).length > 5, `${at}/properties/${name}: a real description`);
      }
      for (const name of Array.isArray(node.required) ? node.required : []) {
        const declared = Object.keys(properties).length > 0 ? properties : members(parentOf(schema, at), 'properties');
        assert.ok(Object.hasOwn(declared, name), `${at}: required '${name}' is a declared property`);
      }
      if (typeof node.pattern === 'string') assert.ok(hasPatternWords(node.pattern), `${at}: pattern ${node.pattern} has words in schema-patterns.ts`);
    }
  });

  test(`${spec.schema}: no runtime-owned field, and the nested defs kinds.ts names`, () => {
    const schema = schemaOf(spec.kind);
    const properties = Object.keys(members(schema, 'properties'));
    for (const field of [...spec.runtimeOwned, 'shortCode']) assert.ok(!properties.includes(field), `${spec.kind} must not declare ${field}`);
    for (const part of spec.nested) {
      const def = members(schema, '$defs')[part.def];
      assert.ok(def, `$defs/${part.def}`);
      for (const field of ['id', 'createdAt', 'updatedAt', 'displayOrder']) assert.ok(!Object.hasOwn(members(def, 'properties'), field), `${part.def} must not declare ${field}`);
      for (const key of part.key) assert.ok(Object.hasOwn(members(def, 'properties'), key), `${part.def} declares its key ${key}`);
      assert.ok(properties.includes(part.field), `${spec.kind} declares ${part.field}`);
    }
    for (const ref of spec.references) assert.ok(properties.includes(ref.field), `${spec.kind} declares reference ${ref.field}`);
    for (const field of spec.identity) assert.ok((schema.required as string[]).includes(field), `identity field ${field} is required`);
  });
}

/** The nearest node at or above `at` declaring properties: a branch's `required` names its owner's properties. */
function parentOf(schema: SchemaNode, at: string): SchemaNode {
  const tokens = at.split('/').slice(1);
  for (let n = tokens.length; n >= 0; n--) {
    let node: unknown = schema;
    for (const t of tokens.slice(0, n)) node = (node as Record<string, unknown>)[t];
    if (Object.keys(members(node as SchemaNode, 'properties')).length > 0) return node as SchemaNode;
  }
  return schema;
}
