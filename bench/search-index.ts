/**
 * The site's search index of fifty issues: Pagefind over the pages of the site that
 * `site.ts` built (every page read as the search stage reads it), the part of a site
 * build after one issue changed that the index takes.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { indexPages, searchIndexFolder } from '../scripts/site/search-index.js';
import { time } from './measure.js';

export interface SearchIndexTimes {
  times: number[];
  /** The pages indexed, and their languages. */
  note: string;
}

/** Time making the index of the site in `siteDir`, `runs` times. */
export async function searchIndexTimes(runs: number, siteDir: string): Promise<SearchIndexTimes> {
  const names = (await readdir(siteDir, { recursive: true, encoding: 'utf8' }))
    .map((name) => name.split(path.sep).join('/'))
    .filter((name) => name.endsWith('.html') && !name.startsWith(`${searchIndexFolder}/`))
    .sort();
  const times: number[] = [];
  let note = '';
  for (let index = 0; index < runs; index++) {
    const [ms, made] = await time(async () =>
      indexPages(
        await Promise.all(
          names.map(async (name) => ({ path: name, content: await readFile(path.join(siteDir, name), 'utf8') })),
        ),
      ),
    );
    times.push(ms);
    const languages = Object.entries(made.languages).map(([lang, count]) => `${lang} ${count}`);
    note = `${made.pages.length} pages (${languages.join(', ')}), ${made.files.length} files`;
  }
  return { times, note };
}
