/**
 * Two versions of an issue compared segment by segment: which segments were added,
 * removed or moved, which language blocks changed and how, word by word, and whether
 * the translations of a changed source block changed with it.
 *
 * Pure: it takes the segments the reader made of each version and returns data; reading
 * the versions and printing the result are elsewhere.
 */
import type { Lang } from '../manuscript/schema.js';
import { normalizeForHash } from '../manuscript/src-hash.js';
import type { LanguageBlock, Segment, TranslationState } from '../manuscript/types.js';
import { wordDiff } from './word-diff.js';
import type { DiffPart } from './word-diff.js';

/** One version of an issue, as far as the reader could make segments of it. */
export interface IssueVersion {
  /** Segments in manuscript order. */
  segments: readonly Segment[];
  /** The issue's languages; the first is the source. */
  languages: readonly Lang[];
}

/** What happened to a segment, or to one language's block of it, between the versions. */
export type Change = 'added' | 'removed' | 'changed' | 'unchanged';

/**
 * What happened to one translation of a source block that changed: `changed` (it was
 * edited, or written, in the same revision: review it and confirm it), `not-changed`
 * (its text is as it was: it no longer says what the source says), `missing` (the
 * newer version has no block in that language).
 */
export type TranslationFollowUp = 'changed' | 'not-changed' | 'missing';

/** Where a segment or block is in one version. */
export interface Place {
  /** 1-based position of the segment among the version's segments. */
  index: number;
  /** Line of the block's (or the segment's first block's) opening fence. */
  line: number | undefined;
}

/** One language's block of a segment, compared. */
export interface BlockDiff {
  lang: Lang;
  /** `changed` when the normalised text (as the `src` hash sees it) differs. */
  change: Change;
  /** Where the block is in each version; absent where the version has no such block. */
  from: (Place & { state: TranslationState }) | undefined;
  to: (Place & { state: TranslationState }) | undefined;
  /**
   * The block's text (its lines as written) as runs of equal, deleted and inserted
   * words: the word diff of a changed block, one insertion for an added block, one
   * deletion for a removed one, and the text as one equal run for an unchanged one.
   */
  words: DiffPart[];
  /** On a changed block of the source language: what happened to each translation. */
  translations: Partial<Record<Lang, TranslationFollowUp>> | undefined;
}

/** One segment, compared: present in either version or both. */
export interface SegmentDiff {
  id: string;
  /** `added`/`removed`: the segment is in one version only; `changed`: a block differs. */
  change: Change;
  /**
   * The segment is in both versions but not in their longest common order: it was
   * moved (the segments around it stayed where they were).
   */
  moved: boolean;
  from: Place | undefined;
  to: Place | undefined;
  /** One entry per language of either version that has a block in either version. */
  blocks: BlockDiff[];
}

/** Counts of one language's blocks. */
export interface LanguageSummary {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  /** Blocks of moved segments; each is also counted as changed or unchanged. */
  moved: number;
  /** Translations in this language whose source block changed while they did not. */
  notUpdated: number;
}

export interface RevisionDiff {
  /** The languages of either version: the newer version's, then any only the older had. */
  languages: Lang[];
  /** The source language (the newer version's first language). */
  source: Lang | undefined;
  /**
   * Every segment of either version: the newer version's order, with each removed
   * segment after the segment it followed in the older version.
   */
  segments: SegmentDiff[];
  summary: Record<Lang, LanguageSummary>;
}

/** Compare `from` (the older version) with `to` (the newer one). */
export function diffRevisions(from: IssueVersion, to: IssueVersion): RevisionDiff {
  const languages = [...new Set([...to.languages, ...from.languages])];
  const source = to.languages[0] ?? from.languages[0];
  const fromSegments = uniqueById(from.segments);
  const toSegments = uniqueById(to.segments);
  const stable = stableIds(fromSegments, toSegments);

  const segments = mergedOrder(fromSegments, toSegments, stable).map((id) =>
    diffSegment(id, fromSegments.get(id), toSegments.get(id), { languages, source, stable }),
  );
  return { languages, source, segments, summary: summarize(segments, languages) };
}

/** Whether a segment differs between the versions in any way. */
export function hasDifference(segment: SegmentDiff): boolean {
  return segment.change !== 'unchanged' || segment.moved;
}

interface Indexed {
  segment: Segment;
  index: number;
}

/** Segments by id with their 1-based position; a duplicate id (an error) keeps its first. */
function uniqueById(segments: readonly Segment[]): Map<string, Indexed> {
  const byId = new Map<string, Indexed>();
  for (const segment of segments) {
    if (!byId.has(segment.id)) byId.set(segment.id, { segment, index: byId.size + 1 });
  }
  return byId;
}

/**
 * The ids of both versions that kept their relative order: the longest common
 * subsequence of the two id sequences. Ids are unique, so it is the longest increasing
 * subsequence of the older positions taken in the newer order (O(n log n)).
 */
function stableIds(from: Map<string, Indexed>, to: Map<string, Indexed>): Set<string> {
  const common = [...to.keys()].filter((id) => from.has(id));
  const positions = common.map((id) => from.get(id)?.index ?? 0);
  // tails[k]: index into `common` of the smallest tail of an increasing run of length k+1.
  const tails: number[] = [];
  const previous: number[] = [];
  positions.forEach((position, i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((positions[tails[middle] ?? 0] ?? 0) < position) low = middle + 1;
      else high = middle;
    }
    previous[i] = low > 0 ? (tails[low - 1] ?? -1) : -1;
    tails[low] = i;
  });
  const stable = new Set<string>();
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = previous[i] ?? -1) stable.add(common[i] ?? '');
  return stable;
}

/** The newer order, each removed segment placed after the stable segment it followed. */
function mergedOrder(from: Map<string, Indexed>, to: Map<string, Indexed>, stable: Set<string>): string[] {
  const removedAfter = new Map<string | undefined, string[]>();
  let anchor: string | undefined;
  for (const id of from.keys()) {
    if (to.has(id)) {
      if (stable.has(id)) anchor = id;
    } else {
      removedAfter.set(anchor, [...(removedAfter.get(anchor) ?? []), id]);
    }
  }
  const order = [...(removedAfter.get(undefined) ?? [])];
  for (const id of to.keys()) order.push(id, ...(removedAfter.get(id) ?? []));
  return order;
}

function diffSegment(
  id: string,
  from: Indexed | undefined,
  to: Indexed | undefined,
  context: { languages: readonly Lang[]; source: Lang | undefined; stable: Set<string> },
): SegmentDiff {
  const blocks = context.languages.flatMap((lang) => {
    const block = diffBlock(lang, from, to);
    return block ? [block] : [];
  });
  const sourceBlock = blocks.find((block) => block.lang === context.source);
  if (sourceBlock?.change === 'changed') {
    sourceBlock.translations = Object.fromEntries(
      context.languages
        .filter((lang) => lang !== context.source)
        .map((lang) => [lang, followUp(blocks.find((block) => block.lang === lang))]),
    );
  }
  const change: Change = !from
    ? 'added'
    : !to
      ? 'removed'
      : blocks.some((block) => block.change !== 'unchanged')
        ? 'changed'
        : 'unchanged';
  return {
    id,
    change,
    moved: from !== undefined && to !== undefined && !context.stable.has(id),
    from: from && place(from),
    to: to && place(to),
    blocks,
  };
}

function followUp(block: BlockDiff | undefined): TranslationFollowUp {
  if (!block?.to) return 'missing';
  return block.change === 'unchanged' ? 'not-changed' : 'changed';
}

function diffBlock(lang: Lang, from: Indexed | undefined, to: Indexed | undefined): BlockDiff | undefined {
  const before = from?.segment.blocks[lang];
  const after = to?.segment.blocks[lang];
  if (!before && !after) return undefined;
  const same = before && after && normalizeForHash(before.text) === normalizeForHash(after.text);
  const change: Change = !before ? 'added' : !after ? 'removed' : same ? 'unchanged' : 'changed';
  const fromText = before ? displayText(before.text) : '';
  const toText = after ? displayText(after.text) : '';
  const words: DiffPart[] =
    change === 'changed'
      ? diffWords(fromText, toText)
      : change === 'added'
        ? [{ type: 'insert', text: toText }]
        : change === 'removed'
          ? [{ type: 'delete', text: fromText }]
          : [{ type: 'equal', text: toText }];
  return {
    lang,
    change,
    from: before && from ? blockPlace(before, from) : undefined,
    to: after && to ? blockPlace(after, to) : undefined,
    words: words.filter((part) => part.text !== ''),
    translations: undefined,
  };
}

/**
 * A block's text as it is shown: its lines as written (a list keeps one item a line, a
 * note's second paragraph its indentation), without white space at line ends and runs
 * of blank lines. Whether it changed is decided on the text the `src` hash normalises.
 */
function displayText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The word diff of two block texts. The word diff keeps the white space after a
 * word with it and compares words without it, so a text's last word, which has none,
 * would print without the space it has inside the other text ("again.And more."). Each
 * text gets a space at its end for the diff; the last run loses it after.
 */
function diffWords(from: string, to: string): DiffPart[] {
  const parts = wordDiff(`${from} `, `${to} `).map((part) => ({ ...part }));
  const last = parts[parts.length - 1];
  if (last?.text.endsWith(' ')) last.text = last.text.slice(0, -1);
  return parts.filter((part) => part.text !== '');
}

function place({ segment, index }: Indexed): Place {
  return { index, line: segment.position?.start.line };
}

function blockPlace(block: LanguageBlock, { segment, index }: Indexed): Place & { state: TranslationState } {
  return { index, line: block.node.position?.start.line, state: segment.states[block.lang] ?? 'missing' };
}

function summarize(segments: readonly SegmentDiff[], languages: readonly Lang[]): Record<Lang, LanguageSummary> {
  const summary: Record<Lang, LanguageSummary> = {};
  for (const lang of languages) {
    summary[lang] = { added: 0, removed: 0, changed: 0, unchanged: 0, moved: 0, notUpdated: 0 };
  }
  for (const segment of segments) {
    for (const block of segment.blocks) {
      const counts = summary[block.lang];
      if (!counts) continue;
      counts[block.change]++;
      if (segment.moved && block.from && block.to) counts.moved++;
      for (const [lang, outcome] of Object.entries(block.translations ?? {})) {
        const target = summary[lang];
        if (target && outcome === 'not-changed') target.notUpdated++;
      }
    }
  }
  return summary;
}
