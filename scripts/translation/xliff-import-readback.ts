/**
 * The check of the new manuscript before it replaces the old one: read again, it must
 * be valid and give back every target as imported. A problem is a message on the XLIFF
 * file, at the unit whose translation caused it.
 */
import type { VFile } from 'vfile';
import type { ReadResult, ValidatedIssue } from '../manuscript/read-issue.js';
import type { Lang } from '../manuscript/schema.js';
import type { Edit } from './xliff-import-plan.js';
import type { LineRange } from './xliff-import-rewrite.js';
import { quote, report } from './xliff-import-rules.js';
import { readBlock, sameContent } from './xliff-inline.js';
import type { Point } from './xml-read.js';

/**
 * Report on `file` every error of the re-read manuscript and every rewritten block that
 * does not read back as its target.
 *
 * @param reread the new manuscript, read.
 * @param ranges per edit, the lines of its block in the new manuscript.
 * @param rootPlace where a problem of no one edit is reported.
 */
export function checkReadBack(
  file: VFile,
  reread: ReadResult,
  lang: Lang,
  edits: readonly Edit[],
  ranges: readonly LineRange[],
  rootPlace: Point,
): void {
  for (const message of reread.files.flatMap((each) => each.messages)) {
    if (message.fatal !== true) continue;
    const edit = edits.find((_, index) => {
      const range = ranges[index];
      return range !== undefined && (message.line ?? 0) >= range.start && (message.line ?? 0) <= range.end;
    });
    const problem = `${message.reason} (${message.ruleId ?? 'manuscript'})`;
    report(
      file,
      'xliff-invalid-markdown',
      edit
        ? `Unexpected Markdown in the translation of \`#${edit.unit.segment.id}\` once written: ${problem}`
        : `Unexpected problem in the manuscript once the translations are written, on its line ${message.line ?? '?'}: ${problem}`,
      edit?.unit.targetPlace ?? rootPlace,
    );
  }
  if (reread.issue) verifyReadBack(file, reread.issue, lang, edits);
}

/** Every rewritten block must read back as its target. */
function verifyReadBack(file: VFile, issue: ValidatedIssue, lang: Lang, edits: readonly Edit[]): void {
  const byId = new Map(issue.segments.map((segment) => [segment.id, segment]));
  for (const edit of edits) {
    if (edit.markdown === undefined) continue;
    const block = byId.get(edit.unit.segment.id)?.blocks[lang];
    if (block && sameContent(readBlock(block), edit.intended)) continue;
    report(
      file,
      'xliff-invalid-markdown',
      `Unexpected reading of the translation of \`#${edit.unit.segment.id}\` as Markdown: ${quote(edit.markdown)} reads back as other text or codes, expected those of the target (a space beside a code, or one too many, may make Markdown read a code as text)`,
      edit.unit.targetPlace,
    );
  }
}
