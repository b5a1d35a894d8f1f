// The text of one generated carrier file: the Carrier, its interconnects and
// its services, in the examples' format. Built from template strings, not a
// YAML serialiser: thousands of files must be written in well under a second,
// and every value here is plain enough to need no quoting rules beyond these.

import type { Prng } from './prng.js';

export interface CarrierShape {
  /** 1-based carrier number. */
  index: number;
  interconnects: number;
  services: number;
  /** Rating plan names services may use; none leaves ratingPlan out. */
  planNames: readonly string[];
}

const PARTNER_TYPES = ['customer', 'supplier', 'bilateral'] as const;
const CURRENCIES = ['USD', 'EUR', 'GBP'];
const CODECS: [string, string][] = [['PCMA', '8'], ['PCMU', '0'], ['G729', '18'], ['G722', '9'], ['OPUS', '111']];
export const CATEGORY_CODES = ['WHOLESALE', 'CALLCENTRE'];
export const GROUP_CODES = ['WS-TIER1', 'CC-EMEA'];

export function carrierCode(index: number): string {
  return `C${String(index).padStart(5, '0')}`;
}

/** An IPv4 address `base + n` inside a /8 (10.0.0.0/8 for transport). */
export function addressIn(firstOctet: number, n: number): string {
  return `${firstOctet}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

export function carrierYaml(shape: CarrierShape, prng: Prng): string {
  const code = carrierCode(shape.index);
  const partner = PARTNER_TYPES[shape.index % 3];
  const docs = [carrierDoc(code, partner, shape.index, prng)];
  const directions: string[] = [];
  for (let j = 0; j < shape.interconnects; j++) {
    const direction = j === 0 ? firstDirection(partner) : ['egress', 'both', 'ingress'][j % 3];
    directions.push(direction);
    const global = (shape.index - 1) * shape.interconnects + j + 1;
    docs.push(interconnectDoc(code, j, direction, global, prng));
  }
  for (let s = 0; s < shape.services; s++) {
    const ic = s % shape.interconnects;
    const carried = directions[ic];
    const direction = carried === 'both' ? (s % 2 === 0 ? 'egress' : 'ingress') : carried;
    const plan = shape.planNames.length ? shape.planNames[(shape.index * 7 + s) % shape.planNames.length] : undefined;
    docs.push(serviceDoc(code, s, ic, direction, plan, prng));
  }
  return '# yaml-language-server: $schema=../../schemas/carrier.schema.json\n' + docs.join('---\n');
}

function firstDirection(partner: string): string {
  return partner === 'customer' ? 'ingress' : partner === 'supplier' ? 'egress' : 'both';
}

function carrierDoc(code: string, partner: string, index: number, prng: Prng): string {
  const lower = code.toLowerCase();
  const limit = 1000 * (1 + prng.int(50));
  const assignment = [
    '  assignmentType: all\n',
    `  assignmentType: categories\n  categories: [${CATEGORY_CODES[index % 2]}]\n`,
    `  assignmentType: groups\n  groups: [${GROUP_CODES.join(', ')}]\n`,
  ][index % 3];
  return `kind: Carrier
code: ${code}
name: Carrier ${index} Telecom Ltd
partnerType: ${partner}
status: active
primaryCurrency: ${CURRENCIES[index % 3]}
customerCreditType: postpaid
customerCreditLimit: "${limit}.00"
supplierCreditType: prepaid
customer24HrSpendLimit: "${limit / 4}.00"
capacityMode: capped
capacityLimit: ${50 + prng.int(950)}
circularRouting: false
customerAccountNumber: C-${100000 + index}
contacts:
  - { name: NOC, jobTitle: Network Operations, telephone: "+1 202 555 ${String(index % 10000).padStart(4, '0')}", email: noc@${lower}.example, portalAccess: true, isPrimary: true }
  - { name: Billing, firstName: Alex, lastName: Morgan, email: billing@${lower}.example, portalAccess: false, isPrimary: false }
creditAlerts:
  - { alertType: low_balance, direction: customer, threshold: "${limit / 10}.00", recipients: [billing@${lower}.example], isActive: true }
  - { alertType: 24hr_spend_breach, direction: customer, threshold: "${limit / 4}.00", recipients: [noc@${lower}.example], isActive: true }
assignment:
${assignment}`;
}

function interconnectDoc(code: string, j: number, direction: string, global: number, prng: Prng): string {
  const codecs = CODECS.map(([name, id], k) =>
    `  - { codecName: ${name}, codecId: "${id}", allowed: ${k < 3}, relayOnly: false, vad: false, ptime: ${k === 2 ? 30 : 20} }\n`).join('');
  return `kind: Interconnect
carrier: ${code}
name: ic-${j + 1}
direction: ${direction}
currencyCode: USD
protocol: SIP
capacityMode: capped
capacityLimit: ${10 + prng.int(490)}
isActive: true
ipAddress: ${addressIn(10, global)}
sipPort: 5060
ipAddresses:
  - { ipAddress: ${addressIn(10, global)}, addressType: transport, isActive: true }
  - { ipAddress: ${addressIn(100, global)}, addressType: media, isActive: true }
validation: { trunkGroup: ${code}-${j + 1}, maxCps: ${5 + prng.int(95)}, maxCpsEnabled: true, testSystemControl: allow }
translation: { originationPreference: pai, originationValidation: e164, setPaiHeader: from, globalTranslation: e164 }
media: { dtmfDetection: rfc2833, mediaRelay: auto, mediaNetwork: public, rtpTimeout: 120, rtpTimeoutEnabled: true }
signalling: { privacyMethod: rfc3325, sessionTimerEnabled: true, sessionTimerInterval: 1800, maxCallDuration: 7200, maxCallDurationEnabled: true, earlyMediaEnabled: true, 100relEnabled: false, releaseCauseMapping: { "486": 17 } }
codecs:
${codecs}`;
}

function serviceDoc(code: string, s: number, ic: number, direction: string, plan: string | undefined, prng: Prng): string {
  return `kind: Service
carrier: ${code}
name: svc-${s + 1}
interconnect: ic-${ic + 1}
direction: ${direction}
status: active
${plan === undefined ? '' : `ratingPlan: ${plan}\n`}routingPlan: RP-${1 + (s % 5)}
priority: ${1 + prng.int(5)}
weight: ${10 * (1 + prng.int(10))}
capacityMode: unrestricted
enforcementPolicy: reject
`;
}
