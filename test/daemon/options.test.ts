// The daemon's option checks: git locations that would run programs or be
// read as options are refused, branches and sub-paths are plain, listen
// addresses and cron expressions parse. And the log scrubber.

import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { checkBranch, checkRepo, checkSubPath, daemonOptions, parseListen, repoLocation } from '../../src/daemon/options.js';
import { createLogger, scrubber } from '../../src/daemon/logger.js';
import { redactSecrets, redactUrl, urlSecrets } from '../../src/drivers/errors.js';
import { gitEnvironment } from '../../src/daemon/git-follower.js';
import { UserError } from '../../src/report/errors.js';

test('repository locations that are options or remote-helper transports are refused', () => {
  for (const bad of ['ext::sh -c touch% /tmp/pwned', 'fd::3', 'EXT::x', 'foo::bar', '--upload-pack=touch /tmp/x', '-oProxyCommand=x', '', 'https://h/r\n.git']) {
    assert.throws(() => checkRepo(bad), UserError, bad);
  }
  for (const good of ['https://git.example/org/config.git', 'ssh://git@git.example/org/config.git', 'git@git.example:org/config.git', '/srv/git/config.git', './config']) {
    assert.equal(checkRepo(good), good);
  }
});

test('local repository paths become absolute; URLs and scp-like locations stay as written', () => {
  assert.equal(repoLocation('config', '/srv'), '/srv/config');
  assert.equal(repoLocation('https://h/r.git', '/srv'), 'https://h/r.git');
  assert.equal(repoLocation('git@h:org/r.git', '/srv'), 'git@h:org/r.git');
});

test('branches must be plain names; --path must stay inside the checkout', () => {
  for (const good of ['main', 'release/2026-01', 'feature_x.y']) assert.equal(checkBranch(good), good);
  for (const bad of ['-f', '--orphan', 'a..b', 'HEAD@{1}', 'x.lock', 'a//b', '.hidden', 'a/.b', 'a b', 'x~1', 'x^', 'main:other']) {
    assert.throws(() => checkBranch(bad), UserError, bad);
  }
  assert.equal(checkSubPath(''), '');
  assert.equal(checkSubPath('./config/'), 'config');
  assert.equal(checkSubPath('a/../b'), 'b');
  for (const bad of ['..', '../x', 'a/../../x', '/etc']) assert.throws(() => checkSubPath(bad), UserError, bad);
});

test('listen addresses, schedules and the choice of source', () => {
  assert.deepEqual(parseListen('127.0.0.1:9464'), { host: '127.0.0.1', port: 9464 });
  assert.deepEqual(parseListen('[::1]:0'), { host: '::1', port: 0 });
  assert.deepEqual(parseListen('localhost:80'), { host: 'localhost', port: 80 });
  for (const bad of ['9464', ':9464', '1.2.3.4:70000', 'host:port']) assert.throws(() => parseListen(bad), UserError, bad);
  assert.throws(() => daemonOptions({}, {}, '/srv'), /exactly one of --repo/);
  assert.throws(() => daemonOptions({ repo: 'x', watch: 'y' }, {}, '/srv'), /exactly one/);
  assert.throws(() => daemonOptions({ watch: 'y', branch: 'main' }, {}, '/srv'), /--branch/);
  assert.throws(() => daemonOptions({ repo: '/r', schedule: 'every minute' }, {}, '/srv'), /--schedule/);
  assert.throws(() => daemonOptions({ repo: '/r', drift: 'fix' }, {}, '/srv'), /--drift/);
  const o = daemonOptions({ repo: 'r', schedule: '*/2 * * * * *' }, { DIDSYNC_WEBHOOK_SECRET: 's3cret' }, '/srv');
  assert.deepEqual(o.source, { kind: 'git', repo: '/srv/r', branch: 'main', path: '', workdir: '/srv/.didsync/repo' });
  assert.equal(o.schedule, '*/2 * * * * *');
  assert.equal(o.webhookSecret, 's3cret');
  assert.deepEqual(o.listen, { host: '127.0.0.1', port: 9464 });
});

test('git runs without the variables simple-git refuses, and never prompts', () => {
  const env = gitEnvironment({ PATH: '/bin', HOME: '/h', GIT_DIR: '/x', git_ssh_command: 'evil', EDITOR: 'vi', PAGER: 'less' });
  assert.deepEqual(env, { PATH: '/bin', HOME: '/h', GIT_TERMINAL_PROMPT: '0' });
});

test('log lines lose the known secrets in every form and URL passwords', () => {
  const scrub = scrubber(['hook-secret', 'p@ss"word', 'x']);
  const line = JSON.stringify({ a: 'hook-secret', b: 'p@ss"word', c: encodeURIComponent('p@ss"word'), d: 'postgres://u:other@h/db', e: 'x marks' });
  const out = scrub(line);
  assert.doesNotMatch(out, /hook-secret|p@ss|other/);
  assert.match(out, /x marks/, 'values too short to be secrets are left alone');
  assert.deepEqual(urlSecrets('postgres://u:p%40ss@h/db'), ['p%40ss', 'p@ss']);
  assert.deepEqual(urlSecrets(undefined), []);
});

test('a token as the user name of a git URL, and a password that breaks the URL, are redacted and scrubbed', () => {
  assert.equal(redactUrl('https://ghp_T0kenValue@git.example/org/repo.git'), 'https://***@git.example/org/repo.git');
  assert.equal(redactUrl('https://x-access-token:T0kenValue@git.example/org/repo.git'), 'https://x-access-token:***@git.example/org/repo.git');
  assert.equal(redactUrl('ssh://deploy-T0ken@git.example/org/repo.git'), 'ssh://***@git.example/org/repo.git');
  assert.equal(redactUrl('postgres://app@db/x'), 'postgres://app@db/x', "a database role is not a secret");
  // The URL parser reads this as host 'ss' with the rest of the password in the path and query.
  const broken = 'postgres://postgres:p@ss/w?rdSECRET@db.example:5432/x';
  assert.equal(redactUrl(broken), 'postgres://***@db.example:5432/x');
  assert.deepEqual(urlSecrets(broken), ['postgres:p@ss/w?rdSECRET', 'p@ss/w?rdSECRET']);
  assert.deepEqual(urlSecrets('https://ghp_T0kenValue@git.example/org/repo.git'), ['ghp_T0kenValue']);
  assert.deepEqual(urlSecrets('https://x-access-token:T0kenValue@git.example/r.git'), ['T0kenValue']);
  const text = "fatal: unable to access 'https://ghp_T0kenValue@git.example/org/repo.git/': refused; to postgres://postgres:p@ss/w?rdSECRET@db/x";
  assert.doesNotMatch(redactSecrets(text), /T0kenValue|rdSECRET/);
  const scrub = scrubber([...urlSecrets(broken), ...urlSecrets('https://ghp_T0kenValue@git.example/r.git')]);
  const line = JSON.stringify({ a: broken, b: 'token ghp_T0kenValue alone', c: `quoted "${broken}"` });
  assert.doesNotMatch(scrub(line), /T0kenValue|rdSECRET|ss\/w/);
});

test('the logger writes JSON lines with censored fields and scrubbed secrets', () => {
  const lines: string[] = [];
  const sink = new Writable({ write(chunk, _e, cb) { lines.push(String(chunk)); cb(); } });
  const log = createLogger({ secrets: ['topsecret-value'], destination: sink });
  log.info({ password: 'hunter2', nested: { secret: 'abc' }, url: 'postgres://app:pw123@db/x', note: 'the secret is topsecret-value' }, 'hello');
  const entry = JSON.parse(lines.join(''));
  assert.equal(entry.msg, 'hello');
  assert.equal(entry.level, 'info');
  assert.equal(entry.password, '***');
  assert.equal(entry.nested.secret, '***');
  assert.doesNotMatch(lines.join(''), /hunter2|pw123|topsecret-value/);
});
