/**
 * The machine-readable lists of the site: an Atom feed per language (RFC 4287; ids are
 * the entries' absolute addresses, which never change; entries newest first) and the
 * sitemap with each page's other languages (`xhtml:link` alternates). Both need the
 * site's absolute address and are made only with one.
 */
import { create } from 'xmlbuilder2';
import type { Lang } from '../manuscript/schema.js';
import { absoluteUrl, sitePaths } from './layout.js';
import { inLanguage, siteLabels } from './site-context.js';
import type { SiteContext } from './site-context.js';

const atomNamespace = 'http://www.w3.org/2005/Atom';

/** The Atom feed of `lang`'s issues, under `baseUrl`. */
export function atomFeed(context: SiteContext, lang: Lang, baseUrl: string): string {
  const labels = siteLabels(context, lang);
  const url = (sitePath: string) => absoluteUrl(baseUrl, sitePath);
  const issues = context.issues.filter((issue) => issue.languages.includes(lang));
  // The feed changes when an issue comes out: its newest issue's date, or the oldest a feed can have.
  const updated = `${issues[0]?.date ?? '1970-01-01'}T00:00:00Z`;
  const feed = create({ version: '1.0', encoding: 'UTF-8' }).ele(atomNamespace, 'feed', { 'xml:lang': lang });
  feed.ele('id').txt(url(sitePaths.home(lang)));
  feed.ele('title').txt(labels.t('site.feedTitle', { series: inLanguage(context.series.name, lang) }));
  feed.ele('subtitle').txt(inLanguage(context.series.description, lang));
  feed.ele('updated').txt(updated);
  feed.ele('link', { rel: 'self', type: 'application/atom+xml', href: url(sitePaths.feed(lang)) });
  feed.ele('link', { rel: 'alternate', type: 'text/html', hreflang: lang, href: url(sitePaths.home(lang)) });
  feed.ele('author').ele('name').txt(inLanguage(context.series.publisher.institute, lang));
  for (const issue of issues) {
    const edition = issue.editions[lang];
    if (!edition) continue;
    const entry = feed.ele('entry');
    entry.ele('id').txt(url(sitePaths.issue(lang, issue.slug)));
    entry.ele('title').txt(edition.title);
    entry.ele('published').txt(`${issue.date}T00:00:00Z`);
    entry.ele('updated').txt(`${issue.date}T00:00:00Z`);
    for (const name of edition.authors) entry.ele('author').ele('name').txt(name);
    entry.ele('link', {
      rel: 'alternate',
      type: 'text/html',
      hreflang: lang,
      href: url(sitePaths.issue(lang, issue.slug)),
    });
    for (const other of issue.languages.filter((candidate) => candidate !== lang)) {
      entry.ele('link', {
        rel: 'alternate',
        type: 'text/html',
        hreflang: other,
        href: url(sitePaths.issue(other, issue.slug)),
      });
    }
    for (const keyword of edition.keywords) entry.ele('category', { term: keyword });
    if (edition.summary) entry.ele('summary').txt(edition.summary);
  }
  return `${feed.end({ prettyPrint: true })}\n`;
}

/** A page of the sitemap and the same page in each language. */
export interface SitemapPage {
  path: string;
  alternates: Partial<Record<Lang, string>>;
}

/** `sitemap.xml`: every page, each with its language alternates and `x-default`. */
export function sitemap(pages: readonly SitemapPage[], baseUrl: string): string {
  const urlset = create({ version: '1.0', encoding: 'UTF-8' })
    .ele('http://www.sitemaps.org/schemas/sitemap/0.9', 'urlset')
    .att('xmlns:xhtml', 'http://www.w3.org/1999/xhtml');
  for (const page of pages) {
    const url = urlset.ele('url');
    url.ele('loc').txt(absoluteUrl(baseUrl, page.path));
    const alternates = Object.entries(page.alternates);
    for (const [lang, target] of alternates) {
      if (target === undefined) continue;
      url.ele('http://www.w3.org/1999/xhtml', 'xhtml:link', {
        rel: 'alternate',
        hreflang: lang,
        href: absoluteUrl(baseUrl, target),
      });
    }
    if (alternates.length > 1)
      url.ele('http://www.w3.org/1999/xhtml', 'xhtml:link', {
        rel: 'alternate',
        hreflang: 'x-default',
        href: absoluteUrl(baseUrl, sitePaths.root),
      });
  }
  return `${urlset.end({ prettyPrint: true })}\n`;
}
