// Golden files for the human output of `didsync status`: each folder under
// status-cases/ holds a status report (report.json, the shape readStatus
// returns and `status --format json` prints) and its expected.txt, reviewed
// like code; UPDATE_GOLDEN=1 rewrites them.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { renderStatus } from '../../src/cli/commands/status.js';
import type { StatusReport } from '../../src/reconcile/status.js';

const CASES = fileURLToPath(new URL('./status-cases/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const names = readdirSync(CASES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

for (const name of names) {
  test(`status golden: ${name}`, () => {
    const dir = join(CASES, name);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as StatusReport;
    const text = renderStatus(report);
    if (UPDATE) writeFileSync(join(dir, 'expected.txt'), text);
    const path = join(dir, 'expected.txt');
    assert.ok(existsSync(path), `${path} is missing: run \`npm run golden:update\` and review the new file`);
    assert.equal(text, readFileSync(path, 'utf8'), `${name}/expected.txt differs`);
  });
}

test('status golden: every plan, every difference and every drifted object is on its own line', () => {
  for (const name of names) {
    const report = JSON.parse(readFileSync(join(CASES, name, 'report.json'), 'utf8')) as StatusReport;
    const lines = renderStatus(report).split('\n');
    for (const p of report.plans) {
      const line = lines.find((l) => l.includes(` ${p.name}  [`));
      assert.ok(line, `${name}: plan ${p.name} is listed`);
      assert.ok(line.includes(p.syncState), `${name}: ${p.name} shows its sync state`);
      if (p.shortCode) assert.ok(line.trimStart().startsWith(p.shortCode), `${name}: ${p.name} starts with its short code`);
      assert.equal(line.includes('uncommitted changes'), p.uncommittedChanges, `${name}: ${p.name} uncommitted flag`);
      for (const c of p.changes) assert.ok(lines.includes(`        differs: ${c}`), `${name}: ${p.name} differs in ${c}`);
    }
    for (const d of report.drift) assert.ok(lines.includes(`  ${d.kind} ${d.key}: ${d.fields.join(', ')}`), `${name}: drift of ${d.kind} ${d.key}`);
  }
});
