/** What a page that shows more than one language needs: the issue's editions and their labels. */
import type { Lang } from '../manuscript/schema.js';
import type { Edition } from '../manuscript/split-editions.js';
import type { Labels } from './labels.js';

/** Every edition of one issue, in manuscript order, and the labels of each language. */
export interface IssueEditions {
  editions: readonly Edition[];
  labels: ReadonlyMap<Lang, Labels>;
  /** The editions of a draft release: each page says so at its top (default false). */
  draft?: boolean;
}

/**
 * The labels of `lang` in `set`.
 *
 * @throws when they were not loaded: a bug of the caller, not of the manuscript.
 */
export function labelsFor(set: IssueEditions, lang: Lang): Labels {
  const labels = set.labels.get(lang);
  if (!labels) throw new Error(`No labels for \`${lang}\``);
  return labels;
}
