/**
 * Align the translation's blocks to the segments by dynamic programming, as
 * Gale and Church align sentences ("A Program for Aligning Sentences in Bilingual
 * Corpora", 1993): each step pairs one segment with one block, two segments with one
 * block (the translator merged them), one segment with two blocks (split), or leaves
 * one out, at a cost; the cheapest path wins.
 *
 * Structure weighs most: a heading pairs with a heading (of the same number when both
 * have one), a list with a list, a block with as many footnote references as its
 * segment. Where structure does not decide, the content does: the numbers both texts
 * hold, and the length of the translation against the length its segment predicts
 * (Gale–Church's normal model of the length ratio).
 */
import type { AlignUnit } from './align-units.js';
import { joinUnits } from './align-units.js';

/** One step of the path: the segments and the blocks it pairs (either may be empty). */
export interface Bead {
  source: number[];
  target: number[];
  /** 0–1: how sure the aligner is of the pair (1 for a left-out segment or block). */
  confidence: number;
}

// Gale–Church's variance of the length ratio per character.
const variance = 6.8;
// The cost of each kind of step beyond its match (Gale–Church's priors, −log P).
const stepCost = { pair: 0, merge: 2.3, skip: 4.6 };

// The number of cells the search looks at in full; a longer pair of texts is searched in
// a band along the diagonal, whose width gives about this many cells (tests lower it).
const fullSearchCells = 4_000_000;
// The least half-width of the band: how far the path may stray from the diagonal, in
// blocks, where merges and left-out blocks pile up on one side.
const leastBandWidth = 50;

/** Options of `align`. */
export interface AlignOptions {
  /** Cells searched in full before the search keeps to a band along the diagonal. */
  fullSearchCells?: number;
}

/** The columns each row of the search holds: all of them, or a band along the diagonal. */
interface Band {
  from: (row: number) => number;
  to: (row: number) => number;
  /** The index of cell (row, column) in the flat arrays; the column is within the row's band. */
  index: (row: number, column: number) => number;
  cells: number;
}

function bandOf(n: number, m: number, budget: number): Band {
  if ((n + 1) * (m + 1) <= budget) {
    return { from: () => 0, to: () => m, index: (row, column) => row * (m + 1) + column, cells: (n + 1) * (m + 1) };
  }
  const width = Math.max(leastBandWidth, Math.floor(budget / (2 * (n + 1))));
  const slope = n === 0 ? 0 : m / n;
  // Each row reaches from the diagonal of the row before to that of the row after, so
  // that consecutive rows overlap however steep the diagonal is.
  const from = (row: number) => Math.max(0, Math.floor((row - 1) * slope) - width);
  const to = (row: number) => Math.min(m, Math.ceil((row + 1) * slope) + width);
  const starts = new Array<number>(n + 2);
  starts[0] = 0;
  for (let row = 0; row <= n; row++) starts[row + 1] = starts[row]! + (to(row) - from(row) + 1);
  return { from, to, index: (row, column) => starts[row]! + column - from(row), cells: starts[n + 1]! };
}

/**
 * The cheapest alignment of `source` (the segments) to `target` (the blocks).
 *
 * @returns the beads, in order.
 */
export function align(source: readonly AlignUnit[], target: readonly AlignUnit[], options: AlignOptions = {}): Bead[] {
  const ratio = totalLength(target) / totalLength(source);
  const n = source.length;
  const m = target.length;
  const band = bandOf(n, m, options.fullSearchCells ?? fullSearchCells);
  // Flat arrays over the band's cells: the cheapest cost to reach a cell, the step that
  // reached it (an index into the row's steps, −1 for none) and its confidence.
  const cost = new Float64Array(band.cells).fill(Infinity);
  const back = new Int8Array(band.cells).fill(-1);
  const confidence = new Float64Array(band.cells);
  cost[band.index(0, 0)] = 0;
  const sourceUnit = unitReader(source);
  const targetUnit = unitReader(target);
  for (let i = 0; i <= n; i++) {
    const options = stepsOf(source[i]);
    for (let j = band.from(i); j <= band.to(i); j++) {
      const here = cost[band.index(i, j)]!;
      if (here === Infinity) continue;
      options.forEach(([di, dj], kind) => {
        const row = i + di;
        const column = j + dj;
        if (row > n || column > m || column < band.from(row) || column > band.to(row)) return;
        const step =
          di === 0 || dj === 0
            ? leftOut
            : stepCostOf(di, dj, source[i]!, sourceUnit(i, row), targetUnit(j, column), ratio);
        const next = here + step.cost;
        const cell = band.index(row, column);
        if (next < cost[cell]!) {
          cost[cell] = next;
          back[cell] = kind;
          confidence[cell] = step.confidence;
        }
      });
    }
  }
  const beads: Bead[] = [];
  for (let i = n, j = m; i > 0 || j > 0;) {
    const cell = band.index(i, j);
    const kind = back[cell]!;
    if (kind < 0) break;
    const [di, dj] = stepsOf(source[i - 1])[kind]!;
    beads.push({ source: range(i - di, i), target: range(j - dj, j), confidence: confidence[cell]! });
    i -= di;
    j -= dj;
  }
  return beads.reverse();
}

const steps: ReadonlyArray<readonly [number, number]> = [
  [1, 1],
  [1, 0],
  [0, 1],
  [2, 1],
  [1, 2],
];

/**
 * The steps from a cell whose next segment is `next`: a segment of several blocks (a
 * heading and its list) may also pair with as many blocks.
 */
function stepsOf(next: AlignUnit | undefined): ReadonlyArray<readonly [number, number]> {
  const width = next?.kinds.length ?? 1;
  return width > 2 ? [...steps, [1, width]] : steps;
}

/** A step that leaves a segment or a block out. */
const leftOut = { cost: stepCost.skip, confidence: 1 };

/**
 * The cost of pairing `segments` segments, the first of them `first`, read as one unit
 * `source`, with `blocks` blocks read as `target`, and the confidence of the pair.
 */
function stepCostOf(
  segments: number,
  blocks: number,
  first: AlignUnit,
  source: AlignUnit,
  target: AlignUnit,
  ratio: number,
): { cost: number; confidence: number } {
  const prior = segments === blocks || first.kinds.length === blocks ? stepCost.pair : stepCost.merge;
  const match = matchCost(source, target, ratio);
  return { cost: prior + match, confidence: Math.min(1, Math.exp(-match)) };
}

/**
 * The units `from`–`to` of `units` read as one: a unit alone as it is, and each pair
 * joined once, since the search asks for the same pairs again and again.
 */
function unitReader(units: readonly AlignUnit[]): (from: number, to: number) => AlignUnit {
  const pairs = new Map<number, AlignUnit>();
  return (from, to) => {
    if (to - from === 1) return units[from]!;
    if (to - from !== 2) return joinUnits(units.slice(from, to));
    let pair = pairs.get(from);
    if (pair === undefined) {
      pair = joinUnits(units.slice(from, to));
      pairs.set(from, pair);
    }
    return pair;
  };
}

/** How unlike a translation of `source` the text `target` is (0: alike). */
export function matchCost(source: AlignUnit, target: AlignUnit, ratio: number): number {
  let cost = 0;
  const sourceHeading = source.kinds.includes('heading');
  const targetHeading = target.kinds.includes('heading');
  if (sourceHeading !== targetHeading) cost += 12;
  else if (!sameKinds(source.kinds, target.kinds)) cost += 5;
  if (source.headingNumber !== undefined && target.headingNumber !== undefined) {
    // Headings of the same number are the surest anchors there are.
    if (source.headingNumber === target.headingNumber) return Math.max(0, cost - 4);
    cost += 12;
  }
  cost += 3 * Math.abs(source.references - target.references);
  if (source.numbers.size > 0 || target.numbers.size > 0) {
    let shared = 0;
    for (const value of source.numbers) if (target.numbers.has(value)) shared += 1;
    cost += 4 * (1 - shared / (source.numbers.size + target.numbers.size - shared));
  }
  const delta = (target.length - ratio * source.length) / Math.sqrt(source.length * variance);
  cost += -Math.log(Math.max(1e-9, 2 * (1 - normalCdf(Math.abs(delta)))));
  return cost;
}

function sameKinds(a: readonly string[], b: readonly string[]): boolean {
  return kindsOf(a) === kindsOf(b);
}

const kindSets = new WeakMap<readonly string[], string>();

/** The kinds of a unit as a set (sorted, each once), worked out once per unit. */
function kindsOf(kinds: readonly string[]): string {
  if (kinds.length === 1) return kinds[0]!;
  let set = kindSets.get(kinds);
  if (set === undefined) {
    set = [...new Set(kinds)].sort().join(' ');
    kindSets.set(kinds, set);
  }
  return set;
}

function totalLength(units: readonly AlignUnit[]): number {
  return Math.max(
    1,
    units.reduce((sum, unit) => sum + unit.length, 0),
  );
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, index) => from + index);
}

/** The standard normal distribution function (Abramowitz and Stegun 26.2.17). */
function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const d = 0.3989423 * Math.exp((-x * x) / 2);
  const p = d * t * (0.3193815 + t * (-0.3565638 + t * (1.781478 + t * (-1.821256 + t * 1.330274))));
  return x > 0 ? 1 - p : p;
}
