/**
 * The site's search index, made by Pagefind from the pages that mark their text with
 * `data-pagefind-body` (`search-marks.ts`: the HTML editions and the issue pages; the
 * furniture inside them is `data-pagefind-ignore`): one index per language of the
 * pages' `<html lang>`, each with the stemmer of its language (Hungarian: `befolyásnak`
 * finds `befolyást`), static files that a page's script fetches: no server searches.
 *
 * Pagefind's own binary (the `@pagefind/<platform>` package, no install script) runs as
 * a service while the index is made and is ended after, or on a stop. Only the files
 * the search page needs are kept: not Pagefind's own interfaces. The same pages give
 * the same bytes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createIndex, close as closePagefind } from 'pagefind';
import { onStop } from '../cleanup.js';
import { projectRoot } from '../project.js';

/** The folder of the index under the site's folder, which its search pages fetch. */
export const searchIndexFolder = 'pagefind';

/** Pagefind's own search interfaces, which the site does not use (its search page has its own). */
const unusedFiles = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

/** The attribute that marks a page's indexed text; a page without it is not indexed. */
const bodyMarker = 'data-pagefind-body';

/** A page to index: its path under the site (`hu/2026-3/read/index.html`) and its HTML. */
export interface PageToIndex {
  path: string;
  content: string;
}

/** One file of the index: its path under the index's folder (with `/`) and its bytes. */
export interface IndexFile {
  path: string;
  content: Uint8Array;
}

/** A search index, ready to be written into the site's `pagefind/` folder. */
export interface SearchIndex {
  /** Its files, sorted by path, without Pagefind's own interfaces. */
  files: IndexFile[];
  /** The pages indexed (those that mark text), by path. */
  pages: string[];
  /** The pages of each language in it. */
  languages: Record<string, number>;
  /** The version of Pagefind that made it. */
  pagefind: string;
}

/** Whether the HTML of a page marks text for the index (else Pagefind is not given it). */
export function marksText(html: string): boolean {
  return html.includes(bodyMarker);
}

/**
 * Make the search index of `pages` (those that mark no text are left out): the same
 * pages give the same bytes.
 *
 * @throws when Pagefind reports a problem (a page it cannot read) or cannot run; its
 *   service is ended all the same.
 */
export async function indexPages(pages: readonly PageToIndex[]): Promise<SearchIndex> {
  const marked = pages.filter((page) => marksText(page.content));
  const files = await runPagefind(marked);
  return {
    files,
    pages: marked.map((page) => page.path),
    languages: languagesOf(files),
    pagefind: pagefindVersion(),
  };
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

let version: string | undefined;

/** The version of Pagefind that makes the index: another one makes it anew. */
export function pagefindVersion(): string {
  version ??= (
    JSON.parse(readFileSync(path.join(projectRoot, 'node_modules', 'pagefind', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  return version;
}
