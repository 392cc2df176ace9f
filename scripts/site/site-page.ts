/**
 * The one shell every page of the site shares (`templates/site/page.html`): the head
 * with the page's own metadata, the header with the series' name, its pages, the
 * language switch and the search form (GET `q` to the language's search page), the
 * page's main content and the footer. Pages differ only by what they put in its slots.
 */
import type { ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { Lang } from '../manuscript/schema.js';
import { fillTemplate, loadTemplateFile } from '../render/template.js';
import { sitePaths } from './layout.js';
import { inLanguage, linkTo, siteLabels } from './site-context.js';
import type { SiteContext } from './site-context.js';

/** One page of the site. */
export interface SitePage {
  /** Its site path (`en/2026-3/index.html`). */
  path: string;
  lang: Lang;
  title: string;
  description: string;
  /** The same page in each language that has it (this one's included), by site path. */
  alternates: Partial<Record<Lang, string>>;
  /** Elements for the head: metadata, structured data. */
  head?: ElementContent[];
  /** Scripts for the head, after the styles. */
  scripts?: ElementContent[];
  main: ElementContent[];
  /** A page of a draft: says so at its top. */
  draft?: boolean;
}

/** The page as a hast tree, in the shared shell. */
export function renderSitePage(context: SiteContext, page: SitePage): Root {
  const labels = siteLabels(context, page.lang);
  const link = (to: string) => linkTo(context, page.path, to);
  const alternates = context.languages.flatMap((lang) => {
    const target = page.alternates[lang];
    return target === undefined ? [] : [{ lang, target }];
  });
  return fillTemplate(loadTemplateFile('site/page.html', { fragment: false }), {
    labels,
    conditions: { draft: page.draft === true },
    values: {
      lang: page.lang,
      pageTitle: page.title,
      description: page.description,
      assets: link(sitePaths.assets),
      seriesName: inLanguage(context.series.name, page.lang),
      home: link(sitePaths.home(page.lang)),
      authors: link(sitePaths.authors(page.lang)),
      about: link(sitePaths.about(page.lang)),
      editors: link(sitePaths.editors(page.lang)),
      search: link(sitePaths.search(page.lang)),
      footer: labels.t('site.footer', { publisher: inLanguage(context.series.publisher.institute, page.lang) }),
    },
    slots: {
      head: [
        ...(context.baseUrl === undefined
          ? []
          : [h('link', { rel: 'canonical', href: linkTo(context, page.path, page.path, true) })]),
        ...alternates.map(({ lang, target }) =>
          h('link', { rel: 'alternate', hreflang: lang, href: linkTo(context, page.path, target, true) }),
        ),
        ...(alternates.length > 1
          ? [
              h('link', {
                rel: 'alternate',
                hreflang: 'x-default',
                href: linkTo(context, page.path, sitePaths.root, true),
              }),
            ]
          : []),
        ...(context.baseUrl === undefined
          ? []
          : [
              h('link', {
                rel: 'alternate',
                type: 'application/atom+xml',
                title: labels.t('site.feed'),
                href: linkTo(context, page.path, sitePaths.feed(page.lang), true),
              }),
            ]),
        ...(page.head ?? []),
      ],
      scripts: page.scripts ?? [],
      languages: alternates
        .filter(({ lang }) => lang !== page.lang)
        .map(({ lang, target }) =>
          h('li', [h('a', { href: link(target), hreflang: lang, lang }, siteLabels(context, lang).t('languageName'))]),
        ),
      main: page.main,
    },
  });
}
