// The lines two texts share are paired as multisets: every line of the new
// text is kept exactly when the old text has one more equal line left to
// pair with, and the old lines left over are exactly the multiset difference.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { commonLines, lineText, splitLines } from '../../src/reconcile/deck-lines.js';

/** Few distinct short lines, so texts share many lines and repeat some. */
const line = fc.constantFrom('', 'a', 'b', 'ab', '44,UK,0.1', '44,UK,0.2', '33,FR,0.1', 'x\r', '\u00e9');
const text = fc.tuple(fc.array(line, { maxLength: 30 }), fc.boolean()).map(([ls, end]) => ls.join('\n') + (end && ls.length > 0 ? '\n' : ''));

function counts(lines: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of lines) m.set(l, (m.get(l) ?? 0) + 1);
  return m;
}

test('lines split as the text reads, a final line break adding no empty line', () => {
  fc.assert(fc.property(text, (t) => {
    const lines = splitLines(t);
    const expected = t === '' ? [] : (t.endsWith('\n') ? t.slice(0, -1) : t).split('\n');
    assert.deepEqual(Array.from({ length: lines.count }, (_, k) => lineText(lines, k)), expected);
  }), { numRuns: 500 });
});

test('common lines pair as multisets: what is gone from the old text is the multiset difference', () => {
  fc.assert(fc.property(text, text, (x, y) => {
    const a = splitLines(x);
    const b = splitLines(y);
    const { keptInB, goneFromA } = commonLines(a, b);
    const aLines = Array.from({ length: a.count }, (_, k) => lineText(a, k));
    const bLines = Array.from({ length: b.count }, (_, k) => lineText(b, k));
    const available = counts(aLines);
    const kept = new Map<string, number>();
    for (let j = 0; j < b.count; j++) if (keptInB[j]) kept.set(bLines[j], (kept.get(bLines[j]) ?? 0) + 1);
    for (const [l, n] of counts(bLines)) assert.equal(kept.get(l) ?? 0, Math.min(n, available.get(l) ?? 0), `kept copies of ${JSON.stringify(l)}`);
    const gone = counts(goneFromA.map((k) => aLines[k]));
    for (const [l, n] of available) assert.equal(gone.get(l) ?? 0, n - (kept.get(l) ?? 0), `gone copies of ${JSON.stringify(l)}`);
    assert.deepEqual(goneFromA, [...goneFromA].sort((p, q) => p - q));
  }), { numRuns: 1000 });
});

test('lines edited in place pair at their own line number', () => {
  const a = splitLines('h\n1\n2\n3\n');
  const b = splitLines('h\n1\nX\n3\n');
  const { keptInB, goneFromA } = commonLines(a, b);
  assert.deepEqual([...keptInB], [1, 1, 0, 1]);
  assert.deepEqual(goneFromA, [2]);
});
