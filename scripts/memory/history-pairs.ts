/**
 * The memory in the issue's git history: the confirmed pairs of every committed version
 * of its manuscript, each with the date of the oldest commit that has it (when it was
 * confirmed, as far as the history tells).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { VFile } from 'vfile';
import type { IssueLocation } from '../manuscript/locate-issue.js';
import { readManuscript } from '../manuscript/read-issue.js';
import { supportedLanguages } from '../project.js';
import { plainText } from './pairs.js';
import type { MemoryPair } from './pairs.js';

const run = promisify(execFile);

/** A pair's identity: its languages and its two texts. */
export function pairKey(pair: MemoryPair): string {
  return [pair.source.lang, pair.target.lang, pair.source.text, pair.target.text].join('\u0000');
}

/**
 * Every confirmed pair of every committed version of the issue's manuscript, newest
 * version's segment ids, each dated by the oldest commit that has it. No history (not
 * a git checkout, or the file never committed): none.
 */
export async function historyPairs(location: IssueLocation): Promise<Map<string, MemoryPair>> {
  const folder = path.dirname(location.manuscript);
  const file = path.basename(location.manuscript);
  const found = new Map<string, MemoryPair>();
  let commits: Array<[string, string]>;
  try {
    const { stdout } = await run('git', ['log', '--format=%H %cI', '--', file], { cwd: folder, maxBuffer: 1 << 26 });
    commits = stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(' ') as [string, string]);
  } catch {
    return found;
  }
  // Newest first: a pair met again in an older version takes that version's date.
  for (const [commit, date] of commits) {
    let bytes: Buffer;
    try {
      const options = { cwd: folder, encoding: 'buffer' as const, maxBuffer: 1 << 28 };
      bytes = (await run('git', ['show', `${commit}:./${file}`], options)).stdout;
    } catch {
      continue;
    }
    const version = new VFile();
    await readManuscript(version, bytes, { slug: location.slug, supported: supportedLanguages() });
    const [source, ...targets] = version.data.languages ?? [];
    if (source === undefined) continue;
    for (const segment of version.data.segments ?? []) {
      const from = segment.blocks[source];
      if (!from) continue;
      for (const lang of targets) {
        const to = segment.blocks[lang];
        if (!to || segment.states[lang] !== 'confirmed') continue;
        const pair: MemoryPair = {
          origin: location.slug,
          segment: segment.id,
          source: { lang: source, text: plainText(from) },
          target: { lang, text: plainText(to) },
        };
        const key = pairKey(pair);
        found.set(key, { ...(found.get(key) ?? pair), date: new Date(date).toISOString() });
      }
    }
  }
  return found;
}
