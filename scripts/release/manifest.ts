/**
 * The manifest of a release, `manifest.json`, and its checksums, `SHA256SUMS`: what
 * the release holds, checkable by anyone with `sha256sum -c SHA256SUMS`.
 */
import { createHash } from 'node:crypto';

/** One file of a release. */
export interface ManifestFile {
  name: string;
  format: 'pdf' | 'epub' | 'html';
  mediaType: string;
  /** The languages of the file (both for the HTML archive). */
  languages: string[];
  bytes: number;
  sha256: string;
  /** Pages, for a PDF. */
  pages?: number;
}

export interface Manifest {
  issue: string;
  slug: string;
  date: string;
  draft: boolean;
  languages: string[];
  series: Record<string, string>;
  titles: Record<string, string>;
  /** Each author's name in each language's order. */
  authors: Array<Record<string, string>>;
  files: ManifestFile[];
  /** The HTML editions to read online, in the release's `html/` folder: each language's page, and the parallel page. */
  online: { editions: Record<string, string>; parallel: string };
  tool: { name: string; version: string };
  /** The commit the manuscript was released from, when it is in git. */
  source?: { commit: string; modified: boolean };
  /** Why a draft is a draft: the problems a release refuses on. */
  problems?: string[];
}

/** The SHA-256 of some bytes, in hex. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `SHA256SUMS` in the format `sha256sum -c` reads: hash, two spaces, name. */
export function checksumsFile(files: ReadonlyArray<{ name: string; sha256: string }>): string {
  return [...files]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((file) => `${file.sha256}  ${file.name}\n`)
    .join('');
}

/** Parse `SHA256SUMS`: name → hash. */
export function parseChecksums(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (match?.[1] && match[2]) sums.set(match[2], match[1]);
  }
  return sums;
}
