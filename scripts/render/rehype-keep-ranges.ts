/**
 * rehype plugin: keep a numeric range and a Korean given name on one line. Browsers
 * break after an en dash and a hyphen, so "(1945–2026)" could end a line with "1945–"
 * and "Lee Jae-myung" with "Jae-"; each is wrapped in `<span class="nowrap">` (every
 * stylesheet sets `white-space: nowrap` for it). A span, not an invisible joining
 * character or a non-breaking hyphen, so the text stays the same for search and copy.
 *
 * A Korean given name is known by its form: a romanised syllable, a hyphen and another
 * in lower case ("Jae-myung", "Doo-hwan") after a one-syllable family name ("Lee",
 * "Chun"), as the series writes them (family name first).
 */
import type { ElementContent, Root } from 'hast';
import type { Plugin } from 'unified';
import { visitParents } from 'unist-util-visit-parents';

const range =
  /\d[\d.,]*\u2013\d[\d.,]*%?|(?<=(?<!\p{L})\p{Lu}\p{Ll}{1,4}[ \u00a0])\p{Lu}\p{Ll}{1,4}-\p{Ll}{1,5}(?!\p{L})/gu;
/** Where an element may not stand, or text is not prose. */
const skipped = new Set(['head', 'title', 'script', 'style', 'code', 'pre', 'textarea', 'svg']);

export const rehypeKeepRanges: Plugin<[], Root> = function () {
  return function (tree: Root) {
    const found: Array<{ node: { type: 'text'; value: string }; parent: { children: ElementContent[] } }> = [];
    visitParents(tree, 'text', (node, ancestors) => {
      if (!range.test(node.value)) return;
      range.lastIndex = 0;
      if (ancestors.some((ancestor) => ancestor.type === 'element' && skipped.has(ancestor.tagName))) return;
      const parent = ancestors[ancestors.length - 1];
      if (parent && 'children' in parent) found.push({ node, parent: parent as { children: ElementContent[] } });
    });
    for (const { node, parent } of found) {
      const parts: ElementContent[] = [];
      let last = 0;
      for (const match of node.value.matchAll(range)) {
        const start = match.index ?? 0;
        if (start > last) parts.push({ type: 'text', value: node.value.slice(last, start) });
        parts.push({
          type: 'element',
          tagName: 'span',
          properties: { className: ['nowrap'] },
          children: [{ type: 'text', value: match[0] }],
        });
        last = start + match[0].length;
      }
      if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
      const index = parent.children.indexOf(node);
      if (index >= 0) parent.children.splice(index, 1, ...parts);
    }
  };
};
