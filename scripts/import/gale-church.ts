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

/**
 * The cheapest alignment of `source` (the segments) to `target` (the blocks).
 *
 * @returns the beads, in order.
 */
export function align(source: readonly AlignUnit[], target: readonly AlignUnit[]): Bead[] {
  const ratio = totalLength(target) / totalLength(source);
  const n = source.length;
  const m = target.length;
  const cost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  const back: Array<Array<[number, number, number] | undefined>> = Array.from({ length: n + 1 }, () =>
    new Array<[number, number, number] | undefined>(m + 1).fill(undefined),
  );
  cost[0]![0] = 0;
  const steps: Array<[number, number]> = [
    [1, 1],
    [1, 0],
    [0, 1],
    [2, 1],
    [1, 2],
  ];
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = cost[i]![j]!;
      if (here === Infinity) continue;
      // A segment of several blocks (a heading and its list) pairs with as many blocks.
      const width = source[i]?.kinds.length ?? 1;
      const options = width > 2 ? [...steps, [1, width] as [number, number]] : steps;
      for (const [di, dj] of options) {
        if (i + di > n || j + dj > m) continue;
        const step = stepCostOf(source.slice(i, i + di), target.slice(j, j + dj), ratio);
        const next = here + step.cost;
        if (next < cost[i + di]![j + dj]!) {
          cost[i + di]![j + dj] = next;
          back[i + di]![j + dj] = [i, j, step.confidence];
        }
      }
    }
  }
  const beads: Bead[] = [];
  for (let i = n, j = m; i > 0 || j > 0;) {
    const step = back[i]![j];
    if (step === undefined) break;
    const [pi, pj, confidence] = step;
    beads.push({ source: range(pi, i), target: range(pj, j), confidence });
    i = pi;
    j = pj;
  }
  return beads.reverse();
}

/** The cost of pairing these segments with these blocks, and the confidence of the pair. */
function stepCostOf(
  source: readonly AlignUnit[],
  target: readonly AlignUnit[],
  ratio: number,
): { cost: number; confidence: number } {
  if (source.length === 0 || target.length === 0) return { cost: stepCost.skip, confidence: 1 };
  const prior =
    source.length === target.length || source[0]!.kinds.length === target.length ? stepCost.pair : stepCost.merge;
  const match = matchCost(joinUnits(source), joinUnits(target), ratio);
  return { cost: prior + match, confidence: Math.min(1, Math.exp(-match)) };
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
  const numbers = new Set([...source.numbers, ...target.numbers]);
  if (numbers.size > 0) {
    const shared = [...source.numbers].filter((value) => target.numbers.has(value)).length;
    cost += 4 * (1 - shared / numbers.size);
  }
  const delta = (target.length - ratio * source.length) / Math.sqrt(source.length * variance);
  cost += -Math.log(Math.max(1e-9, 2 * (1 - normalCdf(Math.abs(delta)))));
  return cost;
}

function sameKinds(a: readonly string[], b: readonly string[]): boolean {
  const kinds = (list: readonly string[]) => [...new Set(list)].sort().join(' ');
  return kinds(a) === kinds(b);
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
