// Turns file bytes into text the parsers may trust: strict UTF-8 (a bad byte
// is a located problem, never a replacement character that would end up in
// the database), one leading BOM dropped, binary content (NUL) and other
// control characters refused.
// It must never guess another encoding.

import type { Problem } from '../report/problem.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false });

export type SourceText = { ok: true; text: string } | { ok: false; problem: Problem };

export function decodeSource(file: string, input: string | Buffer): SourceText {
  let text: string;
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else {
    try {
      text = strictUtf8.decode(input);
    } catch {
      return { ok: false, problem: invalidUtf8(file, input) };
    }
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const { line, column } = positionOf(text, nul);
    return {
      ok: false,
      problem: {
        file, line, column, path: '', rule: 'syntax',
        message: 'the file contains a NUL byte: it looks binary, not text',
        hint: 'save it as UTF-8 text',
      },
    };
  }
  CONTROL.lastIndex = 0;
  const control = CONTROL.exec(text);
  if (control) {
    const { line, column } = positionOf(text, control.index);
    return { ok: false, problem: { file, line, column, path: '', rule: 'syntax', ...controlCharacterMessage(control[0]) } };
  }
  return { ok: true, text };
}

/**
 * Control characters other than tab and line breaks: not text in YAML or
 * CSV, and printed to a terminal or a CI log they can rewrite what a
 * reviewer sees (an escape sequence can erase the line above it).
 */
export const CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

export function controlCharacterMessage(c: string): { message: string; hint: string } {
  const code = `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return {
    message: `the text contains the control character ${code}; only tab and line breaks may appear in text`,
    hint: 'remove it: control characters can hide or rewrite text in a terminal or a CI log',
  };
}

/** 1-based line and column (in characters) of an offset into text. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function invalidUtf8(file: string, bytes: Buffer): Problem {
  const bad = firstInvalidUtf8(bytes);
  let line = 1;
  let lineStart = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < bad; i = bytes.indexOf(0x0a, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const column = lenientUtf8.decode(bytes.subarray(lineStart, bad)).length + 1;
  return {
    file, line, column, path: '', rule: 'syntax',
    message: `invalid UTF-8 byte 0x${bytes[bad]?.toString(16).padStart(2, '0') ?? '??'}`,
    hint: 'save the file as UTF-8',
  };
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) { i++; continue; }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) { need = 1; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { need = 2; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return b.length;
}
