/**
 * The search page of each language (`<lang>/search/index.html`), which the search form
 * of every page's header sends `q` to: the form again, and a list that the page's script
 * (`templates/site/search.js`, a file: no script is written into a page) fills from the
 * language's search index, read with `fetch` in the reader's browser. The labels the
 * script shows are given to it by the page (`data-label-*`), `{query}` and `{number}`
 * standing for what it fills in. Without scripts the page says that the search needs them.
 */
import type { ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { Lang } from '../manuscript/schema.js';
import { fillTemplate, loadTemplateFile } from '../render/template.js';
import { relativeLink, sitePaths } from './layout.js';
import { searchIndexFolder } from './search-index.js';
import { inLanguage, siteLabels } from './site-context.js';
import type { SiteContext } from './site-context.js';
import { renderSitePage } from './site-page.js';

/** The search page's script and styles, under the site's `assets/`. */
export const searchAssets = { script: 'search.js', styles: 'site-search.css' } as const;

/** The search page of `lang`, in the site's shell. */
export function searchPage(context: SiteContext, lang: Lang): Root {
  const labels = siteLabels(context, lang);
  const page = sitePaths.search(lang);
  const assets = relativeLink(page, sitePaths.assets).replace(/\/?$/, '/');
  const series = inLanguage(context.series.name, lang);
  const placeholders = { query: '{query}', number: '{number}' };
  const main = fillTemplate(loadTemplateFile('site/search.html', { fragment: true }), {
    labels,
    values: {
      searchIndex: `${relativeLink(page, `${searchIndexFolder}/index.html`)}`,
      searching: labels.t('siteSearch.searching', placeholders),
      resultsOne: labels.t('siteSearch.results_one', placeholders),
      resultsOther: labels.t('siteSearch.results_other', placeholders),
      noResults: labels.t('siteSearch.noResults', placeholders),
      issueNumber: labels.t('issueNumber', { issue: '{issue}' }),
    },
  });
  return renderSitePage(context, {
    path: page,
    lang,
    title: labels.t('siteSearch.title', { series }),
    description: labels.t('siteSearch.description', { series }),
    alternates: Object.fromEntries(context.languages.map((other) => [other, sitePaths.search(other)])),
    head: [h('link', { rel: 'stylesheet', href: `${assets}${searchAssets.styles}` })],
    // A classic script: a module would not load from a disk, where the page says the search needs a server.
    scripts: [h('script', { src: `${assets}${searchAssets.script}`, defer: true })],
    main: main.children as ElementContent[],
  });
}
