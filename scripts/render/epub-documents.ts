/**
 * One edition → the documents of its EPUB, as hast trees: the cover image and its page,
 * the navigation document, the text (title block and segments), the notes, and the
 * editors page. Each XHTML document is the shell `templates/epub/page.xhtml` filled; the
 * cover image is `templates/epub/cover.svg` filled.
 */
import type { Element, ElementContent, Root } from 'hast';
import { h, s } from 'hastscript';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Edition } from '../manuscript/split-editions.js';
import { editionToHast } from './edition-hast.js';
import { editorsPage } from './editors-page.js';
import { rehypeEpubNotes } from './rehype-epub-notes.js';
import { rehypeKeepRanges } from './rehype-keep-ranges.js';
import type { Labels } from './labels.js';
import { groupSegmentRuns } from './segment-runs.js';
import { fillTemplate, loadTemplateFile } from './template.js';
import { typeset } from './typography.js';

/** The file names of the documents inside the EPUB's content folder. */
export const epubFiles = {
  coverImage: 'cover.svg',
  cover: 'cover.xhtml',
  nav: 'nav.xhtml',
  text: 'text.xhtml',
  notes: 'notes.xhtml',
  editors: 'editors.xhtml',
} as const;

/** One XHTML content document. */
export interface EpubDocument {
  /** Its manifest id. */
  id: string;
  /** Its file name, relative to the content folder. */
  href: string;
  tree: Root;
  /** Manifest properties (`nav`). */
  properties: string[];
}

/** An image of the text: where the manuscript keeps it, where the EPUB does, its alt. */
export interface EpubImage {
  /** Path relative to the issue folder (`assets/chart.svg`). */
  source: string;
  /** Path relative to the content folder (`media/chart.svg`). */
  href: string;
  alt: string;
}

export interface EpubDocuments {
  /** The XHTML documents, in reading order (the spine). */
  documents: EpubDocument[];
  /** The cover image, an SVG document. */
  coverImage: Root;
  /** Its text alternative, which the cover page gives it too. */
  coverDescription: string;
  /** The images of the text, each once, in order of first use. */
  images: EpubImage[];
}

/** Every document of `edition`'s EPUB, in its language. */
export function epubDocuments(edition: Edition, labels: Labels): EpubDocuments {
  const rules = labels.typography;
  const trees = editionToHast(edition, labels, {
    rewriteUrl: (url) => (url.startsWith('assets/') ? `media/${url.slice('assets/'.length)}` : url),
  });
  const title = typeset(edition.title, rules);
  const authors = edition.authors.map((author) => author.name).join(', ');
  const coverDescription = labels.t('coverDescription', {
    series: typeset(edition.series.name, rules),
    issue: edition.issue,
    authors,
    title,
  });
  const notes = { notesHref: epubFiles.notes, textHref: epubFiles.text };

  const cover = page(edition, labels, {
    id: 'cover',
    href: epubFiles.cover,
    pageTitle: labels.t('cover'),
    bodyType: 'frontmatter',
    content: [
      h('section', { className: ['cover'], 'epub:type': 'cover', ariaLabel: labels.t('cover') }, [
        h('img', { src: epubFiles.coverImage, alt: coverDescription, role: 'doc-cover' }),
      ]),
    ],
  });
  const text = page(edition, labels, {
    id: 'text',
    href: epubFiles.text,
    pageTitle: title,
    bodyType: 'bodymatter',
    content: [
      h('section', { 'epub:type': 'chapter', role: 'doc-chapter', ariaLabelledBy: 'title' }, [
        trees.titleBlock,
        ...groupSegmentRuns(trees.segments),
      ]),
    ],
    notes,
  });
  const notesPage = page(edition, labels, {
    id: 'notes',
    href: epubFiles.notes,
    pageTitle: labels.t('notes'),
    bodyType: 'backmatter',
    content: [
      h('section', { className: ['notes'], 'epub:type': 'footnotes', ariaLabelledBy: 'notes-title' }, [
        h('h1', { id: 'notes-title' }, labels.t('notes')),
        ...trees.notes,
      ]),
    ],
    notes,
  });
  const editors = page(edition, labels, {
    id: 'editors',
    href: epubFiles.editors,
    pageTitle: labels.t('editorsPage'),
    bodyType: 'backmatter',
    // The page's heading opens a document of its own here: it is the document's h1.
    content: promoteHeading(editorsPage(edition, labels)),
  });

  const toc: TocEntry[] = [
    { href: `${epubFiles.text}#title`, text: `${authors}: ${title}`, depth: 2 },
    ...trees.headings.map((heading) => ({
      href: `${epubFiles.text}#${heading.id}`,
      text: heading.text,
      depth: heading.depth,
    })),
    { href: `${epubFiles.notes}#notes-title`, text: labels.t('notes'), depth: 2 },
    { href: epubFiles.editors, text: labels.t('editorsPage'), depth: 2 },
  ];
  const nav = page(edition, labels, {
    id: 'nav',
    href: epubFiles.nav,
    pageTitle: labels.t('contents'),
    bodyType: 'frontmatter',
    properties: ['nav'],
    content: [
      h('nav', { id: 'toc', 'epub:type': 'toc', role: 'doc-toc', ariaLabelledBy: 'toc-title' }, [
        h('h1', { id: 'toc-title' }, labels.t('contents')),
        nestedList(toc),
      ]),
      // Landmarks are for the reading system's menus, not for reading: hidden, as EPUB 3 intends.
      h('nav', { id: 'landmarks', 'epub:type': 'landmarks', ariaLabelledBy: 'landmarks-title', hidden: true }, [
        h('h2', { id: 'landmarks-title' }, labels.t('landmarks')),
        h('ol', [
          h('li', [h('a', { 'epub:type': 'cover', href: epubFiles.cover }, labels.t('cover'))]),
          h('li', [h('a', { 'epub:type': 'toc', href: `${epubFiles.nav}#toc` }, labels.t('contents'))]),
          h('li', [h('a', { 'epub:type': 'bodymatter', href: epubFiles.text }, labels.t('startOfText'))]),
        ]),
      ]),
    ],
  });

  return {
    documents: [cover, nav, text, notesPage, editors],
    coverImage: coverImage(edition, labels, coverDescription),
    coverDescription,
    images: imagesOf(text.tree),
  };
}

interface PageFill {
  id: string;
  href: string;
  pageTitle: string;
  bodyType: string;
  content: ElementContent[];
  properties?: string[];
  /** Present on the documents that hold note references or notes. */
  notes?: { notesHref: string; textHref: string };
}

/** Fill the page shell, then keep its ranges whole and make its notes EPUB notes. */
function page(edition: Edition, labels: Labels, fill: PageFill): EpubDocument {
  const tree = fillTemplate(loadTemplateFile('epub/page.xhtml', { fragment: false }), {
    labels,
    values: { lang: edition.lang, pageTitle: fill.pageTitle, bodyClass: fill.id, bodyType: fill.bodyType },
    slots: { content: fill.content },
  });
  // No soft hyphens in the text: reading systems hyphenate by `xml:lang` (`hyphens: auto`
  // in epub.css), and their search and text export find whole words.
  const processor = unified().use(rehypeKeepRanges);
  if (fill.notes) processor.use(rehypeEpubNotes, fill.notes);
  processor.runSync(tree);
  // XHTML reading systems may read the language from `xml:lang` only (EPUB 3 asks for
  // both on the root, as the shell has them): a phrase in another language gets both.
  visit(tree, 'element', (element) => {
    if (typeof element.properties.lang === 'string' && element.properties.xmlLang === undefined) {
      element.properties.xmlLang = element.properties.lang;
    }
  });
  return { id: fill.id, href: fill.href, tree, properties: fill.properties ?? [] };
}

/** The first `h2` of these nodes as an `h1`. */
function promoteHeading(nodes: ElementContent[]): ElementContent[] {
  const root: Root = { type: 'root', children: nodes };
  let done = false;
  visit(root, 'element', (element) => {
    if (done || element.tagName !== 'h2') return;
    element.tagName = 'h1';
    done = true;
  });
  return nodes;
}

interface TocEntry {
  href: string;
  text: string;
  /** 2 for the top level (the level of an `h2`), 3 and 4 below it. */
  depth: number;
}

/** Entries as nested lists: each entry under the nearest earlier one of lower depth. */
function nestedList(entries: TocEntry[]): Element {
  const top = h('ol');
  // Each frame is an entry that may take children; its list is made with its first child.
  const stack: Array<{ depth: number; item: Element | undefined; list: Element | undefined }> = [
    { depth: 0, item: undefined, list: top },
  ];
  for (const entry of entries) {
    while ((stack[stack.length - 1]?.depth ?? 0) >= entry.depth) stack.pop();
    const parent = stack[stack.length - 1];
    if (!parent) throw new Error('The root of the contents was popped');
    if (!parent.list) {
      parent.list = h('ol');
      parent.item?.children.push(parent.list);
    }
    const item = h('li', [h('a', { href: entry.href }, entry.text)]);
    parent.list.children.push(item);
    stack.push({ depth: entry.depth, item, list: undefined });
  }
  return top;
}

/** Every image of `tree` that comes from the issue's media, once each. */
function imagesOf(tree: Root): EpubImage[] {
  const images = new Map<string, EpubImage>();
  visit(tree, 'element', (element) => {
    if (element.tagName !== 'img') return;
    const href = String(element.properties.src ?? '');
    if (!href.startsWith('media/') || images.has(href)) return;
    const alt = typeof element.properties.alt === 'string' ? element.properties.alt : '';
    images.set(href, { source: `assets/${href.slice('media/'.length)}`, href, alt });
  });
  return [...images.values()];
}

/** Sizes of the cover's title, largest first: font size and the characters a line holds. */
const smallestTitle = { size: 56, chars: 40 };
const titleSizes = [{ size: 92, chars: 24 }, { size: 80, chars: 28 }, { size: 68, chars: 33 }, smallestTitle];
const maxTitleLines = 8;

/** The cover image: series, issue, title, authors, publisher, each wrapped into lines. */
function coverImage(edition: Edition, labels: Labels, description: string): Root {
  const rules = labels.typography;
  const series = wrap(typeset(edition.series.name, rules), 34);
  const title = typeset(edition.title, rules);
  const { size, chars } = titleSizes.find(({ chars }) => wrap(title, chars).length <= maxTitleLines) ?? smallestTitle;
  const issueY = 280 + (series.length - 1) * 75 + 210;
  return fillTemplate(loadTemplateFile('epub/cover.svg', { fragment: true }), {
    labels,
    values: {
      description,
      issue: edition.issue,
      seriesSize: '60',
      issueY: String(issueY),
      titleY: String(issueY + 240),
      titleSize: String(size),
    },
    slots: {
      series: lines(series),
      title: lines(wrap(title, chars)),
      authors: lines(edition.authors.map((author) => author.name)),
      publisher: lines(wrap(edition.series.publisher.institute, 52)),
    },
  });
}

/** One `tspan` per line, each below the one before. */
function lines(texts: string[]): Element[] {
  return texts.map((text, index) => s('tspan', { x: '140', dy: index === 0 ? '0' : '1.2em' }, text));
}

/**
 * Break `text` into lines of at most `width` characters at its spaces (a word longer
 * than that has a line of its own). No-break spaces are not spaces here: what the
 * typography bound stays together.
 */
export function wrap(text: string, width: number): string[] {
  const result: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      result.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') result.push(line);
  return result;
}
