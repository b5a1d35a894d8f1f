// `.didsyncignore`: the pattern dialect on its own, and the loader honouring
// it (CI workflows kept in a config repository are not read as config).

import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { isIgnored, parseIgnoreRules } from '../../src/load/ignore.js';
import { loadConfig } from '../../src/load/index.js';

describe('ignore patterns', () => {
  const rules = parseIgnoreRules([
    '# CI and docs live beside the config',
    '',
    'ci/',
    '/drafts',
    '*.draft.yaml',
    'docs/**',
    'tools/*.yml',
    'old?.yaml',
    '*.yml',
    '!keep.yml',
    '   ',
  ].join('\n'));

  const cases: Array<[string, boolean, boolean]> = [
    ['ci', true, true],
    ['ci', false, false], // `ci/` matches folders only
    ['carriers/ci', true, true], // no slash inside: any depth
    ['drafts', true, true],
    ['drafts', false, true],
    ['carriers/drafts', true, false], // anchored at the root
    ['a.draft.yaml', false, true],
    ['carriers/b.draft.yaml', false, true],
    ['a.yaml', false, false],
    ['docs/x.yaml', false, true],
    ['docs/deep/x.yaml', false, true],
    ['tools/x.yml', false, true],
    ['tools/deep/x.yaml', false, false], // * stays within one name
    ['old1.yaml', false, true],
    ['old12.yaml', false, false],
    ['x.yml', false, true],
    ['keep.yml', false, false], // re-included
    ['carriers/keep.yml', false, false],
  ];
  for (const [path, folder, expected] of cases) {
    test(`${path}${folder ? '/' : ''} is ${expected ? '' : 'not '}ignored`, () => {
      assert.equal(isIgnored(rules, path, folder), expected);
    });
  }

  test('comments, blank lines, CRLF and a BOM are tolerated; no rules ignore nothing', () => {
    const crlf = parseIgnoreRules('\uFEFF# c\r\nci/\r\n\r\n');
    assert.equal(crlf.rules.length, 1);
    assert.equal(isIgnored(crlf, 'ci', true), true);
    assert.equal(isIgnored(parseIgnoreRules(''), 'anything.yaml', false), false);
  });

  test('special characters of regular expressions are literal', () => {
    const r = parseIgnoreRules('a+b(1).yaml\n');
    assert.equal(isIgnored(r, 'a+b(1).yaml', false), true);
    assert.equal(isIgnored(r, 'aab1.yaml', false), false);
  });
});

describe('the loader and .didsyncignore', () => {
  let base: string;
  before(async () => { base = await mkdtemp(join(tmpdir(), 'didsync-ignore-')); });
  after(async () => { await rm(base, { recursive: true, force: true }); });

  async function root(name: string, files: Record<string, string>): Promise<string> {
    const dir = join(base, name);
    for (const [file, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, file)), { recursive: true });
      await writeFile(join(dir, file), text);
    }
    return dir;
  }

  const WORKFLOW = 'name: ci\non: [push]\njobs: {}\n';

  test('skips ignored folders and files, reads the rest', async () => {
    const dir = await root('skips', {
      '.didsyncignore': '# workflows are not config\nci/\nnotes-*.yaml\n',
      'ci/github/didsync.yml': WORKFLOW,
      'ci/gitlab/.gitlab-ci.yml': WORKFLOW,
      'notes-2025.yaml': 'just: notes\n',
      'carriers/acme.yaml': 'kind: Carrier\ncode: ACME\n',
      'carriers/ci/x.yaml': 'kind: Carrier\ncode: X\n',
    });
    const result = await loadConfig(dir);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.documents.map((d) => d.file), ['carriers/acme.yaml']);
  });

  test('without the file every YAML file is read', async () => {
    const dir = await root('none', { 'ci/didsync.yml': WORKFLOW, 'a.yaml': 'kind: Carrier\ncode: A\n' });
    const result = await loadConfig(dir);
    assert.deepEqual(result.documents.map((d) => d.file), ['a.yaml', 'ci/didsync.yml']);
  });

  test('a rates CSV named by a plan is read even inside an ignored folder', async () => {
    const dir = await root('csv', {
      '.didsyncignore': 'data/\n',
      'plan.yaml': 'kind: RatingPlan\nname: P\ncurrency: GBP\nratesFile: data/p.csv\n',
      'data/p.csv': 'prefix,destination,rate\n44,UK,0.01\n',
      'data/other.yaml': 'kind: Carrier\ncode: NO\n',
    });
    const result = await loadConfig(dir);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.documents.map((d) => d.file), ['plan.yaml']);
    assert.deepEqual(result.decks.get('data/p.csv')?.prefix, ['44']);
  });

  test('a .didsyncignore that cannot be read is a located problem', async () => {
    const dir = await root('unreadable', { 'a.yaml': 'kind: Carrier\ncode: A\n' });
    await mkdir(join(dir, '.didsyncignore'));
    const result = await loadConfig(dir);
    assert.deepEqual(result.problems.map((p) => [p.file, p.rule]), [['.didsyncignore', 'path']]);
  });
});
