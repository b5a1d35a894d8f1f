// The files generated from the schemas (types, docs/reference.md, the
// README region) must be what `npm run gen` writes now: a schema change
// without regenerating fails here, as `scripts/gen.ts --check` does in CI.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generatedFiles, README_END, README_START, renderReadme, staleFiles } from '../../scripts/gen.js';
import { KINDS } from '../../src/model/kinds.js';

test('generated files are up to date with the schemas', async () => {
  assert.deepEqual(await staleFiles(), [], 'run `npm run gen` and commit the result');
});

test('the generated files cover every kind', async () => {
  const files = new Map((await generatedFiles()).map((f) => [f.path, f.content]));
  const types = files.get('src/model/types.generated.ts') ?? '';
  const reference = files.get('docs/reference.md') ?? '';
  for (const spec of KINDS) {
    assert.match(types, new RegExp(`export (interface|type) ${spec.kind}Document\\b`), `${spec.kind}Document`);
    assert.match(reference, new RegExp(`^## ${spec.kind}$`, 'm'), `reference section for ${spec.kind}`);
  }
  assert.match(reference, /`customer24HrSpendLimit` \| decimal\(16,4\)/);
  assert.match(reference, /`100relEnabled` .*`100rel_enabled`/);
});

test('the README region is replaced, the text around it kept', () => {
  const readme = `# x\n\nbefore\n${README_START}\nstale text\n${README_END}\nafter\n`;
  const out = renderReadme(readme);
  assert.ok(out.startsWith(`# x\n\nbefore\n${README_START}\n`));
  assert.ok(out.endsWith(`${README_END}\nafter\n`));
  assert.ok(!out.includes('stale text'));
  assert.equal(renderReadme(out), out, 'regenerating is stable');
  assert.throws(() => renderReadme('# no markers\n'), /markers/);
});
