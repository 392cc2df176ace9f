/**
 * What the last site build made of each issue, kept between runs (`kept-records.ts`,
 * per site folder): the key of what the issue's pages were made from, its entry for the
 * listings and the files of its own. An issue with the same key whose files are all
 * still in the site is neither read nor rendered again.
 */
import { createHash } from 'node:crypto';
import { readKeptRecord, writeKeptRecord } from '../kept-records.js';
import type { Series } from '../manuscript/schema.js';
import type { IssueEntry } from './issue-entry.js';

/** One issue's part of the site. */
export interface IssueRecord {
  key: string;
  entry: IssueEntry;
  /** The site paths of its own files (pages, media, downloads, deposit). */
  files: string[];
}

export interface SiteRecord {
  version: 1;
  /** The series as the issues last read it. */
  series: Series;
  issues: Record<string, IssueRecord>;
  /**
   * The whole site as the last build left it: the key of everything it was made from
   * (empty when an issue was left out), every file's size by site path, and its base URL.
   */
  site?: { key: string; files: Record<string, number>; baseUrl: string | undefined };
}

/** The record of the site in `siteDir`, when there is a whole one. */
export async function readSiteRecord(siteDir: string): Promise<SiteRecord | undefined> {
  const record = (await readKeptRecord('site', siteDir)) as Partial<SiteRecord> | undefined;
  return record?.version === 1 && typeof record.series === 'object' && typeof record.issues === 'object'
    ? (record as SiteRecord)
    : undefined;
}

/** Keep `record` for the site in `siteDir` (nothing is kept where the cache cannot be written). */
export async function writeSiteRecord(siteDir: string, record: SiteRecord): Promise<void> {
  await writeKeptRecord('site', siteDir, record);
}

/** The key of an issue's pages: the SHA-256 of its named parts, in order. */
export function issueKey(parts: Record<string, string>): string {
  const hash = createHash('sha256');
  for (const [name, value] of Object.entries(parts)) hash.update(`${name} ${value}\n`);
  return hash.digest('hex');
}
