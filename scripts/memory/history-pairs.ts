/**
 * The memory in the issue's git history: the confirmed pairs of every committed version
 * of its manuscript, each with the date of the oldest commit that has it (when it was
 * confirmed, as far as the history tells).
 */
import { VFile } from 'vfile';
import type { IssueLocation } from '../manuscript/locate-issue.js';
import { readManuscript } from '../manuscript/read-issue.js';
import { supportedLanguages } from '../project.js';
import { committedVersions } from '../translation/history.js';
import { plainText } from './pairs.js';
import type { MemoryPair } from './pairs.js';

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
  const found = new Map<string, MemoryPair>();
  // Newest first: a pair met again in an older version takes that version's date.
  for await (const { date, bytes } of committedVersions(location.manuscript)) {
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
