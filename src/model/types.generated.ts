// Generated from schemas/*.schema.json by scripts/gen.ts (`npm run gen`); do not edit.
// One interface per kind: what a YAML document of that kind may hold, before
// defaults. Decimals are `string | number` as written; the loader keeps their text.

/**
 * A top-level class of customers (e.g. wholesale carriers, call centres), used to offer carriers to whole categories. Stored in customer_categories; identified by code.
 */
export interface CustomerCategoryDocument {
  /**
   * Always `CustomerCategory`.
   */
  kind: 'CustomerCategory';
  /**
   * Unique code of the category (e.g. `WHOLESALE`); groups and carrier assignments name the category by it. Letters, digits, `_`, `.` and `-`, at most 64 characters.
   */
  code: string;
  /**
   * Display name of the category.
   */
  name: string;
  /**
   * What kind of customer belongs in the category.
   */
  description?: string;
  /**
   * Name of the icon DIDTron shows for the category.
   */
  icon?: string;
  /**
   * Position in DIDTron's lists, ascending (0 or more).
   */
  displayOrder?: number;
  /**
   * Whether new customers can be put in the category.
   */
  isActive?: boolean;
  /**
   * Whether the category is listed on the public website's sign-up pages.
   */
  showOnWebsite?: boolean;
  /**
   * Billing type given to new customers of the category: `prepaid` or `postpaid`.
   */
  defaultBillingType?: 'prepaid' | 'postpaid';
}

/**
 * A group of customers inside a category (e.g. tier-1 carriers), used to offer carriers to a group. Stored in customer_groups; identified by code.
 */
export interface CustomerGroupDocument {
  /**
   * Always `CustomerGroup`.
   */
  kind: 'CustomerGroup';
  /**
   * Unique code of the group (e.g. `WS-TIER1`); carrier assignments name the group by it. Letters, digits, `_`, `.` and `-`, at most 64 characters.
   */
  code: string;
  /**
   * Code of the customer category the group belongs to; stored as the category's id in category_id.
   */
  category: string;
  /**
   * Display name of the group.
   */
  name: string;
  /**
   * Which customers belong in the group.
   */
  description?: string;
  /**
   * Position within its category in DIDTron's lists, ascending (0 or more).
   */
  displayOrder?: number;
  /**
   * Whether new customers can be put in the group.
   */
  isActive?: boolean;
}

/**
 * Which of our customers may send traffic via this carrier. Absent: no assignment row (DIDTron's default applies).
 */
export type Assignment = {
  /**
   * Who may use the carrier: `all` customers, or only those in the listed `categories`, `groups` or `customers`.
   */
  assignmentType: 'all' | 'categories' | 'groups' | 'customers';
  /**
   * Customer category codes allowed when assignmentType is `categories`; stored as their ids in category_ids.
   *
   * Items: A customer category code.
   */
  categories?: string[];
  /**
   * Customer group codes allowed when assignmentType is `groups`; stored as their ids in group_ids.
   *
   * Items: A customer group code.
   */
  groups?: string[];
  /**
   * DIDTron customer ids (as strings) allowed when assignmentType is `customers`; stored as written in customer_ids.
   *
   * Items: A DIDTron customer id.
   */
  customers?: string[];
};

/**
 * A wholesale voice partner: who they are, how they pay and are paid, how much traffic they may send, who to call, and which customers may use them. Stored in DIDTron's carriers table; contacts, credit alerts and the assignment live in their own tables, owned by the carrier.
 */
export interface CarrierDocument {
  /**
   * Always `Carrier`.
   */
  kind: 'Carrier';
  /**
   * The carrier's unique code and its identity in didsync (e.g. `ACME`). Letters, digits, `_`, `.` and `-`, at most 64 characters, no `/`. Interconnects and services name their carrier by this code; renaming it means deleting the carrier and creating a new one.
   */
  code: string;
  /**
   * The carrier's legal or trading name as shown in DIDTron and on invoices.
   */
  name: string;
  /**
   * Commercial relationship: `customer` buys termination from us, `supplier` sells termination to us, `bilateral` does both (two-way traffic, netted balance).
   */
  partnerType: 'customer' | 'supplier' | 'bilateral';
  /**
   * Operational state: `active` passes traffic, `paused` stops new calls temporarily, `disabled` stops all traffic, `testing` passes only test calls.
   */
  status?: 'active' | 'paused' | 'disabled' | 'testing';
  /**
   * ISO 4217 code (e.g. `USD`, `GBP`) of the currency the carrier is billed and credited in; stored as a reference to DIDTron's currencies table.
   */
  primaryCurrency: string;
  /**
   * How the carrier pays for traffic it sends us as a customer: `prepaid` (calls stop when the balance runs out) or `postpaid` (invoiced, limited by customerCreditLimit).
   */
  customerCreditType?: 'prepaid' | 'postpaid';
  /**
   * Credit allowed to the carrier as a customer, in primaryCurrency: how far a postpaid balance may go before calls are blocked. Decimal, up to 12 digits before the point and 4 after; write it quoted ("5000.00") or as a plain number.
   */
  customerCreditLimit?: string | number;
  /**
   * How we pay the carrier as a supplier: `prepaid` (we top up in advance) or `postpaid` (they invoice us).
   */
  supplierCreditType?: 'prepaid' | 'postpaid';
  /**
   * Credit limit on the netted balance of a bilateral carrier, in primaryCurrency. Decimal, up to 12 digits before the point and 4 after.
   */
  bilateralCreditLimit?: string | number;
  /**
   * Most the carrier may spend with us as a customer in any rolling 24 hours, in primaryCurrency; a fraud and runaway-traffic brake. Decimal, up to 12 digits before the point and 4 after.
   */
  customer24HrSpendLimit?: string | number;
  /**
   * Most we may spend with the carrier as a supplier in any rolling 24 hours, in primaryCurrency. Decimal, up to 12 digits before the point and 4 after.
   */
  supplier24HrSpendLimit?: string | number;
  /**
   * Whether the carrier's concurrent calls across all its interconnects are limited: `unrestricted`, or `capped` at capacityLimit.
   */
  capacityMode?: 'unrestricted' | 'capped';
  /**
   * Most concurrent calls across all the carrier's interconnects when capacityMode is `capped` (required then).
   */
  capacityLimit?: number;
  /**
   * Allow a call received from this carrier to be routed back out to the same carrier (normally refused to prevent loops).
   */
  circularRouting?: boolean;
  /**
   * The carrier's account number in our billing system as a customer.
   */
  customerAccountNumber?: string;
  /**
   * Our account number with the carrier as a supplier (quoted on their invoices).
   */
  supplierAccountNumber?: string;
  /**
   * Tax treatment code applied on invoices (e.g. a VAT scheme code).
   */
  taxCode?: string;
  /**
   * Billing address printed on invoices; several lines allowed.
   */
  billTo?: string;
  /**
   * Service or shipping address of the carrier; several lines allowed.
   */
  shipTo?: string;
  /**
   * People and mailboxes at the carrier (NOC, rates, billing). Matched by name: renaming a contact replaces it. Order does not matter.
   */
  contacts?: Contact[];
  /**
   * Who is e-mailed when a balance or 24-hour spend crosses a threshold. At most one alert per alertType and direction.
   */
  creditAlerts?: CreditAlert[];
  assignment?: Assignment;
}
/**
 * One contact of a carrier (carrier_contacts), identified by name within the carrier.
 */
export interface Contact {
  /**
   * Name of the contact or role (e.g. `NOC`); unique within the carrier, it identifies the contact.
   */
  name: string;
  /**
   * Form of address (Mr, Ms, Dr).
   */
  title?: string;
  /**
   * Given name of a person.
   */
  firstName?: string;
  /**
   * Family name of a person.
   */
  lastName?: string;
  /**
   * Role at the carrier (e.g. Rates Manager).
   */
  jobTitle?: string;
  /**
   * Landline number, preferably in international format (+44 20 ...).
   */
  telephone?: string;
  /**
   * Mobile number, preferably in international format.
   */
  mobile?: string;
  /**
   * E-mail address for this contact.
   */
  email?: string;
  /**
   * Whether the contact may log in to the DIDTron carrier portal.
   */
  portalAccess?: boolean;
  /**
   * The carrier's main contact (at most one should be primary).
   */
  isPrimary?: boolean;
}
/**
 * A credit alert of a carrier (carrier_credit_alerts), identified by alertType and direction.
 */
export interface CreditAlert {
  /**
   * What triggers the alert: `low_balance` (balance falls below threshold), `high_balance` (amount owed rises above threshold), `24hr_spend_breach` (rolling 24-hour spend exceeds threshold).
   */
  alertType: 'low_balance' | 'high_balance' | '24hr_spend_breach';
  /**
   * Amount in the carrier's primaryCurrency at which the alert fires. Decimal, up to 12 digits before the point and 4 after.
   */
  threshold: string | number;
  /**
   * Which side of the relationship is watched: the carrier as our `customer` or as our `supplier`.
   */
  direction: 'customer' | 'supplier';
  /**
   * DIDTron e-mail template used for the alert; DIDTron's default template when absent.
   */
  templateId?: string;
  /**
   * E-mail addresses that receive the alert.
   *
   * Items: An e-mail address.
   */
  recipients?: string[];
  /**
   * Whether the alert is sent; `false` keeps it configured but silent.
   */
  isActive?: boolean;
}

/**
 * A SIP trunk between DIDTron and a carrier: where the carrier's equipment is, which direction calls flow, how many at once, and how signalling and media are handled. Stored in carrier_interconnects; addresses, codecs and the four settings objects live in their own tables, owned by the interconnect. Identified by carrier and name (`ACME/lon-1`); DIDTron assigns its shortCode (I1, I2, ...).
 */
export interface InterconnectDocument {
  /**
   * Always `Interconnect`.
   */
  kind: 'Interconnect';
  /**
   * Code of the carrier this interconnect belongs to; stored as the carrier's id in carrier_id.
   */
  carrier: string;
  /**
   * Name of the interconnect, unique within its carrier (e.g. `lon-1`). No `/` (keys print as `ACME/lon-1`) and no blanks at either end.
   */
  name: string;
  /**
   * Which calls the trunk carries: `ingress` (from the carrier to us), `egress` (from us to the carrier) or `both`.
   */
  direction: 'ingress' | 'egress' | 'both';
  /**
   * ISO 4217 code (e.g. `EUR`) of the currency traffic on this trunk is billed in, when it differs from the carrier's primaryCurrency. Stored as text.
   */
  currencyCode?: string;
  /**
   * Signalling protocol. Only `SIP` is supported.
   */
  protocol?: 'SIP';
  /**
   * Whether concurrent calls on this trunk are limited: `unrestricted`, or `capped` at capacityLimit.
   */
  capacityMode?: 'unrestricted' | 'capped';
  /**
   * Most concurrent calls on this trunk when capacityMode is `capped` (required then).
   */
  capacityLimit?: number;
  /**
   * Whether the trunk takes calls; `false` keeps it configured but out of service.
   */
  isActive?: boolean;
  /**
   * Technical prefix the carrier puts in front of dialled numbers to select this trunk (e.g. `7701`); lets two carriers share one SBC address on ingress. No blanks, at most 32 characters.
   */
  techPrefix?: string;
  /**
   * Main signalling address of the carrier's equipment (IPv4 or IPv6, no prefix length). Further addresses and ranges go in ipAddresses.
   */
  ipAddress?: string;
  /**
   * UDP/TCP port of the carrier's SIP endpoint, 1 to 65535 (usually 5060).
   */
  sipPort?: number;
  /**
   * Signalling (`transport`) and media addresses of the carrier; on ingress, calls are accepted only from transport addresses. Matched by ipAddress and addressType; order does not matter.
   */
  ipAddresses?: IpAddress[];
  validation?: ValidationSettings;
  translation?: TranslationSettings;
  /**
   * Codecs offered and accepted, in order of preference: the list order is stored as displayOrder (first = 0). Matched by codecName.
   */
  codecs?: Codec[];
  media?: MediaSettings;
  signalling?: SignallingSettings;
}
/**
 * One address or address range of an interconnect (interconnect_ip_addresses), identified by ipAddress and addressType.
 */
export interface IpAddress {
  /**
   * IPv4 or IPv6 address (no prefix length); the first address of the range when isRange is true.
   */
  ipAddress: string;
  /**
   * Whether this entry is the range ipAddress..rangeEnd (inclusive) rather than one address.
   */
  isRange?: boolean;
  /**
   * Last address of the range, same family as ipAddress and not below it; only with isRange: true.
   */
  rangeEnd?: string;
  /**
   * `transport`: SIP signalling comes from or goes to this address; `media`: RTP comes from this address.
   */
  addressType: 'transport' | 'media';
  /**
   * Whether the address is in use; `false` keeps it listed but ignored.
   */
  isActive?: boolean;
}
/**
 * How incoming calls are recognised and limited (one row in interconnect_validation_settings).
 */
export interface ValidationSettings {
  /**
   * Technical prefix required on incoming calls (stripped before routing).
   */
  techPrefix?: string;
  /**
   * Pattern the SIP From URI of incoming calls must match (e.g. `sip:*@sbc.acme.example`).
   */
  fromUri?: string;
  /**
   * Pattern the SIP Contact URI of incoming calls must match.
   */
  contactUri?: string;
  /**
   * Trunk group (tgrp) identifier expected on incoming calls.
   */
  trunkGroup?: string;
  /**
   * Most new calls per second accepted, enforced when maxCpsEnabled is true.
   */
  maxCps?: number;
  /**
   * Whether maxCps is enforced.
   */
  maxCpsEnabled?: boolean;
  /**
   * How calls from DIDTron's test system are treated on this trunk (e.g. `allow`, `deny`).
   */
  testSystemControl?: string;
}
/**
 * Number and header rewriting (one row in interconnect_translation_settings).
 */
export interface TranslationSettings {
  /**
   * Which header the calling number is taken from (e.g. `pai`, `from`).
   */
  originationPreference?: string;
  /**
   * Check applied to the calling number (e.g. `e164`, `none`).
   */
  originationValidation?: string;
  /**
   * How the P-Asserted-Identity header is set on outgoing calls (e.g. `from`, `none`).
   */
  setPaiHeader?: string;
  /**
   * Number format or rule applied to both numbers (e.g. `e164`).
   */
  globalTranslation?: string;
  /**
   * Rewrite rule for the calling number (e.g. `s/^\+//`).
   */
  originTranslation?: string;
  /**
   * Rewrite rule for the called number (e.g. `s/^00//`).
   */
  destinationTranslation?: string;
}
/**
 * One codec of an interconnect (interconnect_codecs), identified by codecName; its position in the list is its displayOrder.
 */
export interface Codec {
  /**
   * Codec name as DIDTron knows it (e.g. `PCMA`, `G729`, `OPUS`); unique within the interconnect.
   */
  codecName: string;
  /**
   * RTP payload type (e.g. `8` for PCMA, `18` for G729), quoted.
   */
  codecId?: string;
  /**
   * Whether the codec may be negotiated on this trunk.
   */
  allowed?: boolean;
  /**
   * Pass the codec through without transcoding.
   */
  relayOnly?: boolean;
  /**
   * Voice activity detection (silence suppression).
   */
  vad?: boolean;
  /**
   * Packetisation time in milliseconds, 10 to 150 (usually 20).
   */
  ptime?: number;
}
/**
 * DTMF and RTP handling (one row in interconnect_media_settings).
 */
export interface MediaSettings {
  /**
   * How DTMF digits are carried (e.g. `rfc2833`, `inband`, `info`).
   */
  dtmfDetection?: string;
  /**
   * Whether RTP is anchored through DIDTron's media servers (e.g. `always`, `auto`, `never`).
   */
  mediaRelay?: string;
  /**
   * Network the media leg uses (e.g. `public`, `private`).
   */
  mediaNetwork?: string;
  /**
   * Seconds without RTP after which a call is released, when rtpTimeoutEnabled is true.
   */
  rtpTimeout?: number;
  /**
   * Whether rtpTimeout is enforced.
   */
  rtpTimeoutEnabled?: boolean;
}
/**
 * SIP session behaviour (one row in interconnect_signalling_settings).
 */
export interface SignallingSettings {
  /**
   * How caller privacy is signalled (e.g. `rfc3325`, `none`).
   */
  privacyMethod?: string;
  /**
   * Whether SIP session timers (RFC 4028) are used to detect dead calls.
   */
  sessionTimerEnabled?: boolean;
  /**
   * Session refresh interval in seconds, 90 to 86400.
   */
  sessionTimerInterval?: number;
  /**
   * Longest allowed call in seconds, enforced when maxCallDurationEnabled is true.
   */
  maxCallDuration?: number;
  /**
   * Whether maxCallDuration is enforced.
   */
  maxCallDurationEnabled?: boolean;
  /**
   * Whether early media (183 Session Progress with SDP) is passed through.
   */
  earlyMediaEnabled?: boolean;
  /**
   * Whether reliable provisional responses (100rel, PRACK, RFC 3262) are used. Stored in column "100rel_enabled".
   */
  '100relEnabled'?: boolean;
  /**
   * Map from SIP response code (quoted, e.g. "486") to the Q.850 release cause (1 to 127) reported for it. Stored as JSON.
   */
  releaseCauseMapping?: {
    /**
     * A Q.850 cause value.
     */
    [k: string]: number;
  };
}

/**
 * A customer rating plan: the rate deck (price per minute by dialled prefix) and the rules applied when rating calls. Stored in customer_rating_plans, its rates in customer_rating_plan_rates. Identified by name; DIDTron assigns its shortCode (P1, P2, ...). The rates come from exactly one place: an inline `rates` list or a CSV named by `ratesFile`.
 */
export interface RatingPlanDocument {
  /**
   * Always `RatingPlan`.
   */
  kind: 'RatingPlan';
  /**
   * Unique name of the plan (e.g. `UK Wholesale`); services name their plan by it. No blanks at either end.
   */
  name: string;
  /**
   * ISO 4217 code (e.g. `GBP`) of the currency the rates are in. Stored as text.
   */
  currency: string;
  /**
   * IANA time zone (e.g. `Europe/London`, `UTC`) in which the plan's time classes (peak, off-peak, weekend) and effective dates are read.
   */
  timeZone?: string;
  /**
   * IANA time zone of the carrier, used when its own time classes apply.
   */
  carrierTimeZone?: string;
  /**
   * What happens to calls to a prefix with no rate (e.g. `block`).
   */
  defaultRates?: string;
  /**
   * How minMargin is applied when routing (e.g. `enforce` refuses routes below the margin, `warn` only reports them).
   */
  marginEnforcement?: string;
  /**
   * Smallest margin per minute between this sell rate and the route's buy rate, in the plan's currency. Decimal, 0 or more, up to 5 digits before the point and 4 after.
   */
  minMargin?: string | number;
  /**
   * When the plan takes effect, as an ISO 8601 timestamp with zone (e.g. `2025-01-01T00:00:00Z`).
   */
  effectiveDate?: string;
  /**
   * Default first billing increment in seconds (e.g. 60 for per-minute, 1 for per-second), used by rates without their own.
   */
  initialInterval?: number;
  /**
   * Default following billing increment in seconds, used by rates without their own.
   */
  recurringInterval?: number;
  /**
   * Name of the DIDTron calendar of exception days (e.g. bank holidays) rated as off-peak.
   */
  periodExceptionTemplate?: string;
  /**
   * Name of the DIDTron plan template the plan was made from.
   */
  template?: string;
  /**
   * Time classes the plan rates separately (e.g. `Peak`, `OffPeak`, `Weekend`). Stored as JSON.
   *
   * Items: A time class name.
   */
  selectedTimeClasses?: string[];
  /**
   * Destination zones the plan covers when zonesSelect is `selected`. Stored as JSON.
   *
   * Items: A zone name.
   */
  selectedZones?: string[];
  /**
   * Which zones the plan covers (e.g. `all`, `selected`).
   */
  zonesSelect?: string;
  /**
   * Which call origins the plan may be assigned to (e.g. `any`).
   */
  assignOrigin?: string;
  /**
   * The rate deck written inline, for small plans. A rate is identified by prefix and effectiveDate. Use ratesFile for large decks.
   */
  rates?: Rate[];
  /**
   * Path of the CSV holding the rate deck, relative to this YAML file and inside the config root (e.g. `rates/uk-wholesale.csv`). Header row required; columns as in Rate: prefix, destination, rate (required), connectionFee, initialInterval, recurringInterval, effectiveDate, endDate (optional). Errors name the CSV line.
   */
  ratesFile?: string;
}
/**
 * One rate of the deck (a row of customer_rating_plan_rates, or a CSV row with these column names), identified inside its plan by prefix and effectiveDate.
 */
export interface Rate {
  /**
   * Dialled-number prefix the rate applies to, 1 to 16 digits, longest match wins (e.g. `44` United Kingdom, `447` UK mobile). Quote it in YAML (`"0044"`) so leading zeros are kept. CSV column `prefix`, required.
   */
  prefix: string;
  /**
   * Name of the destination shown on invoices and CDRs (e.g. `United Kingdom - Mobile`). CSV column `destination`, required.
   */
  destination: string;
  /**
   * Price per minute in the plan's currency. Decimal, 0 or more, up to 6 digits before the point and 6 after. CSV column `rate`, required.
   */
  rate: string | number;
  /**
   * Fixed charge per answered call in the plan's currency. Decimal, 0 or more, at most 6 places. CSV column `connectionFee`, optional.
   */
  connectionFee?: string | number;
  /**
   * First billing increment in seconds (e.g. 60, 6, 1); the plan's initialInterval when absent. CSV column `initialInterval`, optional.
   */
  initialInterval?: number;
  /**
   * Following billing increment in seconds; the plan's recurringInterval when absent. CSV column `recurringInterval`, optional.
   */
  recurringInterval?: number;
  /**
   * First day the rate applies (YYYY-MM-DD, in the plan's timeZone); applies from the start when absent. A rate increase must be dated at least rateIncreaseNoticeDays ahead. CSV column `effectiveDate`, optional.
   */
  effectiveDate?: string;
  /**
   * Day the rate stops applying (YYYY-MM-DD), after effectiveDate; open-ended when absent. CSV column `endDate`, optional.
   */
  endDate?: string;
}

/**
 * The link from an interconnect to a rating plan and a routing plan: which calls of one direction on the trunk are rated how and routed where. Stored in carrier_services; identified by carrier and name (`ACME/uk-termination`); DIDTron assigns its shortCode (S1, S2, ...).
 */
export interface ServiceDocument {
  /**
   * Always `Service`.
   */
  kind: 'Service';
  /**
   * Code of the carrier this service belongs to; stored as the carrier's id in carrier_id.
   */
  carrier: string;
  /**
   * Name of the service, unique within its carrier (e.g. `uk-termination`). No `/` and no blanks at either end.
   */
  name: string;
  /**
   * Name of an interconnect of the same carrier that carries the service's calls; its direction must include the service's direction. Stored as its id in interconnect_id.
   */
  interconnect: string;
  /**
   * `ingress`: calls the carrier sends us (we rate them as sales); `egress`: calls we send the carrier (termination we buy).
   */
  direction: 'ingress' | 'egress';
  /**
   * Operational state: `active` passes traffic, `paused` stops new calls temporarily, `disabled` stops all traffic, `testing` passes only test calls.
   */
  status?: 'active' | 'paused' | 'disabled' | 'testing';
  /**
   * Name of the rating plan that prices the service's calls (e.g. `UK Wholesale`); stored as its id in rating_plan_id.
   */
  ratingPlan: string;
  /**
   * Identifier of the DIDTron routing plan used for the service's calls (e.g. `RP-UK`). Free text, stored as written in routing_plan_id.
   */
  routingPlan?: string;
  /**
   * Technical prefix selecting this service on its interconnect (no blanks, at most 32 characters).
   */
  techPrefix?: string;
  /**
   * Route preference among services: lower is tried first (0 or more).
   */
  priority?: number;
  /**
   * Share of traffic among services of equal priority (0 or more; 0 takes none).
   */
  weight?: number;
  /**
   * Whether concurrent calls of this service are limited: `unrestricted`, or `capped` at capacityLimit.
   */
  capacityMode?: 'unrestricted' | 'capped';
  /**
   * Most concurrent calls of this service when capacityMode is `capped` (required then).
   */
  capacityLimit?: number;
  /**
   * What happens to calls over the capacity limit (e.g. `reject`, `queue`).
   */
  enforcementPolicy?: string;
}

/**
 * Policy of this config repository: safety guards, the rate-increase notice period, whether apply deletes, drift handling, schedules. At most one Settings document; absent fields take the defaults shipped in didsync's config/defaults.yaml, and command-line flags override both.
 */
export interface SettingsDocument {
  /**
   * Always `Settings`.
   */
  kind: 'Settings';
  /**
   * Safety limits an apply must respect unless run with --force.
   */
  guards?: {
    /**
     * Refuse an apply that would delete more than this percentage (0 to 100) of the managed objects of any kind, or of the rates of a rating plan that has 10 or more.
     */
    maxDeletePercent?: number;
    /**
     * Refuse to delete a carrier whose customer, supplier or bilateral balance is not zero.
     */
    refuseNonZeroBalanceDelete?: boolean;
  };
  /**
   * Days of notice a rate increase needs: a higher rate must have an effectiveDate at least this many days after the apply (0 allows immediate increases). Judged per number by the longest prefix in effect, so a new prefix priced above the one that covered its numbers, or a deleted prefix whose numbers fall back to a dearer one, is an increase too.
   */
  rateIncreaseNoticeDays?: number;
  /**
   * Whether apply deletes managed objects that are no longer in the config, as if --prune were given.
   */
  prune?: boolean;
  /**
   * What the daemon does when the database differs from the last applied config: `report` marks and reports it, `revert` re-applies the config.
   */
  drift?: 'report' | 'revert';
  /**
   * Cron expression (5 or 6 fields) for how often the daemon checks the repository for new commits; every minute by default.
   */
  schedule?: string;
  /**
   * Cron expression (5 or 6 fields) for how often the daemon compares the database with the last applied config; every 5 minutes by default.
   */
  driftSchedule?: string;
  /**
   * Seconds an apply waits for another apply's lock on the database before giving up.
   */
  lockTimeoutSeconds?: number;
}
