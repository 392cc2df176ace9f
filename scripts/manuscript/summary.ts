/**
 * Figures of an issue for the summary of `check` (and, later, `align status`):
 * segments, footnotes, words and translation states per language.
 */
import type { Nodes, RootContent } from 'mdast';
import type { FrontMatter, Lang } from './schema.js';
import type { Segment, TranslationState } from './types.js';

export interface LanguageSummary {
  lang: Lang;
  words: number;
  /** Footnotes in this language, the authors' notes included. */
  notes: number;
  states: Record<TranslationState, number>;
}

export interface IssueSummary {
  segments: number;
  textSegments: number;
  footnoteSegments: number;
  languages: LanguageSummary[];
}

/** Count what `segments` hold, per language. */
export function summarize(segments: readonly Segment[], languages: readonly Lang[], frontMatter?: FrontMatter): IssueSummary {
  const footnoteSegments = segments.filter((segment) => segment.footnote !== undefined).length;
  return {
    segments: segments.length,
    textSegments: segments.length - footnoteSegments,
    footnoteSegments,
    languages: languages.map((lang) => {
      const states = countStates(segments, lang);
      let words = 0;
      let notes = (frontMatter?.authors ?? []).filter((author) => author.note?.[lang] !== undefined).length;
      for (const segment of segments) {
        const block = segment.blocks[lang];
        if (!block) continue;
        words += countWords(block.children);
        if (segment.footnote !== undefined) notes += 1;
      }
      return { lang, words, notes, states };
    }),
  };
}

/**
 * How many segments have each translation state in one language.
 *
 * @param segments anything with the states of its languages (a segment, a status row).
 * @param lang the language counted; a segment without a state for it counts as missing.
 * @returns a count for every state, zeros included.
 */
export function countStates(
  segments: ReadonlyArray<{ states: Record<Lang, TranslationState> }>,
  lang: Lang,
): Record<TranslationState, number> {
  const counts: Record<TranslationState, number> = { source: 0, confirmed: 0, stale: 0, unconfirmed: 0, missing: 0 };
  for (const segment of segments) counts[segment.states[lang] ?? 'missing'] += 1;
  return counts;
}

/** Words of Markdown content: runs of letters or digits between white space. */
export function countWords(nodes: readonly RootContent[]): number {
  let count = 0;
  for (const node of nodes) {
    for (const token of wordText(node).split(/\s+/)) {
      if (/[\p{L}\p{N}]/u.test(token)) count += 1;
    }
  }
  return count;
}

/**
 * Nodes whose children are separate runs of text: a word never continues from one list
 * item, table cell or paragraph into the next (mdast-util-to-string would join them).
 */
const separatedChildren = new Set([
  'root',
  'blockquote',
  'list',
  'listItem',
  'table',
  'tableRow',
  'footnoteDefinition',
  'containerDirective',
]);

/** The text of `node` as words see it: inline markup joined, blocks and cells apart. */
function wordText(node: Nodes): string {
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? '';
  if (node.type === 'break') return ' ';
  if ('value' in node && node.type !== 'html' && node.type !== 'yaml') return node.value;
  if (!('children' in node)) return '';
  const parts = (node.children as Nodes[]).map(wordText);
  return parts.join(separatedChildren.has(node.type) ? ' ' : '');
}
