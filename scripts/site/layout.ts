/**
 * Where every page and file of the series' website lies, relative to the site's root
 * (`output/site/`), and how one page links another: the one place that knows the
 * layout (`docs/site.md`). Pages are folders with an `index.html`, linked by the
 * folder (`en/2026-3/`), so that the addresses read well and never change with the
 * server.
 */
import type { Lang } from '../manuscript/schema.js';

/** The site's paths, `/`-separated, relative to its root; a page's path ends in `index.html`. */
export const sitePaths = {
  /** The language choice at the root (the `x-default` of every alternate). */
  root: 'index.html',
  home: (lang: Lang) => `${lang}/index.html`,
  issue: (lang: Lang, slug: string) => `${lang}/${slug}/index.html`,
  /** The HTML edition, with the scholars' metadata. */
  read: (lang: Lang, slug: string) => `${lang}/${slug}/read/index.html`,
  authors: (lang: Lang) => `${lang}/authors/index.html`,
  about: (lang: Lang) => `${lang}/about/index.html`,
  editors: (lang: Lang) => `${lang}/editors/index.html`,
  /** The search page and its index: made by the search stage. */
  search: (lang: Lang) => `${lang}/search/index.html`,
  feed: (lang: Lang) => `${lang}/feed.xml`,
  sitemap: 'sitemap.xml',
  crossref: (slug: string) => `crossref/${slug}.xml`,
  /** The PDFs and EPUBs of an issue, under the names they are released with. */
  download: (slug: string, name: string) => `downloads/${slug}/${name}`,
  /** Styles, fonts and scripts every page shares. */
  assets: 'assets',
  /** An issue's images (its `assets/` folder), for its HTML editions. */
  media: (slug: string, name: string) => `media/${slug}/${name}`,
} as const;

/** The folder part of a path: `en/2026-3/index.html` → `en/2026-3/`; a file keeps its name. */
export function pageAddress(sitePath: string): string {
  return sitePath.endsWith('index.html') ? sitePath.slice(0, -'index.html'.length) : sitePath;
}

/**
 * The link from the page at `from` to `to` (both site paths): relative, so that the
 * site works from any folder and on `jlaga serve`; a page is linked by its folder.
 */
export function relativeLink(from: string, to: string): string {
  const fromFolders = from.split('/').slice(0, -1);
  const target = pageAddress(to);
  const toParts = target.split('/');
  let common = 0;
  while (common < fromFolders.length && common < toParts.length - 1 && fromFolders[common] === toParts[common])
    common += 1;
  const up = '../'.repeat(fromFolders.length - common);
  const rest = toParts.slice(common).join('/');
  return up + rest || './';
}

/** The absolute address of a site path under `baseUrl` (which ends in `/`). */
export function absoluteUrl(baseUrl: string, sitePath: string): string {
  return new URL(pageAddress(sitePath), baseUrl).href;
}
