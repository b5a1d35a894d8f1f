// Turns "this pointer of this document is wrong" into a located Problem.
// Positions come from the loader: a value's start, or for an unknown or
// runtime-owned key the key's start. A pointer without a position (a missing
// field, an index past the end) falls back to its nearest ancestor that has
// one, so every problem points at a real line. It must never invent a line.

import type { SourceDocument } from '../load/types.js';
import type { Problem, Rule } from '../report/problem.js';

export interface Located {
  rule: Rule;
  message: string;
  hint?: string;
}

/** Where a pointer's value (or, with `atKey`, its key) is; the nearest ancestor's position otherwise. */
export function positionOf(doc: SourceDocument, pointer: string, atKey = false): { line: number; column: number } {
  if (atKey) {
    const key = doc.keyPositions.get(pointer);
    if (key) return key;
  }
  for (let p: string | undefined = pointer; p !== undefined; p = parentPointer(p)) {
    const at = doc.positions.get(p);
    if (at) return at;
  }
  return { line: 1, column: 1 };
}

export function parentPointer(pointer: string): string | undefined {
  if (pointer === '') return undefined;
  const slash = pointer.lastIndexOf('/');
  return slash <= 0 ? '' : pointer.slice(0, slash);
}

export function problemAt(doc: SourceDocument, pointer: string, what: Located, atKey = false): Problem {
  const { line, column } = positionOf(doc, pointer, atKey);
  return {
    file: doc.file, line, column, path: pointer, rule: what.rule, message: what.message,
    ...(what.hint ? { hint: what.hint } : {}),
  };
}

/** The line a document starts on, for "also defined at file:line" messages. */
export function documentLine(doc: SourceDocument): number {
  return doc.positions.get('')?.line ?? 1;
}

/** RFC 6901 token for one key. */
export function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
