/**
 * Names of the built files, one convention for every edition:
 * `jlaga-<issue slug>-<language>.<format>` (e.g. `jlaga-2026-3-en.pdf`), where
 * "jlaga" stands for John Lukacs Analyses on Global Affairs.
 */
import type { Lang } from '../manuscript/schema.js';

/** The formats an issue is built in. */
export const formats = ['html', 'pdf', 'epub'] as const;
export type Format = (typeof formats)[number];

/**
 * The file name of a downloadable edition (PDF or EPUB); a draft's ends in `-draft`
 * (`jlaga-2026-3-en-draft.pdf`), so that it is never taken for the published file.
 */
export function editionFileName(
  slug: string,
  lang: Lang,
  format: Exclude<Format, 'html'>,
  options: { draft?: boolean } = {},
): string {
  return `jlaga-${slug}-${lang}${options.draft === true ? '-draft' : ''}.${format}`;
}

/** The HTML edition of `lang`, relative to the output folder. */
export function htmlPageName(lang: Lang): string {
  return `html/${lang}/index.html`;
}

/** The parallel edition, relative to the output folder. */
export const parallelPageName = 'html/parallel.html';
