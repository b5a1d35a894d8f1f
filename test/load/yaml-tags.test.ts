// Explicit YAML tags: a core tag resolves exactly as it says or the value is
// refused where it is written; every other tag, and `<<` merge keys, are
// refused. Nothing is converted to fit a tag, nothing is constructed.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { numberText, type SourceDocument } from '../../src/load/types.js';
import { parseYamlFile } from '../../src/load/yaml.js';

/** The value of `a` in `kind: X\na: <text>`, or the problems as `line:column path message`. */
function read(text: string): { value?: unknown; source?: string; problems: string[] } {
  const { documents, problems } = parseYamlFile('t.yaml', `kind: X\na: ${text}\n`);
  const doc = documents[0];
  return {
    problems: problems.map((p) => `${p.line}:${p.column} ${p.path} ${p.message}`),
    ...(doc ? { value: (doc.data as Record<string, unknown>).a, source: sourceOf(doc) } : {}),
  };
}

/** The text `a` was written as, for a number (numberText); the source entry of anything else (none). */
function sourceOf(doc: SourceDocument): string | undefined {
  const value = (doc.data as Record<string, unknown>).a;
  return typeof value === 'number' ? numberText(doc, '/a', value) : doc.sources.get('/a');
}

test('explicit core tags on text that fits them resolve as the tag says', () => {
  const cases: [string, unknown, string | undefined][] = [
    ['!!str 0012', '0012', undefined],
    ['!!str 12', '12', undefined],
    ['!!str true', 'true', undefined],
    ['!!str ~', '~', undefined],
    ['!!int 120', 120, '120'],
    ['!!int "120"', 120, '120'],
    ['!!int -7', -7, '-7'],
    ['!!int 0x1F', 31, '0x1F'],
    ['!!int 0o17', 15, '0o17'],
    ['!!float 1', 1, '1'],
    ['!!float "2.50"', 2.5, '2.50'],
    ['!!float 1e3', 1000, '1e3'],
    ['!!float -.inf', -Infinity, '-.inf'],
    ['!!float .NaN', NaN, '.NaN'],
    ['!!bool true', true, undefined],
    ['!!bool "False"', false, undefined],
    ['!!bool TRUE', true, undefined],
    ['!!null null', null, undefined],
    ['!!null ~', null, undefined],
    ['!!null', null, undefined],
    ['!!null ""', null, undefined],
  ];
  for (const [text, value, source] of cases) {
    const got = read(text);
    assert.deepEqual(got.problems, [], text);
    assert.deepEqual(got.value, value, text);
    assert.equal(got.source, source, `${text}: source text`);
  }
  const { documents, problems } = parseYamlFile('t.yaml', 'kind: X\nm: !!map {a: 1}\ns: !!seq [1]\n');
  assert.deepEqual(problems, []);
  const data = documents[0].data as Record<string, unknown>;
  assert.deepEqual({ ...(data.m as object) }, { a: 1 });
  assert.deepEqual(data.s, [1]);
});

test('explicit core tags that do not fit their value are refused at the value', () => {
  const cases: [string, string][] = [
    ['!!str {b: 1}', "2:10 /a tag !!str does not fit a mapping: it takes text"],
    ['!!str [1]', "2:10 /a tag !!str does not fit a list: it takes text"],
    ['!!bool yes', "2:11 /a tag !!bool does not fit 'yes': it takes true or false"],
    ['!!bool 1', "2:11 /a tag !!bool does not fit '1': it takes true or false"],
    ['!!bool [true]', "2:11 /a tag !!bool does not fit a list: it takes true or false"],
    ['!!int 1.5', "2:10 /a tag !!int does not fit '1.5': it takes an integer such as 120, 0x1F or 0o17"],
    ['!!int "1_000"', "2:10 /a tag !!int does not fit '1_000': it takes an integer such as 120, 0x1F or 0o17"],
    ['!!int ""', "2:10 /a tag !!int does not fit '': it takes an integer such as 120, 0x1F or 0o17"],
    ['!!float abc', "2:12 /a tag !!float does not fit 'abc': it takes a number such as 1, 1.5, 1e3, .inf or .nan"],
    ['!!float 0x1F', "2:12 /a tag !!float does not fit '0x1F': it takes a number such as 1, 1.5, 1e3, .inf or .nan"],
    ['!!null x', "2:11 /a tag !!null does not fit 'x': it takes null, ~ or nothing"],
    ['!!null {}', "2:11 /a tag !!null does not fit a mapping: it takes null, ~ or nothing"],
    ['!!map [1]', "2:10 /a tag !!map does not fit a list: it takes a mapping"],
    ['!!map x', "2:10 /a tag !!map does not fit 'x': it takes a mapping"],
    ['!!seq {a: 1}', "2:10 /a tag !!seq does not fit a mapping: it takes a list"],
    ['!!seq x', "2:10 /a tag !!seq does not fit 'x': it takes a list"],
    [`!!bool "${'y'.repeat(100)}"`, `2:11 /a tag !!bool does not fit '${'y'.repeat(40)}…': it takes true or false`],
    ['!!bool "\\e[2J"', "2:11 /a tag !!bool does not fit '\\u001b[2J': it takes true or false"],
  ];
  for (const [text, problem] of cases) {
    const got = read(text);
    assert.deepEqual(got.problems, [problem], text);
    assert.equal(got.value, undefined, `${text}: the document is left out`);
  }
});

test('tags on keys follow the same rules', () => {
  const keys = (text: string) => {
    const { documents, problems } = parseYamlFile('t.yaml', `kind: X\n${text}\n`);
    return { keys: documents[0] ? Object.keys(documents[0].data as object).sort() : [], problems: problems.map((p) => `${p.line}:${p.column} ${p.message}`) };
  };
  assert.deepEqual(keys('!!str 12: a'), { keys: ['12', 'kind'], problems: [] });
  assert.deepEqual(keys('!!int 0x1F: a'), { keys: ['0x1F', 'kind'], problems: [] });
  assert.deepEqual(keys('!!bool yes: a'), { keys: [], problems: ["2:8 tag !!bool does not fit 'yes': it takes true or false"] });
  assert.deepEqual(keys('!foo k: a'), { keys: [], problems: ['2:6 tag !foo is not allowed'] });
});

test("merge keys ('<<') are refused, with or without !!merge; a quoted or !!str '<<' is an ordinary key", () => {
  const text = [
    'kind: X',
    'base: &base { __proto__: { polluted: yes }, name: x }',
    'a:',
    '  <<: *base',
    'b: { <<: [*base, *base] }',
    'c:',
    '  !!merge <<: *base',
    'd: { "<<": 1, !!str <<: 2 }',
  ].join('\n');
  const { documents, problems } = parseYamlFile('m.yaml', text);
  assert.equal(documents.length, 0);
  assert.deepEqual(problems.map((p) => `${p.line}:${p.column} ${p.path} ${p.message}`), [
    "4:3 /a merge keys ('<<') are not supported",
    "5:6 /b merge keys ('<<') are not supported",
    '7:11 /c tag !!merge is not allowed',
    "8:21 /d/<< duplicate key '<<' (first at line 8)",
  ]);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  const quoted = parseYamlFile('q.yaml', 'kind: X\n"<<": 1\n');
  assert.deepEqual(quoted.problems, []);
  assert.equal((quoted.documents[0].data as Record<string, unknown>)['<<'], 1);
});

test('tags that construct objects or name other types are refused, never resolved', () => {
  const tags = [
    '!!binary aGVsbG8=', '!!set { x, y }', '!!omap [ { x: 1 } ]', '!!pairs [ { x: 1 } ]', '!!timestamp 2024-01-01',
    '!!merge x', '!!js/function "function () { return 1 }"', '!!js/regexp /x/', '!!js/undefined ""',
    '!!python/object:__main__.X { a: 1 }', '!foo bar', '!<tag:example.com,2000:x> y', '!<!bar> y', '! x',
  ];
  for (const text of tags) {
    const got = read(text);
    assert.equal(got.problems.length, 1, text);
    assert.match(got.problems[0], /^2:\d+ \/a tag \S+ is not allowed$/, text);
  }
});
