/**
 * One edition's page for printing: the trees of the HTML edition with each note moved
 * to its first reference (Paged.js floats it to the foot of that page), a repeated
 * reference left as a plain number, the brand's masthead in the edition's language
 * (`templates/brand/wordmark-<lang>.svg`), and the styles inline (a page
 * opened from disk cannot fetch stylesheets, which Paged.js needs to read them). A
 * draft's page also carries the draft mark and the styles that put it on every page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { Edition } from '../manuscript/split-editions.js';
import { templatesDir } from '../project.js';
import { editionToHast } from './edition-hast.js';
import { editorsPage } from './editors-page.js';
import { rehypeHyphenate } from './hyphenate.js';
import type { Labels } from './labels.js';
import { mediaUrl } from './media-url.js';
import { rehypeKeepRanges } from './rehype-keep-ranges.js';
import { rehypeTaggedPhrases } from './rehype-tagged-phrases.js';
import { groupSegmentRuns } from './segment-runs.js';
import { fillTemplate, loadTemplate } from './template.js';
import { typeset } from './typography.js';

/** How to lay out a print page. */
export interface PrintPageOptions {
  /** Words not to hyphenate (those that fell at the foot of a page); default none. */
  keepWhole?: ReadonlySet<string>;
  /**
   * A draft: the label `draftMark` at the foot of every page (`print-draft.css`);
   * default false, and then the page is exactly as without the option.
   */
  draft?: boolean;
}

/** The print page of `edition`; its styles name fonts as `fonts/…` and media as `media/…`. */
export function renderPrintPage(edition: Edition, labels: Labels, options: PrintPageOptions = {}): Root {
  const { keepWhole = new Set<string>(), draft = false } = options;
  const trees = editionToHast(edition, labels, { rewriteUrl: (url) => mediaUrl(url, 0) });
  const notes = new Map(trees.notes.map((note) => [String(note.properties.dataNote), inlineNote(note)]));
  const placed = new Set<string>();
  const content = [trees.titleBlock, ...trees.segments];
  for (const element of content) {
    visit(element, 'element', (node, index, parent) => {
      if (!parent || index === undefined || !isNoteReference(node)) return undefined;
      const number = String(node.properties.href).replace(/^#note-/, '');
      const note = notes.get(number);
      const replacement: Element =
        note && !placed.has(number) ? note : h('sup', { className: ['noteref-repeat'] }, number);
      placed.add(number);
      parent.children.splice(index, 1, replacement);
      return [SKIP, index + 1];
    });
  }
  const styles = ['fonts.css', 'print.css', ...(draft ? ['print-draft.css'] : [])]
    .map((name) => readFileSync(path.join(templatesDir, 'styles', name), 'utf8'))
    .join('\n');
  const wordmark = unified()
    .use(rehypeParse, { fragment: true })
    .parse(readFileSync(wordmarkFile(edition.lang), 'utf8'));
  const page = fillTemplate(loadTemplate('print', { fragment: false }), {
    labels,
    conditions: { draft },
    values: {
      lang: edition.lang,
      pageTitle: `${edition.authors.map((author) => author.name).join(', ')}: ${typeset(edition.title, labels.typography)}`,
      styles,
      seriesName: edition.series.name,
      issue: edition.issue,
    },
    slots: {
      wordmark: wordmark.children as ElementContent[],
      'title-block': [trees.titleBlock],
      content: groupSegmentRuns(trees.segments),
      'editors-page': editorsPage(edition, labels),
    },
  });
  unified()
    .use(rehypeKeepRanges)
    .use(rehypeHyphenate, { lang: edition.lang, keepWhole })
    .use(rehypeTaggedPhrases)
    .runSync(page);
  return page;
}

/** The institute's wordmark in `lang`, whose name and text alternative are in that language. */
export function wordmarkFile(lang: string): string {
  return path.join(templatesDir, 'brand', `wordmark-${lang}.svg`);
}

function isNoteReference(node: Element): boolean {
  const className = node.properties.className;
  return node.tagName === 'a' && Array.isArray(className) && className.includes('noteref');
}

/** A note as an inline `span.footnote`: its paragraphs as block spans, without its number link. */
function inlineNote(note: Element): Element {
  const paragraphs = note.children.flatMap((child): ElementContent[] => {
    if (child.type !== 'element') return [];
    const children = child.children.filter(
      (node) => !(node.type === 'element' && node.properties.role === 'doc-backlink'),
    );
    while (children[0]?.type === 'text' && children[0].value.trim() === '') children.shift();
    return [h('span', { className: ['note-paragraph'] }, children)];
  });
  // Not `data-note`: Paged.js marks its floated notes with `data-note="footnote"`.
  return h('span', { className: ['footnote'], dataNoteNumber: String(note.properties.dataNote) }, paragraphs);
}
