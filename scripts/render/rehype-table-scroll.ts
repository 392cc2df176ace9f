/**
 * rehype plugin: every table in a frame of its own that scrolls sideways when the table
 * is wider than the page (`div.table-scroll`), so that the page never does. The frame is
 * a labelled region that takes the focus: keyboards can scroll it, screen readers name
 * it ("Table 2"). For the HTML pages; the PDF and EPUB lay tables out themselves.
 */
import type { Root } from 'hast';
import { h } from 'hastscript';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

export interface TableScrollOptions {
  /** The frame's accessible name for the `number`th table of the tree, counted from 1. */
  label: (number: number) => string;
}

export const rehypeTableScroll: Plugin<[TableScrollOptions], Root> = function (options) {
  return function (tree: Root) {
    let count = 0;
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return undefined;
      count += 1;
      const frame = h(
        'div',
        { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: options.label(count) },
        [node],
      );
      parent.children.splice(index, 1, frame);
      return [SKIP, index + 1];
    });
  };
};
