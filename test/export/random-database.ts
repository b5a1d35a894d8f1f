// Random DIDTron database contents for the export property tests, inserted
// with plain SQL as the DIDTron UI would leave them: categories and groups,
// carriers with contacts, credit alerts and assignments, interconnects with
// addresses, codecs and settings, services, rating plans with rates. Values
// are awkward on purpose (quotes, colons, '#', YAML keywords, leading zeros,
// unicode, decimals with trailing zeros, multi-line text) but stay within
// what the schemas allow, so the exported config must validate. Identities
// are unique also as a reader sees them (no two codes differing only in
// case, say): the validator refuses those, as it should.

import { hasInvisible, skeleton } from '../../src/validate/confusable.js';
import fc from 'fast-check';
import type { Queryable } from '../../src/drivers/driver.js';
import { ident } from '../../src/model/columns.js';
import type { KindName } from '../../src/model/kinds.js';
import { columnFields, nestedFields } from '../../src/model/schemas.js';

type Row = Record<string, unknown>;

export interface Content {
  categories: Row[];
  groups: Row[];
  plans: Array<{ plan: Row; rates: Row[] }>;
  carriers: Array<{
    carrier: Row;
    contacts: Row[];
    alerts: Row[];
    assignment: Row | null;
    interconnects: Array<{ interconnect: Row; addresses: Row[]; codecs: Row[]; signalling: Row | null; validation: Row | null }>;
    services: Row[];
  }>;
}

/** Strings a YAML or CSV writer must quote or escape. */
const AWKWARD = [
  'Acme: "Ltd"', "O'Brien #2", 'Ünïcødé Telecom — 東京', 'a: b # c', '- dash', '[brackets]', '{braces}',
  'yes', 'null', 'true', '0012', '1e3', '0x1F', '1.500', '@at', '`tick`', '%percent', '&anchor', '*alias', '!tag',
  '>folded', '|literal', 'comma, inside', 'quote " inside', 'tab\tinside', '~', '🙂 emoji', 'Ärger, "quoted" & more',
];

const printable = (s: string) => !/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/u.test(s);

/** A name matching `^\S(.*\S)?$`: awkward picks or random unicode. */
const nameArb = fc.oneof(
  fc.constantFrom(...AWKWARD),
  // Invisible characters are refused in identities (validation says so): not a name a database row can be exported with.
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((s) => printable(s) && !hasInvisible(s) && /^\S(.*\S)?$/u.test(s)),
);
/** A name without '/', for interconnects and services. */
const partNameArb = nameArb.filter((s) => /^[^/\s]([^/]*[^/\s])?$/u.test(s));
const codeArb = fc.oneof(
  fc.constantFrom('0012', 'true', 'null', '1e3', '0x1F', '1.50', 'NO', 'a-1', 'A.1', 'x_y'),
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,8}$/),
);
/** A decimal with up to `scale` places, trailing zeros kept. */
const decimalArb = (intDigits: number, scale: number) =>
  fc.tuple(fc.bigInt({ min: 0n, max: 10n ** BigInt(intDigits) - 1n }), fc.integer({ min: 0, max: scale }), fc.nat({ max: 9999 }))
    .map(([int, places, frac]) => (places === 0 ? String(int) : `${int}.${String(frac).padStart(4, '0').slice(0, places).padEnd(places, '0')}`));
const dateArb = fc.integer({ min: 0, max: 3000 }).map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const textArb = fc.oneof(nameArb, fc.constantFrom('line 1\nline 2: "two"\n# not a comment', 'ends with newline\n', '  leading spaces'));

const categoryArb = fc.record({
  code: codeArb, name: nameArb, description: fc.option(textArb, { nil: undefined }),
  displayOrder: fc.option(fc.nat({ max: 99 }), { nil: undefined }), isActive: fc.boolean(), showOnWebsite: fc.boolean(),
  defaultBillingType: fc.option(fc.constantFrom('prepaid', 'postpaid'), { nil: undefined }),
});

const contactArb = fc.record({
  name: nameArb, title: fc.option(fc.constantFrom('Mr', 'Ms', 'Dr.'), { nil: undefined }),
  telephone: fc.option(fc.constantFrom('+44 20 7946 0100', '00441234', '0'), { nil: undefined }),
  email: fc.option(fc.constantFrom('noc@acme.example', 'o.brien+rates@example.com'), { nil: undefined }),
  portalAccess: fc.boolean(), isPrimary: fc.boolean(),
});

const alertArb = fc.record({
  alertType: fc.constantFrom('low_balance', 'high_balance', '24hr_spend_breach'), direction: fc.constantFrom('customer', 'supplier'),
  threshold: decimalArb(6, 4),
  recipients: fc.option(fc.uniqueArray(fc.constantFrom('a@example.com', 'b@example.com', 'noc@acme.example'), { minLength: 1, maxLength: 3 }), { nil: undefined }),
  isActive: fc.boolean(),
});

const codecArb = fc.record({
  codecName: fc.constantFrom('PCMA', 'PCMU', 'G729', 'G722', 'OPUS', 'telephone-event'),
  codecId: fc.option(fc.constantFrom('8', '0', '18', '101'), { nil: undefined }),
  allowed: fc.boolean(), ptime: fc.option(fc.constantFrom(10, 20, 30, 150), { nil: undefined }),
});

const interconnectArb = fc.record({
  interconnect: fc.record({
    name: partNameArb, direction: fc.constantFrom('ingress', 'egress', 'both'),
    techPrefix: fc.option(fc.constantFrom('0044', '#77', '007', 'ab:cd'), { nil: undefined }),
    capped: fc.boolean(), capacityLimit: fc.integer({ min: 1, max: 5000 }), isActive: fc.option(fc.boolean(), { nil: null }),
    sipPort: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
  }),
  addresses: fc.uniqueArray(fc.record({ type: fc.constantFrom('transport', 'media'), isActive: fc.option(fc.boolean(), { nil: null }) }), { maxLength: 3 }),
  codecs: fc.uniqueArray(codecArb, { maxLength: 4, selector: (c) => c.codecName }),
  signalling: fc.option(fc.record({
    sessionTimerEnabled: fc.boolean(), sessionTimerInterval: fc.option(fc.integer({ min: 90, max: 86400 }), { nil: undefined }),
    '100relEnabled': fc.boolean(),
    releaseCauseMapping: fc.option(fc.constantFrom({ '404': 1 }, { '503': 17, '486': 127 }), { nil: undefined }),
  }), { nil: null }),
  validation: fc.option(fc.record({
    fromUri: fc.option(fc.constantFrom('sip:*@sbc.example', 'sip:"x"@a.example;tag=#1'), { nil: undefined }),
    maxCps: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }), maxCpsEnabled: fc.boolean(),
  }), { nil: null }),
});

const rateArb = fc.record({
  prefix: fc.stringMatching(/^[0-9]{1,6}$/),
  destination: fc.oneof(nameArb, fc.constantFrom('Spain, "mainland"', ' padded ', 'two\nlines', '#hash', '=SUM(A1)')),
  rate: decimalArb(5, 6), connectionFee: fc.option(decimalArb(2, 6), { nil: undefined }),
  initialInterval: fc.option(fc.constantFrom(1, 6, 30, 60), { nil: undefined }),
  recurringInterval: fc.option(fc.constantFrom(1, 6, 60), { nil: undefined }),
  effectiveDate: fc.option(dateArb, { nil: undefined }), endIn: fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }),
});

const planArb = fc.record({
  plan: fc.record({
    name: nameArb, currency: fc.constantFrom('GBP', 'USD', 'EUR'),
    timeZone: fc.option(fc.constantFrom('Europe/London', 'UTC', 'America/Argentina/Buenos_Aires'), { nil: undefined }),
    minMargin: fc.option(decimalArb(5, 4), { nil: undefined }),
    effectiveDate: fc.option(fc.constantFrom('2025-06-01 00:00:00+00', '2026-01-31 23:30:00+02'), { nil: undefined }),
    initialInterval: fc.option(fc.constantFrom(1, 60), { nil: undefined }),
    selectedTimeClasses: fc.option(fc.constantFrom(['Peak', 'Off-Peak: night'], ['#1']), { nil: undefined }),
  }),
  rates: fc.uniqueArray(rateArb, { maxLength: 6, selector: (r) => `${r.prefix}|${r.effectiveDate ?? ''}` }),
});

const carrierArb = fc.record({
  carrier: fc.record({
    code: codeArb, name: nameArb, partnerType: fc.constantFrom('customer', 'supplier', 'bilateral'),
    // NULL where the schema has a default: export must keep it NULL, not let the default in.
    status: fc.option(fc.constantFrom('active', 'paused', 'disabled', 'testing'), { nil: null }), primaryCurrency: fc.constantFrom('GBP', 'USD', 'EUR'),
    customerCreditLimit: fc.option(decimalArb(12, 4), { nil: undefined }), capped: fc.boolean(), capacityLimit: fc.integer({ min: 1, max: 9999 }),
    circularRouting: fc.option(fc.boolean(), { nil: null }), taxCode: fc.option(fc.constantFrom('GB-VAT-20', '0020', 'yes'), { nil: undefined }),
    billTo: fc.option(textArb, { nil: undefined }),
  }),
  contacts: fc.uniqueArray(contactArb, { maxLength: 3, selector: (c) => c.name }),
  alerts: fc.uniqueArray(alertArb, { maxLength: 3, selector: (a) => `${a.alertType}|${a.direction}` }),
  assignment: fc.option(fc.constantFrom('all', 'categories', 'groups'), { nil: null }),
  interconnects: fc.uniqueArray(interconnectArb, { maxLength: 2, selector: (i) => skeleton(i.interconnect.name) }),
  services: fc.uniqueArray(fc.record({
    name: partNameArb, on: fc.nat(), plan: fc.nat(), ingress: fc.boolean(),
    routingPlan: fc.option(fc.constantFrom('RP-UK', '0099', 'plan: b'), { nil: undefined }),
    priority: fc.option(fc.nat({ max: 10 }), { nil: undefined }), weight: fc.option(fc.nat({ max: 100 }), { nil: undefined }),
  }), { maxLength: 2, selector: (s) => s.name }),
});

const rawArb = fc.record({
  categories: fc.uniqueArray(categoryArb, { maxLength: 3, selector: (c) => skeleton(c.code) }),
  groups: fc.uniqueArray(fc.record({ code: codeArb, name: nameArb, isActive: fc.option(fc.boolean(), { nil: null }), category: fc.nat() }), { maxLength: 3, selector: (g) => skeleton(g.code) }),
  plans: fc.uniqueArray(planArb, { maxLength: 3, selector: (p) => skeleton(p.plan.name) }),
  carriers: fc.uniqueArray(carrierArb, { minLength: 1, maxLength: 3, selector: (c) => skeleton(c.carrier.code) }),
});

type Raw = typeof rawArb extends fc.Arbitrary<infer T> ? T : never;

export const contentArb: fc.Arbitrary<Content> = rawArb.map(resolve);

/** Turn the generated values into rows: references resolved, capacity and dates made consistent, addresses unique. */
function resolve(raw: Raw): Content {
  let address = 0;
  const categoryCodes = raw.categories.map((c) => c.code);
  const groups = categoryCodes.length === 0 ? [] : raw.groups.map(({ category, ...g }) => ({ ...g, category: categoryCodes[category % categoryCodes.length] }));
  const groupCodes = groups.map((g) => g.code);
  const planNames = raw.plans.map((p) => p.plan.name);
  const capacity = ({ capped, capacityLimit }: { capped: boolean; capacityLimit: number }) => (capped ? { capacityMode: 'capped', capacityLimit } : {});
  return {
    categories: raw.categories,
    groups,
    plans: raw.plans.map(({ plan, rates }) => ({
      plan,
      rates: rates.map(({ endIn, ...r }) => ({ ...r, endDate: endIn === undefined ? undefined : addDays(r.effectiveDate ?? '2024-01-01', endIn) })),
    })),
    carriers: raw.carriers.map((c) => {
      const { capped, capacityLimit, ...carrier } = c.carrier;
      const interconnects = c.interconnects.map((ic) => {
        const { capped: icCapped, capacityLimit: icLimit, ...interconnect } = ic.interconnect;
        return {
          interconnect: { ...interconnect, ...capacity({ capped: icCapped, capacityLimit: icLimit }) },
          addresses: ic.addresses.map((a) => ({ ipAddress: `192.0.2.${++address}`, addressType: a.type, isActive: a.isActive })),
          codecs: ic.codecs, signalling: ic.signalling, validation: ic.validation,
        };
      });
      const services = interconnects.length === 0 || planNames.length === 0 ? [] : c.services.map(({ on, plan, ingress, ...s }) => {
        const ic = interconnects[on % interconnects.length].interconnect;
        const direction = ic.direction === 'both' ? (ingress ? 'ingress' : 'egress') : ic.direction;
        return { ...s, direction, interconnect: ic.name, ratingPlan: planNames[plan % planNames.length] };
      });
      const assignment = c.assignment === 'categories' && categoryCodes.length > 0 ? { assignmentType: 'categories', categories: categoryCodes.slice(0, 2) }
        : c.assignment === 'groups' && groupCodes.length > 0 ? { assignmentType: 'groups', groups: groupCodes.slice(-2) }
          : c.assignment === null ? null : { assignmentType: 'all' };
      return { carrier: { ...carrier, ...capacity({ capped, capacityLimit }) }, contacts: c.contacts, alerts: c.alerts, assignment, interconnects, services };
    }),
  };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Insert the contents with SQL, as rows didsync does not manage. */
export async function insertContent(db: Queryable, content: Content): Promise<void> {
  const ids = new Map<string, string>();
  const id = (kind: string, key: string) => ids.get(`${kind}\u0000${key}`) ?? null;
  const currency = async (code: unknown) => (code == null ? null
    : (await db.query<{ id: string }>('SELECT id FROM currencies WHERE code = $1', [code])).rows[0]?.id ?? null);
  for (const c of content.categories) ids.set(`CustomerCategory\u0000${c.code}`, await insert(db, 'customer_categories', columns('CustomerCategory', c)));
  for (const g of content.groups) {
    ids.set(`CustomerGroup\u0000${g.code}`, await insert(db, 'customer_groups', { ...columns('CustomerGroup', g), category_id: id('CustomerCategory', String(g.category)) }));
  }
  const used = new Set<unknown>(content.carriers.flatMap((c) => c.services.map((s) => s.ratingPlan)));
  for (const { plan, rates } of content.plans) {
    const planId = await insert(db, 'customer_rating_plans', { ...columns('RatingPlan', plan), assigned: used.has(plan.name) });
    ids.set(`RatingPlan\u0000${plan.name}`, planId);
    for (const r of rates) {
      await insert(db, 'customer_rating_plan_rates', {
        rating_plan_id: planId, prefix: r.prefix, destination: r.destination, rate: r.rate, connection_fee: r.connectionFee ?? null,
        initial_interval: r.initialInterval ?? null, recurring_interval: r.recurringInterval ?? null,
        effective_date: r.effectiveDate ?? null, end_date: r.endDate ?? null,
      });
    }
  }
  let shortCode = 0;
  for (const c of content.carriers) {
    const carrierId = await insert(db, 'carriers', { ...columns('Carrier', c.carrier), primary_currency_id: await currency(c.carrier.primaryCurrency) });
    for (const contact of c.contacts) await insert(db, 'carrier_contacts', { carrier_id: carrierId, ...nested('Carrier', 'contacts', contact) });
    for (const alert of c.alerts) await insert(db, 'carrier_credit_alerts', { carrier_id: carrierId, ...nested('Carrier', 'creditAlerts', alert) });
    if (c.assignment) {
      const a = c.assignment as { assignmentType: string; categories?: string[]; groups?: string[] };
      await insert(db, 'carrier_assignments', {
        carrier_id: carrierId, assignment_type: a.assignmentType,
        category_ids: a.categories ? JSON.stringify(a.categories.map((code) => id('CustomerCategory', code))) : null,
        group_ids: a.groups ? JSON.stringify(a.groups.map((code) => id('CustomerGroup', code))) : null,
      });
    }
    const interconnectIds = new Map<unknown, string>();
    for (const ic of c.interconnects) {
      const icId = await insert(db, 'carrier_interconnects', { ...columns('Interconnect', ic.interconnect), carrier_id: carrierId, short_code: `I${++shortCode}` });
      interconnectIds.set(ic.interconnect.name, icId);
      for (const a of ic.addresses) await insert(db, 'interconnect_ip_addresses', { interconnect_id: icId, ...nested('Interconnect', 'ipAddresses', a) });
      for (const [i, codec] of ic.codecs.entries()) {
        await insert(db, 'interconnect_codecs', { interconnect_id: icId, display_order: i, ...nested('Interconnect', 'codecs', codec) });
      }
      if (ic.signalling) await insert(db, 'interconnect_signalling_settings', { interconnect_id: icId, ...nested('Interconnect', 'signalling', ic.signalling) });
      if (ic.validation) await insert(db, 'interconnect_validation_settings', { interconnect_id: icId, ...nested('Interconnect', 'validation', ic.validation) });
    }
    for (const s of c.services) {
      await insert(db, 'carrier_services', {
        ...columns('Service', s), carrier_id: carrierId, short_code: `S${++shortCode}`,
        interconnect_id: interconnectIds.get(s.interconnect) ?? null, rating_plan_id: s.ratingPlan == null ? null : id('RatingPlan', String(s.ratingPlan)),
      });
    }
  }
}

/** A kind's plain columns from YAML-named values (references are the caller's). */
function columns(kind: KindName, values: Row): Row {
  const out: Row = {};
  for (const f of columnFields(kind)) if (values[f.name] !== undefined) out[f.column] = sqlValue(f.type, values[f.name]);
  return out;
}

function nested(kind: KindName, part: string, values: Row): Row {
  const out: Row = {};
  for (const f of nestedFields(kind, part)) if (values[f.name] !== undefined) out[f.column] = sqlValue(f.type, values[f.name]);
  return out;
}

function sqlValue(type: string, value: unknown): unknown {
  return type === 'json' && value !== null ? JSON.stringify(value) : value;
}

async function insert(db: Queryable, table: string, row: Row): Promise<string> {
  const names = Object.keys(row);
  const sql = names.length === 0
    ? `INSERT INTO ${ident(table)} DEFAULT VALUES RETURNING id`
    : `INSERT INTO ${ident(table)} (${names.map(ident).join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`;
  const { rows } = await db.query<{ id: string }>(sql, names.map((n) => row[n]));
  return rows[0].id;
}
