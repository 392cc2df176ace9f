/**
 * What every translation QA check is given and what it is: one check per file in this
 * folder, listed in order by `registry.ts`, run by `remarkTranslationQa`.
 */
import type { Root, RootContent } from 'mdast';
import type { Point } from 'unist';
import type { RuleId } from '../rules.js';
import type { Lang } from '../schema.js';
import type { LanguageBlock, Segment } from '../types.js';
import type { TextRun } from './text-runs.js';

/** Settings of the checks that have thresholds, with their defaults filled in. */
export interface QaSettings {
  lengthFactor: number;
  lengthMinWords: number;
  lengthMinSegments: number;
  identicalMinWords: number;
}

/** What a block offers the checks, computed once per block. */
export interface BlockView {
  lang: Lang;
  block: LanguageBlock;
  runs: TextRun[];
  /** Visible text with white space collapsed, footnote references left out. */
  plain: string;
  words: number;
}

/** One translation block and its source block, as a check sees them. */
export interface QaContext {
  segment: Segment;
  /** The source block and the translation block. */
  from: BlockView;
  to: BlockView;
  /** Report a warning of this check unless a marker silences it; at the opening fence by default. */
  warn: (reason: string, at?: Point) => void;
  toPoint: (offset: number | undefined) => Point | undefined;
  /** Link reference definitions of the file: identifier → URL. */
  definitions: ReadonlyMap<string, string>;
  settings: QaSettings;
  /**
   * The segment's length ratio (target characters ÷ source characters) and the issue's
   * median ratio; absent when the segment is too short or the issue has too few such segments.
   */
  length: { ratio: number; median: number } | undefined;
}

/** One check: its rule (the name a `qa-ignore` marker silences it by) and what it does. */
export interface QaCheck {
  rule: RuleId;
  /** Compare `context.to` with `context.from`, calling `context.warn` per difference found. */
  check: (context: QaContext) => void;
}

/**
 * A list of blocks as a tree, for unist-util-visit.
 *
 * @param children a block's content.
 * @returns a root holding them.
 */
export function rootOf(children: RootContent[]): Root {
  return { type: 'root', children };
}
