/**
 * rehype plugin: Word's notes as mammoth writes them, made plain for hast-util-to-mdast.
 *
 * mammoth puts every footnote and endnote at the end of the HTML, as `<li
 * id="footnote-7">…<a href="#footnote-ref-7">↑</a></li>` in an `<ol>`, and each
 * reference as `<sup><a href="#footnote-7" id="footnote-ref-7">[1]</a></sup>`. This
 * plugin takes the notes out (without their back links) into `<section
 * data-note="footnote-7">` elements at the end, and makes each reference a `<a
 * data-note-ref="footnote-7">`; the handlers of `html-to-mdast.ts` make them footnote
 * definitions and references.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { Plugin } from 'unified';
import { visit, SKIP } from 'unist-util-visit';

const noteId = /^(?:footnote|endnote)-\d+$/;

/** The note an element refers to (`footnote-7` for `href="#footnote-7"`), if it is a reference. */
function referenceOf(element: Element): string | undefined {
  const link = element.tagName === 'a' ? element : onlyChild(element, 'a');
  const href = link?.properties.href;
  if (typeof href !== 'string' || !href.startsWith('#')) return undefined;
  const id = href.slice(1);
  return noteId.test(id) ? id : undefined;
}

function onlyChild(element: Element, tagName: string): Element | undefined {
  const elements = element.children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
  const [child] = elements;
  return elements.length === 1 && child?.type === 'element' && child.tagName === tagName ? child : undefined;
}

/** rehype plugin: notes and note references in the forms `html-to-mdast.ts` reads. */
export const rehypeWordNotes: Plugin<[], Root> = function () {
  return function (tree: Root) {
    const notes: Element[] = [];
    // The notes: each list item with a note's id, wherever mammoth put its list.
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'ol' || parent === undefined || index === undefined) return;
      const items = node.children.filter((child): child is Element => child.type === 'element');
      if (items.length === 0 || !items.every((item) => noteId.test(String(item.properties.id ?? '')))) return;
      for (const item of items) {
        notes.push({
          type: 'element',
          tagName: 'section',
          properties: { dataNote: String(item.properties.id) },
          children: withoutBackLinks(item.children),
        });
      }
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
    // The references: `<sup><a href="#footnote-7">[1]</a></sup>`, or the link alone.
    visit(tree, 'element', (node, index, parent) => {
      if (parent === undefined || index === undefined) return;
      if (node.tagName !== 'sup' && node.tagName !== 'a') return;
      const note = referenceOf(node);
      if (note === undefined) return;
      parent.children[index] = { type: 'element', tagName: 'a', properties: { dataNoteRef: note }, children: [] };
      return SKIP;
    });
    tree.children.push(...notes);
  };
};

/** A note's content without the `↑` link back to its reference (and the space before it). */
function withoutBackLinks(children: ElementContent[]): ElementContent[] {
  const root: Root = { type: 'root', children: structuredClone(children) };
  visit(root, 'element', (node, index, parent) => {
    const href = node.properties.href;
    if (node.tagName !== 'a' || typeof href !== 'string' || !/^#(?:footnote|endnote)-ref-\d+$/.test(href)) return;
    if (parent === undefined || index === undefined) return;
    parent.children.splice(index, 1);
    const before = parent.children[index - 1];
    if (before?.type === 'text') before.value = before.value.replace(/\s+$/, '');
    return [SKIP, index];
  });
  return root.children as ElementContent[];
}
