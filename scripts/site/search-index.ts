/**
 * The site's search index: a stage after the site's pages are written. Pagefind reads
 * the pages that mark their text with `data-pagefind-body` (the HTML editions and the
 * issue pages; the home page, the search pages and the feeds are not marked, and the
 * furniture inside a marked page is `data-pagefind-ignore`) and writes a static index
 * into `<site>/pagefind/`, one per language of the pages' `<html lang>`, each with the
 * stemmer of its language (Hungarian: `szövetséges` finds `szövetségeseinek`). A page's
 * search script fetches it: no server does the searching.
 *
 * Pagefind's own binary (the `@pagefind/<platform>` package, no install script) runs as
 * a service while the index is made and is ended after, or on a stop. Only the files
 * the search page needs are written: not Pagefind's own interfaces.
 *
 * The same pages give the same bytes. When the pages are those the index was made from
 * (`indexed.json` in the index folder holds the digest of the pages and of the index's
 * own files), the index is left as it is: no page changed, nothing to do.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createIndex, close as closePagefind } from 'pagefind';
import { makeOwnedFolder, onStop } from '../cleanup.js';
import { projectRoot } from '../project.js';

/** The folder of the index under the site's folder, which its search pages fetch. */
export const searchIndexFolder = 'pagefind';

/** The record of what the index was made from, in its folder. */
const recordName = 'indexed.json';

/** Pagefind's own search interfaces, which the site does not use (its search page has its own). */
const unusedFiles = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

/** The attribute that marks a page's indexed text; a page without it is not indexed. */
const bodyMarker = 'data-pagefind-body';

export interface SearchIndexResult {
  /** False when the pages were those of the index already there, which was kept. */
  indexed: boolean;
  /** The pages indexed (or that the kept index was made from), by path under the site. */
  pages: string[];
  /** The number of pages of each language in the index. */
  languages: Record<string, number>;
}

/** What `indexed.json` holds: no time, so the same pages give the same bytes. */
interface IndexRecord {
  pagefind: string;
  pages: string[];
  /** SHA-256 of the pages' paths and bytes. */
  pagesDigest: string;
  languages: Record<string, number>;
  /** SHA-256 of the index's files, this record aside: an index changed by hand is made again. */
  filesDigest: string;
}

/**
 * Make the search index of the site in `siteDir` into `<siteDir>/pagefind/`, replacing
 * the one there in one rename, or keep that one when its pages have not changed.
 *
 * @throws when Pagefind reports a problem (a page it cannot read) or cannot run; the
 *   index that was there is then left as it was, and no temporary folder remains.
 */
export async function writeSearchIndex(siteDir: string): Promise<SearchIndexResult> {
  const pages = await markedPages(siteDir);
  const pagesDigest = digest(pages.map((page) => [page.path, page.content]));
  const target = path.join(siteDir, searchIndexFolder);
  const kept = await keptRecord(target);
  if (kept && kept.pagesDigest === pagesDigest && kept.pagefind === pagefindVersion()) {
    return { indexed: false, pages: kept.pages, languages: kept.languages };
  }

  const files = await runPagefind(pages);
  const languages = languagesOf(files);
  const record: IndexRecord = {
    pagefind: pagefindVersion(),
    pages: pages.map((page) => page.path),
    pagesDigest,
    languages,
    filesDigest: digest(files.map((file) => [file.path, file.content])),
  };
  files.push({ path: recordName, content: Buffer.from(`${JSON.stringify(record, null, 2)}\n`) });

  // Written beside the site, then moved in: a failure leaves the index that was there.
  const staging = await makeOwnedFolder(siteDir, `.${searchIndexFolder}-`);
  try {
    const fresh = path.join(staging.path, 'new');
    for (const file of files) {
      const to = path.join(fresh, ...file.path.split('/'));
      await mkdir(path.dirname(to), { recursive: true });
      await writeFile(to, file.content);
    }
    const old = path.join(staging.path, 'old');
    const hadOld = await rename(target, old).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    await rename(fresh, target).catch(async (error: unknown) => {
      if (hadOld) await rename(old, target);
      throw error;
    });
  } finally {
    await staging.remove();
  }
  return { indexed: true, pages: record.pages, languages };
}

interface IndexFile {
  /** Relative to the index folder, with `/`. */
  path: string;
  content: Uint8Array;
}

/** The HTML pages under `siteDir` that mark their text for the index, by path (sorted, `/`). */
async function markedPages(siteDir: string): Promise<Array<{ path: string; content: string }>> {
  const names = (await readdir(siteDir, { recursive: true, encoding: 'utf8' }))
    .map((name) => name.split(path.sep).join('/'))
    .filter((name) => name.endsWith('.html') && !name.split('/').some((part) => part.startsWith('.')))
    .filter((name) => name.split('/')[0] !== searchIndexFolder)
    .sort();
  const pages = await Promise.all(
    names.map(async (name) => ({ path: name, content: await readFile(path.join(siteDir, name), 'utf8') })),
  );
  return pages.filter((page) => page.content.includes(bodyMarker));
}

/**
 * Index `pages` with Pagefind and return the files of its index, without its own
 * interfaces, sorted by path. The service is ended after, and on a stop signal meanwhile.
 */
function runPagefind(pages: ReadonlyArray<{ path: string; content: string }>): Promise<IndexFile[]> {
  // Pagefind's service is one per process: an index made meanwhile would be ended with it.
  const run = pagefindQueue.then(() => indexWithPagefind(pages));
  pagefindQueue = run.catch(() => undefined);
  return run;
}

let pagefindQueue: Promise<unknown> = Promise.resolve();

async function indexWithPagefind(pages: ReadonlyArray<{ path: string; content: string }>): Promise<IndexFile[]> {
  const unregister = onStop(() => void closePagefind());
  try {
    const { index, errors } = await createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const problems: string[] = [...errors];
    // One after the other: Pagefind's service reads its requests in order anyway.
    for (const page of pages) {
      const added = await index.addHTMLFile({ sourcePath: page.path, content: page.content });
      problems.push(...added.errors.map((error) => `${page.path}: ${error}`));
    }
    const written = await index.getFiles();
    problems.push(...written.errors);
    if (problems.length > 0) throw new Error(`Pagefind could not index the site: ${problems.join('; ')}`);
    return written.files
      .map((file) => ({ path: file.path.split(path.sep).join('/'), content: file.content }))
      .filter((file) => !unusedFiles.test(file.path))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  } finally {
    await closePagefind();
    unregister();
  }
}

/** The languages of an index and their pages, from its `pagefind-entry.json`. */
function languagesOf(files: readonly IndexFile[]): Record<string, number> {
  const entry = files.find((file) => file.path === 'pagefind-entry.json');
  if (!entry) throw new Error('Pagefind wrote no pagefind-entry.json');
  const parsed = JSON.parse(Buffer.from(entry.content).toString('utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.fromEntries(
    Object.entries(parsed.languages)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([lang, { page_count }]) => [lang, page_count]),
  );
}

/** The record of the index in `folder` when its files are as it says; undefined otherwise. */
async function keptRecord(folder: string): Promise<IndexRecord | undefined> {
  let record: IndexRecord;
  try {
    record = JSON.parse(await readFile(path.join(folder, recordName), 'utf8')) as IndexRecord;
  } catch {
    return undefined;
  }
  const names = (await readdir(folder, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((name) => name !== recordName)
    .sort();
  const files = await Promise.all(
    names.map(async (name): Promise<[string, Uint8Array]> => [name, await readFile(path.join(folder, name))]),
  );
  return digest(files) === record.filesDigest ? record : undefined;
}

/** SHA-256 over names and contents, each length-prefixed so that no two lists meet. */
function digest(entries: ReadonlyArray<readonly [string, string | Uint8Array]>): string {
  const hash = createHash('sha256');
  for (const [name, content] of entries) {
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    hash.update(`${Buffer.byteLength(name)}:${name}:${bytes.length}:`).update(bytes);
  }
  return hash.digest('hex');
}

let version: string | undefined;

/** The version of Pagefind that makes the index: another one makes it anew. */
function pagefindVersion(): string {
  version ??= (
    JSON.parse(readFileSync(path.join(projectRoot, 'node_modules', 'pagefind', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  return version;
}
