/**
 * The SHA-256 of each file an issue is read from: its manuscript, the series file and,
 * when the issue has one, its glossary. Taken by the reader, which has the bytes, so
 * that a later stage can say what an edition was built from without reading the files
 * again (it never reads the manuscript).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The series glossary's file name, beside `series.yaml` (`manuscript/glossary.yaml`). */
export const glossaryFileName = 'glossary.yaml';

/** SHA-256 digests, in hex, of the files an issue was read from. */
export interface SourceDigests {
  manuscript: string;
  series: string;
  /** Present when the issue folder has a glossary. */
  glossary?: string;
}

/** The SHA-256 of `bytes` in hex. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The digest of the glossary in `folder` (the series', beside `series.yaml`), or
 * undefined when it has none.
 *
 * @throws when the glossary is there but cannot be read (a disk error, not the manuscript's).
 */
export async function glossaryDigest(folder: string): Promise<string | undefined> {
  try {
    return sha256Hex(await readFile(path.join(folder, glossaryFileName)));
  } catch (error) {
    // No file of that name (or a folder in its place): the issue has no glossary.
    if (['ENOENT', 'ENOTDIR', 'EISDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw error;
  }
}
