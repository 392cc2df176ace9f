/** What every page of the site is made with: the series, its languages, their labels, the base URL. */
import type { Lang, Series } from '../manuscript/schema.js';
import type { Labels } from '../render/labels.js';
import type { IssueEntry } from './issue-entry.js';
import { absoluteUrl, relativeLink } from './layout.js';

export interface SiteContext {
  /** The series, as the issues read it from `series.yaml`. */
  series: Series;
  /** The site's languages: those the series is named in, in the project's order. */
  languages: Lang[];
  labels: ReadonlyMap<Lang, Labels>;
  /** The absolute address the site is published at, ending in `/`; undefined for a preview. */
  baseUrl: string | undefined;
  /** Every issue on the site, newest first. */
  issues: IssueEntry[];
}

/** The labels of `lang`; a missing one is a bug. */
export function siteLabels(context: SiteContext, lang: Lang): Labels {
  const labels = context.labels.get(lang);
  if (!labels) throw new Error(`No labels for \`${lang}\``);
  return labels;
}

/** The series' text `value` in `lang` (series texts are given in every language of the site). */
export function inLanguage(value: Partial<Record<Lang, string>>, lang: Lang): string {
  return value[lang] ?? '';
}

/**
 * How the page at `from` links `to`: absolute under the base URL where one is needed
 * (`absolute`) and given, else relative.
 */
export function linkTo(context: SiteContext, from: string, to: string, absolute = false): string {
  return absolute && context.baseUrl !== undefined ? absoluteUrl(context.baseUrl, to) : relativeLink(from, to);
}
