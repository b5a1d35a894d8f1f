import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { numberText } from '../../src/load/types.js';
import { parseYamlFile } from '../../src/load/yaml.js';

const fixture = (name: string) => readFileSync(new URL(`fixtures/yaml/${name}`, import.meta.url));
const parse = (name: string) => parseYamlFile(name, fixture(name));

test('multi-document file: values, 1-based value and key positions, skipped empty document', () => {
  const { documents, problems } = parse('multi-document.yaml');
  assert.deepEqual(problems, []);
  assert.deepEqual(documents.map((d) => [d.index, d.kind]), [[0, 'Carrier'], [1, 'Carrier'], [2, 'RatingPlan']]);
  const [acme, nwind, plan] = documents;
  assert.equal(acme.file, 'multi-document.yaml');
  assert.deepEqual(acme.positions.get(''), { line: 2, column: 1 });
  assert.deepEqual(acme.positions.get('/code'), { line: 3, column: 7 });
  assert.deepEqual(acme.keyPositions.get('/code'), { line: 3, column: 1 });
  assert.deepEqual(acme.positions.get('/contacts/0/email'), { line: 7, column: 12 });
  assert.deepEqual(acme.keyPositions.get('/contacts/0/email'), { line: 7, column: 5 });
  assert.deepEqual(nwind.positions.get('/code'), { line: 10, column: 7 });
  assert.deepEqual(nwind.keyPositions.get('/a~1b~0c'), { line: 14, column: 1 });
  assert.equal((nwind.data as Record<string, unknown>)['a/b~c'], 'slash and tilde');
  assert.deepEqual(plan.positions.get('/ratesFile'), { line: 18, column: 12 });
});

test('numbers keep their source text; timestamps stay strings', () => {
  const [acme, nwind] = parse('multi-document.yaml').documents;
  assert.equal(acme.sources.get('/customerCreditLimit'), '40000.50');
  assert.equal(nwind.sources.get('/margin'), '0.12345678901234567');
  assert.equal(nwind.sources.get('/capacity'), '1e3');
  const data = nwind.data as Record<string, unknown>;
  assert.equal(data.capacity, 1000);
  assert.equal(data.since, '2024-01-31');
  assert.equal(nwind.sources.has('/code'), false, 'strings have no source entry');
});

test('a number has a source entry only where String() would not give its text back, in both readers', () => {
  const text = 'kind: Carrier\nwhole: 5060\nhalf: 0.5\npadded: 0.50\nexponent: 1e3\nsigned: +5\nzero: -0\nlist: [20, 20.0]\n';
  for (const careful of [false, true]) {
    const [doc] = parseYamlFile('n.yaml', text, {}, { careful }).documents;
    assert.deepEqual(Object.fromEntries(doc.sources), {
      '/padded': '0.50', '/exponent': '1e3', '/signed': '+5', '/zero': '-0', '/list/1': '20.0',
    }, careful ? 'careful reader' : 'fast reader');
    const data = doc.data as Record<string, number>;
    for (const [pointer, written] of [['/whole', '5060'], ['/half', '0.5'], ['/padded', '0.50'], ['/signed', '+5'], ['/zero', '-0']]) {
      assert.equal(numberText(doc, pointer, data[pointer.slice(1)]), written);
    }
  }
});

test('objects have a null prototype', () => {
  const [acme] = parse('multi-document.yaml').documents;
  assert.equal(Object.getPrototypeOf(acme.data), null);
  const contacts = (acme.data as Record<string, unknown[]>).contacts;
  assert.ok(Array.isArray(contacts));
  assert.equal(Object.getPrototypeOf(contacts[0]), null);
});

test('a duplicate key is a syntax problem at the second key', () => {
  const { documents, problems } = parse('duplicate-key.yaml');
  assert.equal(documents.length, 0);
  assert.equal(problems.length, 1);
  assert.equal(problems[0].rule, 'syntax');
  assert.equal(problems[0].line, 4);
  assert.equal(problems[0].column, 1);
  assert.equal(problems[0].path, '/code');
  assert.match(problems[0].message, /duplicate key 'code' \(first at line 2\)/);
});

test('billion laughs fails fast with one limit problem', () => {
  const started = performance.now();
  const { documents, problems } = parse('billion-laughs.yaml');
  const elapsed = performance.now() - started;
  assert.equal(documents.length, 0);
  assert.equal(problems.length, 1);
  assert.equal(problems[0].rule, 'limit');
  assert.match(problems[0].message, /aliases expand to more than 10000 values/);
  assert.ok(elapsed < 500, `took ${elapsed} ms`);
});

test('small aliases expand to copies, positioned at the alias', () => {
  const { documents, problems } = parse('small-aliases.yaml');
  assert.deepEqual(problems, []);
  const data = documents[0].data as { codecs: Record<string, unknown>[] };
  assert.deepEqual({ ...data.codecs[1] }, { allowed: true, ptime: 20 });
  assert.deepEqual(documents[0].positions.get('/codecs/1'), { line: 5, column: 5 });
  assert.equal(numberText(documents[0], '/codecs/1/ptime', 20), '20');
});

test('nesting deeper than the limit is a limit problem, also for the parser itself', () => {
  const deep = (n: number) => `kind: Carrier\nx: ${'['.repeat(n)}${']'.repeat(n)}\n`;
  assert.deepEqual(parseYamlFile('ok.yaml', deep(60)).problems, []);
  for (const n of [65, 100, 5000]) {
    const { documents, problems } = parseYamlFile('deep.yaml', deep(n));
    assert.equal(documents.length, 0);
    assert.equal(problems.length, 1, `depth ${n}`);
    assert.equal(problems[0].rule, 'limit');
    assert.equal(problems[0].line, 2);
  }
  assert.equal(parseYamlFile('deep.yaml', deep(10), { maxDepth: 5 }).problems[0]?.rule, 'limit');
});

test('__proto__, constructor and prototype keys stay data and pollute nothing', () => {
  const { documents, problems } = parse('prototype-keys.yaml');
  assert.deepEqual(problems, []);
  const data = documents[0].data as Record<string, unknown>;
  assert.deepEqual(Object.keys(data), ['kind', '__proto__', 'constructor', 'prototype']);
  assert.equal(Object.getPrototypeOf(data), null);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal((Object.prototype as Record<string, unknown>).polluted, undefined);
  assert.equal((data.__proto__ as Record<string, unknown>).polluted, 'yes');
  assert.deepEqual(documents[0].keyPositions.get('/__proto__'), { line: 2, column: 1 });
});

test('every tag outside the core ones is refused, never constructed', () => {
  const { documents, problems } = parse('disallowed-tags.yaml');
  assert.equal(documents.length, 0);
  const tags = problems.map((p) => [p.line, p.path, p.message]);
  assert.deepEqual(tags, [
    [2, '/a', 'tag !!js/function is not allowed'],
    [3, '/b', 'tag !!binary is not allowed'],
    [4, '/c', 'tag !!set is not allowed'],
    [5, '/d', 'tag !!omap is not allowed'],
    [6, '/e', 'tag !!timestamp is not allowed'],
    [7, '/f', 'tag !foo is not allowed'],
  ]);
  assert.ok(problems.every((p) => p.rule === 'syntax'));
});

test('core tags are allowed', () => {
  const { documents, problems } = parseYamlFile('t.yaml', 'kind: X\ng: !!str 0012\nh: !!int 12\nm: !!map {a: 1}\n');
  assert.deepEqual(problems, []);
  const data = documents[0].data as Record<string, unknown>;
  assert.equal(data.g, '0012');
  assert.equal(data.h, 12);
});

test('tabs as indentation', () => {
  const { problems } = parse('tab-indent.yaml');
  assert.ok(problems.length >= 1);
  assert.equal(problems[0].rule, 'syntax');
  assert.equal(problems[0].line, 3);
  assert.match(problems[0].message, /tab/i);
});

test('a document that is not a mapping is a problem; the others load', () => {
  const { documents, problems } = parse('not-a-mapping.yaml');
  assert.deepEqual(documents.map((d) => d.index), [0]);
  assert.deepEqual(problems.map((p) => [p.line, p.rule]), [[4, 'syntax'], [7, 'syntax']]);
  assert.match(problems[0].message, /document 2 is a list, not a mapping/);
});

test('syntax errors are located', () => {
  const { documents, problems } = parse('syntax-error.yaml');
  assert.equal(documents.length, 0);
  assert.ok(problems.length >= 1);
  assert.ok(problems.every((p) => p.rule === 'syntax' && p.line >= 2 && p.column >= 1));
});

test('a UTF-8 BOM is accepted and does not shift columns', () => {
  const { documents, problems } = parse('bom.yaml');
  assert.deepEqual(problems, []);
  assert.equal(documents[0].kind, 'Carrier');
  assert.deepEqual(documents[0].keyPositions.get('/kind'), { line: 1, column: 1 });
  assert.equal(parseYamlFile('s.yaml', '\ufeffkind: X\n').documents[0].kind, 'X');
});

test('invalid UTF-8 is a syntax problem at its line and column', () => {
  const { documents, problems } = parse('invalid-utf8.yaml');
  assert.equal(documents.length, 0);
  assert.deepEqual(problems.map((p) => [p.rule, p.line, p.column]), [['syntax', 3, 12]]);
  assert.match(problems[0].message, /invalid UTF-8 byte 0xff/);
});

test('binary content (NUL) is refused', () => {
  const { documents, problems } = parseYamlFile('b.yaml', Buffer.from('kind: X\nname: a\0b\n'));
  assert.equal(documents.length, 0);
  assert.deepEqual(problems.map((p) => [p.rule, p.line, p.column]), [['syntax', 2, 8]]);
});

test('an empty file and comment-only documents give nothing and no problem', () => {
  assert.deepEqual(parseYamlFile('e.yaml', ''), { documents: [], problems: [] });
  assert.deepEqual(parseYamlFile('e.yaml', '# only a comment\n---\n---\n'), { documents: [], problems: [] });
});

test('a %YAML 1.1 directive does not bring back 1.1 booleans or timestamps', () => {
  const { documents } = parseYamlFile('v.yaml', '%YAML 1.1\n---\nkind: X\non: yes\nd: 2024-01-01\n');
  const data = documents[0]?.data as Record<string, unknown> | undefined;
  assert.equal(data?.on, 'yes');
  assert.equal(data?.d, '2024-01-01');
});
