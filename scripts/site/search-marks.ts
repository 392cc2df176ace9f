/**
 * What a page of the site marks for the search index (Pagefind's attributes), so that
 * the search finds the issues' text and nothing of the furniture around it: the element
 * that holds the text to index (`searchBody`, on an issue's page and its HTML edition;
 * a page without one is not indexed), what to leave out inside it (`searchIgnore`: the
 * contents, which repeat the headings), and what a result shows (its title, issue, date
 * and kind: the edition's title block holds more than the title, its author and a note).
 */
import type { Properties } from 'hast';
import type { Lang } from '../manuscript/schema.js';

/** What a result is: an issue's page, or the full text of its HTML edition. */
export type SearchKind = 'issue' | 'edition';

/**
 * The properties of the element that holds a page's text to index: its language as a
 * filter, its title, issue (`2026/3`), date (ISO) and kind as the result's metadata.
 */
export function searchBody(
  lang: Lang,
  kind: SearchKind,
  page: { title: string; issue: string; date: string },
): Properties {
  return {
    dataPagefindBody: '',
    // Pagefind reads several metadata from attributes (a static `key:value` takes the rest of the list).
    dataPagefindMeta:
      'title[data-search-title], issue[data-search-issue], date[data-search-date], kind[data-search-kind]',
    dataPagefindFilter: `language:${lang}`,
    dataSearchTitle: page.title,
    dataSearchIssue: page.issue,
    dataSearchDate: page.date,
    dataSearchKind: kind,
  };
}

/** The properties of an element inside the text that the index leaves out. */
export const searchIgnore: Properties = { dataPagefindIgnore: '' };
