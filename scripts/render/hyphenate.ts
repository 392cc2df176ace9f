/**
 * Hyphenation by the Liang patterns of the npm `hyphen` package: soft hyphens (U+00AD)
 * in running text, so that the editions hyphenate the same in every browser and
 * reading system, whatever dictionaries they have. Each text is hyphenated by the
 * language of its nearest `lang`: a phrase in another language (`:en[…]` in a Hungarian
 * note) by its own patterns, and not at all when there are none.
 *
 * Each language keeps the letters its typesetting tradition wants on either side of a
 * break (TeX's lefthyphenmin and righthyphenmin): English 2 and 3 ("classi-cal", never
 * "classic-al"), Hungarian 2 and 2. The patterns allow breaks closer to a word's end;
 * those are taken out. Capitalised words break like others (a paragraph with
 * "Államokban" or "Egyesült" unbreakable had loose lines); words in capitals
 * (acronyms) and with capitals inside stay whole.
 */
import { createRequire } from 'node:module';
import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { visitParents } from 'unist-util-visit-parents';
import { hyphenationModule } from '../manuscript/language-tags.js';
import type { Lang } from '../manuscript/schema.js';

// The language modules are CommonJS folders, which ESM cannot import by name.
const require = createRequire(import.meta.url);
interface Hyphenator {
  hyphenateSync: (text: string, options?: { minWordLength?: number }) => string;
}

/** Letters before and after a break, by primary language; others as Hungarian. */
const minimumLetters: Record<string, [number, number]> = { en: [2, 3], hu: [2, 2] };
const defaultLetters: [number, number] = [2, 2];

const hyphenators = new Map<string, ((text: string) => string) | undefined>();

/** The hyphenation of a language tag's patterns (loaded once), or `undefined` when it has none. */
function hyphenatorOf(tag: string): ((text: string) => string) | undefined {
  if (hyphenators.has(tag)) return hyphenators.get(tag);
  const name = hyphenationModule(tag);
  const module = name === undefined ? undefined : (require(name) as Hyphenator);
  const [before, after] = minimumLetters[tag.toLowerCase().split('-')[0] ?? ''] ?? defaultLetters;
  const hyphenate =
    module && ((word: string) => withinLimits(module.hyphenateSync(word, { minWordLength: 6 }), before, after));
  hyphenators.set(tag, hyphenate);
  return hyphenate;
}

/** A hyphenated word without the breaks that leave fewer letters than `before` or `after` on a side. */
function withinLimits(hyphenated: string, before: number, after: number): string {
  const parts = hyphenated.split('\u00ad');
  const total = parts.join('').length;
  let seen = 0;
  return parts
    .map((part, index) => {
      seen += part.length;
      const kept = index < parts.length - 1 && seen >= before && total - seen >= after;
      return kept ? `${part}\u00ad` : part;
    })
    .join('');
}

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
      const hyphenate = hyphenatorOf(typeof lang === 'string' ? lang : options.lang);
      // Words in capitals or with capitals inside (acronyms, "MASGA", "McCarthy") stay whole.
      if (hyphenate) {
        node.value = node.value.replace(/[\p{L}\p{M}]{6,}/gu, (word) =>
          /.\p{Lu}/u.test(word) || options.keepWhole?.has(word) ? word : hyphenate(word),
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
