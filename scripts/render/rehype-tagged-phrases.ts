/**
 * rehype plugin for the print page: give each phrase in another language (a `span` with
 * `lang`, from `:en[…]`) a role of its own, so that Chromium's tagged PDF keeps it as a
 * structure element with its `/Lang`. Chromium folds a plain span into its paragraph's
 * element and its language is lost: screen readers read an English title in the
 * Hungarian PDF as Hungarian. An element with a role is kept, as `/NonStruct` (a
 * grouping without meaning) with `/Lang (en)`. `mark` is one such role; the print page
 * is only ever read as the PDF it becomes, where the role itself leaves no trace.
 */
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

export const rehypeTaggedPhrases: Plugin<[], Root> = function () {
  return function (tree: Root) {
    visit(tree, 'element', (element) => {
      if (element.tagName !== 'span' || typeof element.properties.lang !== 'string') return;
      if (element.properties.role === undefined) element.properties.role = 'mark';
    });
  };
};
