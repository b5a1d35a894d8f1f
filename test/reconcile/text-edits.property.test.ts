// A text recorded as edits of the text before it is that text again, byte
// for byte, whatever the two hold; edits of a few lines stay a few parts;
// and a script that is not one for the text it is applied to makes nothing.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { applyTextEdits, textEdits } from '../../src/reconcile/text-edits.js';

/** Few distinct short lines, so texts share many lines and repeat some; a carriage return and a non-ASCII letter among them. */
const line = fc.constantFrom('', 'a', 'b', 'ab', '44,UK,0.1', '44,UK,0.2', '33,FR,0.1', 'x\r', '\u00e9', '"q,\nr"');
const lines = fc.array(line, { maxLength: 60 });
const join = (ls: string[], end: boolean) => ls.join('\n') + (end && ls.length > 0 ? '\n' : '');

/** One edit of a list of lines: a line replaced, added or removed, or a block moved. */
const edit = fc.oneof(
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), line }),
  fc.record({ op: fc.constant('add' as const), at: fc.nat(), line }),
  fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('move' as const), at: fc.nat(), to: fc.nat(), n: fc.integer({ min: 1, max: 20 }) }),
);

function edited(ls: string[], edits: Array<{ op: string; at: number; line?: string; to?: number; n?: number }>): string[] {
  const out = [...ls];
  for (const e of edits) {
    const at = out.length === 0 ? 0 : e.at % (out.length + (e.op === 'add' ? 1 : 0));
    if (e.op === 'set' && out.length > 0) out[at] = e.line!;
    else if (e.op === 'add') out.splice(at, 0, e.line!);
    else if (e.op === 'remove' && out.length > 0) out.splice(at, 1);
    else if (e.op === 'move' && out.length > 0) {
      const block = out.splice(at, e.n!);
      out.splice(e.to! % (out.length + 1), 0, ...block);
    }
  }
  return out;
}

test('the edits of any two texts make the second of the first, exactly', () => {
  fc.assert(fc.property(lines, fc.boolean(), lines, fc.boolean(), (x, xEnd, y, yEnd) => {
    const old = join(x, xEnd);
    const next = join(y, yEnd);
    const script = textEdits(old, next);
    assert.ok(script, 'a script is found');
    assert.equal(applyTextEdits(old, JSON.parse(JSON.stringify(script))), next);
  }), { numRuns: 2000 });
});

test('a text edited in a few places, or with lines added, removed or moved, is made again exactly', () => {
  fc.assert(fc.property(lines, fc.boolean(), fc.array(edit, { maxLength: 8 }), fc.boolean(), (x, xEnd, edits, yEnd) => {
    const old = join(x, xEnd);
    const next = join(edited(x, edits), yEnd);
    const script = textEdits(old, next);
    assert.ok(script);
    assert.equal(applyTextEdits(old, script), next);
  }), { numRuns: 2000 });
});

test('a deck repriced on every hundredth line is a copy and a line for each change, not the deck again', () => {
  const rows = Array.from({ length: 10_000 }, (_, i) => `${44000 + i},Destination ${i % 97},0.${String(10_000 + i).padStart(6, '0')},0,2025-01-01`);
  const old = ['prefix,destination,rate,connectionFee,effectiveDate', ...rows, ''].join('\n');
  const changed = rows.map((r, i) => (i % 100 === 99 ? r.replace(',0,2025', ',0.0001,2025') : r));
  const next = ['prefix,destination,rate,connectionFee,effectiveDate', ...changed, ''].join('\n');
  const script = textEdits(old, next)!;
  assert.equal(applyTextEdits(old, script), next);
  // 100 changed lines, each after a copy (the last line is one of them).
  assert.equal(script.filter((p) => typeof p === 'string').length, 100);
  assert.equal(script.length, 200);
  assert.ok(JSON.stringify(script).length < old.length / 40, `${JSON.stringify(script).length} characters of edits for ${old.length}`);

  // Rows added after a line and removed further on shift the rest by a line each: still copies.
  const shifted = ['prefix,destination,rate,connectionFee,effectiveDate', ...rows.slice(0, 500), '43999,New,0.1,0,2025-01-01', ...rows.slice(500, 7000), ...rows.slice(7001), ''].join('\n');
  const moves = textEdits(old, shifted)!;
  assert.equal(applyTextEdits(old, moves), shifted);
  assert.deepEqual(moves.filter((p) => typeof p === 'string'), ['43999,New,0.1,0,2025-01-01\n']);
});

test('a script that is not one for the text makes nothing', () => {
  const old = 'h\n1\n2\n';
  assert.equal(applyTextEdits(old, [[0, 2], 'x\n', [4, 6]]), 'h\nx\n2\n');
  for (const bad of [undefined, null, 'h', {}, [[0]], [[0, 1, 2]], [[-1, 2]], [[3, 2]], [[0, 7]], [[0.5, 2]], [['0', '2']], [1], [null]]) {
    assert.equal(applyTextEdits(old, bad), undefined, JSON.stringify(bad));
  }
  assert.equal(applyTextEdits(old, []), '');
});
