/**
 * The HTML editions: one page per language at `html/<lang>/index.html`, with the
 * styles, fonts and the issue's media beside them in `html/assets/` and `html/media/`,
 * and the parallel edition at `html/parallel.html`.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ValidatedIssue } from '../manuscript/read-issue.js';
import type { Lang } from '../manuscript/schema.js';
import type { Edition } from '../manuscript/split-editions.js';
import { templatesDir } from '../project.js';
import { renderEditionPage } from '../render/edition-page.js';
import type { Download, LinkedEdition, PageLinks } from '../render/edition-page.js';
import { renderParallelPage } from '../render/parallel-page.js';
import { copyFonts, copyMedia } from './assets.js';
import { editionFileName, htmlPageName, parallelPageName } from './file-names.js';
import { stringifyHtml } from './html-shared.js';
import type { BuildJob, FormatWriter, HtmlContext } from './types.js';

const require = createRequire(import.meta.url);

/**
 * Copy the shared assets into `htmlDir`: styles, the notes' script, the fonts the styles name, and the issue's
 * own `assets/` folder as `media/`.
 */
export async function copyHtmlAssets(htmlDir: string, issueFolder: string): Promise<void> {
  const assets = path.join(htmlDir, 'assets');
  await mkdir(assets, { recursive: true });
  for (const name of ['fonts.css', 'edition.css', 'parallel.css']) {
    await copyFile(path.join(templatesDir, 'styles', name), path.join(assets, name));
  }
  // The script of the notes beside the text and in popovers; the pages work without it.
  await copyFile(path.join(templatesDir, 'reader', 'notes.js'), path.join(assets, 'notes.js'));
  await copyHyphenation(assets);
  await copyFonts(assets);
  await copyMedia(htmlDir, issueFolder);
}

/**
 * Hyphenation where the browser has no dictionary (`templates/reader/hyphenation.js`):
 * its settings, and Hyphenopoly's loader, main script and the patterns of the editions'
 * languages (British English, as the PDF's) into `assets/hyphenopoly/`.
 */
async function copyHyphenation(assets: string): Promise<void> {
  await copyFile(path.join(templatesDir, 'reader', 'hyphenation.js'), path.join(assets, 'hyphenation.js'));
  const hyphenopoly = path.join(path.dirname(require.resolve('hyphenopoly/package.json')), 'min');
  const target = path.join(assets, 'hyphenopoly');
  await mkdir(path.join(target, 'patterns'), { recursive: true });
  for (const name of ['Hyphenopoly_Loader.js', 'Hyphenopoly.js', 'patterns/hu.wasm', 'patterns/en-gb.wasm']) {
    await copyFile(path.join(hyphenopoly, name), path.join(target, name));
  }
}

/**
 * How the pages link the edition at `file` (relative to the output folder): `current`
 * when this build writes it (`written`); else as the build found it, kept from an
 * earlier build (`current` or `out-of-date`), or `missing`.
 */
export type EditionLinker = (file: string, written: boolean) => LinkedEdition;

/**
 * Write the page of every edition in `langs` into `htmlDir/<lang>/index.html`, linking
 * the other editions as `linked` says.
 *
 * @returns the files written.
 */
export async function writeHtmlEditions(
  htmlDir: string,
  context: HtmlContext,
  langs: readonly Lang[],
  linked: EditionLinker,
): Promise<string[]> {
  const written: string[] = [];
  const allLanguages = context.editions.every((edition) => langs.includes(edition.lang));
  const pages: PageLinks = {
    languages: Object.fromEntries(
      context.editions.map((edition) => [
        edition.lang,
        linked(htmlPageName(edition.lang), langs.includes(edition.lang)),
      ]),
    ),
    parallel: linked(parallelPageName, allLanguages),
  };
  for (const edition of context.editions.filter((candidate) => langs.includes(candidate.lang))) {
    // The files sit beside `html/`, two folders above the page.
    const downloads = editionDownloads(context, edition, linked, '../../');
    const file = path.join(htmlDir, edition.lang, 'index.html');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, stringifyHtml(renderEditionPage(edition, context, downloads, pages)));
    written.push(file);
  }
  return written;
}

/**
 * The PDF and EPUB of `edition` that a page links, with `href` from the page (`prefix` is
 * the way from the page to the folder above `html/`), as `linked` says.
 */
function editionDownloads(context: HtmlContext, edition: Edition, linked: EditionLinker, prefix: string): Download[] {
  return (['pdf', 'epub'] as const).flatMap((format) => {
    const name = editionFileName(edition.slug, edition.lang, format, { draft: context.draft });
    const state = linked(name, context.formats.has(format));
    return state === 'missing' ? [] : [{ format, href: `${prefix}${name}`, outOfDate: state === 'out-of-date' }];
  });
}

/** Write `htmlDir/parallel.html`, linking each language's files as `linked` says; returns its path. */
async function writeParallelEdition(
  htmlDir: string,
  issue: ValidatedIssue,
  context: HtmlContext,
  linked: EditionLinker,
): Promise<string> {
  const file = path.join(htmlDir, 'parallel.html');
  await mkdir(htmlDir, { recursive: true });
  const downloads = Object.fromEntries(
    context.editions.map((edition) => [edition.lang, editionDownloads(context, edition, linked, '../')]),
  );
  await writeFile(file, stringifyHtml(renderParallelPage(issue, context, { downloads })));
  return file;
}

/**
 * The HTML format of a build: assets, one page per language, and the parallel edition
 * when every language is built.
 */
export const writeHtml: FormatWriter = async (job) => {
  const htmlDir = path.join(job.staging, 'html');
  await copyHtmlAssets(htmlDir, job.issue.location.folder);
  const linked = keptOrWritten(job);
  const written = await writeHtmlEditions(htmlDir, job.context, job.langs, linked);
  if (job.langs.length === job.issue.languages.length)
    written.push(await writeParallelEdition(htmlDir, job.issue, job.context, linked));
  return written;
};

/**
 * Link what this build writes, and what an earlier build left (a build of the HTML
 * alone, such as `jlaga dev`, starts from the previous output): as current only
 * when it was built from the same input.
 */
function keptOrWritten(job: BuildJob): EditionLinker {
  return (file, written) => (written ? 'current' : (job.kept.get(file) ?? 'missing'));
}
