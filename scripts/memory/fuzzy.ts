/**
 * Matches from the memory for a text: exact first, then fuzzy down to a threshold, by
 * words. Numbers and footnote references are placeables: they match one another
 * whatever they say, as a CAT tool would carry them over.
 *
 * The score is one minus the edit distance between the two texts' word sequences over
 * the longer one's length, in words: each word is mapped to one character of the Basic
 * Multilingual Plane (one UTF-16 unit, as `leven` counts), and `leven` measures the
 * distance between the two strings. Past about 63,000 distinct words, characters are
 * shared by two words; a match is then at most a little better than it is.
 */
import leven from 'leven';
import type { MemoryPair } from './pairs.js';

/** One suggestion: a pair of the memory, and how like the text its source is (0–1). */
export interface Match {
  pair: MemoryPair;
  score: number;
}

/** A text's words, case folded; numbers as one placeable. */
export function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{M}\p{N}'’.-]+/gu) ?? [])
    .map((word) => word.replace(/^[.'’-]+|[.'’-]+$/g, ''))
    .filter((word) => word !== '')
    .map((word) => (/^[\d.,%-]+$/.test(word) ? '#' : word));
}

/** How often each character occurs in `key`. */
function counts(key: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const code of key) found.set(code, (found.get(code) ?? 0) + 1);
  return found;
}

/** A memory made ready for matching: each pair's source words, as a string of one character per word. */
export class Memory {
  private readonly vocabulary = new Map<string, string>();
  private readonly entries: Array<{ pair: MemoryPair; key: string; length: number }>;
  /** For each word's character, the entries that have it and how often. */
  private readonly postings = new Map<string, Array<[entry: number, count: number]>>();

  constructor(pairs: readonly MemoryPair[]) {
    this.entries = pairs.map((pair, index) => {
      const key = this.encode(words(pair.source.text));
      for (const [code, count] of counts(key)) {
        let list = this.postings.get(code);
        if (!list) this.postings.set(code, (list = []));
        list.push([index, count]);
      }
      return { pair, key, length: key.length };
    });
  }

  /** How many pairs it holds. */
  get size(): number {
    return this.entries.length;
  }

  /**
   * The best matches for `text` (in `sourceLang`) into `targetLang`, best first.
   *
   * @param options.threshold the lowest score kept (default 0.7).
   * @param options.limit how many to return (default 3).
   * @param options.except a pair never to suggest (the segment's own).
   */
  match(
    text: string,
    sourceLang: string,
    targetLang: string,
    options: { threshold?: number; limit?: number; except?: (pair: MemoryPair) => boolean } = {},
  ): Match[] {
    const threshold = options.threshold ?? 0.7;
    const key = this.encode(words(text));
    const length = key.length;
    if (length === 0) return [];
    // The words a pair has in common with the text bound its score from above (the
    // distance is at least the longer length less the words in common): only the
    // pairs whose bound reaches the threshold are measured.
    const common = new Int32Array(this.entries.length);
    for (const [code, count] of counts(key)) {
      for (const [entry, times] of this.postings.get(code) ?? [])
        common[entry] = (common[entry] ?? 0) + Math.min(count, times);
    }
    const found: Match[] = [];
    for (const [index, entry] of this.entries.entries()) {
      const longer = Math.max(length, entry.length);
      if ((common[index] ?? 0) / longer < threshold) continue;
      const { pair } = entry;
      if (pair.source.lang !== sourceLang || pair.target.lang !== targetLang || options.except?.(pair)) continue;
      const score = 1 - leven(key, entry.key) / longer;
      if (score >= threshold) found.push({ pair, score });
    }
    return found.sort((a, b) => b.score - a.score).slice(0, options.limit ?? 3);
  }

  /** One character of the Basic Multilingual Plane per distinct word, surrogates left out. */
  private encode(list: readonly string[]): string {
    return list
      .map((word) => {
        let code = this.vocabulary.get(word);
        if (code === undefined) {
          const index = this.vocabulary.size % (0xfffe - 0x100 - 0x800);
          code = String.fromCharCode(0x100 + index + (0x100 + index >= 0xd800 ? 0x800 : 0));
          this.vocabulary.set(word, code);
        }
        return code;
      })
      .join('');
  }
}
