/**
 * Bytes of a manuscript file → text the parser can read.
 *
 * UTF-8 only. A byte order mark is accepted and dropped; CRLF and CR line endings are
 * accepted and read as LF (lines and columns stay those an editor shows). UTF-16, or
 * bytes that are not UTF-8, are an `encoding` error at the first bad byte.
 */
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { report } from './rules.js';

/**
 * Bytes as UTF-8 text where a bad byte is no error (an image's head, an SVG handed to
 * its XML parser): bad bytes become U+FFFD, a byte order mark is dropped.
 *
 * @param bytes any bytes.
 * @returns the text.
 */
export function utf8Text(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/** Decode `bytes` for `file`; `undefined` (with a message on `file`) when not UTF-8. */
export function decodeManuscript(file: VFile, bytes: Uint8Array): string | undefined {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    report(file, 'encoding', 'Unexpected UTF-16 file, expected UTF-8: save the file as UTF-8', {
      line: 1,
      column: 1,
    });
    return undefined;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    report(file, 'encoding', 'Unexpected bytes that are not UTF-8, expected UTF-8 text', firstInvalid(bytes));
    return undefined;
  }
  if (text.includes('\u0000')) {
    // UTF-16 without a byte order mark decodes as UTF-8 with NUL between letters.
    const { line, column } = location(text).toPoint(text.indexOf('\u0000')) ?? { line: 1, column: 1 };
    report(file, 'encoding', 'Unexpected NUL characters (UTF-16?), expected UTF-8 text', { line, column });
    return undefined;
  }
  const normalized = text.replace(/\r\n?/g, '\n');
  reportControlCharacters(file, normalized);
  return normalized;
}

/**
 * Characters XML 1.0 cannot carry (C0 controls other than tab and line feed, U+FFFE,
 * U+FFFF, lone surrogates), so no HTML page, EPUB or PDF of the text could hold them.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
export const forbiddenCharacter = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Messages reported per file before the rest are summed up in one. */
const maxReported = 20;

/** The name a reader of a message needs for a forbidden character: `U+0007`. */
export function codePointName(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Report every forbidden character of `text` (the first 20, then how many more) at its place. */
function reportControlCharacters(file: VFile, text: string): void {
  let count = 0;
  const place = location(text);
  for (const match of text.matchAll(forbiddenCharacter)) {
    count += 1;
    if (count > maxReported) continue;
    const { line, column } = place.toPoint(match.index) ?? { line: 1, column: 1 };
    report(
      file,
      'control-character',
      `Unexpected control character ${codePointName(match[0])}, expected text: delete it (it is invisible in most editors)`,
      { line, column },
    );
  }
  if (count > maxReported) {
    report(file, 'control-character', `Unexpected ${count - maxReported} more control characters in this file`, {
      line: 1,
      column: 1,
    });
  }
}

/** The line and column of the first byte sequence that is not UTF-8. */
function firstInvalid(bytes: Uint8Array): { line: number; column: number } {
  let low = 0;
  let high = bytes.length;
  // The longest valid prefix, found by bisection; in streaming mode a prefix that ends
  // inside a character is still valid.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
      low = middle;
    } catch {
      high = middle - 1;
    }
  }
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, low), { stream: true });
  const { line, column } = location(prefix).toPoint(prefix.length) ?? { line: 1, column: 1 };
  return { line, column };
}
