// When two identities would look the same to a person: `ACME`, `acme`,
// `ＡＣＭＥ` (full width) and `ACME` followed by a zero-width space are one
// carrier to a human reading a plan or a DIDTron screen, but four rows to
// PostgreSQL. The skeleton folds those differences so such pairs are refused.
// It must never be used as the stored identity: identities stay as written.

// Zero-width and joiner characters, bidi marks and controls, soft hyphen,
// word joiner, BOM and the invisible operators (U+2061..U+2064).
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/gu;

// Letters of other scripts drawn like a Latin letter (Unicode TR39's
// confusables, the Cyrillic, Greek and Armenian ones), as they are after
// toLowerCase: 'UK Whоlesale' with a Cyrillic о is 'UK Wholesale' to a reader.
const LOOKALIKE: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', һ: 'h', і: 'i', ј: 'j', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't',
  у: 'y', х: 'x', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l', ү: 'y',
  // Greek
  α: 'a', β: 'b', ε: 'e', ζ: 'z', η: 'h', ι: 'i', κ: 'k', μ: 'm', ν: 'n', ο: 'o', ρ: 'p', τ: 't', υ: 'y',
  χ: 'x', ϲ: 'c', ϳ: 'j',
  // Armenian
  օ: 'o', ս: 'u', հ: 'h', ց: 'g',
};
const LOOKALIKE_RE = new RegExp(`[${Object.keys(LOOKALIKE).join('')}]`, 'gu');

/** Case, width and invisible characters folded: what the messages call "differ only in letter case, ...". */
export function plainSkeleton(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase().normalize('NFKC');
}

/** Hyphens, dashes and minus signs a reader takes for '-'. */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/gu;

/** Two texts a person reads as one have one skeleton: also across look-alike scripts, dashes and kinds of blank. */
export function skeleton(text: string): string {
  // Printable ASCII has no invisible, look-alike or dash character and is its own NFKC form: only
  // case and runs of spaces fold (a third of validate's time in this rule went to normalize()).
  return PRINTABLE_ASCII.test(text) ? text.toLowerCase().replace(/ {2,}/g, ' ') : fullSkeleton(text);
}

const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

/** skeleton() without its shortcut for printable ASCII; exported for the test that they agree. */
export function fullSkeleton(text: string): string {
  return plainSkeleton(text).replace(LOOKALIKE_RE, (c) => LOOKALIKE[c]).replace(DASHES, '-').replace(/\s+/gu, ' ');
}

export function hasInvisible(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(text);
  INVISIBLE.lastIndex = 0;
  return found;
}

/** The text with invisible characters spelled out, so a message shows the difference. */
export function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}
