/**
 * `release --verify <folder>`: check a release against itself: every file of
 * `SHA256SUMS` present with its hash, every file of `manifest.json` present with its
 * size and hash, and the two lists in agreement.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Manifest } from './manifest.js';
import { parseChecksums, sha256 } from './manifest.js';

/** Every problem found; none means the release is what it says it is. */
export async function verifyRelease(folder: string): Promise<string[]> {
  const problems: string[] = [];
  const sumsFile = path.join(folder, 'SHA256SUMS');
  const manifestFile = path.join(folder, 'manifest.json');
  if (!existsSync(sumsFile)) problems.push('SHA256SUMS is missing');
  if (!existsSync(manifestFile)) problems.push('manifest.json is missing');
  if (problems.length > 0) return problems;

  const sums = parseChecksums(await readFile(sumsFile, 'utf8'));
  for (const [name, hash] of sums) {
    const file = path.join(folder, name);
    if (!existsSync(file)) problems.push(`${name}: listed in SHA256SUMS, missing`);
    else if (sha256(await readFile(file)) !== hash) problems.push(`${name}: SHA-256 differs from SHA256SUMS`);
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Manifest;
  } catch (error) {
    return [...problems, `manifest.json is not JSON: ${(error as Error).message}`];
  }
  for (const entry of manifest.files ?? []) {
    const file = path.join(folder, entry.name);
    if (!existsSync(file)) {
      problems.push(`${entry.name}: listed in manifest.json, missing`);
      continue;
    }
    const bytes = (await stat(file)).size;
    if (bytes !== entry.bytes) problems.push(`${entry.name}: ${bytes} bytes, manifest.json says ${entry.bytes}`);
    if (sha256(await readFile(file)) !== entry.sha256)
      problems.push(`${entry.name}: SHA-256 differs from manifest.json`);
    if (sums.get(entry.name) !== entry.sha256) problems.push(`${entry.name}: SHA256SUMS and manifest.json disagree`);
  }
  return problems;
}
