// Natural references resolve inside the config (validate needs no
// database): carrier codes, interconnect names within the service's own
// carrier, rating plan names, category and group codes, ISO 4217 currency
// codes. A name that resolves to nothing is an error with the closest name
// offered. The references of kinds.ts are checked, plus the names nested in
// a carrier's assignment and the currencies kinds.ts keeps as plain text.
// It must never resolve a name to an id: that is the diff's business.

import { ISO_4217 } from '../db/iso4217.js';
import type { KindName } from '../model/kinds.js';
import type { Problem } from '../report/problem.js';
import { didYouMean } from './did-you-mean.js';
import { alreadyReported, describe, kindWord, record, shownName, type TypedDocument } from './documents.js';
import type { Catalogue } from './identity.js';
import { pointerToken, problemAt } from './locate.js';

interface NameReference {
  /** Path of field names from the document; `*` walks every element of a list. */
  path: string[];
  target: KindName | 'Currency';
  /** Fields of the referring document that scope the name (`<carrier>/<name>`). */
  scopeFields?: string[];
}

/** References that kinds.ts does not list (they are not foreign-key columns of the kind's own table). */
const EXTRA_REFERENCES: Partial<Record<KindName, NameReference[]>> = {
  Carrier: [
    { path: ['assignment', 'categories', '*'], target: 'CustomerCategory' },
    { path: ['assignment', 'groups', '*'], target: 'CustomerGroup' },
  ],
  Interconnect: [{ path: ['currencyCode'], target: 'Currency' }],
  RatingPlan: [{ path: ['currency'], target: 'Currency' }],
};

/** With `across` false, only the names checked without other documents (currencies). */
export function checkReferences(typed: readonly TypedDocument[], catalogue: Catalogue, problems: Problem[], opts: { across: boolean } = { across: true }): void {
  for (const td of typed) {
    const refs: NameReference[] = [
      ...td.spec.references.map((r) => ({ path: [r.field], target: r.target, scopeFields: r.scopeFields })),
      ...(EXTRA_REFERENCES[td.kind] ?? []),
    ];
    for (const ref of refs) {
      if (!opts.across && ref.target !== 'Currency') continue;
      for (const [pointer, name] of namesAt(td.data, ref.path, '')) {
        if (alreadyReported(td, pointer)) continue;
        const message = resolve(td, ref, name, catalogue);
        if (message) problems.push(problemAt(td.doc, pointer, { rule: 'reference', message }));
      }
    }
  }
}

/** A message when the name does not resolve; undefined when it does (or cannot be judged). */
function resolve(td: TypedDocument, ref: NameReference, name: string, catalogue: Catalogue): string | undefined {
  if (ref.target === 'Currency') {
    if (ISO_4217.has(name)) return undefined;
    return `${describe(td)} uses currency '${name}', which is not an ISO 4217 currency code${didYouMean(name, ISO_4217.keys())}`;
  }
  const known = catalogue.get(ref.target) ?? new Map<string, TypedDocument>();
  if (!ref.scopeFields?.length) {
    if (known.has(name)) return undefined;
    return `${describe(td)} references ${kindWord(ref.target)} '${name}', which does not exist${didYouMean(name, known.keys())}`;
  }
  const scope = ref.scopeFields.map((f) => td.data[f]);
  if (scope.some((s) => typeof s !== 'string')) return undefined;
  const prefix = `${(scope as string[]).join('/')}/`;
  // Every scoped reference is scoped by a carrier, which its own reference
  // checks; with an unknown carrier there is nothing to look in.
  if (!catalogue.get('Carrier')?.has(scope.join('/'))) return undefined;
  if (known.has(prefix + name)) return undefined;
  const siblings = [...known.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  const missing = `${describe(td)} references ${kindWord(ref.target)} '${name}' of carrier ${shownName(scope.join('/'))}, which does not exist`;
  const suggestion = didYouMean(name, siblings);
  if (suggestion) return missing + suggestion;
  // The name is right but the carrier is not: say whose it is, or the engineer goes looking for a typo.
  const owners = [...known.keys()].filter((k) => k.endsWith(`/${name}`) && !k.slice(0, -name.length - 1).includes('/')).map((k) => k.slice(0, -name.length - 1));
  if (owners.length === 0) return missing;
  return `${missing}; ${kindWord(ref.target)} '${name}' belongs to carrier ${owners.map(shownName).join(', ')}, and a ${kindWord(td.kind)} can only use its own carrier's`;
}

/** Every string value at the path, with its pointer. */
function namesAt(value: unknown, path: readonly string[], pointer: string): [string, string][] {
  if (path.length === 0) return typeof value === 'string' ? [[pointer, value]] : [];
  const [head, ...rest] = path;
  if (head === '*') {
    return Array.isArray(value) ? value.flatMap((v, i) => namesAt(v, rest, `${pointer}/${i}`)) : [];
  }
  const obj = record(value);
  if (!obj || !Object.hasOwn(obj, head)) return [];
  return namesAt(obj[head], rest, `${pointer}/${pointerToken(head)}`);
}
