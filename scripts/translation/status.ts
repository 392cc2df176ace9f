/**
 * Where the translations of an issue stand: per segment, the state of every language
 * and its words; per language, how complete it is; for every stale translation, what
 * changed in its source since it was confirmed.
 */
import type { ValidatedIssue } from '../manuscript/read-issue.js';
import type { Lang } from '../manuscript/schema.js';
import { countStates, countWords } from '../manuscript/summary.js';
import type { TranslationState } from '../manuscript/types.js';
import { findSourceTexts } from './history.js';
import { wordDiff } from './word-diff.js';
import type { DiffPart } from './word-diff.js';

export interface SegmentStatus {
  id: string;
  /** The footnote label, for a note's segment. */
  footnote: string | undefined;
  states: Record<Lang, TranslationState>;
  words: Record<Lang, number>;
}

export interface LanguageStatus {
  lang: Lang;
  words: number;
  counts: Record<TranslationState, number>;
  /** Confirmed (or source) segments over all segments, 0–1. */
  complete: number;
}

/** A stale translation and what changed in its source since it was confirmed. */
export interface StaleTranslation {
  id: string;
  lang: Lang;
  /** The hash the translation was confirmed against, and the current one. */
  src: string;
  current: string;
  /** Word differences from the confirmed source text to today's; absent when that text is not in the history. */
  changes: DiffPart[] | undefined;
}

export interface IssueStatus {
  issue: string;
  languages: Lang[];
  segments: SegmentStatus[];
  totals: LanguageStatus[];
  stale: StaleTranslation[];
  /**
   * The states the list was narrowed to (`align status --only`; see `narrowStatus`):
   * only segments with a translation in one of them are listed. `null`: every segment.
   */
  only: TranslationState[] | null;
  /** True when nothing is missing or stale (in the languages listed): what CI gates on. */
  ok: boolean;
}

/** The status of `issue`; reads the manuscript's git history for stale translations. */
export async function translationStatus(issue: ValidatedIssue): Promise<IssueStatus> {
  const [source = ''] = issue.languages;
  const segments = issue.segments.map<SegmentStatus>((segment) => ({
    id: segment.id,
    footnote: segment.footnote,
    states: { ...segment.states },
    words: Object.fromEntries(issue.languages.map((lang) => [lang, countWords(segment.blocks[lang]?.children ?? [])])),
  }));
  const totals = issue.languages.map<LanguageStatus>((lang) => {
    const counts = countStates(segments, lang);
    return {
      lang,
      words: segments.reduce((sum, segment) => sum + (segment.words[lang] ?? 0), 0),
      counts,
      complete: segments.length === 0 ? 1 : (counts.source + counts.confirmed) / segments.length,
    };
  });

  const staleBlocks = issue.segments.flatMap((segment) =>
    issue.languages
      .filter((lang) => segment.states[lang] === 'stale')
      .map((lang) => ({ segment, lang, src: segment.blocks[lang]?.src ?? '' })),
  );
  const history = await findSourceTexts(
    issue.location.manuscript,
    source,
    new Set(staleBlocks.map((stale) => stale.src)),
  );
  const stale = staleBlocks.map<StaleTranslation>(({ segment, lang, src }) => {
    const before = history.get(src);
    return {
      id: segment.id,
      lang,
      src,
      current: segment.sourceHash,
      changes: before === undefined ? undefined : wordDiff(before.trim(), (segment.blocks[source]?.text ?? '').trim()),
    };
  });
  return {
    issue: issue.location.slug,
    languages: issue.languages,
    segments,
    totals,
    stale,
    only: null,
    ok: totals.every((total) => total.counts.missing === 0 && total.counts.stale === 0),
  };
}
