// Golden files for `didsync validate`: each folder under cases/ is a small
// config showing one kind of mistake, with the text and JSON output it must
// give. UPDATE_GOLDEN=1 rewrites the expected files (review the diff like
// code). Folders named valid-* must validate clean.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkRoot, validateRoot } from '../../src/validate/index.js';
import { formatProblemsJson, formatProblemsText, formatValidSummary } from '../../src/report/format-problems.js';
import type { Rule } from '../../src/report/problem.js';

const CASES = fileURLToPath(new URL('./cases/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const names = readdirSync(CASES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const rulesSeen = new Set<Rule>();

for (const name of names) {
  test(`validate golden: ${name}`, async () => {
    const dir = join(CASES, name);
    const { desired, problems } = await validateRoot(dir);
    problems.forEach((p) => rulesSeen.add(p.rule));
    // The validate command checks without keeping rows or building the desired state: the same problems, the same counts.
    const check = await checkRoot(dir);
    assert.deepEqual(check.problems, problems);
    // Decks checked in a worker thread (as large ones are) give the same answer as on the main thread.
    assert.deepEqual(await checkRoot(dir, { decks: { inlineBytes: 0 } }), check);
    const objects = desired?.objects ?? [];
    assert.deepEqual({ objects: check.objects, rates: check.rates }, { objects: objects.length, rates: objects.reduce((n, o) => n + (o.rates?.prefix.length ?? 0), 0) });
    const text = problems.length > 0
      ? await formatProblemsText(dir, problems, { colour: false })
      : `${formatValidSummary(check)}\n`;
    const json = formatProblemsJson(problems);
    if (UPDATE) {
      writeFileSync(join(dir, 'expected.txt'), text);
      writeFileSync(join(dir, 'expected.json'), json);
    }
    assert.equal(text, expected(dir, 'expected.txt'), `${name}/expected.txt differs`);
    assert.equal(json, expected(dir, 'expected.json'), `${name}/expected.json differs`);
    if (name.startsWith('valid-')) {
      assert.deepEqual(problems, []);
      assert.ok(desired, 'a valid config yields the desired state');
    } else {
      assert.ok(problems.length > 0, `${name} is a broken config and must report problems`);
      assert.equal(desired, null, 'no desired state while there are problems');
    }
  });
}

function expected(dir: string, file: string): string {
  const path = join(dir, file);
  assert.ok(existsSync(path), `${path} is missing: run \`npm run golden:update\` and review the new file`);
  return readFileSync(path, 'utf8');
}

test('the golden cases together exercise every rule', { skip: names.length === 0 }, () => {
  const all: Rule[] = ['syntax', 'schema', 'runtime', 'decimal', 'duplicate', 'reference', 'semantic', 'path', 'limit'];
  assert.deepEqual(all.filter((r) => !rulesSeen.has(r)), []);
});
