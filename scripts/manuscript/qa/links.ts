/** `qa-links`: link targets of one language the other lacks. */
import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import { rootOf } from './types.js';
import type { BlockView, QaCheck } from './types.js';

/** Warns at each link of the translation to a target its source lacks, once per target, and for each target it lost. */
export const links: QaCheck = {
  rule: 'qa-links',
  check({ from, to, warn, definitions }) {
    const linksOf = (view: BlockView) => {
      const found: Array<{ url: string; node: Nodes }> = [];
      visit(rootOf(view.block.children), (node) => {
        if (node.type === 'link') found.push({ url: node.url, node });
        else if (node.type === 'linkReference') {
          const url = definitions.get(node.identifier);
          if (url !== undefined) found.push({ url, node });
        }
      });
      return found;
    };
    const sourceLinks = linksOf(from);
    const targetLinks = linksOf(to);
    const sourceUrls = new Set(sourceLinks.map((link) => link.url));
    const targetUrls = new Set(targetLinks.map((link) => link.url));
    const reported = new Set<string>();
    for (const { url, node } of targetLinks) {
      if (sourceUrls.has(url) || reported.has(url)) continue;
      reported.add(url);
      warn(
        `Unexpected link to \`${url}\` in \`${to.lang}\`, expected the link targets of the \`${from.lang}\` block`,
        node.position?.start,
      );
    }
    for (const url of sourceUrls) {
      if (!targetUrls.has(url)) warn(`Missing link to \`${url}\` in \`${to.lang}\` (\`${from.lang}\` links to it)`);
    }
  },
};
