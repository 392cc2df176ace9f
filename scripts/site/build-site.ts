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
import { chmod, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { makeOwnedFolder, removeAbandonedFolders } from '../cleanup.js';
import { folderDigest } from '../manuscript/check-cache.js';
import type { IssueLocation } from '../manuscript/locate-issue.js';
import type { Series } from '../manuscript/schema.js';
import { glossaryFileName, sha256Hex } from '../manuscript/source-digests.js';
import { programBuild } from '../program-build.js';
import { supportedLanguages, templatesDir } from '../project.js';
import { findDownloads } from './downloads.js';
import type { SiteContext } from './site-context.js';
import { listFiles, SiteFiles } from './site-files.js';
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
  if ((await readdir(options.outputRoot)).some((name) => name.startsWith('site.previous-'))) {
    const { recoverReplacedFolders } = await import('../output/build.js');
    await recoverReplacedFolders(options.outputRoot);
  }
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
  // The issues' keys side by side: each is a few files read and hashed.
  const keyed = await Promise.all(
    options.locations.map(async (location) => {
      const downloads = await findDownloads(location, supportedLanguages(), options.outputRoot);
      const key = issueKey({
        ...common,
        issue: await folderDigest(location.folder),
        series: await fileDigest(location.series),
        glossary: await fileDigest(path.join(path.dirname(location.series), glossaryFileName)),
        downloads: downloads.digest,
      });
      return { location, downloads, key };
    }),
  );
  // Nothing changed, and the site is as the last build left it: nothing to do, nothing loaded.
  const siteKey = issueKey({
    ...common,
    issues: keyed.map(({ location, key }) => `${location.slug} ${key}`).join(','),
  });
  if (record?.site?.key === siteKey && sameFiles(record.site.files, await listFiles(siteDir))) {
    return {
      siteDir,
      files: [],
      leftOut: [],
      rendered: [],
      changes: { changed: [], removed: [] },
      built: true,
      baseUrl: record.site.baseUrl,
      noDeposit: [],
    };
  }

  const staging = await makeOwnedFolder(options.outputRoot, '.site-');
  try {
    const siteFiles = await SiteFiles.open(staging.path, siteDir);
    for (const { location, downloads, key } of keyed) {
      const last = record?.issues[location.slug];
      if (last?.key === key && last.files.every((file) => siteFiles.has(file))) {
        kept.push(last);
        series ??= record?.series;
        continue;
      }
      const { readIssueSite } = await import('./issue-site.js');
      const read = await readIssueSite(location, downloads);
      files.push(...read.files);
      if (!read.made) {
        leftOut.push(location.slug);
        continue;
      }
      const { entry, write } = read.made;
      series = read.made.series;
      const issueRecord: IssueRecord = { key, entry, files: [] };
      changed.push({
        record: issueRecord,
        render: async (context, site) => {
          issueRecord.files = await write(context, site);
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

    const { putAssets, putListings, siteContext } = await import('./listings.js');
    const context = siteContext(
      series,
      [...kept.map((issue) => issue.entry), ...changed.map((issue) => issue.record.entry)],
      options.baseUrl ?? series.site?.url,
    );
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
      // Loaded only to replace the site: the build's module brings the browser's.
      const { replaceFolder } = await import('../output/build.js');
      await replaceFolder(staging.path, siteDir);
    }
    const issues = Object.fromEntries(
      [...kept, ...changed.map((issue) => issue.record)].map((issue) => [issue.entry.slug, issue]),
    );
    const site = {
      key: leftOut.length === 0 ? siteKey : '',
      files: Object.fromEntries(await listFiles(siteDir)),
      baseUrl: context.baseUrl,
    };
    await writeSiteRecord(siteDir, { version: 1, series, issues, site });
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

/** Whether two lists of files by site path, with their sizes, are the same. */
function sameFiles(recorded: Record<string, number>, live: ReadonlyMap<string, number>): boolean {
  const entries = Object.entries(recorded);
  return entries.length === live.size && entries.every(([file, size]) => live.get(file) === size);
}

/** The SHA-256 of a file's bytes, or `none` when there is none. */
async function fileDigest(file: string): Promise<string> {
  return readFile(file).then(
    (bytes) => sha256Hex(bytes),
    () => 'none',
  );
}
