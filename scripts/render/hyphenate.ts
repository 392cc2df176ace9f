/**
 * Hyphenation by the Liang patterns of the npm `hyphen` package: soft hyphens (U+00AD)
 * in running text, so that the editions hyphenate the same in every browser and
 * reading system, whatever dictionaries they have.
 */
import { createRequire } from 'node:module';
import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { visitParents } from 'unist-util-visit-parents';
import type { Lang } from '../manuscript/schema.js';

// The language modules are CommonJS folders, which ESM cannot import by name.
const require = createRequire(import.meta.url);
interface Hyphenator {
  hyphenateSync: (text: string, options?: { minWordLength?: number }) => string;
}
const english = require('hyphen/en-gb') as Hyphenator;
const hungarian = require('hyphen/hu') as Hyphenator;

const hyphenators: Record<Lang, (text: string) => string> = {
  en: (text) => english.hyphenateSync(text, { minWordLength: 6 }),
  hu: (text) => hungarian.hyphenateSync(text, { minWordLength: 6 }),
};

/** Elements whose text is running text. */
const prose = new Set(['p', 'li', 'blockquote', 'dd', 'td', 'th', 'figcaption']);
/** Classes of the parts that hold the text of the analysis (not the furniture, not names). */
const scopes = new Set(['segment', 'footnote', 'hyphenate']);
/** Elements whose text is never hyphenated: code, addresses, headings, links. */
const verbatim = new Set([
  'code',
  'pre',
  'kbd',
  'samp',
  'a',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'script',
  'style',
  'time',
]);

export interface HyphenateOptions {
  /** The language of text without a nearer `lang` attribute. */
  lang: Lang;
  /** Words never to hyphenate (the print stage's words at the foot of a page). */
  keepWhole?: ReadonlySet<string>;
}

/**
 * rehype plugin: insert soft hyphens into the running text of the tree: paragraphs,
 * list items, quotes and cells inside a segment, a note or an element of class
 * `hyphenate` (headings, links, names and page furniture stay whole).
 */
export const rehypeHyphenate: Plugin<[HyphenateOptions], Root> = function (options) {
  return function (tree: Root) {
    visitParents(tree, 'text', (node, ancestors) => {
      const elements = ancestors.filter((ancestor): ancestor is Element => ancestor.type === 'element');
      if (!elements.some((element) => prose.has(element.tagName))) return;
      if (!elements.some((element) => classes(element).some((name) => scopes.has(name)))) return;
      if (elements.some((element) => verbatim.has(element.tagName))) return;
      const lang = [...elements].reverse().find((element) => typeof element.properties.lang === 'string')
        ?.properties.lang;
      const hyphenate = hyphenators[typeof lang === 'string' ? lang : options.lang];
      // Capitalised words (names, acronyms) are left whole, as careful typesetters do.
      if (hyphenate) {
        node.value = node.value.replace(/[\p{L}\p{M}]{6,}/gu, (word) =>
          /^\p{Lu}/u.test(word) || options.keepWhole?.has(word) ? word : hyphenate(word),
        );
      }
    });
  };
};

function classes(element: Element): string[] {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

/** Remove soft hyphens: for text that is searched or copied (PDF text, metadata). */
export function removeSoftHyphens(text: string): string {
  return text.replace(/\u00ad/g, '');
}
