import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { loadConfig } from '../../src/load/index.js';
import { UserError } from '../../src/report/errors.js';

let base: string;
before(async () => { base = await mkdtemp(join(tmpdir(), 'didsync-load-')); });
after(async () => { await rm(base, { recursive: true, force: true }); });

/** A fresh config root holding the given files. */
async function configRoot(name: string, files: Record<string, string>): Promise<string> {
  const root = join(base, name);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, file)), { recursive: true });
    await writeFile(join(root, file), text);
  }
  await mkdir(root, { recursive: true });
  return root;
}

const plan = (name: string, ratesFile: string) => `kind: RatingPlan\nname: ${name}\ncurrency: GBP\nratesFile: ${ratesFile}\n`;
const RATES = 'prefix,destination,rate\n44,United Kingdom,0.01\n';

test('walks the root recursively, sorted, skipping dot-folders and node_modules', async () => {
  const root = await configRoot('walk', {
    'z.yaml': 'kind: Carrier\ncode: Z\n',
    'carriers/b.yml': 'kind: Carrier\ncode: B\n',
    'carriers/a.yaml': 'kind: Carrier\ncode: A\n---\nkind: Carrier\ncode: A2\n',
    '.git/config.yaml': 'kind: Carrier\ncode: GIT\n',
    '.didsync/x.yaml': 'kind: Carrier\ncode: DOT\n',
    'node_modules/p/x.yaml': 'kind: Carrier\ncode: NM\n',
    'notes.txt': 'not yaml',
  });
  const result = await loadConfig(root);
  assert.deepEqual(result.problems, []);
  assert.deepEqual(result.documents.map((d) => `${d.file}#${d.index}`), ['carriers/a.yaml#0', 'carriers/a.yaml#1', 'carriers/b.yml#0', 'z.yaml#0']);
});

test('a rates CSV is resolved relative to its YAML, parsed once, and keyed by its root path', async () => {
  const root = await configRoot('decks', {
    'plans/uk.yaml': plan('UK', 'rates/uk.csv') + '---\n' + plan('UK copy', './rates/../rates/uk.csv'),
    'plans/rates/uk.csv': RATES,
    'other.yaml': plan('Other', 'plans/rates/uk.csv'),
  });
  const result = await loadConfig(root);
  assert.deepEqual(result.problems, []);
  assert.deepEqual([...result.decks.keys()], ['plans/rates/uk.csv']);
  const deck = result.decks.get('plans/rates/uk.csv')!;
  assert.deepEqual(deck.prefix, ['44']);
  assert.equal(deck.file, 'plans/rates/uk.csv');
  assert.deepEqual(result.documents.map((d) => d.ratesFile), ['plans/rates/uk.csv', 'plans/rates/uk.csv', 'plans/rates/uk.csv']);
});

test('CSV problems name the CSV file and line', async () => {
  const root = await configRoot('bad-csv', { 'p.yaml': plan('P', 'r.csv'), 'r.csv': 'prefix,destination,rate\n44,UK,abc\n' });
  const result = await loadConfig(root);
  assert.deepEqual(result.problems.map((p) => [p.file, p.line, p.path]), [['r.csv', 2, '/rates/0/rate']]);
});

test('ratesFile paths that leave the root, are absolute, folders or missing are refused at the value', async () => {
  const root = await configRoot('refused', {
    'plans/a.yaml': [
      plan('Up', '../../outside.csv'), plan('Abs', '/etc/passwd'), plan('Folder', 'rates'),
      plan('Missing', 'rates/nope.csv'), plan('Backslash', 'rates\\uk.csv'),
    ].join('---\n'),
    'plans/rates/uk.csv': RATES,
  });
  const result = await loadConfig(root);
  assert.deepEqual(result.decks.size, 0);
  assert.deepEqual(result.problems.map((p) => [p.file, p.line, p.column, p.path, p.rule]), [
    ['plans/a.yaml', 4, 12, '/ratesFile', 'path'],
    ['plans/a.yaml', 9, 12, '/ratesFile', 'path'],
    ['plans/a.yaml', 14, 12, '/ratesFile', 'path'],
    ['plans/a.yaml', 19, 12, '/ratesFile', 'path'],
    ['plans/a.yaml', 24, 12, '/ratesFile', 'path'],
  ]);
  const messages = result.problems.map((p) => p.message);
  assert.match(messages[0], /leaves the config root/);
  assert.match(messages[1], /absolute path/);
  assert.match(messages[2], /is a folder/);
  assert.match(messages[3], /does not exist/);
  assert.match(messages[4], /backslash/);
});

test('symbolic links resolving outside the root are refused; inside the root they are followed', async () => {
  const outside = await configRoot('outside', { 'secret.csv': RATES, 'evil.yaml': 'kind: Carrier\ncode: EVIL\n', 'dir/x.yaml': 'kind: Carrier\ncode: X\n' });
  const root = await configRoot('links', { 'p.yaml': plan('P', 'rates/link.csv'), 'real/in.yaml': 'kind: Carrier\ncode: IN\n', 'rates/.keep': '' });
  await symlink(join(outside, 'secret.csv'), join(root, 'rates/link.csv'));
  await symlink(join(outside, 'evil.yaml'), join(root, 'evil.yaml'));
  await symlink(join(outside, 'dir'), join(root, 'outdir'));
  await symlink(join(root, 'real/in.yaml'), join(root, 'alias.yaml'));
  await symlink(root, join(root, 'real/loop'));
  const result = await loadConfig(root);
  assert.equal(result.decks.size, 0);
  assert.deepEqual(result.problems.map((p) => [p.file, p.path, p.rule]), [
    ['evil.yaml', '', 'path'], ['outdir', '', 'path'], ['p.yaml', '/ratesFile', 'path'],
  ]);
  assert.match(result.problems[2].message, /symbolic link to a file outside the config root/);
  assert.deepEqual(result.documents.map((d) => d.file).sort(), ['alias.yaml', 'p.yaml', 'real/in.yaml']);
});

test('size and count limits', async () => {
  const root = await configRoot('limits', {
    'a.yaml': 'kind: Carrier\ncode: A\n', 'b.yaml': `kind: Carrier\nname: ${'x'.repeat(200)}\n`,
    'p.yaml': plan('P', 'r.csv'), 'r.csv': RATES.repeat(20),
  });
  const sized = await loadConfig(root, { limits: { maxYamlBytes: 100, maxCsvBytes: 100 } });
  assert.deepEqual(sized.problems.map((p) => [p.file, p.rule]), [['b.yaml', 'limit'], ['p.yaml', 'limit']]);
  const counted = await loadConfig(root, { limits: { maxFiles: 2 } });
  assert.equal(counted.documents.length, 0);
  assert.deepEqual(counted.problems.map((p) => p.rule), ['limit']);
  assert.match(counted.problems[0].message, /more than 2 YAML files/);
});

test('a missing root is a UserError; YAML problems are collected, not thrown', async () => {
  await assert.rejects(loadConfig(join(base, 'no-such-root')), UserError);
  const root = await configRoot('mixed', { 'bad.yaml': 'kind: [\n', 'good.yaml': 'kind: Carrier\ncode: A\n' });
  const result = await loadConfig(root);
  assert.deepEqual(result.documents.map((d) => d.file), ['good.yaml']);
  assert.equal(result.problems[0].file, 'bad.yaml');
});
