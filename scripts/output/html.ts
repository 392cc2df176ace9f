/**
 * The HTML editions: one page per language at `html/<lang>/index.html`, with the
 * styles, fonts and the issue's media beside them in `html/assets/` and `html/media/`,
 * and the parallel edition at `html/parallel.html`.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ValidatedIssue } from '../manuscript/read-issue.js';
import type { Lang } from '../manuscript/schema.js';
import { templatesDir } from '../project.js';
import { renderEditionPage } from '../render/edition-page.js';
import type { Download } from '../render/edition-page.js';
import { renderParallelPage } from '../render/parallel-page.js';
import { copyFonts, copyMedia } from './assets.js';
import { editionFileName } from './file-names.js';
import { stringifyHtml } from './html-shared.js';
import type { FormatWriter, HtmlContext } from './types.js';

/**
 * Copy the shared assets into `htmlDir`: styles, the fonts they name, and the issue's
 * own `assets/` folder as `media/`.
 */
export async function copyHtmlAssets(htmlDir: string, issueFolder: string): Promise<void> {
  const assets = path.join(htmlDir, 'assets');
  await mkdir(assets, { recursive: true });
  for (const name of ['fonts.css', 'edition.css', 'parallel.css']) {
    await copyFile(path.join(templatesDir, 'styles', name), path.join(assets, name));
  }
  await copyFonts(assets);
  await copyMedia(htmlDir, issueFolder);
}

/**
 * Write the page of every edition in `langs` into `htmlDir/<lang>/index.html`.
 *
 * @returns the files written.
 */
export async function writeHtmlEditions(
  htmlDir: string,
  context: HtmlContext,
  langs: readonly Lang[],
): Promise<string[]> {
  const written: string[] = [];
  for (const edition of context.editions.filter((candidate) => langs.includes(candidate.lang))) {
    // The files sit beside `html/`, two folders above the page.
    const downloads: Download[] = (['pdf', 'epub'] as const)
      .filter((format) => context.formats.has(format))
      .map((format) => ({ format, href: `../../${editionFileName(edition.slug, edition.lang, format)}` }));
    const file = path.join(htmlDir, edition.lang, 'index.html');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, stringifyHtml(renderEditionPage(edition, context, downloads)));
    written.push(file);
  }
  return written;
}

/** Write `htmlDir/parallel.html`; returns its path. */
async function writeParallelEdition(htmlDir: string, issue: ValidatedIssue, context: HtmlContext): Promise<string> {
  const file = path.join(htmlDir, 'parallel.html');
  await mkdir(htmlDir, { recursive: true });
  await writeFile(file, stringifyHtml(renderParallelPage(issue, context)));
  return file;
}

/**
 * The HTML format of a build: assets, one page per language, and the parallel edition
 * when every language is built.
 */
export const writeHtml: FormatWriter = async (job) => {
  const htmlDir = path.join(job.staging, 'html');
  await copyHtmlAssets(htmlDir, job.issue.location.folder);
  // Link the downloads this build makes, and those an earlier build left (a build of
  // the HTML alone, such as `npm run dev`, starts from the previous output).
  const formats = new Set(job.context.formats);
  for (const format of ['pdf', 'epub'] as const) {
    const files = job.context.editions.map((edition) =>
      path.join(job.staging, editionFileName(edition.slug, edition.lang, format)),
    );
    if (files.every((file) => existsSync(file))) formats.add(format);
  }
  const context = { ...job.context, formats };
  const written = await writeHtmlEditions(htmlDir, context, job.langs);
  if (job.langs.length === job.issue.languages.length)
    written.push(await writeParallelEdition(htmlDir, job.issue, context));
  return written;
};
