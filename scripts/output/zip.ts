/**
 * Zip files the same way every time: the entries in the order given, each dated the
 * same fixed day, so that the same files give the same bytes.
 */
import { Buffer } from 'node:buffer';
import { ZipFile } from 'yazl';

const precompressed = /\.(woff2?|png|jpe?g|gif|zip|epub|pdf)$/i;

/** One file of an archive. */
export interface ZipEntry {
  /** Path inside the archive, with forward slashes. */
  path: string;
  data: Buffer | string;
  /** Store the entry uncompressed (as EPUB's `mimetype` must be). */
  stored?: boolean;
}

/** Zip `entries` in the order given, each dated `date` (`YYYY-MM-DD`, at midnight). */
export async function zipEntries(entries: readonly ZipEntry[], date: string): Promise<Buffer> {
  const [year = 1980, month = 1, day = 1] = date.split('-').map(Number);
  // Zip stores local date and time fields: a Date made from local fields gives the same
  // fields in every time zone. The extended (UTC) timestamp would not, so it is left out.
  const mtime = new Date(year, month - 1, day);
  const zip = new ZipFile();
  for (const entry of entries) {
    zip.addBuffer(Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data, 'utf8'), entry.path, {
      mtime,
      mode: 0o100644,
      forceDosTimestamp: true,
      // Fonts, images and archives are compressed already: deflating them again only costs time.
      compressionLevel: entry.stored === true ? 0 : precompressed.test(entry.path) ? 0 : 9,
    });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
