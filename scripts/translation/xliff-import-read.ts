/**
 * Read an XLIFF file into an XML tree, within the size an import reads: a file too
 * large, unreadable or not well-formed is a message on the file at its place.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { VFile } from 'vfile';
import { report } from './xliff-import-rules.js';
import { parseXml } from './xml-read.js';
import type { Point, XmlElement } from './xml-read.js';

/**
 * The largest XLIFF file an import reads: 32 MiB, some hundred times an issue's text.
 * A larger file is refused before it is read, so that a wrong file cannot exhaust memory.
 */
export const maxXliffBytes = 32 * 1024 * 1024;

/**
 * The root element of the XML file at `xliffPath`.
 *
 * @returns the root, or undefined (with a message on `file`) when the file is too large,
 *   cannot be read or is not well-formed XML.
 */
export async function readXliffFile(file: VFile, xliffPath: string): Promise<XmlElement | undefined> {
  const start: Point = { line: 1, column: 1 };
  let read;
  try {
    // Refused before a byte is read: memory stays in proportion to what an import may hold.
    const size = (await stat(xliffPath)).size;
    if (size > maxXliffBytes) {
      report(file, 'xliff-too-large', tooLarge(size), start);
      return undefined;
    }
    // Streamed into the parser; `end` also stops a file that grows while it is read.
    const stream = createReadStream(xliffPath, { highWaterMark: 64 * 1024, end: maxXliffBytes });
    read = await parseXml(stream, { maxBytes: maxXliffBytes });
  } catch (error) {
    if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
    report(file, 'xliff-not-xliff', `Cannot read the file: ${(error as Error).message}`, start);
    return undefined;
  }
  if ('error' in read) {
    const { kind, reason, place } = read.error;
    if (kind === 'too-large') {
      report(
        file,
        'xliff-too-large',
        `Unexpected file that grew past ${maxXliffBytes} bytes while it was read, expected at most that`,
        place,
      );
    } else report(file, 'xliff-not-xliff', reason, place);
    return undefined;
  }
  return read.root;
}

/** The refusal of a file over `maxXliffBytes`. */
function tooLarge(size: number): string {
  const mebibytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
  return `Unexpected file of ${mebibytes(size)} MiB (${size} bytes), expected an XLIFF file of at most ${mebibytes(maxXliffBytes)} MiB (${maxXliffBytes} bytes): one issue exports far less, is it the right file?`;
}
