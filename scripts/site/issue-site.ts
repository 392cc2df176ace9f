/**
 * One issue's part of the site, made when the issue changed: read and validated, its
 * entry for the listings, and a writer of its own files (its pages in each language,
 * its images, its downloads and its Crossref deposit). Loaded only when an issue is to
 * be made: a site where nothing changed never loads the manuscript's reader or the
 * edition's renderer.
 */
import path from 'node:path';
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import type { IssueLocation } from '../manuscript/locate-issue.js';
import { readIssue } from '../manuscript/read-issue.js';
import type { Series } from '../manuscript/schema.js';
import { splitEditions } from '../manuscript/split-editions.js';
import { mediaFiles } from '../output/assets.js';
import { stringifyHtml } from '../output/html-shared.js';
import { crossrefDeposit } from './crossref.js';
import { depositTimestamp } from './deposit-timestamp.js';
import type { IssueDownloads } from './downloads.js';
import { issueEntry } from './issue-entry.js';
import type { IssueEntry } from './issue-entry.js';
import { issuePage, readPage } from './issue-pages.js';
import { absoluteUrl, sitePaths } from './layout.js';
import type { SiteContext } from './site-context.js';
import type { SiteFiles } from './site-files.js';

/** An issue read for the site: its entry and the writer of its files, or its messages when it has errors. */
export interface IssueSite {
  files: VFile[];
  made?: {
    series: Series;
    entry: IssueEntry;
    /** Put the issue's files into `site`; returns their site paths. */
    write: (context: SiteContext, site: SiteFiles) => Promise<string[]>;
  };
}

/** Read the issue at `location` for the site, with `downloads` offered. */
export async function readIssueSite(location: IssueLocation, downloads: IssueDownloads): Promise<IssueSite> {
  const read = await readIssue(location);
  const issue = read.issue;
  if (!issue) return { files: read.files };
  const editions = splitEditions(issue);
  const entry = issueEntry(issue, editions, downloads);
  const write = async (context: SiteContext, site: SiteFiles): Promise<string[]> => {
    const written: string[] = [];
    const put = async (sitePath: string, content: string | Root) => {
      await site.put(sitePath, typeof content === 'string' ? content : stringifyHtml(content));
      written.push(sitePath);
    };
    for (const edition of editions) {
      await put(sitePaths.issue(edition.lang, entry.slug), issuePage(context, entry, edition.lang));
      await put(sitePaths.read(edition.lang, entry.slug), readPage(context, entry, edition));
    }
    for (const relative of await mediaFiles(location.folder)) {
      const sitePath = sitePaths.media(entry.slug, relative.slice('assets/'.length));
      await site.putFile(sitePath, path.join(location.folder, ...relative.split('/')));
      written.push(sitePath);
    }
    if (downloads.folder !== undefined) {
      for (const file of downloads.files) {
        const sitePath = sitePaths.download(entry.slug, file.name);
        await site.putFile(sitePath, path.join(downloads.folder, file.name));
        written.push(sitePath);
      }
    }
    const baseUrl = context.baseUrl;
    if (baseUrl !== undefined) {
      const deposit = crossrefDeposit(issue, {
        editionUrl: (lang) => absoluteUrl(baseUrl, sitePaths.read(lang, entry.slug)),
        timestamp: await depositTimestamp(location, entry.date),
      });
      if ('xml' in deposit) await put(sitePaths.crossref(entry.slug), deposit.xml);
    }
    return written;
  };
  return { files: read.files, made: { series: issue.series, entry, write } };
}
