/**
 * The site's search, a stage after its pages: the search page of each language with
 * its script and styles, and the search index of the pages the build put (`pagefind/`,
 * `search-index.ts`). The index is made again only when a page changed or went away:
 * otherwise the site's own is kept, file for file, as long as it is whole and of the
 * same Pagefind (`pagefind/indexed.json` says which files and which version; it holds
 * no time, so the same pages still give the same bytes).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { stringifyHtml } from '../output/html-shared.js';
import { templatesDir } from '../project.js';
import { sitePaths } from './layout.js';
import { indexPages, pagefindVersion, searchIndexFolder } from './search-index.js';
import type { PageToIndex } from './search-index.js';
import { searchAssets, searchPage } from './search-page.js';
import type { SiteContext } from './site-context.js';
import type { SiteChanges, SiteFiles } from './site-files.js';

/** The record of the index, in its folder. */
const recordPath = `${searchIndexFolder}/indexed.json`;

/** What `indexed.json` says of the index beside it. */
interface IndexRecord {
  pagefind: string;
  /** The pages indexed, by site path. */
  pages: string[];
  languages: Record<string, number>;
  /** The index's files, by site path (this record aside). */
  files: string[];
}

/** What the stage is given (a part of `stages.ts`'s input, which lists it). */
export interface SearchStageInput {
  context: SiteContext;
  files: SiteFiles;
  changes: SiteChanges;
  progress: (line: string) => void;
}

/** Put the search pages, their script and styles, and the index (made, or kept when no page changed). */
export async function putSearch(input: SearchStageInput): Promise<void> {
  const { context, files, changes, progress } = input;
  const searchPages = new Set(context.languages.map((lang) => sitePaths.search(lang)));
  for (const lang of context.languages)
    await files.put(sitePaths.search(lang), stringifyHtml(searchPage(context, lang)));
  await files.putFile(`${sitePaths.assets}/${searchAssets.script}`, path.join(templatesDir, 'site', 'search.js'));
  await files.putFile(
    `${sitePaths.assets}/${searchAssets.styles}`,
    path.join(templatesDir, 'styles', searchAssets.styles),
  );

  const pageChanged = [...changes.changed, ...changes.removed].some(
    (file) => file.endsWith('.html') && !searchPages.has(file) && !file.startsWith(`${searchIndexFolder}/`),
  );
  const kept = pageChanged ? undefined : await keptIndex(files);
  if (kept) {
    for (const file of [...kept.files, recordPath]) await files.keep(file);
    progress(`search: index kept (no page changed): ${languageCounts(kept.languages)}`);
    return;
  }
  const index = await indexPages(await stagedPages(files, searchPages));
  const record: IndexRecord = {
    pagefind: index.pagefind,
    pages: index.pages,
    languages: index.languages,
    files: index.files.map((file) => `${searchIndexFolder}/${file.path}`),
  };
  for (const file of index.files) await files.put(`${searchIndexFolder}/${file.path}`, file.content);
  await files.put(recordPath, `${JSON.stringify(record, null, 2)}\n`);
  progress(`search: ${index.pages.length} pages indexed: ${languageCounts(index.languages)}`);
}

/** The HTML pages the build put into the staging folder, but the search pages. */
async function stagedPages(files: SiteFiles, searchPages: ReadonlySet<string>): Promise<PageToIndex[]> {
  const names = (await readdir(files.staging, { recursive: true, encoding: 'utf8' }))
    .map((name) => name.split(path.sep).join('/'))
    .filter((name) => name.endsWith('.html') && !searchPages.has(name))
    .sort();
  return Promise.all(
    names.map(async (name) => ({ path: name, content: await readFile(path.join(files.staging, name), 'utf8') })),
  );
}

/** The site's index when it is whole and of this Pagefind; undefined when it must be made. */
async function keptIndex(files: SiteFiles): Promise<IndexRecord | undefined> {
  if (!files.has(recordPath)) return undefined;
  try {
    const record = JSON.parse(await readFile(path.join(files.live, recordPath), 'utf8')) as IndexRecord;
    const whole = Array.isArray(record.files) && record.files.every((file) => files.has(file));
    return whole && record.pagefind === pagefindVersion() ? record : undefined;
  } catch {
    return undefined;
  }
}

/** `en 1, hu 1`. */
function languageCounts(languages: Record<string, number>): string {
  const counts = Object.entries(languages).map(([lang, count]) => `${lang} ${count}`);
  return counts.length > 0 ? counts.join(', ') : 'no page marks text to find';
}
