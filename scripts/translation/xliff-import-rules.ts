/**
 * The XLIFF import's one rule table, and how its messages are recorded: every problem
 * of an XLIFF file is a rule of this table, on the file, at its line and column.
 * `npm run docs:rules` writes the table into `docs/xliff.md`.
 */
import type { VFile } from 'vfile';
import { hasErrors as hasAnyErrors, report as reportRule } from '../messages/report.js';
import { defineRules } from '../messages/rules.js';
import type { Point } from './xml-read.js';

/** The closed list of problems of an XLIFF file; `docs/xliff.md` has a section for each. */
export const xliffRuleTable = defineRules('xliff', 'docs/xliff.md', {
  'xliff-not-xliff': { severity: 'error', summary: 'not well-formed XML, or not an XLIFF 2.0 document' },
  'xliff-too-large': { severity: 'error', summary: 'a file larger than an import reads (32 MiB)' },
  'xliff-wrong-issue': { severity: 'error', summary: 'a file exported from another issue' },
  'xliff-wrong-language': { severity: 'error', summary: 'a source or target language that is not the issue’s' },
  'xliff-unknown-unit': { severity: 'error', summary: 'a unit whose id names no segment of the issue' },
  'xliff-duplicate-unit': { severity: 'error', summary: 'two units with one id' },
  'xliff-unknown-data': { severity: 'error', summary: 'a code whose original data is not in its unit' },
  'xliff-code-mismatch': { severity: 'error', summary: 'a target without exactly its source’s codes, each once' },
  'xliff-changed-data': {
    severity: 'error',
    summary: 'a code of a target whose Markdown the manuscript does not have',
  },
  'xliff-unsafe-url': {
    severity: 'error',
    summary: 'a link or image in a target whose URL is not http, https, mailto or #anchor',
  },
  'xliff-invalid-markdown': {
    severity: 'error',
    summary: 'a target that does not make Markdown that reads back the same',
  },
  'xliff-source-changed': { severity: 'warning', summary: 'the source text changed since the export' },
});

/** The XLIFF import's rules by id. */
export const xliffRules = xliffRuleTable.rules;

export type XliffRuleId = keyof typeof xliffRules;

/** Record one problem of the XLIFF file; `cause` is the other place involved, if any. */
export function report(
  file: VFile,
  ruleId: XliffRuleId,
  reason: string,
  place: Point,
  cause?: { reason: string; place: Point },
): void {
  reportRule(file, xliffRules[ruleId], reason, place, cause);
}

/** Whether the XLIFF file has an error (a warning refuses nothing). */
export function hasErrors(file: VFile): boolean {
  return hasAnyErrors([file]);
}

/** Markdown as a message quotes it: in backticks, line breaks as `⏎`, cut after 60 characters. */
export function quote(markdown: string): string {
  const short = markdown.length > 60 ? `${markdown.slice(0, 57)}…` : markdown;
  return `\`${short.replace(/\n/g, '⏎')}\``;
}
