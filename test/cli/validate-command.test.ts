// `didsync validate` as a user runs it: a real process, its exit code and
// its output in each format, on the golden cases' configs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { formatProblemsGitlab } from '../../src/report/format-problems.js';
import { cliArgs } from '../support/cli-entry.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CASES = 'test/validate/cases';

function didsync(...args: string[]) {
  const r = spawnSync(process.execPath, [...cliArgs(), ...args], {
    cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('a valid config exits 0 and says how much it holds', () => {
  const r = didsync('validate', '-C', `${CASES}/valid-minimal`);
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0);
  assert.equal(r.stdout, 'config is valid: 4 objects, 3 rates\n');
});

test('a valid config in json is {valid: true, errors: []}', () => {
  const r = didsync('validate', '--config', `${CASES}/valid-minimal`, '--format', 'json');
  assert.equal(r.code, 0);
  assert.deepEqual(JSON.parse(r.stdout), { valid: true, errors: [] });
});

test('an invalid config exits 1 with the text report', () => {
  const r = didsync('validate', '-C', `${CASES}/unknown-references`);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, readFileSync(`${REPO}${CASES}/unknown-references/expected.txt`, 'utf8'));
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
});

test('json output is the contract shape and matches the golden file', () => {
  const r = didsync('validate', '-C', `${CASES}/duplicate-nested`, '--format', 'json');
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout) as { valid: boolean; errors: Record<string, unknown>[] };
  assert.equal(out.valid, false);
  assert.ok(out.errors.length > 0);
  for (const e of out.errors) {
    for (const key of ['file', 'line', 'column', 'path', 'rule', 'message']) assert.ok(key in e, `error has ${key}`);
  }
  assert.equal(r.stdout, readFileSync(`${REPO}${CASES}/duplicate-nested/expected.json`, 'utf8'));
});

test('github output is one ::error command per problem, paths from the working directory', () => {
  const r = didsync('validate', '-C', `${CASES}/service-direction`, '--format', 'github');
  assert.equal(r.code, 1);
  const lines = r.stdout.trimEnd().split('\n');
  const expected = JSON.parse(readFileSync(`${REPO}${CASES}/service-direction/expected.json`, 'utf8')) as { errors: { file: string; line: number; column: number }[] };
  assert.equal(lines.length, expected.errors.length);
  lines.forEach((line, i) => {
    const e = expected.errors[i];
    assert.ok(line.startsWith(`::error file=${CASES}/service-direction/${e.file},line=${e.line},col=${e.column},`), line);
    assert.doesNotMatch(line.slice(line.indexOf('::', 2) + 2), /[\r\n]/);
  });
});

test('gitlab output is a Code Quality report: one issue per problem, paths from the working directory, fingerprints apart', () => {
  const r = didsync('validate', '-C', `${CASES}/service-direction`, '--format', 'gitlab');
  assert.equal(r.code, 1);
  const issues = JSON.parse(r.stdout) as { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; positions?: { begin: { line: number; column: number } } } }[];
  const expected = JSON.parse(readFileSync(`${REPO}${CASES}/service-direction/expected.json`, 'utf8')) as { errors: { file: string; line: number; column: number; rule: string; message: string; hint?: string }[] };
  assert.ok(expected.errors.length > 1);
  assert.deepEqual(issues.map((i) => [i.location.path, i.location.positions?.begin, i.check_name, i.description, i.severity]),
    expected.errors.map((e) => [
      `${CASES}/service-direction/${e.file}`, { line: e.line, column: e.column }, `didsync/${e.rule}`,
      e.hint ? `${e.message} (hint: ${e.hint})` : e.message, 'blocker',
    ]));
  assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length, 'GitLab keeps one issue per fingerprint');
  const valid = didsync('validate', '-C', `${CASES}/valid-minimal`, '--format', 'gitlab');
  assert.equal(valid.code, 0);
  assert.deepEqual(JSON.parse(valid.stdout), []);
});

test('a Code Quality issue without a column names its line, a whole-file problem line 1; the same problem keeps its fingerprint', () => {
  const problem = { file: 'rates/uk.csv', line: 0, column: 0, path: '', rule: 'syntax' as const, message: 'no header row' };
  const [file, line] = JSON.parse(formatProblemsGitlab([problem, { ...problem, line: 7, message: 'bad rate' }], 'config')) as { fingerprint: string; location: object }[];
  assert.deepEqual(file.location, { path: 'config/rates/uk.csv', lines: { begin: 1 } });
  assert.deepEqual(line.location, { path: 'config/rates/uk.csv', lines: { begin: 7 } });
  const again = JSON.parse(formatProblemsGitlab([problem], 'config')) as { fingerprint: string }[];
  assert.equal(again[0].fingerprint, file.fingerprint);
  assert.notEqual(line.fingerprint, file.fingerprint);
});

test('an unknown format and a missing folder are one-line errors with exit 1', () => {
  const bad = didsync('validate', '--format', 'yaml', '-C', `${CASES}/valid-minimal`);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /unknown --format 'yaml'/);
  const missing = didsync('validate', '-C', `${CASES}/no-such-folder`);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /does not exist/);
  assert.doesNotMatch(missing.stderr, /\n\s+at /);
});
