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
 */
import type { Definition, Nodes, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { Location } from 'vfile-location';
import { compareNumbers, describeNumber, numbersIn } from './qa-numbers.js';
import { doubledSpaces, endMark, joinRuns, plainText, textRuns, unbalancedMarks } from './qa-text.js';
import type { EndMark, TextRun } from './qa-text.js';
import { report } from './rules.js';
import type { RuleId } from './rules.js';
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

/** The checks, in the order they are run; each can be silenced by a `qa-ignore` marker. */
const checks = [
  'qa-numbers',
  'qa-links',
  'qa-markup',
  'qa-structure',
  'qa-punctuation',
  'qa-identical',
  'qa-length',
  'qa-spacing',
  'qa-brackets',
] as const satisfies readonly RuleId[];

type Check = (typeof checks)[number];

/** What a block offers the checks, computed once per block. */
interface BlockView {
  lang: Lang;
  block: LanguageBlock;
  runs: TextRun[];
  /** Visible text with white space collapsed, footnote references left out. */
  plain: string;
  words: number;
}

/**
 * Compare every translation block with its source block and report differences as
 * warnings (`qa-…` rules), honouring the `qa-ignore` markers of each block. Reads
 * `file.data.segments` and `file.data.languages`; changes neither the tree nor the data.
 */
export const remarkTranslationQa: Plugin<[TranslationQaOptions?], Root> = function (options = {}) {
  const settings = {
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
        const warn = (rule: Check, reason: string, at: Point | undefined) => {
          if (!ignored.has('all') && !ignored.has(rule)) report(file, rule, reason, at ?? fence(to));
        };
        const context: CheckContext = { from, to, warn, toPoint, definitions };
        checkNumbers(context);
        checkLinks(context);
        checkMarkup(context);
        checkStructure(context);
        checkPunctuation(context);
        if (segment.footnote === undefined) checkIdentical(context, settings.identicalMinWords);
        const ratio = ratios.get(to);
        if (median !== undefined && ratio !== undefined) checkLength(context, ratio, median, settings.lengthFactor);
        checkSpacing(context);
        checkBrackets(context);
      }
    }
  };
};

interface CheckContext {
  /** The source block and the translation block. */
  from: BlockView;
  to: BlockView;
  /** Report a warning of a check unless a marker silences it; at the opening fence by default. */
  warn: (rule: Check, reason: string, at?: Point) => void;
  toPoint: (offset: number | undefined) => Point | undefined;
  /** Link reference definitions of the file: identifier → URL. */
  definitions: ReadonlyMap<string, string>;
}

function fence(view: BlockView): Point | undefined {
  return view.block.node.position?.start;
}

/** `qa-numbers`: numbers of one language the other lacks. */
function checkNumbers({ from, to, warn, toPoint }: CheckContext): void {
  const numbersOf = (view: BlockView) =>
    view.runs.flatMap((run) =>
      numbersIn(maskCode(run)).map((token) => ({ token, offset: run.offsets[token.index] })),
    );
  const sourceNumbers = numbersOf(from);
  const targetNumbers = numbersOf(to);
  const { missing, extra } = compareNumbers(
    sourceNumbers.map(({ token }) => token),
    targetNumbers.map(({ token }) => token),
  );
  for (const token of extra) {
    const offset = targetNumbers.find((entry) => entry.token === token)?.offset;
    warn(
      'qa-numbers',
      `Unexpected number ${describeNumber(token)} in \`${to.lang}\`, expected it in the \`${from.lang}\` block too`,
      toPoint(offset),
    );
  }
  for (const token of missing) {
    warn('qa-numbers', `Missing number ${describeNumber(token)} in \`${to.lang}\` (\`${from.lang}\` has it)`);
  }
}

/** A run's text with inline code blanked out, so that its numbers are not read. */
function maskCode(run: TextRun): string {
  // `[\s\S]` without the `u` flag matches UTF-16 units, as `run.code` counts them.
  return run.code.some(Boolean) ? run.text.replace(/[\s\S]/g, (unit, index: number) => (run.code[index] ? ' ' : unit)) : run.text;
}

/** `qa-links`: link targets of one language the other lacks. */
function checkLinks({ from, to, warn, definitions }: CheckContext): void {
  const linksOf = (view: BlockView) => {
    const found: Array<{ url: string; node: Nodes }> = [];
    visit(rootOf(view.block.children), (node) => {
      if (node.type === 'link') found.push({ url: node.url, node });
      else if (node.type === 'linkReference') {
        const url = definitions.get(node.identifier);
        if (url !== undefined) found.push({ url, node });
      }
    });
    return found;
  };
  const sourceLinks = linksOf(from);
  const targetLinks = linksOf(to);
  const sourceUrls = new Set(sourceLinks.map((link) => link.url));
  const targetUrls = new Set(targetLinks.map((link) => link.url));
  const reported = new Set<string>();
  for (const { url, node } of targetLinks) {
    if (sourceUrls.has(url) || reported.has(url)) continue;
    reported.add(url);
    warn(
      'qa-links',
      `Unexpected link to \`${url}\` in \`${to.lang}\`, expected the link targets of the \`${from.lang}\` block`,
      node.position?.start,
    );
  }
  for (const url of sourceUrls) {
    if (!targetUrls.has(url)) warn('qa-links', `Missing link to \`${url}\` in \`${to.lang}\` (\`${from.lang}\` links to it)`);
  }
}

/** How many of each kind of node a block has. */
type Counts = Map<string, number>;

/** Kinds of inline markup, with their names in messages (singular, plural). */

const markupNames: Record<string, [string, string]> = {
  emphasis: ['emphasis', 'emphases'],
  strong: ['strong emphasis', 'strong emphases'],
  inlineCode: ['code span', 'code spans'],
  link: ['link', 'links'],
  image: ['image', 'images'],
};

/** `qa-markup`: how many emphases, strong emphases, code spans, links and images. */
function checkMarkup({ from, to, warn }: CheckContext): void {
  const countsOf = (view: BlockView): Counts => {
    const counts: Counts = new Map(Object.keys(markupNames).map((key) => [key, 0]));
    visit(rootOf(view.block.children), (node) => {
      const key = node.type === 'linkReference' ? 'link' : node.type === 'imageReference' ? 'image' : node.type;
      const count = counts.get(key);
      if (count !== undefined) counts.set(key, count + 1);
    });
    return counts;
  };
  const difference = describeDifference(countsOf(from), countsOf(to), (key) => markupNames[key] ?? [key, key]);
  if (difference) {
    warn('qa-markup', `Unexpected markup in \`${to.lang}\`: ${difference.actual}; expected as in \`${from.lang}\`: ${difference.expected}`);
  }
}

/** `qa-structure`: paragraphs, headings by depth, lists, list items, quotes, tables, rows, cells. */
function checkStructure({ from, to, warn }: CheckContext): void {
  const countsOf = (view: BlockView): Counts => {
    const counts: Counts = new Map();
    const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
    visit(rootOf(view.block.children), (node) => {
      const key = structureKey(node);
      if (key) add(key);
    });
    return counts;
  };
  const difference = describeDifference(countsOf(from), countsOf(to), structureName);
  if (difference) {
    warn(
      'qa-structure',
      `Unexpected block structure in \`${to.lang}\`: ${difference.actual}; expected as in \`${from.lang}\`: ${difference.expected}`,
    );
  }
}

function structureKey(node: Nodes): string | undefined {
  switch (node.type) {
    case 'heading':
      return `heading-${node.depth}`;
    case 'list':
      return node.ordered ? 'numbered-list' : 'bulleted-list';
    case 'paragraph':
    case 'listItem':
    case 'blockquote':
    case 'table':
    case 'tableRow':
    case 'tableCell':
    case 'code':
    case 'thematicBreak':
      return node.type;
    default:
      return undefined;
  }
}

function structureName(key: string): [string, string] {
  const depth = /^heading-(\d)$/.exec(key)?.[1];
  if (depth) return [`level-${depth} heading`, `level-${depth} headings`];
  const names: Record<string, [string, string]> = {
    'numbered-list': ['numbered list', 'numbered lists'],
    'bulleted-list': ['bulleted list', 'bulleted lists'],
    paragraph: ['paragraph', 'paragraphs'],
    listItem: ['list item', 'list items'],
    blockquote: ['quote', 'quotes'],
    table: ['table', 'tables'],
    tableRow: ['table row', 'table rows'],
    tableCell: ['table cell', 'table cells'],
    code: ['code block', 'code blocks'],
    thematicBreak: ['thematic break', 'thematic breaks'],
  };
  return names[key] ?? [key, key];
}

/** The counts that differ, as `2 paragraphs, 1 quote` for the target and for the source. */
function describeDifference(
  expected: Counts,
  actual: Counts,
  nameOf: (key: string) => [string, string],
): { expected: string; actual: string } | undefined {
  const keys = [...new Set([...expected.keys(), ...actual.keys()])].filter(
    (key) => (expected.get(key) ?? 0) !== (actual.get(key) ?? 0),
  );
  if (keys.length === 0) return undefined;
  const phrase = (counts: Counts) =>
    keys
      .map((key) => {
        const count = counts.get(key) ?? 0;
        const [one, many] = nameOf(key);
        return `${count} ${count === 1 ? one : many}`;
      })
      .join(', ');
  return { expected: phrase(expected), actual: phrase(actual) };
}

/** `qa-punctuation`: how the last paragraph, heading, list item or cell ends. */
function checkPunctuation({ from, to, warn, toPoint }: CheckContext): void {
  const lastRun = (view: BlockView) => view.runs.findLast((run) => run.text.trim() !== '');
  const sourceRun = lastRun(from);
  const targetRun = lastRun(to);
  if (!sourceRun || !targetRun) return;
  const expected = endMark(sourceRun.text).mark;
  const actual = endMark(targetRun.text);
  if (expected === actual.mark) return;
  const name = (mark: EndMark) => (mark === 'none' ? 'no punctuation' : `\`${mark}\``);
  warn(
    'qa-punctuation',
    `Unexpected end with ${name(actual.mark)} in \`${to.lang}\`, expected ${name(expected)} as in \`${from.lang}\``,
    toPoint(targetRun.offsets[actual.index]),
  );
}

/** `qa-identical`: a translation that is its source, word for word. */
function checkIdentical({ from, to, warn }: CheckContext, minWords: number): void {
  if (from.words < minWords || from.plain !== to.plain) return;
  warn('qa-identical', `Unexpected \`${to.lang}\` text identical to the \`${from.lang}\` text, expected a translation`);
}

/** `qa-length`: a length ratio far from the median. */
function checkLength({ from, to, warn }: CheckContext, ratio: number, median: number, factor: number): void {
  const low = median / factor;
  const high = median * factor;
  if (ratio >= low && ratio <= high) return;
  warn(
    'qa-length',
    `Unexpected length of the \`${to.lang}\` text, ${ratio.toFixed(2)} times the \`${from.lang}\` text, ` +
      `expected ${low.toFixed(2)}–${high.toFixed(2)} ` +
      `(the issue’s median ${median.toFixed(2)}, within a factor of ${factor})`,
  );
}

/** `qa-spacing`: two or more spaces in a row inside a line. */
function checkSpacing({ to, warn, toPoint }: CheckContext): void {
  for (const run of to.runs) {
    for (const index of doubledSpaces(run.text, run.code)) {
      warn('qa-spacing', `Unexpected doubled space in \`${to.lang}\`, expected one space`, toPoint(run.offsets[index]));
    }
  }
}

/**
 * `qa-brackets`: a bracket or quotation mark without its partner in the block. The
 * source block is read the same way: what is unbalanced there in the same way (a
 * quotation that goes on in the next segment) is not reported in the translation.
 */
function checkBrackets({ from, to, warn, toPoint }: CheckContext): void {
  const sourceText = joinRuns(from.runs);
  const targetText = joinRuns(to.runs);
  const inSource = new Map<string, number>();
  for (const mark of unbalancedMarks(sourceText.text, sourceText.code)) {
    inSource.set(mark.key, (inSource.get(mark.key) ?? 0) + 1);
  }
  for (const mark of unbalancedMarks(targetText.text, targetText.code)) {
    const shared = inSource.get(mark.key) ?? 0;
    if (shared > 0) {
      inSource.set(mark.key, shared - 1);
      continue;
    }
    const reason = mark.key.endsWith(':open')
      ? `Unexpected unclosed \`${mark.mark}\` in \`${to.lang}\`, expected a closing \`${mark.partner}\``
      : mark.key.endsWith(':close')
        ? `Unexpected \`${mark.mark}\` in \`${to.lang}\`, expected an opening \`${mark.partner}\` before it`
        : `Unexpected unpaired \`"\` in \`${to.lang}\`, expected straight quotes in pairs`;
    warn('qa-brackets', reason, toPoint(targetText.offsets[mark.index]));
  }
}

function rootOf(children: RootContent[]): Root {
  return { type: 'root', children };
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

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
  const known = ['all', ...checks].map((name) => `\`${name}\``).join(', ');
  for (const match of block.text.matchAll(markerPattern)) {
    // The names run up to an optional `:`; what follows is the reason, for people.
    const names = [...((match[1] ?? '').split(':')[0] ?? '').matchAll(/[^\s,]+/g)];
    const markerPoint = textOffset === undefined ? undefined : place.toPoint(textOffset + match.index);
    if (names.length === 0) {
      report(file, 'qa-ignore-unknown', `Missing check in a \`qa-ignore\` marker, expected one of ${known}`, markerPoint);
    }
    const namesStart = textOffset === undefined ? undefined : textOffset + (match.indices?.[1]?.[0] ?? match.index);
    for (const name of names) {
      if (name[0] === 'all' || (checks as readonly string[]).includes(name[0])) {
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
