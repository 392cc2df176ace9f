/**
 * remark plugin: refuse content nested deeper than an edition can carry.
 *
 * Every later stage (to HTML, to XML, the print layout) walks the tree recursively, so a
 * thousand nested quotes or lists would overflow the stack in the build. Nothing an
 * analysis needs comes near the limit: a list nested fifteen levels deep is 32 levels
 * of the tree. The first node past it is reported, once per block, and its content is
 * cut off so that the checks after this one do not recurse into it either.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { Node, Parent } from 'unist';
import type { VFile } from 'vfile';
import { report } from './rules.js';

/** Levels of the tree below the root that content may reach. */
export const maxDepth = 32;

export const remarkNestingRules: Plugin<[], Root> = function () {
  return function (tree: Root, file: VFile) {
    for (const block of tree.children) {
      // Walked with a stack of its own: the walk itself must not recurse that deep.
      const stack: Array<{ node: Node; depth: number }> = [{ node: block, depth: 1 }];
      while (stack.length > 0) {
        const { node, depth } = stack.pop() as { node: Node; depth: number };
        if (!('children' in node)) continue;
        const parent = node as Parent;
        if (depth >= maxDepth) {
          report(
            file,
            'deep-nesting',
            `Unexpected content nested ${maxDepth} levels deep, expected lists, quotes and markup nested less deeply`,
            parent.children[0] ?? node,
          );
          parent.children = [];
          break;
        }
        for (const child of parent.children) stack.push({ node: child, depth: depth + 1 });
      }
    }
  };
};
