/**
 * The page of one edition as the HTML edition shows it: the shell `templates/html/
 * edition.html` filled with the title block, contents, text, notes and editors page,
 * links to the other languages, the parallel edition and the downloads. An edition that
 * is not of the page's text (kept from an earlier build of another input) is linked
 * only marked as out of date, with the label `outOfDateEdition`: whoever previews a
 * narrowed build sees that the file is there and that it is behind.
 */
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { unified } from 'unified';
import type { Lang } from '../manuscript/schema.js';
import type { Edition } from '../manuscript/split-editions.js';
import { editionToHast } from './edition-hast.js';
import type { EditionTrees } from './edition-hast.js';
import { editorsPage } from './editors-page.js';
import { labelsFor } from './issue-editions.js';
import type { IssueEditions } from './issue-editions.js';
import type { Labels } from './labels.js';
import { mediaUrl } from './media-url.js';
import { rehypeKeepRanges } from './rehype-keep-ranges.js';
import { rehypeTableScroll } from './rehype-table-scroll.js';
import { groupSegmentRuns } from './segment-runs.js';
import { fillTemplate, loadTemplate } from './template.js';
import { typeset } from './typography.js';

/** A file of another format that the page offers, linked from the page as `href`. */
export interface Download {
  format: 'pdf' | 'epub';
  href: string;
  /** True when the file is not of this page's text: it is linked marked as out of date. */
  outOfDate?: boolean;
}

/**
 * How the page links another edition: as current, marked as out of date, or not at
 * all (`missing`: there is no such file).
 */
export type LinkedEdition = 'current' | 'out-of-date' | 'missing';

/** How the page links the other HTML editions (default: every one as current). */
export interface PageLinks {
  /** The page of each other language. */
  languages?: Partial<Record<Lang, LinkedEdition>>;
  parallel?: LinkedEdition;
}

/**
 * The page of `edition`, placed at `html/<lang>/index.html`.
 *
 * @param set the issue's editions (for the links to the other languages) and labels.
 * @param downloads the files to offer, in the order given (the writer knows which exist).
 * @param pages how to link the other languages' pages and the parallel page.
 * @returns the whole page as a hast tree (hyphenated by the browser, not in its text).
 */
export function renderEditionPage(
  edition: Edition,
  set: IssueEditions,
  downloads: readonly Download[],
  pages: PageLinks = {},
): Root {
  const labels = labelsFor(set, edition.lang);
  const body = editionBody(edition, labels, { rewriteUrl: (url) => mediaUrl(url, 1) });
  const rules = labels.typography;
  const others = set.editions.filter(
    (other) => other.lang !== edition.lang && pages.languages?.[other.lang] !== 'missing',
  );
  const parallel = pages.parallel ?? 'current';
  // The label of a link, marked in the link's own language when its edition is out of date.
  const linkText = (text: string, outOfDate: boolean, linkLabels: Labels = labels) =>
    outOfDate ? linkLabels.t('outOfDateEdition', { edition: text }) : text;

  const page = fillTemplate(loadTemplate('edition', { fragment: false }), {
    labels,
    conditions: { draft: set.draft === true },
    values: {
      lang: edition.lang,
      pageTitle: `${typeset(edition.title, rules)} – ${edition.series.name} ${edition.issue}`,
      description: typeset(edition.title, rules),
      authors: edition.authors.map((author) => author.name).join(', '),
      keywords: edition.keywords.join(', '),
      assets: '../assets',
      seriesName: edition.series.name,
      issue: edition.issue,
    },
    slots: {
      languages: others.map((other) => {
        const otherLabels = labelsFor(set, other.lang);
        const outOfDate = pages.languages?.[other.lang] === 'out-of-date';
        return h('li', [
          h(
            'a',
            { href: `../${other.lang}/index.html`, hreflang: other.lang, lang: other.lang },
            linkText(otherLabels.t('readInLanguage'), outOfDate, otherLabels),
          ),
        ]);
      }),
      parallel:
        parallel === 'missing'
          ? []
          : [
              h('li', [
                h('a', { href: '../parallel.html' }, linkText(labels.t('parallelEdition'), parallel === 'out-of-date')),
              ]),
            ],
      downloads: downloads.map(({ format, href, outOfDate = false }) =>
        h('li', [
          h(
            'a',
            { href, type: format === 'pdf' ? 'application/pdf' : 'application/epub+zip' },
            linkText(labels.t(format === 'pdf' ? 'downloadPdf' : 'downloadEpub'), outOfDate),
          ),
        ]),
      ),
      ...body,
    },
  });
  // No soft hyphens in the text: the browser hyphenates (`hyphens: auto` by `lang`), so
  // that search and copy find whole words.
  unified().use(rehypeKeepRanges).runSync(page);
  return page;
}

/** The parts of an edition's page that hold its text, by the name of the slot each fills. */
export interface EditionBody {
  'title-block': ElementContent[];
  toc: ElementContent[];
  content: ElementContent[];
  notes: ElementContent[];
  'editors-page': ElementContent[];
}

/**
 * The text of `edition` as its page shows it: title block, contents, segments, notes
 * and editors page, each the content of the edition template's slot of that name, for
 * the edition's page and for any other page that shows the edition in its own shell
 * (the series' website). Not yet hyphenated: the page does it once, whole.
 *
 * @param options.rewriteUrl how the page links an image of the issue (`assets/chart.svg`).
 */
export function editionBody(
  edition: Edition,
  labels: Labels,
  options: { rewriteUrl: (url: string) => string },
): EditionBody {
  const trees = editionToHast(edition, labels, { rewriteUrl: options.rewriteUrl });
  const content: Root = { type: 'root', children: groupSegmentRuns(trees.segments) };
  unified()
    .use(rehypeTableScroll, { label: (number) => labels.t('tableRegion', { number }) })
    .runSync(content);
  return {
    'title-block': [trees.titleBlock],
    toc: [tableOfContents(trees, labels)],
    content: content.children as ElementContent[],
    notes: [
      h('section', { className: ['notes'], ariaLabelledBy: 'notes-title' }, [
        h('h2', { id: 'notes-title' }, labels.t('notes')),
        ...trees.notes,
      ]),
    ],
    'editors-page': editorsPage(edition, labels),
  };
}

/** Contents: the headings of the segments, nested by depth, then notes and the series page. */
function tableOfContents(trees: EditionTrees, labels: Labels): Element {
  const top: ElementContent[] = [];
  const stack: Array<{ depth: number; list: ElementContent[] }> = [{ depth: 1, list: top }];
  for (const heading of trees.headings) {
    while (stack.length > 1 && (stack[stack.length - 1]?.depth ?? 0) >= heading.depth) stack.pop();
    const list = h('ol');
    stack[stack.length - 1]?.list.push(h('li', [h('a', { href: `#${heading.id}` }, heading.text), list]));
    stack.push({ depth: heading.depth, list: list.children });
  }
  top.push(h('li', [h('a', { href: '#notes-title' }, labels.t('notes'))]));
  top.push(h('li', [h('a', { href: '#about-the-series' }, labels.t('editorsPage'))]));
  pruneEmptyLists(top);
  return h('nav', { className: ['toc'], ariaLabelledBy: 'toc-title' }, [
    h('h2', { id: 'toc-title' }, labels.t('contents')),
    h('ol', top),
  ]);
}

function pruneEmptyLists(items: ElementContent[]): void {
  for (const item of items) {
    if (item.type !== 'element') continue;
    item.children = item.children.filter(
      (child) => !(child.type === 'element' && child.tagName === 'ol' && child.children.length === 0),
    );
    pruneEmptyLists(item.children);
  }
}
