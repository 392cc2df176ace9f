/** `qa-markup`: how many emphases, strong emphases, code spans, links and images. */
import { visit } from 'unist-util-visit';
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

/** Warns once, at the fence, when the translation has more or fewer of a kind of inline markup. */
export const markup: QaCheck = {
  rule: 'qa-markup',
  check({ from, to, warn }) {
    const countsOf = (view: BlockView): Counts => {
      const counts: Counts = new Map(Object.keys(markupNames).map((key) => [key, 0]));
      visit(rootOf(view.block.children), (node) => {
        const key = node.type === 'linkReference' ? 'link' : node.type === 'imageReference' ? 'image' : node.type;
        const count = counts.get(key);
        if (count !== undefined) counts.set(key, count + 1);
      });
      return counts;
    };
    const difference = describeDifference(countsOf(from), countsOf(to), (key) => markupNames[key] ?? [key, key]);
    if (difference) {
      warn(`Unexpected markup in \`${to.lang}\`: ${difference.actual}; expected as in \`${from.lang}\`: ${difference.expected}`);
    }
  },
};
