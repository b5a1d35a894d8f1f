// The kinds of didsync, described once as data.
//
// The JSON Schemas in schemas/ own the field lists (names, types, ranges,
// descriptions); this table owns what a schema cannot say: the table a kind
// lives in, its identity, how its references resolve to foreign keys, its
// nested collections and the columns DIDTron owns at run time. Every stage
// (loader, validator, diff, apply, export) reads kinds from here; nothing
// may switch on a kind name to special-case a field that belongs here.

export type KindName =
  | 'CustomerCategory'
  | 'CustomerGroup'
  | 'Carrier'
  | 'Interconnect'
  | 'RatingPlan'
  | 'Service'
  | 'Settings';

/** A YAML field that names another object; stored as that object's id. */
export interface Reference {
  /** YAML field, e.g. `carrier`. */
  field: string;
  /** Column holding the referenced id, e.g. `carrier_id`. */
  column: string;
  /** What the name resolves against. `Currency` resolves `currencies.code`. */
  target: KindName | 'Currency';
  /**
   * How the referenced identity is formed from this document. For a
   * service's `interconnect`, the key is `<carrier>/<interconnect>`: the
   * interconnect is looked up inside the service's own carrier.
   */
  scopeFields?: string[];
  /** Stored as the referenced code itself (text column), not as an id. */
  storeAs?: 'id' | 'code';
}

/** A collection owned by its parent: rows in a child table keyed inside the parent. */
export interface NestedPart {
  /** YAML field on the parent, e.g. `contacts`. */
  field: string;
  table: string;
  /** Column in the child table pointing at the parent row. */
  parentColumn: string;
  /** `many`: a YAML list matched by `key`; `one`: a single object (at most one row). */
  cardinality: 'many' | 'one';
  /** Fields that identify an element inside its parent (for `many`). */
  key: string[];
  /** For ordered lists: the column that stores the list position. */
  orderColumn?: string;
  /** Schema file (under schemas/) whose `$defs` entry describes one element. */
  def: string;
}

export interface KindSpec {
  kind: KindName;
  /** Table the kind lives in; absent for Settings, which is policy, not data. */
  table?: string;
  /** JSON Schema file under schemas/. */
  schema: string;
  /** YAML fields forming the identity, in key order (`ACME/lon-1`). */
  identity: string[];
  /** Columns matching the identity fields (after references are resolved). */
  identityColumns?: string[];
  references: Reference[];
  nested: NestedPart[];
  /** Prefix of DIDTron's shortcodes (I1, S1, P1), assigned on create. */
  shortCodePrefix?: string;
  /**
   * Fields DIDTron computes or changes at run time: rejected in YAML and
   * never written or diffed. camelCase, as a user would write them.
   */
  runtimeOwned: string[];
  /**
   * Runtime columns that hold money owed: a non-zero value refuses a delete
   * unless forced (the carrier-balance guard).
   */
  balanceColumns?: string[];
}

const ALWAYS_RUNTIME = ['id', 'createdAt', 'updatedAt'];

export const KINDS: readonly KindSpec[] = [
  {
    kind: 'CustomerCategory',
    table: 'customer_categories',
    schema: 'customer-category.schema.json',
    identity: ['code'],
    identityColumns: ['code'],
    references: [],
    nested: [],
    runtimeOwned: [...ALWAYS_RUNTIME],
  },
  {
    kind: 'CustomerGroup',
    table: 'customer_groups',
    schema: 'customer-group.schema.json',
    identity: ['code'],
    identityColumns: ['code'],
    references: [{ field: 'category', column: 'category_id', target: 'CustomerCategory' }],
    nested: [],
    runtimeOwned: [...ALWAYS_RUNTIME],
  },
  {
    kind: 'Carrier',
    table: 'carriers',
    schema: 'carrier.schema.json',
    identity: ['code'],
    identityColumns: ['code'],
    references: [{ field: 'primaryCurrency', column: 'primary_currency_id', target: 'Currency' }],
    nested: [
      {
        field: 'contacts', table: 'carrier_contacts', parentColumn: 'carrier_id',
        cardinality: 'many', key: ['name'], def: 'Contact',
      },
      {
        field: 'creditAlerts', table: 'carrier_credit_alerts', parentColumn: 'carrier_id',
        cardinality: 'many', key: ['alertType', 'direction'], def: 'CreditAlert',
      },
      {
        field: 'assignment', table: 'carrier_assignments', parentColumn: 'carrier_id',
        cardinality: 'one', key: [], def: 'Assignment',
      },
    ],
    runtimeOwned: [
      ...ALWAYS_RUNTIME,
      'customerBalance', 'supplierBalance', 'bilateralBalance',
      'customer24HrSpend', 'supplier24HrSpend',
    ],
    balanceColumns: ['customer_balance', 'supplier_balance', 'bilateral_balance'],
  },
  {
    kind: 'Interconnect',
    table: 'carrier_interconnects',
    schema: 'interconnect.schema.json',
    identity: ['carrier', 'name'],
    identityColumns: ['carrier_id', 'name'],
    references: [{ field: 'carrier', column: 'carrier_id', target: 'Carrier' }],
    shortCodePrefix: 'I',
    nested: [
      {
        field: 'ipAddresses', table: 'interconnect_ip_addresses', parentColumn: 'interconnect_id',
        cardinality: 'many', key: ['ipAddress', 'addressType'], def: 'IpAddress',
      },
      {
        field: 'validation', table: 'interconnect_validation_settings', parentColumn: 'interconnect_id',
        cardinality: 'one', key: [], def: 'ValidationSettings',
      },
      {
        field: 'translation', table: 'interconnect_translation_settings', parentColumn: 'interconnect_id',
        cardinality: 'one', key: [], def: 'TranslationSettings',
      },
      {
        field: 'codecs', table: 'interconnect_codecs', parentColumn: 'interconnect_id',
        cardinality: 'many', key: ['codecName'], orderColumn: 'display_order', def: 'Codec',
      },
      {
        field: 'media', table: 'interconnect_media_settings', parentColumn: 'interconnect_id',
        cardinality: 'one', key: [], def: 'MediaSettings',
      },
      {
        field: 'signalling', table: 'interconnect_signalling_settings', parentColumn: 'interconnect_id',
        cardinality: 'one', key: [], def: 'SignallingSettings',
      },
    ],
    runtimeOwned: [...ALWAYS_RUNTIME, 'shortCode'],
  },
  {
    kind: 'RatingPlan',
    table: 'customer_rating_plans',
    schema: 'rating-plan.schema.json',
    identity: ['name'],
    identityColumns: ['name'],
    references: [],
    shortCodePrefix: 'P',
    nested: [],
    runtimeOwned: [...ALWAYS_RUNTIME, 'shortCode', 'uncommittedChanges', 'assigned'],
  },
  {
    kind: 'Service',
    table: 'carrier_services',
    schema: 'service.schema.json',
    identity: ['carrier', 'name'],
    identityColumns: ['carrier_id', 'name'],
    references: [
      { field: 'carrier', column: 'carrier_id', target: 'Carrier' },
      { field: 'interconnect', column: 'interconnect_id', target: 'Interconnect', scopeFields: ['carrier'] },
      { field: 'ratingPlan', column: 'rating_plan_id', target: 'RatingPlan' },
    ],
    shortCodePrefix: 'S',
    nested: [],
    runtimeOwned: [...ALWAYS_RUNTIME, 'shortCode'],
  },
  {
    kind: 'Settings',
    schema: 'settings.schema.json',
    identity: [],
    references: [],
    nested: [],
    runtimeOwned: [],
  },
];

/** Order in which kinds are created and updated; deletes run in reverse. */
export const APPLY_ORDER: readonly KindName[] = [
  'CustomerCategory', 'CustomerGroup', 'Carrier', 'Interconnect', 'RatingPlan', 'Service',
];

const BY_NAME = new Map(KINDS.map((k) => [k.kind, k]));

export function kindSpec(kind: KindName): KindSpec {
  const spec = BY_NAME.get(kind);
  if (!spec) throw new Error(`unknown kind ${kind}`);
  return spec;
}

export function isKindName(value: unknown): value is KindName {
  return typeof value === 'string' && BY_NAME.has(value as KindName);
}

export const KIND_NAMES: readonly KindName[] = KINDS.map((k) => k.kind);

/** The identity of a document as printed and stored: `ACME`, `ACME/lon-1`, `UK Wholesale`. */
export function identityKey(spec: KindSpec, data: Record<string, unknown>): string {
  return spec.identity.map((f) => String(data[f] ?? '')).join('/');
}
