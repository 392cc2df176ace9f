/**
 * The page of the parallel edition: every language side by side, segment by
 * segment, notes too; the state of each translation marked and explained. It is the
 * translators' and bilingual readers' view.
 */
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { unified } from 'unified';
import type { ValidatedIssue } from '../manuscript/read-issue.js';
import { glossaryFindings } from '../manuscript/remark-glossary.js';
import type { Departure } from '../manuscript/remark-glossary.js';
import type { Lang } from '../manuscript/schema.js';
import type { TranslationState } from '../manuscript/types.js';
import { editionToHast } from './edition-hast.js';
import type { EditionTrees } from './edition-hast.js';
import { labelsFor } from './issue-editions.js';
import type { IssueEditions } from './issue-editions.js';
import type { Labels } from './labels.js';
import { mediaUrl } from './media-url.js';
import type { Download } from './edition-page.js';
import { rehypeKeepRanges } from './rehype-keep-ranges.js';
import { rehypeTableScroll } from './rehype-table-scroll.js';
import { fillTemplate, loadTemplate } from './template.js';

/** What the parallel page links: each language's files of other formats (default none). */
export interface ParallelLinks {
  /** Per language, the files to offer, with `href` relative to the parallel page. */
  downloads?: Partial<Record<Lang, readonly Download[]>>;
}

/**
 * The parallel page of `issue`, placed at `html/parallel.html`.
 *
 * @param set the issue's editions, one column each, and their labels.
 * @param links the other formats to link, per language, beside each language's page.
 * @returns the whole page as a hast tree, in the source language, each cell in its own.
 */
export function renderParallelPage(issue: ValidatedIssue, set: IssueEditions, links: ParallelLinks = {}): Root {
  const [source] = issue.languages;
  const sourceLabels = source === undefined ? undefined : set.labels.get(source);
  if (!sourceLabels || source === undefined) throw new Error('No labels for the source language');
  const columns = set.editions.map((edition) => {
    const labels = labelsFor(set, edition.lang);
    const trees = editionToHast(edition, labels, {
      idPrefix: `${edition.lang}-`,
      rewriteUrl: (url) => mediaUrl(url, 0),
    });
    unified()
      .use(rehypeTableScroll, { label: (number) => labels.t('tableRegion', { number }) })
      .runSync({ type: 'root', children: trees.segments });
    return { edition, labels, trees, byId: indexSegments(trees) };
  });

  // The title, then the authors' notes, then every segment in manuscript order.
  const rows: ElementContent[] = [
    row(
      'title',
      columns.map(({ edition, trees }) => cell(edition.lang, [trees.titleBlock], 'source')),
    ),
    row(
      'author-notes',
      columns.map(({ edition, trees }) =>
        cell(
          edition.lang,
          trees.notes.slice(0, edition.notes.filter((note) => note.kind === 'author').length),
          'source',
        ),
      ),
    ),
  ];
  // Where a translation departs from the series glossary, its cell says so.
  const departures = issue.glossary ? glossaryFindings(issue.segments, issue.languages, issue.glossary).departures : [];
  for (const segment of issue.segments) {
    rows.push(
      row(
        segment.id,
        columns.map(({ edition, labels, trees, byId }) => {
          const state = segment.states[edition.lang] ?? 'missing';
          if (state === 'missing') return cell(edition.lang, [], state, labels);
          const content =
            segment.footnote === undefined
              ? byId.get(`${edition.lang}-${segment.id}`)
              : trees.notes.find(
                  (note) => note.properties.dataNote === String(edition.noteNumbers[segment.footnote ?? '']),
                );
          const notes = departures
            .filter((departure) => departure.segment === segment && departure.lang === edition.lang)
            .map((departure) => glossaryNote(departure, source, labels));
          return cell(edition.lang, [...notes, ...(content ? [content] : [])], state, labels);
        }),
      ),
    );
  }

  const page = fillTemplate(loadTemplate('parallel', { fragment: false }), {
    labels: sourceLabels,
    values: {
      lang: source,
      pageTitle: `${sourceLabels.t('parallelEdition')} – ${set.editions[0]?.series.name ?? ''} ${issue.frontMatter.issue}`,
      seriesName: set.editions[0]?.series.name ?? '',
      issue: issue.frontMatter.issue,
      heading: sourceLabels.t('parallelHeading'),
    },
    slots: {
      links: set.editions.map((edition) => editionLinks(edition.lang, labelsFor(set, edition.lang), links)),
      legend: [legend(sourceLabels)],
      rows,
    },
  });
  // Hyphenated by the browser by each cell's `lang`, as the editions are (no soft hyphens).
  unified().use(rehypeKeepRanges).runSync(page);
  return page;
}

/** A cell's note of a departure from the glossary, in the cell's language. */
function glossaryNote(departure: Departure, source: Lang, labels: Labels): Element {
  const forms = (departure.entry.forms[departure.lang] ?? []).join(' / ');
  const text =
    departure.kind === 'missing'
      ? labels.t('glossaryMissing', { term: departure.entry.forms[source]?.[0] ?? '', forms })
      : labels.t('glossaryAvoided', { text: departure.text ?? '', forms });
  return h('p', { className: ['glossary'] }, text);
}

function indexSegments(trees: EditionTrees): Map<string, Element> {
  return new Map(trees.segments.map((element) => [String(element.properties.id), element]));
}

function row(id: string, cells: Element[]): Element {
  return h('div', { className: ['row'], id: `row-${id}`, dataSegment: id }, cells);
}

/** One language's cell; a translation that is not confirmed says so, in its language. */
function cell(lang: Lang, content: ElementContent[], state: TranslationState, labels?: Labels): Element {
  const children: ElementContent[] = [];
  if (labels && state !== 'source' && state !== 'confirmed') {
    children.push(h('p', { className: ['state', `state-${state}`] }, labels.t(`translationState.${state}`)));
  }
  children.push(...content);
  return h('div', { className: ['cell', `state-${state}`], lang }, children);
}

/** One language's editions, in its language: its page, then its files of other formats. */
function editionLinks(lang: Lang, labels: Labels, links: ParallelLinks): Element {
  const downloads = links.downloads?.[lang] ?? [];
  const anchors = [
    h('a', { href: `${lang}/index.html`, hreflang: lang }, labels.t('readInLanguage')),
    ...downloads.map(({ format, href, outOfDate = false }) => {
      const text = labels.t(format === 'pdf' ? 'downloadPdf' : 'downloadEpub');
      return h(
        'a',
        { href, type: format === 'pdf' ? 'application/pdf' : 'application/epub+zip' },
        outOfDate ? labels.t('outOfDateEdition', { edition: text }) : text,
      );
    }),
  ];
  // Spaces between the links, for whatever reads the page as text.
  return h(
    'li',
    { lang },
    anchors.flatMap((anchor, index) => (index === 0 ? [anchor] : [' ', anchor])),
  );
}

/** The states a cell can show, each marked as the cells mark it (a confirmed one is not). */
function legend(labels: Labels): Element {
  const states: TranslationState[] = ['confirmed', 'stale', 'unconfirmed', 'missing'];
  return h(
    'ul',
    { className: ['legend'] },
    states.map((state) => h('li', { className: [`state-${state}`] }, labels.t(`translationState.${state}`))),
  );
}
