/**
 * `qa-markup`: how many emphases, strong emphases, code spans, links and images, and
 * whether the translation keeps the source's phrases in another language.
 */
import { visit } from 'unist-util-visit';
import { phraseLanguage, primaryLanguage } from '../language-tags.js';
import { describeDifference } from './counts.js';
import type { Counts } from './counts.js';
import { rootOf } from './types.js';
import type { BlockView, QaCheck } from './types.js';

/** Kinds of inline markup, with their names in messages (singular, plural). */
const markupNames: Record<string, [string, string]> = {
  emphasis: ['emphasis', 'emphases'],
  strong: ['strong emphasis', 'strong emphases'],
  inlineCode: ['code span', 'code spans'],
  link: ['link', 'links'],
  image: ['image', 'images'],
};

/** The key under which phrases in `tag` are counted. */
const phraseKey = (tag: string) => `phrase:${tag}`;

/** Warns once, at the fence, when the translation has more or fewer of a kind of inline markup. */
export const markup: QaCheck = {
  rule: 'qa-markup',
  check({ from, to, warn }) {
    const countsOf = (view: BlockView): Counts => {
      const counts: Counts = new Map(Object.keys(markupNames).map((key) => [key, 0]));
      visit(rootOf(view.block.children), (node) => {
        if (node.type === 'textDirective') {
          const tag = phraseLanguage(node);
          if (tag !== undefined) counts.set(phraseKey(tag), (counts.get(phraseKey(tag)) ?? 0) + 1);
          return;
        }
        const key = node.type === 'linkReference' ? 'link' : node.type === 'imageReference' ? 'image' : node.type;
        const count = counts.get(key);
        if (count !== undefined) counts.set(key, count + 1);
      });
      return counts;
    };
    const expected = countsOf(from);
    const actual = countsOf(to);
    // A phrase in a third language must stay marked; one in the source's language was
    // translated, one in the translation's is no longer foreign, and a translation may
    // mark more (an English title kept in a Hungarian note): only a dropped mark counts.
    const own = new Set([primaryLanguage(from.lang), primaryLanguage(to.lang)]);
    for (const key of new Set([...expected.keys(), ...actual.keys()])) {
      if (!key.startsWith('phrase:')) continue;
      const tag = key.slice('phrase:'.length);
      const source = expected.get(key) ?? 0;
      if (own.has(primaryLanguage(tag)) || (actual.get(key) ?? 0) >= source) {
        expected.delete(key);
        actual.delete(key);
      }
    }
    const difference = describeDifference(expected, actual, nameOf);
    if (difference) {
      warn(`Unexpected markup in \`${to.lang}\`: ${difference.actual}; expected as in \`${from.lang}\`: ${difference.expected}`);
    }
  },
};

function nameOf(key: string): [string, string] {
  if (key.startsWith('phrase:')) {
    const tag = key.slice('phrase:'.length);
    return [`\`:${tag}[…]\` phrase`, `\`:${tag}[…]\` phrases`];
  }
  return markupNames[key] ?? [key, key];
}
