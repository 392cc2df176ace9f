/**
 * One language's edition → hast: the segments, the notes, the title block and the
 * table of contents, with the language's typography applied.
 *
 * Every format is made from these trees: the HTML pages place them in a page shell,
 * the PDF and EPUB stages take the same nodes.
 */
import type { Element, ElementContent } from 'hast';
import type { FootnoteReference, Parent, Root, RootContent } from 'mdast';
import { h } from 'hastscript';
import { toString } from 'mdast-util-to-string';
import remarkRehype from 'remark-rehype';
import type { TextDirective } from 'mdast-util-directive';
import type { State } from 'mdast-util-to-hast';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { phraseLanguage } from '../manuscript/language-tags.js';
import type { Edition } from '../manuscript/split-editions.js';
import type { Labels } from './labels.js';
import { rehypeTableAlign } from './rehype-table-align.js';
import { remarkTypography, typeset } from './typography.js';

/** A wrapper around a segment or a note: a div or aside with these properties. */
interface Wrapper extends Parent {
  type: 'wrapper';
  children: RootContent[];
}

declare module 'mdast' {
  interface RootContentMap {
    wrapper: Wrapper;
  }
}

export interface EditionTrees {
  /** One element per segment, in order (`div.segment#<id>`). */
  segments: Element[];
  /** One `aside[role=doc-footnote]#note-<n>` per note, in number order. */
  notes: Element[];
  /** The title block: series line, "Author: Title" with the author's note reference, date. */
  titleBlock: Element;
  /** The headings of the segments, for a table of contents. */
  headings: Array<{ id: string; depth: number; text: string }>;
}

export interface EditionTreeOptions {
  /** How a segment's image URLs (relative to the issue folder) are written. */
  rewriteUrl?: (url: string) => string;
  /** Prefix of every id made here, for pages that hold several editions. */
  idPrefix?: string;
}

/** Turn `edition` into hast trees, typeset in its language. */
export function editionToHast(edition: Edition, labels: Labels, options: EditionTreeOptions = {}): EditionTrees {
  const prefix = options.idPrefix ?? '';
  const rules = labels.typography;
  const root: Root = {
    type: 'root',
    children: [
      ...edition.segments.map<Wrapper>((segment) => ({
        type: 'wrapper',
        data: { hName: 'div', hProperties: { id: prefix + segment.id, className: ['segment', ...segment.classes] } },
        children: structuredClone(segment.children),
      })),
      ...edition.notes.map<Wrapper>((note) => ({
        type: 'wrapper',
        data: {
          hName: 'aside',
          hProperties: {
            id: `${prefix}note-${note.number}`,
            className: ['footnote'],
            role: 'doc-footnote',
            // Notes are named, so each stands apart from the others (axe: landmark-unique).
            ariaLabel: labels.t('footnoteReference', { number: note.number }),
            dataNote: String(note.number),
          },
        },
        children: withBacklink(structuredClone(note.children), note.number, prefix, labels),
      })),
    ],
  };
  if (options.rewriteUrl) {
    const rewrite = options.rewriteUrl;
    visit(root, 'image', (image) => {
      image.url = rewrite(image.url);
    });
  }

  const seen = new Map<number, number>();
  const processor = unified()
    // The language's quotes, dashes and non-breaking spaces, on the Markdown's text.
    .use(remarkTypography, { rules, phraseRules: labels.typographyOf })
    // mdast → hast, with our note references in place of GFM's footnote section.
    .use(remarkRehype, {
      handlers: {
        footnoteReference: (state: State, node: FootnoteReference) => {
          const number = edition.noteNumbers[node.identifier];
          if (number === undefined) return undefined;
          const count = (seen.get(number) ?? 0) + 1;
          seen.set(number, count);
          const element = noteReference(number, count, prefix, labels);
          state.patch(node, element);
          return element;
        },
        // A phrase in another language: its tag on a span, for screen readers, the
        // hyphenation and the PDF's tags.
        textDirective: (state: State, node: TextDirective) => {
          const lang = phraseLanguage(node);
          const element: Element = {
            type: 'element',
            tagName: 'span',
            properties: lang === undefined ? {} : { lang },
            children: state.all(node),
          };
          state.patch(node, element);
          return element;
        },
      },
    })
    // Column alignment as classes, not the obsolete attribute.
    .use(rehypeTableAlign);
  const tree = processor.runSync(root);
  const elements = tree.children.filter((node): node is Element => node.type === 'element');

  const headings: EditionTrees['headings'] = [];
  for (const segment of edition.segments) {
    for (const node of segment.children) {
      if (node.type === 'heading' && node.depth <= 4) {
        headings.push({ id: prefix + segment.id, depth: node.depth, text: typeset(headingText(node), rules) });
      }
    }
  }

  return {
    segments: elements.filter((element) => hasClass(element, 'segment')),
    notes: elements.filter((element) => hasClass(element, 'footnote')),
    titleBlock: titleBlock(edition, labels, prefix),
    headings,
  };
}

/** A note reference: `<a role="doc-noteref"><sup>3</sup></a>`; repeated ones get ids of their own. */
export function noteReference(number: number, count: number, prefix: string, labels: Labels): Element {
  return h(
    'a',
    {
      href: `#${prefix}note-${number}`,
      id: `${prefix}noteref-${number}${count > 1 ? `-${count}` : ''}`,
      className: ['noteref'],
      role: 'doc-noteref',
      ariaLabel: labels.t('footnoteReference', { number }),
    },
    [h('sup', String(number))],
  );
}

/** The note's number, linking back to its first reference, opens its first paragraph. */
function withBacklink(children: RootContent[], number: number, prefix: string, labels: Labels): RootContent[] {
  const backlink: RootContent = {
    type: 'link',
    url: `#${prefix}noteref-${number}`,
    data: {
      hProperties: {
        role: 'doc-backlink',
        className: ['note-number'],
        ariaLabel: labels.t('backToReference', { number }),
      },
    },
    children: [{ type: 'text', value: `${number}.` }],
  };
  const first = children[0];
  if (first?.type === 'paragraph') {
    first.children.unshift(backlink, { type: 'text', value: ' ' });
    return children;
  }
  return [{ type: 'paragraph', children: [backlink] }, ...children];
}

function titleBlock(edition: Edition, labels: Labels, prefix: string): Element {
  const rules = labels.typography;
  const authorNames = edition.authors.map((author) => author.name).join(', ');
  const notes = edition.authors.flatMap((author) =>
    author.note === undefined ? [] : [noteReference(author.note, 1, prefix, labels)],
  );
  const children: ElementContent[] = [
    h('p', { className: ['kicker'] }, [
      h('span', { className: ['series-name'] }, typeset(edition.series.name, rules)),
      ' ',
      h('span', { className: ['issue-number'] }, edition.issue),
    ]),
    h('h1', { id: `${prefix}title` }, [
      h('span', { className: ['authors'] }, authorNames),
      h('span', { className: ['separator'] }, ': '),
      h('span', { className: ['title'] }, typeset(edition.title, rules)),
      ...notes,
    ]),
  ];
  if (edition.subtitle) children.push(h('p', { className: ['subtitle'] }, typeset(edition.subtitle, rules)));
  children.push(
    h('p', { className: ['published'] }, [
      h('time', { dateTime: edition.date }, labels.t('published', { date: labels.formatDate(edition.date) })),
    ]),
  );
  return h('header', { className: ['title-block'] }, children);
}

/** A heading's text without its note references. */
function headingText(node: RootContent): string {
  const copy = structuredClone(node);
  visit(copy, 'footnoteReference', (_reference, index, parent) => {
    if (parent && index !== undefined) parent.children.splice(index, 1);
  });
  return toString(copy);
}

function hasClass(element: Element, name: string): boolean {
  const value = element.properties.className;
  return Array.isArray(value) && value.includes(name);
}
