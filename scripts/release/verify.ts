/**
 * `release --verify <folder>`: check a release against itself: every file of
 * `SHA256SUMS` present with its hash, every file of `manifest.json` present with its
 * size and hash, and the two lists in agreement.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { displayPath } from '../manuscript/display-path.js';
import { report } from '../messages/report.js';
import type { Manifest } from './manifest.js';
import { parseChecksums, sha256 } from './manifest.js';
import { releaseRules } from './rules.js';

/**
 * Check the release in `folder`.
 *
 * @returns the files with problems (messages of the `release` rules, each on the file
 *   concerned, named as messages name files); none means the release is what it says it is.
 */
export async function verifyRelease(folder: string): Promise<VFile[]> {
  const files = new Map<string, VFile>();
  const problem = (name: string, ruleId: keyof typeof releaseRules, reason: string) => {
    let file = files.get(name);
    if (!file) files.set(name, (file = new VFile({ path: displayPath(path.join(folder, name)) })));
    report(file, releaseRules[ruleId], reason, undefined);
  };
  const sumsFile = path.join(folder, 'SHA256SUMS');
  const manifestFile = path.join(folder, 'manifest.json');
  if (!existsSync(sumsFile)) problem('SHA256SUMS', 'missing-file', 'SHA256SUMS is missing');
  if (!existsSync(manifestFile)) problem('manifest.json', 'missing-file', 'manifest.json is missing');
  if (files.size > 0) return [...files.values()];

  const sums = parseChecksums(await readFile(sumsFile, 'utf8'));
  for (const [name, hash] of sums) {
    const file = path.join(folder, name);
    if (!existsSync(file)) problem(name, 'missing-file', 'listed in SHA256SUMS, missing');
    else if (sha256(await readFile(file)) !== hash)
      problem(name, 'checksum-mismatch', 'SHA-256 differs from SHA256SUMS');
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Manifest;
  } catch (error) {
    problem('manifest.json', 'invalid-manifest', `manifest.json is not JSON: ${(error as Error).message}`);
    return [...files.values()];
  }
  for (const entry of manifest.files ?? []) {
    const file = path.join(folder, entry.name);
    if (!existsSync(file)) {
      problem(entry.name, 'missing-file', 'listed in manifest.json, missing');
      continue;
    }
    const bytes = (await stat(file)).size;
    if (bytes !== entry.bytes)
      problem(entry.name, 'size-mismatch', `${bytes} bytes, manifest.json says ${entry.bytes}`);
    if (sha256(await readFile(file)) !== entry.sha256)
      problem(entry.name, 'checksum-mismatch', 'SHA-256 differs from manifest.json');
    if (sums.get(entry.name) !== entry.sha256)
      problem(entry.name, 'lists-disagree', 'SHA256SUMS and manifest.json disagree');
  }
  return [...files.values()];
}
