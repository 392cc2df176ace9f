/**
 * The translation's blocks for the segments, from the aligner's path: each
 * segment's nodes (a merged paragraph divided, split paragraphs joined), the notes
 * renamed to the source's labels by their place among the references, and a problem
 * for every pair to check.
 */
import type { FootnoteDefinition, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Segment } from '../manuscript/types.js';
import type { Lang } from '../manuscript/schema.js';
import { alignUnit } from './align-units.js';
import { align } from './gale-church.js';
import { toBlockMarkdown } from './markdown.js';
import type { ImportRuleId } from './rules.js';
import { quote } from './rules.js';
import { splitParagraph } from './split-paragraph.js';

/** Below this confidence a pair is reported for checking. */
export const uncertainBelow = 0.1;

/** A problem of the alignment, at a segment (or, for text left over, at none). */
export interface AlignProblem {
  ruleId: ImportRuleId;
  reason: string;
  segment: Segment | undefined;
}

/** What the translation gives each segment. */
export interface TranslationBlocks {
  /** The Markdown of each segment's translation, by segment id. */
  blocks: Map<string, string>;
  problems: AlignProblem[];
  /** Text segments that found their translation with confidence. */
  matched: number;
  textSegments: number;
  uncertain: number;
}

/**
 * Align the translation's `body` and `notes` to the `segments` of an issue in `source`.
 */
export function translationBlocks(
  segments: readonly Segment[],
  source: Lang,
  body: readonly RootContent[],
  notes: ReadonlyMap<string, FootnoteDefinition>,
): TranslationBlocks {
  const text = segments.filter((segment) => segment.footnote === undefined && segment.blocks[source]);
  const sourceNodes = text.map((segment) => segment.blocks[source]?.children ?? []);
  const beads = align(
    sourceNodes.map((nodes) => alignUnit(nodes)),
    body.map((node) => alignUnit([node])),
  );
  const result: TranslationBlocks = {
    blocks: new Map(),
    problems: [],
    matched: 0,
    textSegments: text.length,
    uncertain: 0,
  };
  const nodesFor = new Map<Segment, RootContent[]>();

  for (const bead of beads) {
    const segmentsOf = bead.source.map((index) => text[index]!);
    const nodes = bead.target.map((index) => structuredClone(body[index]!));
    const [first, second] = segmentsOf;
    if (first === undefined) {
      const left = nodes.map((node) => alignUnit([node]).text).join(' ');
      result.problems.push({
        ruleId: 'import-unmatched',
        reason: `Unexpected text of the translation that matches no segment, left out: ${quote(left, 120)}`,
        segment: undefined,
      });
      continue;
    }
    if (nodes.length === 0) {
      result.problems.push({
        ruleId: 'import-unmatched',
        reason: `Missing translation of #${first.id}: no block of the translation matches it`,
        segment: first,
      });
      continue;
    }
    if (second !== undefined) {
      const merged = nodes[0]!;
      const share =
        alignUnit(sourceNodes[bead.source[0]!]!).length /
        (alignUnit(sourceNodes[bead.source[0]!]!).length + alignUnit(sourceNodes[bead.source[1]!]!).length);
      const parts =
        merged.type === 'paragraph'
          ? splitParagraph(merged, share, alignUnit(sourceNodes[bead.source[0]!]!).references)
          : undefined;
      const divided = parts
        ? ` divided at a sentence end: #${first.id} gets ${quote(alignUnit([parts[0]]).text, 80)}, #${second.id} ${quote(alignUnit([parts[1]]).text, 80)}`
        : ` given to #${first.id}; #${second.id} has no translation`;
      result.problems.push({
        ruleId: 'import-merged',
        reason: `One translated paragraph for #${first.id} and #${second.id} (the translator merged them),${divided}: check both`,
        segment: first,
      });
      nodesFor.set(first, parts ? [parts[0]] : [merged]);
      if (parts) nodesFor.set(second, [parts[1]]);
      result.matched += parts ? 2 : 1;
      continue;
    }
    const expected = sourceNodes[bead.source[0]!]!.length;
    if (nodes.length > expected) {
      result.problems.push({
        ruleId: 'import-split',
        reason: `${nodes.length} translated blocks for #${first.id} (the translator split it), joined in its block: check the paragraph break`,
        segment: first,
      });
    }
    nodesFor.set(first, nodes);
    if (bead.confidence < uncertainBelow) {
      result.uncertain += 1;
      const sourceText = alignUnit(sourceNodes[bead.source[0]!]!).text;
      const targetText = alignUnit(nodes).text;
      result.problems.push({
        ruleId: 'import-uncertain',
        reason: `Uncertain translation of #${first.id} (confidence ${bead.confidence.toFixed(2)}): ${quote(sourceText, 80)} ↔ ${quote(targetText, 80)}`,
        segment: first,
      });
    } else {
      result.matched += 1;
    }
  }

  // Each note of the translation takes the label of the source's note at the same place.
  const labelOf = new Map<string, string>();
  for (const [segment, nodes] of nodesFor) {
    const wanted = referencesIn(segment.blocks[source]?.children ?? []);
    const found = referencesIn(nodes);
    found.forEach((id, index) => {
      const label = wanted[index];
      if (label !== undefined && !labelOf.has(id)) labelOf.set(id, label);
    });
    if (wanted.length !== found.length) {
      result.problems.push({
        ruleId: 'import-uncertain',
        reason: `Unexpected ${found.length} footnote reference${found.length === 1 ? '' : 's'} in the translation of #${segment.id}, expected ${wanted.length}: check its notes`,
        segment,
      });
    }
    for (const node of nodes) {
      visit(node, 'footnoteReference', (reference) => {
        const label = labelOf.get(reference.identifier) ?? reference.identifier;
        reference.identifier = label;
        reference.label = label;
      });
    }
    result.blocks.set(segment.id, toBlockMarkdown(nodes));
  }
  const noteFor = new Map([...labelOf].map(([id, label]) => [label.toLowerCase(), id]));
  for (const segment of segments) {
    if (segment.footnote === undefined) continue;
    const note = notes.get(noteFor.get(segment.footnote.toLowerCase()) ?? '');
    if (note === undefined) {
      result.problems.push({
        ruleId: 'import-unmatched',
        reason: `Missing translation of the note #${segment.id}: no note of the translation is at its place`,
        segment,
      });
      continue;
    }
    const definition: FootnoteDefinition = {
      ...structuredClone(note),
      identifier: segment.footnote,
      label: segment.footnote,
    };
    result.blocks.set(segment.id, toBlockMarkdown([definition]));
  }
  return result;
}

/** The footnote references of `nodes`, in order, each once. */
function referencesIn(nodes: readonly RootContent[]): string[] {
  const found: string[] = [];
  for (const node of nodes) {
    visit(node, 'footnoteReference', (reference) => {
      if (!found.includes(reference.identifier)) found.push(reference.identifier);
    });
  }
  return found;
}
