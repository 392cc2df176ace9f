/**
 * What the aligner compares of a block: its kind (heading, paragraph, list, table…),
 * the number of its heading ("2.1"), how many footnote references it has, its numbers
 * (normalised as translation QA reads them, so `3.5%` and `3,5%` are one), and the
 * length of its visible text.
 */
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { numbersIn } from '../manuscript/qa/number-tokens.js';
import type { SegmentKind } from './segments.js';
import { kindOf } from './segments.js';

/** One side of an alignment: a segment's source block, or a block of the translation. */
export interface AlignUnit {
  kinds: SegmentKind[];
  headingNumber: string | undefined;
  references: number;
  numbers: Set<string>;
  text: string;
  length: number;
}

/** The features of a block made of `nodes`. */
export function alignUnit(nodes: readonly RootContent[]): AlignUnit {
  const text = nodes
    .map((node) => toString(node))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  let references = 0;
  for (const node of nodes) {
    visit(node, 'footnoteReference', () => {
      references += 1;
    });
  }
  const first = nodes[0];
  const headingNumber =
    first?.type === 'heading' ? /^\s*((?:\d+\.)*\d+|[a-z]\))[.\s]/u.exec(toString(first))?.[1] : undefined;
  return {
    kinds: nodes.map((node) => kindOf(node).kind),
    headingNumber,
    references,
    numbers: new Set(numbersIn(text).flatMap((token) => token.values)),
    text,
    length: Math.max(1, text.length),
  };
}

/** The unit of several blocks read as one (two paragraphs a translator merged, or split). */
export function joinUnits(units: readonly AlignUnit[]): AlignUnit {
  return {
    kinds: units.flatMap((unit) => unit.kinds),
    headingNumber: units[0]?.headingNumber,
    references: units.reduce((sum, unit) => sum + unit.references, 0),
    numbers: new Set(units.flatMap((unit) => [...unit.numbers])),
    text: units.map((unit) => unit.text).join(' '),
    length: units.reduce((sum, unit) => sum + unit.length, 0),
  };
}
