// An interconnect's addresses must be addresses: `ipAddress` an IPv4 or IPv6
// address, `rangeEnd` only with `isRange: true` and required by it, both
// ends of one family, start <= end. Returns the usable blocks (the numeric
// form the ingress check sweeps over). It must never guess at a malformed
// address (CIDR text, leading zeros): refusing beats matching the wrong calls.

import type { Problem } from '../report/problem.js';
import { alreadyReported, describe, record, type TypedDocument } from './documents.js';
import { formatIp, parseIp, type IpFamily } from './ip.js';
import { problemAt } from './locate.js';

export interface AddressBlock {
  td: TypedDocument;
  /** Pointer of the address (`/ipAddresses/0/ipAddress`, or the interconnect's own `/ipAddress`). */
  pointer: string;
  family: IpFamily;
  start: bigint;
  end: bigint;
  /** addressType as written; undefined for the interconnect's own `ipAddress`. */
  addressType?: string;
  active: boolean;
}

const RANGE_HINT = 'write a range as `ipAddress: <first>`, `isRange: true`, `rangeEnd: <last>`';

export function checkAddresses(td: TypedDocument, problems: Problem[]): AddressBlock[] {
  const blocks: AddressBlock[] = [];
  const report = (pointer: string, message: string, hint?: string) => {
    if (alreadyReported(td, pointer)) return;
    td.reported.add(pointer);
    problems.push(problemAt(td.doc, pointer, { rule: 'semantic', message, ...(hint ? { hint } : {}) }));
  };
  const single = td.data.ipAddress;
  if (typeof single === 'string' && single !== '') {
    const ip = parseIp(single);
    if (!ip) report('/ipAddress', `ipAddress '${single}' of ${describe(td)} is not an IPv4 or IPv6 address`);
    else blocks.push({ td, pointer: '/ipAddress', family: ip.family, start: ip.value, end: ip.value, active: true });
  }
  const list = td.data.ipAddresses;
  if (!Array.isArray(list)) return blocks;
  list.forEach((entry, i) => {
    const e = record(entry);
    if (!e || typeof e.ipAddress !== 'string') return;
    const at = `/ipAddresses/${i}`;
    const start = parseIp(e.ipAddress);
    if (!start) {
      report(`${at}/ipAddress`, `ipAddress '${e.ipAddress}' is not an IPv4 or IPv6 address`,
        e.ipAddress.includes('/') ? RANGE_HINT : undefined);
      return;
    }
    const rangeEnd = typeof e.rangeEnd === 'string' && e.rangeEnd !== '' ? e.rangeEnd : undefined;
    let end = start;
    if (e.isRange === true) {
      if (rangeEnd === undefined) return report(`${at}/isRange`, `isRange is true but rangeEnd is missing`, RANGE_HINT);
      const last = parseIp(rangeEnd);
      if (!last) return report(`${at}/rangeEnd`, `rangeEnd '${rangeEnd}' is not an IPv4 or IPv6 address`);
      if (last.family !== start.family) {
        return report(`${at}/rangeEnd`, `the range ${e.ipAddress} - ${rangeEnd} mixes IPv${start.family} and IPv${last.family}`,
          'both ends of a range must be of one family');
      }
      if (last.value < start.value) {
        return report(`${at}/rangeEnd`, `the range ends at ${rangeEnd}, before its start ${e.ipAddress}`,
          'swap ipAddress and rangeEnd');
      }
      end = last;
    } else if (rangeEnd !== undefined) {
      return report(`${at}/rangeEnd`, `rangeEnd is set but isRange is not true`,
        'add `isRange: true` to make this entry a range, or remove rangeEnd');
    }
    blocks.push({
      td, pointer: `${at}/ipAddress`, family: start.family, start: start.value, end: end.value,
      addressType: typeof e.addressType === 'string' ? e.addressType : undefined,
      active: e.isActive !== false,
    });
  });
  return blocks;
}

export function blockText(b: { family: IpFamily; start: bigint; end: bigint }): string {
  const first = formatIp(b.family, b.start);
  return b.start === b.end ? first : `${first} - ${formatIp(b.family, b.end)}`;
}
