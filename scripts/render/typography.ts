/**
 * Typography per language, applied to the text of an edition before it becomes HTML,
 * so every format (HTML, PDF, EPUB) gets the same characters.
 *
 * - quotation marks: straight `"` become the language's quotes (“…” and ‘…’ in English,
 *   „…” and »…« inside them in Hungarian), curly English quotes in Hungarian text too;
 *   `'` becomes an apostrophe or a single quote;
 * - dashes: a spaced hyphen becomes a spaced en dash, a hyphen between years an en dash;
 * - non-breaking spaces where a line must not break: after an initial (A. Snyder),
 *   between a number and its unit (25 %, 350 billion, 350 milliárd), inside dates
 *   (June 25, 1950 / 2025. augusztus), before a spaced en dash, after a section number,
 *   and, in a language that wants it (Hungarian), after a one-letter word ("a", "s",
 *   "A"), which must not end a line;
 * - numeric dates in the language's house form: `2026.02.25.` and `2023.05.` in English,
 *   `2026. 02. 25.` and `2023. 05.` in Hungarian (with no-break spaces), however the
 *   manuscript writes them, so that every issue gets them.
 *
 * A phrase in another language (`:en[…]`) is set by that language's rules, with its own
 * quotes: an English title in a Hungarian note keeps “…”. A language without rules is
 * left as written.
 *
 * The rules are code; the characters and words they use are each language's data in
 * `templates/locales/<lang>.json` (`typography`).
 */
import type { Root, Parent, Text } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import type { Plugin } from 'unified';
import { visitParents } from 'unist-util-visit-parents';
import { visit } from 'unist-util-visit';
import { phraseLanguage } from '../manuscript/language-tags.js';

/** What typography needs to know of a language. */
export interface TypographyRules {
  /** Opening and closing primary quotes, then opening and closing secondary quotes. */
  quotes: [string, string, string, string];
  apostrophe: string;
  months: string[];
  units: string[];
  dateOrder: 'month-day' | 'year-month-day';
  /** What follows the year and the month of a numeric date: `.` (2026.02.25.) or `. ` (2026. 02. 25.). */
  numericDateSeparator: string;
  /** Whether a one-letter word is tied to the next (no line ends with "a"). */
  tieOneLetterWords?: boolean;
}

const nbsp = '\u00a0';

/** The blocks whose text is one run for the quotes' state (inline markup inside). */
const runTypes = new Set(['paragraph', 'heading', 'tableCell']);

export interface TypographyOptions {
  /** The rules of the text's language. */
  rules: TypographyRules;
  /** The rules of a phrase's language tag (`en-GB`), `undefined` when there are none. */
  phraseRules?: (tag: string) => TypographyRules | undefined;
}

/** One text node with the rules of its language, and the phrase (or block) whose quotes it shares. */
interface RunText {
  text: Text;
  rules: TypographyRules | undefined;
  scope: object;
}

/** remark plugin: typeset every text of the tree by its language's rules. */
export const remarkTypography: Plugin<[TypographyOptions], Root> = function (options) {
  return function (tree: Root) {
    visit(tree, (node) => {
      if (!runTypes.has(node.type)) return;
      const texts: RunText[] = [];
      visitParents(node as Parent, 'text', (text, ancestors) => {
        // The nearest phrase decides; text outside any phrase is in the block's language.
        const phrase = [...ancestors]
          .reverse()
          .find((ancestor): ancestor is TextDirective => ancestor.type === 'textDirective');
        const tag = phrase === undefined ? undefined : phraseLanguage(phrase);
        const rules = phrase === undefined || tag === undefined ? options.rules : options.phraseRules?.(tag);
        texts.push({ text, rules, scope: phrase ?? node });
      });
      typesetRun(texts, node.type === 'heading');
    });
  };
};

/** Typeset one string (a title, a series text) as a run of its own. */
export function typeset(value: string, rules: TypographyRules): string {
  const text: Text = { type: 'text', value };
  typesetRun([{ text, rules, scope: text }], false);
  return text.value;
}

/**
 * Typeset the text nodes of one block. Quotes are paired across the nodes (a quote
 * may open before an emphasis and close after it), within each language's part: a
 * phrase's quotes pair among themselves, the block's around it.
 */
function typesetRun(texts: RunText[], heading: boolean): void {
  const depths = new Map<object, number>();
  let previous = ' ';
  texts.forEach(({ text, rules, scope }, index) => {
    if (rules === undefined) {
      // A language without rules: as written.
      previous = text.value[text.value.length - 1] ?? previous;
      return;
    }
    const [open1, close1, open2, close2] = rules.quotes;
    let depth = depths.get(scope) ?? 0;
    // Characters are collected in an array and joined once: reading the end of a
    // growing string flattens it every time, which made a long paragraph quadratic.
    const out: string[] = [];
    const value = text.value;
    for (let position = 0; position < value.length; position++) {
      const char = value[position] ?? '';
      const next = value[position + 1] ?? texts[index + 1]?.text.value[0] ?? ' ';
      // After an opening quote of any language: a phrase may open inside the block's quote.
      const opening =
        /[\s([{\u2013\u2014/\u201e\u201c\u2018\u201a]/.test(previous) || previous === open1 || previous === open2;
      if (char === '"' || char === '\u201c' || (char === '\u201d' && opening)) {
        // Straight quotes, and English curly ones in a language that uses others.
        if (opening) {
          out.push(depth === 0 ? open1 : open2);
          depth += 1;
        } else {
          depth = Math.max(depth - 1, 0);
          out.push(depth === 0 ? close1 : close2);
        }
      } else if (char === '\u201d') {
        depth = Math.max(depth - 1, 0);
        out.push(depth === 0 ? close1 : close2);
      } else if (char === "'") {
        const between = /[\p{L}\p{N}]/u.test(previous) && /[\p{L}\p{N}]/u.test(next);
        out.push(between || !opening ? rules.apostrophe : '\u2018');
      } else {
        out.push(char);
      }
      const last = out[out.length - 1] ?? '';
      previous = last[last.length - 1] ?? previous;
    }
    depths.set(scope, depth);
    text.value = spaces(out.join(''), rules, heading && index === 0);
  });
}

/** The patterns of a language's spacing rules, made once per rules object. */
const compiled = new WeakMap<TypographyRules, Array<[RegExp, string]>>();

function spacingPatterns(rules: TypographyRules): Array<[RegExp, string]> {
  const known = compiled.get(rules);
  if (known) return known;
  const months = rules.months.join('|');
  const units = rules.units.map((unit) => unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const separator = rules.numericDateSeparator.replace(/\$/g, '$$$$');
  const patterns: Array<[RegExp, string]> = [
    // Year, month and day, then year and month alone (not the start of a full date).
    [
      /(?<![\d.])(\d{4})\.[ \u00a0]?(0[1-9]|1[0-2])\.[ \u00a0]?(0[1-9]|[12]\d|3[01])\.(?!\d)/g,
      `$1${separator}$2${separator}$3.`,
    ],
    [/(?<![\d.])(\d{4})\.[ \u00a0]?(0[1-9]|1[0-2])\.(?![ \u00a0]?\d)/g, `$1${separator}$2.`],
    [/ - /g, ' \u2013 '],
    [/\b(\d{4})-(\d{2,4})\b/g, '$1\u2013$2'],
    [/(^|[\s(])(\p{Lu}\.) (?=\p{Lu})/gu, `$1$2${nbsp}`],
    [new RegExp(`(\\d) (?=(?:${units})(?!\\p{L}))`, 'gu'), `$1${nbsp}`],
    [/ \u2013 /g, `${nbsp}\u2013 `],
    ...(rules.tieOneLetterWords
      ? ([[/(?<=(?:^|[\s([\u201e\u201c\u00bb\u2018])\p{L}) (?=\S|$)/gu, nbsp]] as Array<[RegExp, string]>)
      : []),
    ...(rules.dateOrder === 'month-day'
      ? ([[new RegExp(`\\b(${months}) (?=\\d)`, 'g'), `$1${nbsp}`]] as Array<[RegExp, string]>)
      : ([
          [new RegExp(`(\\d{4}\\.) (?=(?:${months}))`, 'gu'), `$1${nbsp}`],
          [new RegExp(`(${months}) (?=\\d)`, 'gu'), `$1${nbsp}`],
        ] as Array<[RegExp, string]>)),
  ];
  compiled.set(rules, patterns);
  return patterns;
}

function spaces(value: string, rules: TypographyRules, headingStart: boolean): string {
  let result = value;
  for (const [pattern, replacement] of spacingPatterns(rules)) result = result.replace(pattern, replacement);
  if (headingStart) result = result.replace(/^(\d+(?:\.\d+)*\.|[a-z]\)) /, `$1${nbsp}`);
  return result;
}
