/**
 * The EPUB container (OCF): a zip whose first entry is `mimetype`, stored, so that a
 * program can recognise an EPUB from its first bytes; every entry carries the same
 * fixed time, so that the same files give the same bytes.
 */
import { Buffer } from 'node:buffer';
import { zipEntries } from './zip.js';
import type { ZipEntry } from './zip.js';

export type { ZipEntry } from './zip.js';

/**
 * Zip `entries` after the `mimetype` entry, in the order given, each dated `date`
 * (`YYYY-MM-DD`, at midnight). Returns the bytes of the container.
 */
export async function zipEpub(entries: readonly ZipEntry[], date: string): Promise<Buffer> {
  return zipEntries(
    [{ path: 'mimetype', data: Buffer.from('application/epub+zip', 'ascii'), stored: true }, ...entries],
    date,
  );
}
