/**
 * The closed list of manuscript problems.
 *
 * Every problem the reader can find in a manuscript is one of these kinds. A rule id is
 * stable: editors may search for it, tests pin it, and `docs/manuscript.md` has a
 * section per rule with an example.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { defineRules } from '../messages/rules.js';
import { report as reportRule } from '../messages/report.js';
import type { Place } from '../messages/report.js';

export type { Severity } from '../messages/rules.js';
export type { Place } from '../messages/report.js';
export { hasErrors } from '../messages/report.js';

/** The manuscript's rules, in the order `docs/manuscript.md` lists them (its table is generated from this one). */
export const manuscriptRules = defineRules('manuscript', 'docs/manuscript.md', {
  'encoding': { severity: 'error', summary: 'the file is not UTF-8 text' },
  'control-character': { severity: 'error', summary: 'a control character or a code point no edition can carry' },
  'empty-file': { severity: 'error', summary: 'the manuscript holds nothing' },
  'missing-front-matter': { severity: 'error', summary: 'the issue has no YAML front matter' },
  'yaml-syntax': { severity: 'error', summary: 'front matter, series.yaml or glossary.yaml is not valid YAML' },
  'unknown-key': { severity: 'error', summary: 'a key the format does not know' },
  'missing-key': { severity: 'error', summary: 'a required key is absent' },
  'invalid-value': { severity: 'error', summary: 'a value of the wrong type or form' },
  'missing-language': { severity: 'error', summary: 'a reader-visible text lacks a language' },
  'missing-series': { severity: 'error', summary: 'no series.yaml beside the issue folder' },
  'text-outside-block': { severity: 'error', summary: 'content outside any language block' },
  'unknown-language': { severity: 'error', summary: 'a block whose language is not in `languages`' },
  'unclosed-block': { severity: 'error', summary: 'a language block without its closing `:::`' },
  'nested-block': { severity: 'error', summary: 'a language block inside another block' },
  'unexpected-directive': { severity: 'error', summary: 'a directive inside a block other than a phrase in another language' },
  'empty-phrase': { severity: 'error', summary: 'a phrase in another language with no text: `:en[]`' },
  'unclosed-phrase': { severity: 'error', summary: 'a phrase in another language without its closing `]`' },
  'unhyphenated-language': { severity: 'warning', summary: 'a phrase in a language the editions have no hyphenation patterns for' },
  'missing-id': { severity: 'error', summary: 'a block without `#id`' },
  'invalid-id': { severity: 'error', summary: 'an id with characters other than a-z, 0-9 and single `-` between them' },
  'duplicate-id': { severity: 'error', summary: 'two segments with one id' },
  'block-order': { severity: 'error', summary: 'blocks of a segment not in the order of `languages`' },
  'duplicate-block': { severity: 'error', summary: 'two blocks of one language in a segment' },
  'missing-source': { severity: 'error', summary: 'a translation block without its source block' },
  'unknown-attribute': { severity: 'error', summary: 'an attribute other than id, class and src, or any on a phrase' },
  'class-mismatch': { severity: 'error', summary: 'languages of a segment with different classes' },
  'unexpected-src': { severity: 'error', summary: '`src` on a source-language block' },
  'invalid-src': { severity: 'error', summary: '`src` that is not an 8-digit hex hash' },
  'empty-block': { severity: 'error', summary: 'a block with no content' },
  'raw-html': { severity: 'error', summary: 'HTML in a block (only comments are allowed)' },
  'deep-nesting': { severity: 'error', summary: 'lists, quotes or markup nested deeper than 32 levels' },
  'unsafe-url': { severity: 'error', summary: 'a link to something other than a web page, an e-mail address or a place in the issue' },
  'missing-image': { severity: 'error', summary: 'an image whose file is not in the issue’s `assets/`' },
  'image-outside-issue': { severity: 'error', summary: 'an image that is not a path under the issue’s `assets/`' },
  'image-type': { severity: 'error', summary: 'an image that is not PNG, JPEG, GIF or SVG' },
  'unsafe-svg': { severity: 'error', summary: 'an SVG image with scripts, event handlers or external references' },
  'asset-link': { severity: 'error', summary: 'a symbolic link in the issue’s `assets/` folder' },
  'missing-translation': { severity: 'warning', summary: 'a segment without a block in a language' },
  'unconfirmed-translation': { severity: 'warning', summary: 'a translation never confirmed' },
  'stale-translation': { severity: 'warning', summary: 'the source changed since the translation was confirmed' },
  'undefined-footnote': { severity: 'error', summary: 'a footnote reference without a definition' },
  'unused-footnote': { severity: 'error', summary: 'a footnote definition never referenced' },
  'duplicate-footnote': { severity: 'error', summary: 'a footnote label defined twice in one language' },
  'footnote-mismatch': { severity: 'error', summary: 'languages of a segment referencing different footnotes' },
  'footnote-segment': { severity: 'error', summary: 'a footnote definition sharing its segment with other content' },
  'nested-footnote': { severity: 'error', summary: 'a footnote reference inside a footnote' },
  'qa-numbers': { severity: 'warning', summary: 'a number in one language and not in the other' },
  'qa-links': { severity: 'warning', summary: 'a translation linking to other targets than its source' },
  'qa-markup': { severity: 'warning', summary: 'a translation with more or fewer emphases, code spans, links or images' },
  'qa-structure': { severity: 'warning', summary: 'a translation with other paragraphs, headings, lists, quotes or tables' },
  'qa-punctuation': { severity: 'warning', summary: 'a translation ending with other punctuation than its source' },
  'qa-identical': { severity: 'warning', summary: 'a translation identical to its source' },
  'qa-length': { severity: 'warning', summary: 'a translation far longer or shorter than the issue’s usual ratio' },
  'qa-spacing': { severity: 'warning', summary: 'a doubled space inside a line of a translation' },
  'qa-brackets': { severity: 'warning', summary: 'a bracket or quotation mark without its partner in a translation' },
  'glossary-term': { severity: 'warning', summary: 'a translation without the glossary’s term for one its source uses' },
  'glossary-avoid': { severity: 'warning', summary: 'a translation with a form the glossary says to avoid' },
  'duplicate-term': { severity: 'error', summary: 'two glossary entries for one term' },
  'qa-ignore-unknown': { severity: 'warning', summary: 'a `qa-ignore` marker naming no check or an unknown one' },
});

/** The manuscript's rules by id. */
export const rules = manuscriptRules.rules;

export type RuleId = keyof typeof rules;

/** What the `source` field of every message says: where the problem was found. */
export const messageSource = manuscriptRules.source;

/**
 * Record one manuscript problem on `file` (the shared `report` with this table's rule).
 *
 * @param cause the other place involved ("first defined here"), if any.
 * @returns the message, with the rule's id, severity and documentation anchor.
 */
export function report(
  file: VFile,
  ruleId: RuleId,
  reason: string,
  place: Place,
  cause?: { reason: string; place: Place },
): VFileMessage {
  return reportRule(file, rules[ruleId], reason, place, cause);
}
