/**
 * The import's one rule table: every problem `jlaga import` can find in a Word file,
 * in what it made of it, or in aligning a translation, with the place it concerns.
 * `npm run docs:rules` writes the table into `docs/import.md`.
 */
import type { VFile } from 'vfile';
import { report as reportRule } from '../messages/report.js';
import type { Place } from '../messages/report.js';
import { defineRules } from '../messages/rules.js';

/** The closed list of problems of an import; `docs/import.md` has a section for each. */
export const importRuleTable = defineRules('import', 'docs/import.md', {
  'import-not-docx': { severity: 'error', summary: 'a file that is not a Word document (.docx)' },
  'import-corrupt': { severity: 'error', summary: 'a .docx whose contents cannot be read' },
  'import-encrypted': { severity: 'error', summary: 'a password-protected Word document' },
  'import-issue-exists': { severity: 'error', summary: 'an author’s file imported into an issue that exists' },
  'import-no-match': {
    severity: 'error',
    summary: 'a translation whose structure cannot be matched to the issue’s segments',
  },
  'import-invalid-result': { severity: 'error', summary: 'what the import made does not pass `jlaga check`' },
  'import-front-matter': { severity: 'warning', summary: 'a value of the front matter the document does not give' },
  'import-image-alt': { severity: 'warning', summary: 'an image without alternative text' },
  'import-image-type': {
    severity: 'warning',
    summary: 'an image in a format the editions cannot show (not PNG, JPEG, GIF or SVG), left out',
  },
  'import-link': { severity: 'warning', summary: 'a link kept as text: to a place the manuscript cannot link to' },
  'import-table': { severity: 'warning', summary: 'a table without a header row, or with merged cells' },
  'import-dropped': { severity: 'warning', summary: 'something of the Word file that the import does not keep' },
  'import-uncertain': { severity: 'warning', summary: 'a translation block aligned with low confidence' },
  'import-merged': { severity: 'warning', summary: 'one translated paragraph for several segments, divided' },
  'import-split': { severity: 'warning', summary: 'several translated paragraphs for one segment, joined' },
  'import-unmatched': { severity: 'warning', summary: 'a segment without translation, or translated text left over' },
  'import-kept': { severity: 'warning', summary: 'a translation that exists, kept (`--replace` replaces it)' },
});

/** The import's rules by id. */
export const importRules = importRuleTable.rules;

export type ImportRuleId = keyof typeof importRules;

/** Record one problem on `file`; `cause` is the other place involved, if any. */
export function report(
  file: VFile,
  ruleId: ImportRuleId,
  reason: string,
  place?: Place,
  cause?: { reason: string; place: Place },
): void {
  reportRule(file, importRules[ruleId], reason, place, cause);
}

/** Text as a message quotes it: in backticks, on one line, cut after `length` characters. */
export function quote(text: string, length = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return `\`${line.length > length ? `${line.slice(0, length - 1)}…` : line}\``;
}
