// Test support: YAML text -> documents validated the way the validate stage
// does it (numbers at decimal pointers replaced by their source text first),
// so a test states a mistake in YAML and checks the issue it gives.

import { valueAt } from '../../src/load/index.js';
import { numberText } from '../../src/load/types.js';
import { parseYamlFile } from '../../src/load/yaml.js';
import { isKindName, type KindName } from '../../src/model/kinds.js';
import { decimalPointers, type SchemaIssue } from '../../src/model/schemas.js';
import { validateAgainstSchema } from '../../src/model/schema-validator.js';

export interface CheckedDocument {
  kind: KindName;
  data: Record<string, unknown>;
  issues: SchemaIssue[];
}

export function checkYaml(text: string): CheckedDocument[] {
  const parsed = parseYamlFile('test.yaml', text);
  if (parsed.problems.length > 0) throw new Error(`fixture does not parse: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return parsed.documents.map((doc) => {
    if (!isKindName(doc.kind)) throw new Error(`fixture has unknown kind ${String(doc.kind)}`);
    const data = structuredClone({ ...(doc.data as object) }) as Record<string, unknown>;
    for (const pointer of decimalPointers(doc.kind, data)) {
      const value = valueAt(data, pointer);
      if (typeof value === 'number') setAt(data, pointer, numberText(doc, pointer, value));
    }
    return { kind: doc.kind, data, issues: validateAgainstSchema(doc.kind, data) };
  });
}

/** The issues of a single-document YAML text. */
export function issuesOf(text: string): SchemaIssue[] {
  const [doc] = checkYaml(text);
  return doc.issues;
}

function setAt(data: unknown, pointer: string, value: unknown): void {
  const tokens = pointer.split('/').slice(1);
  const last = tokens.pop()!;
  let node = data as Record<string, unknown>;
  for (const t of tokens) node = node[t] as Record<string, unknown>;
  node[last] = value;
}
