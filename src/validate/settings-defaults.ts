// The Settings defaults shipped with didsync (config/defaults.yaml), read
// once and merged under the config's own Settings document. The file is part
// of the package, not of the user's config: a missing or broken file is a
// bug of the installation and fails loudly.

import { readFileSync } from 'node:fs';
import { dataObject, setData } from '../model/data-object.js';
import { parseYamlFile } from '../load/yaml.js';
import { record } from './documents.js';

const DEFAULTS_FILE = new URL('../../config/defaults.yaml', import.meta.url);

let cached: Record<string, unknown> | undefined;

export function settingsDefaults(): Record<string, unknown> {
  if (cached) return cached;
  const parsed = parseYamlFile('config/defaults.yaml', readFileSync(DEFAULTS_FILE));
  const doc = parsed.documents.find((d) => d.kind === 'Settings');
  if (parsed.problems.length > 0 || !doc) {
    throw new Error(`config/defaults.yaml is broken: ${parsed.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('; ') || 'no Settings document'}`);
  }
  const { kind: _kind, ...settings } = plainCopy(doc.data) as Record<string, unknown>;
  cached = settings;
  return settings;
}

/** Objects merge key by key; lists and scalars in `over` replace those in `base`. */
export function mergeSettings(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const below = record(out[key]);
    const above = record(value);
    out[key] = below && above ? mergeSettings(below, above) : value;
  }
  return out;
}

/** A deep copy with ordinary objects; keys (even `__proto__`) become own data properties. */
export function plainCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainCopy);
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    const out = dataObject(keys, true);
    for (const k of keys) setData(out, k, plainCopy((value as Record<string, unknown>)[k]));
    return out;
  }
  return value;
}
