/**
 * The aligner of `jlaga import` on long texts: past a few million cells it searches a
 * band along the diagonal, which finds the same path as the full search where the path
 * keeps near the diagonal, and keeps a book-length translation within memory.
 */
import { describe, expect, it } from 'vitest';
import type { AlignUnit } from '../../scripts/import/align-units.js';
import { align } from '../../scripts/import/gale-church.js';
import type { Bead } from '../../scripts/import/gale-church.js';

/** A pseudo-random sequence that is the same in every run. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

function unit(length: number, numbers: readonly string[], heading?: string): AlignUnit {
  return {
    kinds: [heading === undefined ? 'paragraph' : 'heading'],
    headingNumber: heading,
    references: 0,
    numbers: new Set(numbers),
    text: '',
    length,
  };
}

/**
 * `count` segments and their translation, which merges two paragraphs every
 * `mergeEvery` blocks and splits one every 97th; each segment holds a number of its own,
 * which its translation keeps. The expected pairs as [segments, blocks] index lists.
 */
function document(count: number, mergeEvery: number) {
  const random = sequence(count);
  const source: AlignUnit[] = [];
  for (let index = 0; index < count; index++) {
    const heading = index % 40 === 0 ? String(index / 40 + 1) : undefined;
    source.push(unit(80 + Math.floor(random() * 900), [String(index)], heading));
  }
  const target: AlignUnit[] = [];
  const expected: Array<[number[], number[]]> = [];
  for (let index = 0; index < count; index++) {
    const segment = source[index]!;
    const at = target.length;
    const next = source[index + 1];
    if (
      index % mergeEvery === mergeEvery - 1 &&
      next &&
      segment.headingNumber === undefined &&
      next.headingNumber === undefined
    ) {
      target.push(unit(Math.round((segment.length + next.length) * 1.15), [...segment.numbers, ...next.numbers]));
      expected.push([[index, index + 1], [at]]);
      index += 1;
    } else if (index % 97 === 50 && segment.headingNumber === undefined) {
      target.push(
        unit(Math.round(segment.length * 0.6), [...segment.numbers]),
        unit(Math.round(segment.length * 0.6), []),
      );
      expected.push([[index], [at, at + 1]]);
    } else {
      target.push(
        unit(Math.round(segment.length * (1.05 + random() * 0.2)), [...segment.numbers], segment.headingNumber),
      );
      expected.push([[index], [at]]);
    }
  }
  return { source, target, expected };
}

const pairs = (beads: readonly Bead[]) => beads.map((bead) => [bead.source, bead.target]);

describe('the alignment of long texts', () => {
  it('finds the same path in a band along the diagonal as in the full search', () => {
    const { source, target, expected } = document(600, 37);
    const full = align(source, target);
    expect(pairs(full)).toEqual(expected);
    // 601 × 600 cells; a budget of 20,000 makes a band of ±50 blocks.
    const banded = align(source, target, { fullSearchCells: 20_000 });
    expect(banded).toEqual(full);
  });

  it('aligns a translation of 16,500 segments within memory', () => {
    // The full search of these would hold 272 million cells.
    const { source, target, expected } = document(16_500, 301);
    const beads = align(source, target);
    expect(pairs(beads)).toEqual(expected);
  });
});
