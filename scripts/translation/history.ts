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
import { srcHash } from '../manuscript/src-hash.js';

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
  const folder = path.dirname(manuscript);
  const file = path.basename(manuscript);
  let commits: string[];
  try {
    const { stdout } = await run('git', ['log', '--format=%H', '--', file], { cwd: folder, maxBuffer: 1 << 26 });
    commits = stdout.split('\n').filter(Boolean);
  } catch {
    return found;
  }
  for (const commit of commits) {
    let text: string;
    try {
      text = (await run('git', ['show', `${commit}:./${file}`], { cwd: folder, maxBuffer: 1 << 28 })).stdout;
    } catch {
      continue;
    }
    for (const block of sourceBlocks(text, sourceLang)) {
      const hash = srcHash(block);
      if (wanted.has(hash) && !found.has(hash)) found.set(hash, block);
    }
    if (found.size === wanted.size) break;
  }
  return found;
}

/**
 * The texts of the blocks of `lang` in a manuscript, read line by line (a past version
 * may not be valid today; only its fences matter here).
 */
export function sourceBlocks(text: string, lang: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const blocks: string[] = [];
  const open = new RegExp(`^\\s*:{3,}${lang}(?:\\{|\\s|$)`);
  for (let index = 0; index < lines.length; index++) {
    if (!open.test(lines[index] ?? '')) continue;
    let depth = 1;
    const body: string[] = [];
    for (index++; index < lines.length; index++) {
      const line = lines[index] ?? '';
      if (/^\s*:{3,}[A-Za-z]/.test(line)) depth++;
      else if (/^\s*:{3,}\s*$/.test(line) && --depth === 0) break;
      body.push(line);
    }
    blocks.push(body.join('\n'));
  }
  return blocks;
}
