// When two identities would look the same to a person: `ACME`, `acme`,
// `ＡＣＭＥ` (full width) and `ACME` followed by a zero-width space are one
// carrier to a human reading a plan or a DIDTron screen, but four rows to
// PostgreSQL. The skeleton folds those differences so such pairs are refused.
// It must never be used as the stored identity: identities stay as written.

// Zero-width and joiner characters, bidi marks and controls, soft hyphen,
// word joiner, BOM and the invisible operators (U+2061..U+2064).
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/gu;

export function skeleton(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase().normalize('NFKC');
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
