// Identities across all files: one object per identity (CONTRACT §1, Kinds
// and identity). Two identities that a person cannot tell apart (letter
// case, full-width letters, invisible characters, a Cyrillic or Greek
// letter drawn like a Latin one, a tab for a space, a dash for a hyphen)
// are refused like exact duplicates: a reviewer reading the plan would take
// them for one object.
// It returns the catalogue of first occurrences that references resolve
// against. It must never pick a winner silently: every later copy is an error.

import type { KindName } from '../model/kinds.js';
import type { Problem } from '../report/problem.js';
import { hasInvisible, plainSkeleton, skeleton, visible } from './confusable.js';
import { describe, kindWord, shownName, text, type TypedDocument } from './documents.js';
import { documentLine, pointerToken, problemAt } from './locate.js';

/** First occurrence of each identity, per kind. */
export type Catalogue = Map<KindName, Map<string, TypedDocument>>;

export function checkIdentities(typed: readonly TypedDocument[], problems: Problem[]): Catalogue {
  const catalogue: Catalogue = new Map();
  const lookalikes = new Map<KindName, Map<string, TypedDocument>>();
  for (const td of typed) {
    const fields = td.spec.identity;
    if (fields.length === 0) continue;
    const parts = fields.map((f) => text(td.data[f]));
    if (parts.some((p) => p === undefined || p === '')) continue;
    td.key = parts.join('/');
    const at = `/${pointerToken(fields[fields.length - 1])}`;
    const exact = mapOf(catalogue, td.kind);
    const similar = mapOf(lookalikes, td.kind);
    const first = exact.get(td.key);
    if (first) {
      problems.push(problemAt(td.doc, at, {
        rule: 'duplicate',
        message: `${describe(td)} is also defined at ${where(first)}`,
        hint: `the ${fields.join(' + ')} of each ${kindWord(td.kind)} must be unique across all files: remove or rename one`,
      }));
      continue;
    }
    const folded = skeleton(td.key);
    const twin = similar.get(folded);
    if (twin) {
      problems.push(problemAt(td.doc, at, {
        rule: 'duplicate',
        message: `${describe(td)} looks the same as ${describe(twin)} defined at ${where(twin)}; they differ only in ${plainSkeleton(td.key) === plainSkeleton(twin.key!) ? 'letter case, character width or invisible characters' : 'look-alike letters of another script, dashes or the kind of blank'}`,
        hint: `spell it exactly as ${shownName(twin.key!)} if it is the same ${kindWord(td.kind)}, or choose a clearly different name`,
      }));
      continue;
    }
    exact.set(td.key, td);
    similar.set(folded, td);
    reportInvisible(td, fields, problems);
  }
  return catalogue;
}

/** An identity with an invisible character cannot be typed or read back reliably. */
function reportInvisible(td: TypedDocument, fields: readonly string[], problems: Problem[]): void {
  for (const field of fields) {
    const value = td.data[field] as string;
    if (!hasInvisible(value)) continue;
    problems.push(problemAt(td.doc, `/${pointerToken(field)}`, {
      rule: 'semantic',
      message: `${kindWord(td.kind)} ${field} '${visible(value)}' contains an invisible character`,
      hint: 'retype the name: zero-width and direction marks make names that look equal but are not',
    }));
  }
}

function mapOf<V>(maps: Map<KindName, Map<string, V>>, kind: KindName): Map<string, V> {
  let m = maps.get(kind);
  if (!m) maps.set(kind, (m = new Map()));
  return m;
}

export function where(td: TypedDocument): string {
  return `${td.doc.file}:${documentLine(td.doc)}`;
}
