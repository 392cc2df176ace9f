/**
 * The notes of an edition as EPUB 3 notes: reading systems show a note as a pop-up when
 * its reference says `epub:type="noteref"` and the target says `epub:type="footnote"`.
 */
import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

export interface EpubNotesOptions {
  /** The content document that holds the notes (`notes.xhtml`). */
  notesHref: string;
  /** The content document that holds the references (`text.xhtml`). */
  textHref: string;
}

/**
 * rehype plugin: mark the note references (`a[role=doc-noteref]`) and the notes
 * (`aside[role=doc-footnote]`) with their `epub:type`, and point the references, which
 * link within one HTML page, at the document of the notes, and the back-links
 * (`a[role=doc-backlink]`) at the document of the text.
 */
export const rehypeEpubNotes: Plugin<[EpubNotesOptions], Root> = function (options) {
  return function (tree: Root) {
    visit(tree, 'element', (element: Element) => {
      const role = element.properties.role;
      if (element.tagName === 'a' && role === 'doc-noteref') {
        element.properties['epub:type'] = 'noteref';
        element.properties.href = inDocument(element, options.notesHref);
      } else if (element.tagName === 'a' && role === 'doc-backlink') {
        element.properties.href = inDocument(element, options.textHref);
      } else if (element.tagName === 'aside' && role === 'doc-footnote') {
        element.properties['epub:type'] = 'footnote';
      }
    });
  };
};

/** `#note-3` → `notes.xhtml#note-3`. */
function inDocument(link: Element, document: string): string {
  const href = String(link.properties.href ?? '');
  if (!href.startsWith('#')) throw new Error(`Expected a fragment link, found \`${href}\``);
  return `${document}${href}`;
}
