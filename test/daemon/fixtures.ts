// The config versions the daemon tests commit: the minimal config of the
// engine tests with ACME's capacity changed from commit to commit, and one
// broken version whose service names an interconnect that does not exist.

import { MINIMAL } from '../support/config.js';

export const SECRET = 'whsec-test-9f8e7d6c5b4a';

export function withCapacity(limit: number, opts: { broken?: boolean } = {}): Record<string, string> {
  let yaml = MINIMAL['config.yaml'].replace('capacityLimit: 120', `capacityLimit: ${limit}`);
  if (opts.broken) yaml = yaml.replace('interconnect: lon-1', 'interconnect: lon-9');
  return { ...MINIMAL, 'config.yaml': yaml };
}
