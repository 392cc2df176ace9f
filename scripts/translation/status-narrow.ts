/**
 * A translation status narrowed to what was asked for (`align status --lang`, `--only`):
 * some target languages, the segments with a translation in some states.
 */
import type { Lang } from '../manuscript/schema.js';
import type { TranslationState } from '../manuscript/types.js';
import type { IssueStatus } from './status.js';

/** The states a translation can be in, as `--only` names them. */
export const targetStates = ['confirmed', 'stale', 'unconfirmed', 'missing'] as const;
export type TargetState = (typeof targetStates)[number];

export interface StatusNarrowing {
  /** Keep the source language and these target languages only (default: every one). */
  langs?: readonly Lang[] | undefined;
  /** List only the segments with a translation in one of these states (default: every segment). */
  only?: readonly TargetState[] | undefined;
}

/**
 * `status` narrowed.
 *
 * `langs` is a question about those languages: the columns, totals and stale
 * translations of the others go, and `ok` says whether these are complete. `only` is a
 * question about the list: only the segments with a translation (in a language kept) in
 * one of the states are listed, and the stale translations only when `stale` is asked
 * for; the totals and `ok` stay the issue's, so a narrowed list never passes for a
 * complete translation.
 */
export function narrowStatus(status: IssueStatus, narrowing: StatusNarrowing): IssueStatus {
  const { langs, only } = narrowing;
  const [source] = status.languages;
  const kept = langs ? status.languages.filter((lang) => lang === source || langs.includes(lang)) : status.languages;
  const targets = kept.filter((lang) => lang !== source);
  const pick = <T>(record: Record<Lang, T>): Record<Lang, T> =>
    Object.fromEntries(kept.flatMap((lang) => (lang in record ? [[lang, record[lang] as T]] : [])));
  const asked = (state: TranslationState | undefined) =>
    only === undefined || (only as readonly string[]).includes(state ?? 'missing');

  const segments = status.segments
    .map((segment) => ({ ...segment, states: pick(segment.states), words: pick(segment.words) }))
    .filter((segment) => only === undefined || targets.some((lang) => asked(segment.states[lang])));
  const totals = status.totals.filter((total) => kept.includes(total.lang));
  const stale = status.stale.filter((entry) => kept.includes(entry.lang) && asked('stale'));
  return {
    ...status,
    languages: kept,
    segments,
    totals,
    stale,
    only: only ? [...only] : status.only,
    ok: totals.every((total) => total.counts.missing === 0 && total.counts.stale === 0),
  };
}
