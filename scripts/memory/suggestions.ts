/**
 * Suggestions where the translator works: for each missing or stale translation of an
 * issue, the best matches of its source text in the series' memory.
 */
import type { ValidatedIssue } from '../manuscript/read-issue.js';
import type { Memory } from './fuzzy.js';
import { plainText } from './pairs.js';

/** The matches for one translation to be written. */
export interface Suggestion {
  segment: string;
  lang: string;
  state: 'missing' | 'stale';
  source: string;
  matches: Array<{ score: number; origin: string; segment: string | null; source: string; target: string }>;
}

/**
 * The suggestions for `issue`'s missing and stale translations (in `langs`, default
 * all), from `memory`, never a segment's own pair.
 */
export function suggestionsFor(
  issue: ValidatedIssue,
  memory: Memory,
  options: { langs?: readonly string[] | undefined; threshold?: number } = {},
): Suggestion[] {
  const [source, ...targets] = issue.languages;
  const suggestions: Suggestion[] = [];
  if (source === undefined) return suggestions;
  for (const segment of issue.segments) {
    const from = segment.blocks[source];
    if (!from) continue;
    for (const lang of targets.filter((target) => !options.langs || options.langs.includes(target))) {
      const state = segment.states[lang];
      if (state !== 'missing' && state !== 'stale') continue;
      const text = plainText(from);
      const matches = memory.match(text, source, lang, {
        threshold: options.threshold,
        except: (pair) => pair.origin === issue.location.slug && pair.segment === segment.id,
      });
      suggestions.push({
        segment: segment.id,
        lang,
        state,
        source: text,
        matches: matches.map(({ pair, score }) => ({
          score: Math.round(score * 1000) / 1000,
          origin: pair.origin,
          segment: pair.segment ?? null,
          source: pair.source.text,
          target: pair.target.text,
        })),
      });
    }
  }
  return suggestions;
}

/** The suggestions as lines under the status table. */
export function formatSuggestions(suggestions: readonly Suggestion[], memory: Memory): string {
  const lines = ['', `suggestions from the memory (${memory.size} pairs; matches of 70% and over):`];
  if (suggestions.length === 0) lines.push('  no translation is missing or stale');
  for (const suggestion of suggestions) {
    lines.push(`  ${suggestion.lang} #${suggestion.segment} (${suggestion.state}):`);
    if (suggestion.matches.length === 0) lines.push('    no match');
    for (const match of suggestion.matches) {
      const where = match.segment === null ? match.origin : `${match.origin} #${match.segment}`;
      const target = match.target.length > 100 ? `${match.target.slice(0, 99)}…` : match.target;
      lines.push(`    ${`${Math.floor(match.score * 100)}%`.padStart(4)}  ${where}: ${target.replace(/\n/g, ' ⏎ ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
