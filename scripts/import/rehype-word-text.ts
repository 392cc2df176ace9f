/**
 * rehype plugin: the text of a Word document as the manuscript writes it.
 *
 * - soft hyphens (Word's optional hyphens, or a hyphenated edition's) are layout, not
 *   text: they go;
 * - superscripts and subscripts made of digits and signs become Unicode's superscript
 *   and subscript characters (m², CO₂); others (21<sup>st</sup>) become plain text,
 *   since Markdown has no superscript;
 * - a link to a bookmark of the Word file (`#_Toc…`, a cross-reference) or to
 *   anything but a web page or an e-mail address keeps its text, without the link;
 * - empty bookmarks (`<a id="…">`) go.
 *
 * Each link dropped is recorded in `file.data.droppedLinks`.
 */
import type { ElementContent, Root } from 'hast';
import type { Plugin } from 'unified';
import { visit, SKIP } from 'unist-util-visit';
import { toString } from 'hast-util-to-string';

declare module 'vfile' {
  interface DataMap {
    /** Links of the Word file kept as text, each with its text and target. */
    droppedLinks: Array<{ text: string; href: string }>;
  }
}

const superscripts: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '+': '⁺',
  '-': '⁻',
  '−': '⁻',
  '=': '⁼',
  '(': '⁽',
  ')': '⁾',
  n: 'ⁿ',
  i: 'ⁱ',
};

const subscripts: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  '+': '₊',
  '-': '₋',
  '−': '₋',
  '=': '₌',
  '(': '₍',
  ')': '₎',
};

/** rehype plugin: soft hyphens out, superscripts as characters, links the manuscript can keep. */
export const rehypeWordText: Plugin<[], Root> = function () {
  return function (tree: Root, file) {
    const dropped: Array<{ text: string; href: string }> = [];
    visit(tree, 'text', (node) => {
      node.value = node.value.replace(/\u00ad/g, '');
    });
    visit(tree, 'element', (node, index, parent) => {
      if (parent === undefined || index === undefined) return;
      if (node.tagName === 'sup' || node.tagName === 'sub') {
        const text = toString(node);
        const table = node.tagName === 'sup' ? superscripts : subscripts;
        const mapped = [...text].map((character) => table[character]);
        const replacement: ElementContent[] = mapped.every((character) => character !== undefined)
          ? [{ type: 'text', value: mapped.join('') }]
          : node.children;
        parent.children.splice(index, 1, ...replacement);
        return [SKIP, index];
      }
      if (node.tagName !== 'a' || 'dataNoteRef' in node.properties) return;
      const href = node.properties.href;
      if (href === undefined) {
        // A bookmark: nothing to read.
        parent.children.splice(index, 1, ...node.children);
        return [SKIP, index];
      }
      if (typeof href === 'string' && keepable(href)) return;
      dropped.push({ text: toString(node), href: String(href) });
      parent.children.splice(index, 1, ...node.children);
      return [SKIP, index];
    });
    file.data.droppedLinks = dropped;
  };
};

/** A link the manuscript keeps: a web page or an e-mail address (`docs/manuscript.md`). */
function keepable(href: string): boolean {
  if (/^https?:\/\/[^\s/]/i.test(href)) return true;
  return /^mailto:[^?]+$/i.test(href);
}
