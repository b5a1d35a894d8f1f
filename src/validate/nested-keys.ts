// Keys of nested rows inside their parent (CONTRACT §1): contacts by name,
// credit alerts by alertType + direction, IP addresses by ipAddress +
// addressType, codecs by codecName. Two elements with one key would be two
// writes to one row. Names compare as a person reads them (see
// confusable.ts) and IP addresses by value (`2001:db8::1` equals
// `2001:DB8:0::1`). It must never compare a non-string key: the schema
// reports those.

import type { Problem } from '../report/problem.js';
import { skeleton } from './confusable.js';
import { describe, record, shownName, type TypedDocument } from './documents.js';
import { pointerToken, problemAt } from './locate.js';
import { formatIp, parseIp } from './ip.js';

const ELEMENT_WORDS: Record<string, string> = {
  contacts: 'contact',
  creditAlerts: 'credit alert',
  ipAddresses: 'IP address',
  codecs: 'codec',
};

export function checkNestedKeys(typed: readonly TypedDocument[], problems: Problem[]): void {
  for (const td of typed) {
    for (const part of td.spec.nested) {
      if (part.cardinality !== 'many' || part.key.length === 0) continue;
      const list = td.data[part.field];
      if (Array.isArray(list)) checkList(td, part.field, part.key, list, problems);
    }
  }
}

function checkList(td: TypedDocument, field: string, keyFields: readonly string[], list: unknown[], problems: Problem[]): void {
  const seen = new Map<string, number>();
  list.forEach((entry, i) => {
    const element = record(entry);
    if (!element) return;
    const parts = keyFields.map((f) => element[f]);
    if (parts.some((p) => typeof p !== 'string' || p === '')) return;
    const written = parts as string[];
    const folded = written.map((p, k) => comparable(keyFields[k], p)).join('\u0000');
    const first = seen.get(folded);
    if (first === undefined) {
      seen.set(folded, i);
      return;
    }
    const base = `/${pointerToken(field)}`;
    const firstLine = td.doc.positions.get(`${base}/${first}`)?.line;
    problems.push(problemAt(td.doc, `${base}/${i}/${pointerToken(keyFields[0])}`, {
      rule: 'duplicate',
      message: `${ELEMENT_WORDS[field] ?? field} ${written.map(shownName).join(' + ')} is listed twice in ${describe(td)}${firstLine ? ` (first at line ${firstLine})` : ''}`,
      hint: `each ${ELEMENT_WORDS[field] ?? field} is identified by ${keyFields.join(' + ')}: merge the two entries`,
    }));
  });
}

function comparable(field: string, value: string): string {
  if (field === 'ipAddress') {
    const ip = parseIp(value);
    if (ip) return formatIp(ip.family, ip.value);
  }
  return skeleton(value);
}
