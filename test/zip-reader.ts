/**
 * A small zip reader for the tests (the zip library of the build only writes): the
 * entries of an archive in the order of its central directory, each with the bytes of
 * its local header that the EPUB rules care about.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntryRead {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  /** Length of the local header's extra field. */
  localExtraLength: number;
  /** Offset of the local header in the archive. */
  offset: number;
  /** The local header's MS-DOS date and time fields. */
  dosDate: number;
  dosTime: number;
  data: Buffer;
}

/** Every entry of `zip`, in central-directory order. Throws on what is not a zip. */
export function readZip(zip: Buffer): ZipEntryRead[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('No end of central directory: not a zip');
  const count = zip.readUInt16LE(end + 10);
  let cursor = zip.readUInt32LE(end + 16);
  const entries: ZipEntryRead[] = [];
  for (let index = 0; index < count; index += 1) {
    if (zip.readUInt32LE(cursor) !== 0x02014b50) throw new Error(`Bad central directory record at ${cursor}`);
    const method = zip.readUInt16LE(cursor + 10);
    const compressedSize = zip.readUInt32LE(cursor + 20);
    const nameLength = zip.readUInt16LE(cursor + 28);
    const extraLength = zip.readUInt16LE(cursor + 30);
    const commentLength = zip.readUInt16LE(cursor + 32);
    const offset = zip.readUInt32LE(cursor + 42);
    const name = zip.toString('utf8', cursor + 46, cursor + 46 + nameLength);
    if (zip.readUInt32LE(offset) !== 0x04034b50) throw new Error(`Bad local header of ${name}`);
    const localExtraLength = zip.readUInt16LE(offset + 28);
    const start = offset + 30 + zip.readUInt16LE(offset + 26) + localExtraLength;
    const raw = zip.subarray(start, start + compressedSize);
    entries.push({
      name,
      method,
      localExtraLength,
      offset,
      dosDate: zip.readUInt16LE(offset + 12),
      dosTime: zip.readUInt16LE(offset + 10),
      data: method === 0 ? raw : inflateRawSync(raw),
    });
    cursor += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
