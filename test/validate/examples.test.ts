// The examples shipped with didsync must validate clean: they are what new
// users copy. examples/ is one config root (its folders are read recursively).
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { validateRoot } from '../../src/validate/index.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const hasYaml = existsSync(EXAMPLES) && readdirSync(EXAMPLES, { recursive: true }).some((f) => /\.ya?ml$/i.test(String(f)));

test('examples/ validates clean', { skip: hasYaml ? false : 'examples/ holds no config yet' }, async () => {
  const { desired, problems } = await validateRoot(EXAMPLES);
  assert.deepEqual(problems.map((p) => `${p.file}:${p.line}:${p.column} [${p.rule}] ${p.message}`), []);
  assert.ok(desired && desired.objects.length > 0, 'examples/ holds objects');
});
