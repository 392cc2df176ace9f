/**
 * The `src` hash: what a translation was confirmed against.
 *
 * It is the first 8 hex digits of the SHA-256 of the source-language block's text, taken
 * between the block's fences and normalised so that the hash is the same on every
 * platform and for every way of saving the file:
 *
 * 1. Unicode NFC (macOS and Windows editors may save decomposed accents);
 * 2. line endings CRLF or CR become LF;
 * 3. a run of blank lines becomes one blank line, any other run of white space (line
 *    breaks inside a paragraph, indentation, trailing spaces, tabs) one space;
 * 4. white space at the start and end is dropped.
 *
 * So re-wrapping a paragraph does not make its translations stale; changing a word, a
 * mark of punctuation, a footnote reference or a paragraph break does.
 */
import { createHash } from 'node:crypto';

/** Length of a `src` value in hex digits. */
export const srcLength = 8;

/** Whether `value` has the form of a `src` hash. */
export function isSrcHash(value: string): boolean {
  return /^[0-9a-f]{8}$/.test(value);
}

/** The normalised text that is hashed (exported for tests and for the docs). */
export function normalizeForHash(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/** The `src` hash of a source-language block's text. */
export function srcHash(text: string): string {
  return createHash('sha256').update(normalizeForHash(text), 'utf8').digest('hex').slice(0, srcLength);
}
