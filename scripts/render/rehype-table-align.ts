/**
 * rehype plugin: GFM's column alignment as classes (`align-right`) instead of the
 * obsolete `align` attribute that mdast-util-to-hast writes.
 */
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

export const rehypeTableAlign: Plugin<[], Root> = function () {
  return function (tree: Root) {
    visit(tree, 'element', (node) => {
      const align = node.properties.align;
      if ((node.tagName !== 'td' && node.tagName !== 'th') || typeof align !== 'string') return;
      delete node.properties.align;
      const existing = Array.isArray(node.properties.className) ? node.properties.className : [];
      node.properties.className = [...existing, `align-${align}`];
    });
  };
};
