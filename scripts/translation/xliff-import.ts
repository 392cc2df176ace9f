/**
 * Import an XLIFF 2.0 file (made by `xliff export`, translated in a CAT tool) into the
 * manuscript's blocks of its target language.
 *
 * The whole file is checked before anything is written: that it is XLIFF 2.0 of this
 * issue and its languages, that every unit is a segment of the issue, and that every
 * target has exactly its source's codes. Any problem refuses the whole file, with its
 * line and column, and the manuscript is left as it was.
 *
 * Then each target that says something else than the block (text and codes, white
 * space aside) is written as Markdown between the block's fences, or as a new block
 * after the source's when the translation was missing; the other blocks keep every
 * byte. A unit in state `final` or `reviewed` is confirmed (`src` = the hash of the
 * source it was translated from); a rewritten block in another state loses its `src`.
 * The new manuscript is read again before it replaces the old one: it must be valid
 * and give back every target as imported.
 *
 * Each step has its module: reading the file (`xliff-import-read.ts`), its structure
 * (`xliff-import-document.ts`), a unit (`xliff-import-unit.ts`) and its codes
 * (`xliff-import-codes.ts`), what to change (`xliff-import-plan.ts`), the new
 * manuscript (`xliff-import-rewrite.ts`) and its check (`xliff-import-readback.ts`);
 * the rules are in `xliff-import-rules.ts`.
 */
import { readFile } from 'node:fs/promises';
import { VFile } from 'vfile';
import { displayPath } from '../manuscript/display-path.js';
import type { IssueLocation } from '../manuscript/locate-issue.js';
import { readIssue } from '../manuscript/read-issue.js';
import type { Lang } from '../manuscript/schema.js';
import { writeManuscript } from './write-manuscript.js';
import type { WriteManuscriptOptions } from './write-manuscript.js';
import { readXliffDocument } from './xliff-import-document.js';
import { planEdits } from './xliff-import-plan.js';
import type { ImportChange } from './xliff-import-plan.js';
import { readXliffFile } from './xliff-import-read.js';
import { checkReadBack } from './xliff-import-readback.js';
import { applyEdits } from './xliff-import-rewrite.js';
import { hasErrors } from './xliff-import-rules.js';

export { maxXliffBytes } from './xliff-import-read.js';
export { xliffRuleTable, xliffRules } from './xliff-import-rules.js';
export type { XliffRuleId } from './xliff-import-rules.js';
export type { ImportChange } from './xliff-import-plan.js';

export interface ImportResult {
  /** Files with messages to report: the XLIFF file, or the manuscript when it has errors. */
  files: VFile[];
  /** The target language of the file, once known. */
  lang: Lang | undefined;
  changes: ImportChange[];
  /** Whether the manuscript was written (false when refused or when nothing changed). */
  written: boolean;
}

/** How an import writes; tests replace the writer to simulate a full disk. */
export type ImportOptions = Pick<WriteManuscriptOptions, 'write'>;

/**
 * Import the XLIFF file at `xliffPath` into the issue at `location`, and write the
 * manuscript when the whole file is good and something changed.
 *
 * @returns the messages (of the XLIFF file, or of the manuscript when it has errors),
 *   the target language, the changes made, and whether the manuscript was written.
 * @throws ManuscriptWriteError when the disk refuses the new manuscript (it is unchanged).
 */
export async function importXliff(
  location: IssueLocation,
  xliffPath: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const read = await readIssue(location);
  if (!read.issue) return { files: read.files, lang: undefined, changes: [], written: false };
  const issue = read.issue;
  const file = new VFile({ path: displayPath(xliffPath) });
  const refused = (lang?: Lang): ImportResult => ({ files: [file], lang, changes: [], written: false });

  const root = await readXliffFile(file, xliffPath);
  const parsed = root && readXliffDocument(file, root, issue);
  if (!parsed || hasErrors(file)) return refused(parsed?.lang);
  const { lang, units, rootPlace } = parsed;

  const raw = await readFile(location.manuscript, 'utf8');
  const edits = planEdits(file, issue, lang, units);
  if (edits.length === 0) return { files: [file], lang, changes: [], written: false };
  const { text, ranges } = applyEdits(raw, issue, lang, edits);

  // The new manuscript is read from its temporary file before it replaces the old one.
  const check = async (temporary: string): Promise<boolean> => {
    checkReadBack(file, await readIssue({ ...location, manuscript: temporary }), lang, edits, ranges, rootPlace);
    return !hasErrors(file);
  };
  if (!(await writeManuscript(location.manuscript, text, { write: options.write, check }))) return refused(lang);
  return { files: [file], lang, changes: edits.map((edit) => edit.change), written: true };
}
