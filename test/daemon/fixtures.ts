// The config versions the daemon tests commit: the minimal config of the
// engine tests with ACME's capacity changed from commit to commit, and one
// broken version whose service names an interconnect that does not exist;
// and a rate deck big enough for an apply to take a while.

import { MINIMAL } from '../support/config.js';

export const SECRET = 'whsec-test-9f8e7d6c5b4a';

export function withCapacity(limit: number, opts: { broken?: boolean } = {}): Record<string, string> {
  let yaml = MINIMAL['config.yaml'].replace('capacityLimit: 120', `capacityLimit: ${limit}`);
  if (opts.broken) yaml = yaml.replace('interconnect: lon-1', 'interconnect: lon-9');
  return { ...MINIMAL, 'config.yaml': yaml };
}

/** `n` UK rates as a CSV deck: an apply that lasts long enough to be interrupted. */
export function bigRates(n: number): string {
  const lines = ['prefix,destination,rate,connectionFee,effectiveDate'];
  for (let i = 0; i < n; i++) lines.push(`44${String(i).padStart(6, '0')},United Kingdom ${i},0.0100,0,2025-01-01`);
  return `${lines.join('\n')}\n`;
}
