/**
 * The EPUB container (OCF): a zip whose first entry is `mimetype`, stored, so that a
 * program can recognise an EPUB from its first bytes; every entry carries the same
 * fixed time, so that the same files give the same bytes.
 */
import { Buffer } from 'node:buffer';
import { ZipFile } from 'yazl';

const precompressed = /\.(woff2?|png|jpe?g|gif)$/i;

/** One file of the container. */
export interface ZipEntry {
  /** Path inside the container, with forward slashes. */
  path: string;
  data: Buffer | string;
}

/**
 * Zip `entries` after the `mimetype` entry, in the order given, each dated `date`
 * (`YYYY-MM-DD`, at midnight). Returns the bytes of the container.
 */
export async function zipEpub(entries: readonly ZipEntry[], date: string): Promise<Buffer> {
  const [year = 1980, month = 1, day = 1] = date.split('-').map(Number);
  // Zip stores local date and time fields: a Date made from local fields gives the same
  // fields in every time zone. The extended (UTC) timestamp would not, so it is left out.
  const mtime = new Date(year, month - 1, day);
  const options = { mtime, mode: 0o100644, forceDosTimestamp: true };
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from('application/epub+zip', 'ascii'), 'mimetype', { ...options, compressionLevel: 0 });
  for (const entry of entries) {
    zip.addBuffer(Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data, 'utf8'), entry.path, {
      ...options,
      // Fonts and raster images are compressed already: deflating them again only costs time.
      compressionLevel: precompressed.test(entry.path) ? 0 : 9,
    });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
