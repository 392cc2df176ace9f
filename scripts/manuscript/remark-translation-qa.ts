/**
 * remark plugin: translation QA, each translation block compared with its source block.
 *
 * Runs after `remarkSegments` (it reads `file.data.segments`). For every segment and
 * every translation block present it reports, as warnings: numbers, link targets,
 * markup and block structure that differ from the source; a different end punctuation;
 * a prose translation identical to its source; a length far from the usual
 * ratio; doubled spaces; unbalanced brackets and quotation marks. A translator silences a
 * check for one block with a comment in it, `<!-- qa-ignore qa-numbers qa-length -->` or
 * `<!-- qa-ignore all -->`.
 *
 * The checks themselves are one per file in `qa/`, listed in order by `qa/registry.ts`.
 */
import type { Definition, Root } from 'mdast';
import type { Plugin } from 'unified';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { Location } from 'vfile-location';
import { qaChecks } from './qa/registry.js';
import { plainText, textRuns } from './qa/text-runs.js';
import type { BlockView, QaContext, QaSettings } from './qa/types.js';
import { report } from './rules.js';
import type { Lang } from './schema.js';
import { countWords } from './summary.js';
import type { LanguageBlock, Segment } from './types.js';

/** Settings of the checks that have thresholds; every one has a default. */
export interface TranslationQaOptions {
  /**
   * How far a segment's length ratio (target characters ÷ source characters) may be from
   * the median ratio before `qa-length` warns, as a factor: with 1.8 (the
   * default) and a median of 1.1, ratios from 0.61 to 1.98 pass. Translations are
   * longer or shorter than their source by a steady ratio; a factor of almost two
   * leaves room for wording and catches a dropped or doubled sentence.
   */
  lengthFactor?: number;
  /** Source words a segment needs to take part in `qa-length` (default 20). */
  lengthMinWords?: number;
  /** Segments of that size an issue needs before `qa-length` is checked at all (default 3). */
  lengthMinSegments?: number;
  /** Words a block needs before `qa-identical` reports it (default 4). */
  identicalMinWords?: number;
}

/**
 * Compare every translation block with its source block and report differences as
 * warnings (`qa-…` rules), honouring the `qa-ignore` markers of each block. Reads
 * `file.data.segments` and `file.data.languages`; changes neither the tree nor the data.
 */
export const remarkTranslationQa: Plugin<[TranslationQaOptions?], Root> = function (options = {}) {
  const settings: QaSettings = {
    lengthFactor: options.lengthFactor ?? 1.8,
    lengthMinWords: options.lengthMinWords ?? 20,
    lengthMinSegments: options.lengthMinSegments ?? 3,
    identicalMinWords: options.identicalMinWords ?? 4,
  };
  return function (tree: Root, file: VFile) {
    const segments = file.data.segments ?? [];
    const [source, ...targets] = file.data.languages ?? [];
    if (source === undefined || targets.length === 0) return;
    const text = String(file.value);
    const place = location(file);
    const toPoint = (offset: number | undefined): Point | undefined =>
      offset === undefined ? undefined : place.toPoint(offset);
    const definitions = new Map<string, string>();
    visit(tree, 'definition', (node: Definition) => {
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
    });
    const view = (lang: Lang, block: LanguageBlock): BlockView => {
      const runs = textRuns(block.children, text);
      return { lang, block, runs, plain: plainText(runs), words: countWords(block.children) };
    };

    for (const lang of targets) {
      const pairs: Array<{ segment: Segment; source: BlockView; target: BlockView }> = [];
      for (const segment of segments) {
        const sourceBlock = segment.blocks[source];
        const targetBlock = segment.blocks[lang];
        if (sourceBlock && targetBlock) {
          pairs.push({ segment, source: view(source, sourceBlock), target: view(lang, targetBlock) });
        }
      }
      // The length ratio of each segment long enough to have a telling one.
      const ratios = new Map<BlockView, number>();
      for (const pair of pairs) {
        if (pair.source.words < settings.lengthMinWords || pair.source.plain.length === 0) continue;
        ratios.set(pair.target, pair.target.plain.length / pair.source.plain.length);
      }
      const median = ratios.size >= settings.lengthMinSegments ? medianOf([...ratios.values()]) : undefined;

      for (const { segment, source: from, target: to } of pairs) {
        const ignored = readMarkers(to.block, file, place);
        const ratio = ratios.get(to);
        const context: Omit<QaContext, 'warn'> = {
          segment,
          from,
          to,
          toPoint,
          definitions,
          settings,
          length: median !== undefined && ratio !== undefined ? { ratio, median } : undefined,
        };
        for (const { rule, check } of qaChecks) {
          if (ignored.has('all') || ignored.has(rule)) continue;
          check({ ...context, warn: (reason, at) => report(file, rule, reason, at ?? fence(to)) });
        }
      }
    }
  };
};

function fence(view: BlockView): Point | undefined {
  return view.block.node.position?.start;
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The names a `qa-ignore` marker may give, in the order the checks run. */
const checkNames: readonly string[] = qaChecks.map((check) => check.rule);

const markerPattern = /<!--\s*qa-ignore\b([\s\S]*?)-->/dg;

/**
 * The checks the `qa-ignore` markers of a translation block silence (`all` for every
 * one): `<!-- qa-ignore qa-numbers qa-length: the reason -->`. A name that is not a
 * check is reported where it is written.
 */
function readMarkers(block: LanguageBlock, file: VFile, place: Location): Set<string> {
  const ignored = new Set<string>();
  if (!block.text.includes('qa-ignore')) return ignored;
  const startLine = block.node.position?.start.line ?? 1;
  const textOffset = place.toOffset({ line: startLine + 1, column: 1 });
  const known = ['all', ...checkNames].map((name) => `\`${name}\``).join(', ');
  for (const match of block.text.matchAll(markerPattern)) {
    // The names run up to an optional `:`; what follows is the reason, for people.
    const names = [...((match[1] ?? '').split(':')[0] ?? '').matchAll(/[^\s,]+/g)];
    const markerPoint = textOffset === undefined ? undefined : place.toPoint(textOffset + match.index);
    if (names.length === 0) {
      report(file, 'qa-ignore-unknown', `Missing check in a \`qa-ignore\` marker, expected one of ${known}`, markerPoint);
    }
    const namesStart = textOffset === undefined ? undefined : textOffset + (match.indices?.[1]?.[0] ?? match.index);
    for (const name of names) {
      if (name[0] === 'all' || checkNames.includes(name[0])) {
        ignored.add(name[0]);
        continue;
      }
      report(
        file,
        'qa-ignore-unknown',
        `Unexpected check \`${name[0]}\` in a \`qa-ignore\` marker, expected one of ${known}`,
        namesStart === undefined ? markerPoint : place.toPoint(namesStart + name.index),
      );
    }
  }
  return ignored;
}
