// Loading the PostgreSQL driver costs no more than pg itself: pg's runtime
// probe does not load Node's fetch (src/drivers/pg-load.ts), and leaves no
// global behind. In a child process, so nothing the test runner loaded counts.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const DRIVER = fileURLToPath(new URL('../../src/drivers/postgres.ts', import.meta.url));

function loadIn(child: string): { undici: boolean; navigator: string; client: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', child], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { undici: boolean; navigator: string; client: string };
}

const REPORT = `console.log(JSON.stringify({
  undici: process.moduleLoadList.some((m) => m.includes('undici')),
  navigator: typeof globalThis.navigator === 'object' ? String(globalThis.navigator.userAgent) : typeof globalThis.navigator,
  client: typeof driver.openPostgres,
}));`;

test("the PostgreSQL driver loads without Node's fetch, and leaves no navigator behind", () => {
  const before = loadIn(`const driver = { openPostgres: undefined };\n${REPORT}`);
  const seen = loadIn(`const driver = await import(${JSON.stringify(DRIVER)});\n${REPORT}`);
  assert.deepEqual(seen, { undici: false, navigator: before.navigator, client: 'function' });
});

test('a navigator already there is left as it was', () => {
  const seen = loadIn(`Object.defineProperty(globalThis, 'navigator', { value: { userAgent: 'kept' }, configurable: true });
const driver = await import(${JSON.stringify(DRIVER)});\n${REPORT}`);
  assert.equal(seen.navigator, 'kept');
  assert.equal(seen.client, 'function');
});
