/** `qa-structure`: paragraphs, headings by depth, lists, list items, quotes, tables, rows, cells. */
import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import { describeDifference } from './counts.js';
import type { Counts } from './counts.js';
import { rootOf } from './types.js';
import type { BlockView, QaCheck } from './types.js';

/** Warns once, at the fence, when the translation's blocks are not those of its source. */
export const structure: QaCheck = {
  rule: 'qa-structure',
  check({ from, to, warn }) {
    const countsOf = (view: BlockView): Counts => {
      const counts: Counts = new Map();
      const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
      visit(rootOf(view.block.children), (node) => {
        const key = structureKey(node);
        if (key) add(key);
      });
      return counts;
    };
    const difference = describeDifference(countsOf(from), countsOf(to), structureName);
    if (difference) {
      warn(
        `Unexpected block structure in \`${to.lang}\`: ${difference.actual}; expected as in \`${from.lang}\`: ${difference.expected}`,
      );
    }
  },
};

function structureKey(node: Nodes): string | undefined {
  switch (node.type) {
    case 'heading':
      return `heading-${node.depth}`;
    case 'list':
      return node.ordered ? 'numbered-list' : 'bulleted-list';
    case 'paragraph':
    case 'listItem':
    case 'blockquote':
    case 'table':
    case 'tableRow':
    case 'tableCell':
    case 'code':
    case 'thematicBreak':
      return node.type;
    default:
      return undefined;
  }
}

function structureName(key: string): [string, string] {
  const depth = /^heading-(\d)$/.exec(key)?.[1];
  if (depth) return [`level-${depth} heading`, `level-${depth} headings`];
  const names: Record<string, [string, string]> = {
    'numbered-list': ['numbered list', 'numbered lists'],
    'bulleted-list': ['bulleted list', 'bulleted lists'],
    paragraph: ['paragraph', 'paragraphs'],
    listItem: ['list item', 'list items'],
    blockquote: ['quote', 'quotes'],
    table: ['table', 'tables'],
    tableRow: ['table row', 'table rows'],
    tableCell: ['table cell', 'table cells'],
    code: ['code block', 'code blocks'],
    thematicBreak: ['thematic break', 'thematic breaks'],
  };
  return names[key] ?? [key, key];
}
