/**
 * What a site build makes of all its issues together: the context every page is made
 * with, the pages that list the issues or speak of the series, the feeds, the sitemap,
 * and the styles, fonts and scripts the pages share. Cheap, so made on every build that
 * changed anything; loaded only then.
 */
import path from 'node:path';
import type { Root } from 'hast';
import type { Lang, Series } from '../manuscript/schema.js';
import { fontFiles } from '../output/fonts.js';
import { stringifyHtml } from '../output/html-shared.js';
import { supportedLanguages, templatesDir } from '../project.js';
import { loadLabels } from '../render/labels.js';
import { atomFeed, sitemap } from './feeds.js';
import type { SitemapPage } from './feeds.js';
import { newestFirst } from './issue-entry.js';
import type { IssueEntry } from './issue-entry.js';
import { sitePaths } from './layout.js';
import { aboutPage, authorsPage, editorsPage, homePage, languageChoicePage } from './listing-pages.js';
import type { SiteContext } from './site-context.js';
import type { SiteFiles } from './site-files.js';

/** The context of a site of `series` with `issues`, published at `baseUrl` (absolute, or none). */
export function siteContext(series: Series, issues: readonly IssueEntry[], baseUrl: string | undefined): SiteContext {
  const languages = supportedLanguages().filter((lang) => series.name[lang] !== undefined);
  return {
    series,
    languages,
    labels: loadLabels(languages),
    baseUrl: baseUrl === undefined || baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`,
    issues: [...issues].sort(newestFirst),
  };
}

/** Put the pages that list issues or speak of the series, the feeds and the sitemap; returns every HTML page's site path. */
export async function putListings(context: SiteContext, site: SiteFiles): Promise<string[]> {
  const put = (sitePath: string, tree: Root) => site.put(sitePath, stringifyHtml(tree));
  const everyLanguage = (pathOf: (lang: Lang) => string) =>
    Object.fromEntries(context.languages.map((lang) => [lang, pathOf(lang)]));
  const sitemapPages: SitemapPage[] = [{ path: sitePaths.root, alternates: everyLanguage(sitePaths.home) }];
  await put(sitePaths.root, languageChoicePage(context));
  for (const lang of context.languages) {
    await put(sitePaths.home(lang), homePage(context, lang));
    await put(sitePaths.authors(lang), authorsPage(context, lang));
    await put(sitePaths.about(lang), aboutPage(context, lang));
    await put(sitePaths.editors(lang), editorsPage(context, lang));
    for (const pathOf of [sitePaths.home, sitePaths.authors, sitePaths.about, sitePaths.editors])
      sitemapPages.push({ path: pathOf(lang), alternates: everyLanguage(pathOf) });
    for (const issue of context.issues.filter((candidate) => candidate.languages.includes(lang))) {
      for (const pathOf of [sitePaths.issue, sitePaths.read]) {
        sitemapPages.push({
          path: pathOf(lang, issue.slug),
          alternates: Object.fromEntries(issue.languages.map((other) => [other, pathOf(other, issue.slug)])),
        });
      }
    }
    if (context.baseUrl !== undefined) await site.put(sitePaths.feed(lang), atomFeed(context, lang, context.baseUrl));
  }
  if (context.baseUrl !== undefined) await site.put(sitePaths.sitemap, sitemap(sitemapPages, context.baseUrl));
  return sitemapPages.map((page) => page.path);
}

/** Put the styles, fonts and the notes' script every page shares. */
export async function putAssets(site: SiteFiles): Promise<void> {
  for (const name of ['fonts.css', 'edition.css', 'site.css']) {
    await site.putFile(`${sitePaths.assets}/${name}`, path.join(templatesDir, 'styles', name));
  }
  await site.putFile(`${sitePaths.assets}/notes.js`, path.join(templatesDir, 'reader', 'notes.js'));
  for (const font of await fontFiles()) await site.putFile(`${sitePaths.assets}/fonts/${font.name}`, font.source);
}
