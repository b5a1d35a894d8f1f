// Decimals as strings, never through a binary float (CONTRACT §1): money,
// rates and margins keep the digits the user wrote. Comparison is by value
// on the canonical form, so "5000.00" in YAML equals numeric '5000.0000'.

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

export interface DecimalShape {
  /** Total significant digits allowed (PostgreSQL numeric precision). */
  precision: number;
  /** Digits allowed after the point. */
  scale: number;
}

export type DecimalCheck =
  | { ok: true; value: string }
  | { ok: false; message: string };

/** Canonical form: no leading zeros, no trailing fractional zeros, no '+', '-0' is '0'. */
export function canonicalDecimal(text: string): string | undefined {
  // A million rates pass through here on every plan: one scan of the characters, and the text
  // itself when it is canonical already (as most are); the regular expressions only otherwise.
  const quick = canonicalQuick(text);
  return quick === SLOW ? canonicalByPattern(text) : quick;
}

const SLOW = '\u0000slow';

/** The canonical form of an unsigned, unpadded decimal without surrounding space; SLOW for any other text. */
function canonicalQuick(text: string): string {
  const n = text.length;
  if (n === 0) return SLOW;
  let point = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 && point < 0 && i > 0 && i < n - 1) point = i;
    else if (c < 48 || c > 57) return SLOW;
  }
  const intEnd = point < 0 ? n : point;
  if (intEnd > 1 && text.charCodeAt(0) === 48) return SLOW;
  if (point < 0) return text;
  let end = n;
  while (end > point + 1 && text.charCodeAt(end - 1) === 48) end--;
  if (end === point + 1) end = point;
  if (end === 1 && text.charCodeAt(0) === 48) return '0';
  return end === n ? text : text.slice(0, end);
}

/** The definition: what canonicalQuick must agree with (test/model-core/decimal.test.ts). */
export function canonicalByPattern(text: string): string | undefined {
  const m = DECIMAL.exec(text.trim());
  if (!m) return undefined;
  const sign = m[1] === '-' ? '-' : '';
  const int = m[2].replace(/^0+(?=\d)/, '');
  const frac = (m[3] ?? '').replace(/0+$/, '');
  const body = frac ? `${int}.${frac}` : int;
  return body === '0' ? '0' : sign + body;
}

/** Validate a decimal as written against its column's shape. */
export function checkDecimal(text: string, shape: DecimalShape): DecimalCheck {
  const m = DECIMAL.exec(text.trim());
  if (!m) return { ok: false, message: `'${text}' is not a decimal number (digits, optionally one '.', no exponent)` };
  const canonical = canonicalDecimal(text)!;
  const [int, frac = ''] = canonical.replace('-', '').split('.');
  if (frac.length > shape.scale) {
    return { ok: false, message: `${text} has ${frac.length} decimal places; the column holds at most ${shape.scale}` };
  }
  const intDigits = int === '0' ? 0 : int.length;
  if (intDigits > shape.precision - shape.scale) {
    return { ok: false, message: `${text} has ${intDigits} digits before the point; the column holds at most ${shape.precision - shape.scale}` };
  }
  return { ok: true, value: canonical };
}

export function decimalEquals(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return a == b;
  return canonicalDecimal(a) === canonicalDecimal(b);
}

/** Compare two decimals by value: negative, zero or positive. Exact, no float. */
export function compareDecimal(a: string, b: string): number {
  const ca = canonicalDecimal(a);
  const cb = canonicalDecimal(b);
  if (ca === undefined || cb === undefined) throw new Error(`not decimals: ${a}, ${b}`);
  const negA = ca.startsWith('-');
  const negB = cb.startsWith('-');
  if (negA !== negB) return negA ? -1 : 1;
  const mag = ca === cb ? 0 : compareMagnitude(ca, cb);
  // equal negatives compare 0, not -0
  return negA && mag !== 0 ? -mag : mag;
}

/**
 * Compares the magnitudes of two canonical decimals of one sign (a '-'
 * leading both changes nothing; no leading zeros, so the longer whole part is
 * the larger) character by character, a missing fractional digit counting
 * as 0. No strings are made: a plan that writes a million rates compares two
 * decimals per rate in its notice guard.
 */
function compareMagnitude(a: string, b: string): number {
  const aWhole = wholeEnd(a);
  const bWhole = wholeEnd(b);
  if (aWhole !== bWhole) return aWhole - bWhole;
  const len = Math.max(a.length, b.length);
  for (let k = 0; k < len; k++) {
    // Past its end, a number reads as its point (where the other has one) and then zeros.
    const x = k < a.length ? a.charCodeAt(k) : k === aWhole ? 46 : 48;
    const y = k < b.length ? b.charCodeAt(k) : k === bWhole ? 46 : 48;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function wholeEnd(text: string): number {
  const point = text.indexOf('.');
  return point < 0 ? text.length : point;
}
