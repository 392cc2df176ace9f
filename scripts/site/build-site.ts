/**
 * Build the series' website into `<output>/site/` (layout: `layout.ts`, `docs/site.md`).
 *
 * Incremental: each issue's pages are made from a key of everything they depend on (the
 * issue folder, the series file and glossary, the templates, the program, the base URL,
 * what its downloads are); an issue whose key is the last build's is neither read nor
 * rendered, its files kept as they are. The pages that list issues are made every time
 * from the issues' entries, and a file is written only when its bytes change.
 * Everything goes into a staging folder that replaces the site in one rename; a run that
 * changed nothing leaves the site untouched, a failed one leaves it as it was.
 * An issue with errors is left out (its report is the caller's to print); the rest is built.
 */
import { chmod, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { makeOwnedFolder, removeAbandonedFolders } from '../cleanup.js';
import { folderDigest } from '../manuscript/check-cache.js';
import type { IssueLocation } from '../manuscript/locate-issue.js';
import { readIssue } from '../manuscript/read-issue.js';
import type { Lang, Series } from '../manuscript/schema.js';
import { glossaryFileName, sha256Hex } from '../manuscript/source-digests.js';
import { splitEditions } from '../manuscript/split-editions.js';
import { mediaFiles } from '../output/assets.js';
import { replaceFolder, recoverReplacedFolders } from '../output/build.js';
import { fontFiles } from '../output/fonts.js';
import { stringifyHtml } from '../output/html-shared.js';
import { programBuild } from '../program-build.js';
import { supportedLanguages, templatesDir } from '../project.js';
import { loadLabels } from '../render/labels.js';
import { crossrefDeposit } from './crossref.js';
import { depositTimestamp } from './deposit-timestamp.js';
import { findDownloads } from './downloads.js';
import type { IssueDownloads } from './downloads.js';
import { atomFeed, sitemap } from './feeds.js';
import type { SitemapPage } from './feeds.js';
import { issueEntry, newestFirst } from './issue-entry.js';
import type { IssueEntry } from './issue-entry.js';
import { issuePage, readPage } from './issue-pages.js';
import { absoluteUrl, sitePaths } from './layout.js';
import { aboutPage, authorsPage, editorsPage, homePage, languageChoicePage } from './listing-pages.js';
import type { SiteContext } from './site-context.js';
import { SiteFiles } from './site-files.js';
import type { SiteChanges } from './site-files.js';
import { issueKey, readSiteRecord, writeSiteRecord } from './site-record.js';
import type { IssueRecord } from './site-record.js';
import { afterPages } from './stages.js';

export interface SiteOptions {
  /** The issues to put on the site. */
  locations: readonly IssueLocation[];
  /** The output folder: the site goes to `site/` in it, releases and builds are read from it. */
  outputRoot: string;
  /** The site's absolute address (checked by the caller), over `site.url` of series.yaml. */
  baseUrl?: string | undefined;
  progress?: (line: string) => void;
}

export interface SiteResult {
  siteDir: string;
  /** The files of every issue read, with their messages (errors of those left out, warnings). */
  files: VFile[];
  /** The issues left out for their errors. */
  leftOut: string[];
  /** The issues whose pages were made (the others were kept as they were). */
  rendered: string[];
  /** What the build changed in the site. */
  changes: SiteChanges;
  /** False when no issue could be read: nothing was built, the site is as it was. */
  built: boolean;
  /** The base URL used, if any. */
  baseUrl: string | undefined;
  /** The issues with no Crossref deposit, and why (DOIs missing). */
  noDeposit: string[];
}

/** Build the site of `options.locations` into `<outputRoot>/site/`. Throws on failures (disk), never on an issue's errors. */
export async function buildSite(options: SiteOptions): Promise<SiteResult> {
  const progress = options.progress ?? (() => undefined);
  const siteDir = path.join(options.outputRoot, 'site');
  await mkdir(options.outputRoot, { recursive: true });
  await removeAbandonedFolders(options.outputRoot, '.site-');
  await recoverReplacedFolders(options.outputRoot);
  const record = await readSiteRecord(siteDir);
  const common = {
    program: await programBuild(),
    templates: await folderDigest(templatesDir),
    baseUrl: options.baseUrl ?? 'series',
  };

  // Each issue: kept as the last build made it, or read again.
  const files: VFile[] = [];
  const leftOut: string[] = [];
  const kept: IssueRecord[] = [];
  const changed: Array<{ record: IssueRecord; render: (context: SiteContext, files: SiteFiles) => Promise<void> }> = [];
  let series: Series | undefined;
  const staging = await makeOwnedFolder(options.outputRoot, '.site-');
  try {
    const siteFiles = await SiteFiles.open(staging.path, siteDir);
    for (const location of options.locations) {
      const downloads = await findDownloads(location, supportedLanguages(), options.outputRoot);
      const key = issueKey({
        ...common,
        issue: await folderDigest(location.folder),
        series: await fileDigest(location.series),
        glossary: await fileDigest(path.join(path.dirname(location.series), glossaryFileName)),
        downloads: downloads.digest,
      });
      const last = record?.issues[location.slug];
      if (last?.key === key && last.files.every((file) => siteFiles.has(file))) {
        kept.push(last);
        series ??= record?.series;
        continue;
      }
      const read = await readIssue(location);
      files.push(...read.files);
      if (!read.issue) {
        leftOut.push(location.slug);
        continue;
      }
      const issue = read.issue;
      series = issue.series;
      const editions = splitEditions(issue);
      const entry = issueEntry(issue, editions, downloads);
      const issueRecord: IssueRecord = { key, entry, files: [] };
      changed.push({
        record: issueRecord,
        render: async (context, site) => {
          const put = async (sitePath: string, content: string | Root) => {
            await site.put(sitePath, typeof content === 'string' ? content : stringifyHtml(content));
            issueRecord.files.push(sitePath);
          };
          for (const edition of editions) {
            await put(sitePaths.issue(edition.lang, entry.slug), issuePage(context, entry, edition.lang));
            await put(sitePaths.read(edition.lang, entry.slug), readPage(context, entry, edition));
          }
          for (const relative of await mediaFiles(location.folder)) {
            const sitePath = sitePaths.media(entry.slug, relative.slice('assets/'.length));
            await site.putFile(sitePath, path.join(location.folder, ...relative.split('/')));
            issueRecord.files.push(sitePath);
          }
          await putDownloads(site, entry, downloads, issueRecord);
          if (context.baseUrl !== undefined) {
            const baseUrl = context.baseUrl;
            const deposit = crossrefDeposit(issue, {
              editionUrl: (lang) => absoluteUrl(baseUrl, sitePaths.read(lang, entry.slug)),
              timestamp: await depositTimestamp(location, entry.date),
            });
            if ('xml' in deposit) await put(sitePaths.crossref(entry.slug), deposit.xml);
          }
        },
      });
    }
    if (!series) {
      // Nothing could be read: the site stays as it was.
      return {
        siteDir,
        files,
        leftOut,
        rendered: [],
        changes: { changed: [], removed: [] },
        built: false,
        baseUrl: undefined,
        noDeposit: [],
      };
    }

    const languages = supportedLanguages().filter((lang) => (series as Series).name[lang] !== undefined);
    const baseUrl = options.baseUrl ?? series.site?.url;
    const context: SiteContext = {
      series,
      languages,
      labels: loadLabels(languages),
      baseUrl: baseUrl === undefined || baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`,
      issues: [...kept.map((issue) => issue.entry), ...changed.map((issue) => issue.record.entry)].sort(newestFirst),
    };
    for (const issue of kept) for (const file of issue.files) await siteFiles.keep(file);
    for (const issue of changed) {
      await issue.render(context, siteFiles);
      progress(`${issue.record.entry.slug}: pages made`);
    }
    const pages = await putListings(context, siteFiles);
    await putAssets(siteFiles);
    for (const stage of afterPages)
      await stage.run({ context, files: siteFiles, pages, changes: siteFiles.changes(), progress });

    const changes = siteFiles.changes();
    if (changes.changed.length > 0 || changes.removed.length > 0) {
      // mkdtemp makes the folder private; the site is for everyone to read.
      await chmod(staging.path, 0o755);
      await replaceFolder(staging.path, siteDir);
    }
    const issues = Object.fromEntries(
      [...kept, ...changed.map((issue) => issue.record)].map((issue) => [issue.entry.slug, issue]),
    );
    await writeSiteRecord(siteDir, { version: 1, series, issues });
    return {
      siteDir,
      files,
      leftOut,
      rendered: changed.map((issue) => issue.record.entry.slug),
      changes,
      built: true,
      baseUrl: context.baseUrl,
      noDeposit: context.issues
        .filter((issue) => Object.values(issue.editions).some((edition) => !edition.doi))
        .map((issue) => issue.slug),
    };
  } finally {
    await staging.remove();
  }
}

/** Put the issue's PDFs and EPUBs under `downloads/<slug>/`, from its release or its build. */
async function putDownloads(
  site: SiteFiles,
  entry: IssueEntry,
  downloads: IssueDownloads,
  record: IssueRecord,
): Promise<void> {
  if (downloads.folder === undefined) return;
  for (const file of downloads.files) {
    const sitePath = sitePaths.download(entry.slug, file.name);
    await site.putFile(sitePath, path.join(downloads.folder, file.name));
    record.files.push(sitePath);
  }
}

/** Put the pages that list issues or speak of the series, the feeds and the sitemap; returns every HTML page's site path. */
async function putListings(context: SiteContext, site: SiteFiles): Promise<string[]> {
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
async function putAssets(site: SiteFiles): Promise<void> {
  for (const name of ['fonts.css', 'edition.css', 'site.css']) {
    await site.putFile(`${sitePaths.assets}/${name}`, path.join(templatesDir, 'styles', name));
  }
  await site.putFile(`${sitePaths.assets}/notes.js`, path.join(templatesDir, 'reader', 'notes.js'));
  for (const font of await fontFiles()) await site.putFile(`${sitePaths.assets}/fonts/${font.name}`, font.source);
}

/** The SHA-256 of a file's bytes, or `none` when there is none. */
async function fileDigest(file: string): Promise<string> {
  return readFile(file).then(
    (bytes) => sha256Hex(bytes),
    () => 'none',
  );
}
