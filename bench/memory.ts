/**
 * The translation memory's row of the benchmark: the sample issue's segments matched
 * against a memory of a hundred issues (the sample's pairs a hundred times, each copy
 * with words of its own, so that no two are alike: about 6,000 pairs).
 */
import path from 'node:path';
import { Memory } from '../scripts/memory/fuzzy.js';
import { issuePairs } from '../scripts/memory/pairs.js';
import type { MemoryPair } from '../scripts/memory/pairs.js';
import { suggestionsFor } from '../scripts/memory/suggestions.js';
import { readIssue } from '../scripts/manuscript/read-issue.js';
import { projectRoot } from '../scripts/project.js';
import { time } from './measure.js';
import { locate } from './stages.js';

/** The times of matching every segment of the sample against the memory (built once), `runs` times. */
export async function memoryMatchTimes(runs: number): Promise<{ times: number[]; pairs: number; segments: number }> {
  const { issue } = await readIssue(locate(path.join(projectRoot, 'manuscript', '2026-3')));
  if (!issue) throw new Error('the sample issue has errors');
  const own = issuePairs(issue);
  const pairs: MemoryPair[] = [];
  for (let copy = 0; copy < 100; copy++) {
    for (const [index, pair] of own.entries()) {
      // Every third word of every other copy changed: near matches, not exact ones.
      const vary = (text: string) =>
        copy % 2 === 0
          ? text
          : text.replace(/\p{L}+/gu, (word, offset: number) => ((offset + index) % 3 === 0 ? `${word}${copy}` : word));
      pairs.push({
        origin: `2000-${copy}`,
        segment: pair.segment,
        source: { ...pair.source, text: vary(pair.source.text) },
        target: pair.target,
      });
    }
  }
  const memory = new Memory(pairs);
  // Every segment is asked for, as if all its translations were missing.
  const missing = {
    ...issue,
    segments: issue.segments.map((segment) => ({
      ...segment,
      states: Object.fromEntries(
        Object.keys(segment.states).map((lang) => [lang, lang === issue.languages[0] ? 'source' : 'missing']),
      ),
    })),
  } as typeof issue;
  const times: number[] = [];
  for (let run = 0; run < runs; run++) times.push((await time(() => suggestionsFor(missing, memory)))[0]);
  return { times, pairs: memory.size, segments: issue.segments.length };
}
