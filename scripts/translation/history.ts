/**
 * The source texts a manuscript had in its git history, found by their `src` hash:
 * what a stale translation was confirmed against.
 *
 * Tools that match fuzzily cannot say what changed since a translation was checked;
 * the hash can, when the text it was taken of is in the history.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { VFile } from 'vfile';
import { readManuscript } from '../manuscript/read-issue.js';
import type { Lang } from '../manuscript/schema.js';
import { srcHash } from '../manuscript/src-hash.js';
import { supportedLanguages } from '../project.js';

const run = promisify(execFile);

/**
 * For each wanted hash, the source-language block text whose hash it is, from the
 * newest commit of the manuscript's history that has it. Hashes not found are absent.
 * Outside a git repository, nothing is found.
 *
 * @param manuscript the issue's `index.md`.
 * @param sourceLang the language whose blocks are the sources.
 */
export async function findSourceTexts(
  manuscript: string,
  sourceLang: string,
  wanted: ReadonlySet<string>,
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (wanted.size === 0) return found;
  for await (const { bytes } of committedVersions(manuscript)) {
    for (const block of await sourceBlocks(bytes, sourceLang)) {
      const hash = srcHash(block);
      if (wanted.has(hash) && !found.has(hash)) found.set(hash, block);
    }
    if (found.size === wanted.size) break;
  }
  return found;
}

/** One committed version of a file: its commit, the commit's time (ISO 8601), its bytes. */
export interface CommittedVersion {
  commit: string;
  date: string;
  bytes: Buffer;
}

/**
 * Every committed version of `file`, newest first; a commit whose version cannot be
 * read is passed over. Outside a git repository, or never committed: none.
 */
export async function* committedVersions(file: string): AsyncGenerator<CommittedVersion> {
  const folder = path.dirname(file);
  const name = path.basename(file);
  let commits: string[][];
  try {
    const { stdout } = await run('git', ['log', '--format=%H %cI', '--', name], { cwd: folder, maxBuffer: 1 << 26 });
    commits = stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(' '));
  } catch {
    return;
  }
  for (const [commit = '', date = ''] of commits) {
    let bytes: Buffer;
    try {
      const options = { cwd: folder, encoding: 'buffer' as const, maxBuffer: 1 << 28 };
      bytes = (await run('git', ['show', `${commit}:./${name}`], options)).stdout;
    } catch {
      continue;
    }
    yield { commit, date, bytes };
  }
}

/**
 * The texts of the blocks of `lang` in one version of a manuscript, read by the
 * project's reader as the current version is. A past version may not be valid today:
 * its problems are not reported, and every segment it has is used.
 *
 * @param bytes the version as git stores it.
 * @param lang the source language.
 * @returns the blocks' texts (as the `src` hash is taken of them), in manuscript order.
 */
export async function sourceBlocks(bytes: Uint8Array, lang: Lang): Promise<string[]> {
  const file = new VFile();
  await readManuscript(file, bytes, { slug: '', supported: supportedLanguages() });
  return (file.data.segments ?? []).flatMap((segment) => segment.blocks[lang]?.text ?? []);
}
