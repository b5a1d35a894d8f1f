// Deep nesting must be answered the same whatever the machine's stack: the
// YAML reader is run in child processes with node's default stack and with
// `--stack-size=200` (a fifth of it) over mappings, lists, pairs in flow
// lists, block and flow mixed, and aliases of deep anchors, from 1 to 10,000
// levels; both must report exactly the same problems, at the same places.
// With a tiny stack (`--stack-size=100`) reading may run out of stack; it
// must then say so at the document's start, never at a place the stack
// decided.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { REPO_ROOT } from './support/cli.js';
import { deepInputs } from './support/deep-yaml.js';
import { recordResult } from './support/results.js';

const SCRIPT = 'test/hardening/support/deep-yaml.ts';
const LIMIT = 64;

function readWithStack(stackKb?: number): Record<string, string[]> {
  const args = [...(stackKb ? [`--stack-size=${stackKb}`] : []), '--import', 'tsx', SCRIPT];
  const child = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(child.status, 0, `node ${args.join(' ')} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as Record<string, string[]>;
}

const NAME = 'deep nesting: the same problems at the same places with the default stack and --stack-size=200';
test(NAME, { timeout: 120_000 }, () => {
  const inputs = deepInputs();
  let refused = 0;
  let accepted = 0;
  try {
    const normal = readWithStack();
    const small = readWithStack(200);
    assert.deepEqual(Object.keys(normal).sort(), inputs.map((i) => i.name).sort(), 'every input was read');
    assert.deepEqual(small, normal);
    for (const input of inputs) {
      const problems = normal[input.name]!;
      // No input may depend on the stack, and none is refused for it at the default size.
      assert.ok(problems.every((p) => !p.includes('too deeply to read')), `${input.name}: ${problems.join('; ')}`);
      if (problems.length === 0) {
        accepted++;
        assert.ok(input.depth <= LIMIT, `${input.name} was accepted`);
      } else {
        refused++;
        // A pair in a flow list is two levels (a list holding a mapping).
        assert.ok(input.depth >= LIMIT / 2, `${input.name} was refused`);
        assert.equal(problems.length, 1, `${input.name}: one problem, not one per level`);
        assert.match(problems[0]!, new RegExp(`^\\d+:\\d+ limit \\S+ values are nested deeper than ${LIMIT} levels$`), input.name);
      }
    }
    assert.ok(accepted >= 20 && refused >= 60, `${accepted} accepted, ${refused} refused`);
    // Below what the reader needs, running out of stack is reported at the document's start.
    const tiny = readWithStack(100);
    for (const input of inputs) {
      if (JSON.stringify(tiny[input.name]) === JSON.stringify(normal[input.name])) continue;
      assert.deepEqual(tiny[input.name], ['1:1 limit - the YAML is nested too deeply to read'], input.name);
    }
  } finally {
    recordResult({
      area: 'Hostile input', fault: 'deep nesting read with the default stack and with `node --stack-size=200`',
      database: '-', cases: inputs.length,
      outcome: `identical problems on both stacks: ${accepted} inputs up to ${LIMIT} levels accepted, ${refused} deeper ones refused with one located limit problem (up to 10,000 levels); with --stack-size=100 an exhausted stack is reported at the document's start`,
      test: NAME,
    });
  }
});
