/**
 * `jlaga import <author.docx> --issue <slug>`: an author's Word file → a new issue
 * folder with its manuscript (front matter and one source-language block per segment)
 * and its images under `assets/`.
 *
 * The steps have their modules: reading the DOCX (`read-docx.ts`), its HTML as mdast
 * (`html-to-mdast.ts`), the parts of the document (`document-parts.ts`), the segments
 * (`segments.ts`), the front matter (`front-matter.ts`), the text
 * (`manuscript-text.ts`) and the folder, written at once after `check` read it
 * (`write-issue.ts`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { displayPath } from '../manuscript/display-path.js';
import { readIssue } from '../manuscript/read-issue.js';
import type { Lang } from '../manuscript/schema.js';
import { documentParts } from './document-parts.js';
import { frontMatterText, makeFrontMatter } from './front-matter.js';
import { htmlToMdast } from './html-to-mdast.js';
import { importLabels } from './labels.js';
import { manuscriptText } from './manuscript-text.js';
import { ImportInputError, readDocx } from './read-docx.js';
import { quote, report } from './rules.js';
import { makeSegments } from './segments.js';
import { writeIssueFolder } from './write-issue.js';

/** Where the new issue goes. */
export interface NewIssue {
  slug: string;
  /** The issue folder (`manuscript/<slug>`). */
  folder: string;
  /** The series file beside it. */
  series: string;
}

/** What an author's import did. */
export interface AuthorImportResult {
  /** The Word file and the new manuscript, with their messages. */
  files: VFile[];
  written: boolean;
  segments: number;
  notes: number;
  images: number;
  leftOut: string[];
}

/**
 * Import the Word file at `docxPath` as the new issue `target` in `lang`.
 *
 * @returns the messages and what was made; nothing is written when there is an error.
 */
export async function importAuthor(docxPath: string, target: NewIssue, lang: Lang): Promise<AuthorImportResult> {
  const docxFile = new VFile({ path: displayPath(docxPath) });
  const manuscript = path.join(target.folder, 'index.md');
  const manuscriptFile = new VFile({ path: displayPath(manuscript) });
  const result: AuthorImportResult = {
    files: [docxFile, manuscriptFile],
    written: false,
    segments: 0,
    notes: 0,
    images: 0,
    leftOut: [],
  };
  if (existsSync(target.folder)) {
    report(
      docxFile,
      'import-issue-exists',
      `Unexpected import into ${displayPath(target.folder)}, which exists: an author’s file makes a new issue (import a translation with --lang)`,
    );
    return result;
  }
  let docx;
  try {
    docx = await readDocx(docxPath);
  } catch (error) {
    if (!(error instanceof ImportInputError)) throw error;
    report(docxFile, error.ruleId, error.message);
    return result;
  }

  const { tree, findings } = await htmlToMdast(docx.html);
  const parts = documentParts(tree, lang, importLabels(lang, target.series));
  const { segments, assets } = makeSegments(parts.body, parts.notes, docx.images);
  const { values, gaps } = makeFrontMatter(parts, docx.properties, lang, target.slug);
  const { text, lines } = manuscriptText(frontMatterText(values), segments, lang);

  for (const gap of gaps) {
    report(manuscriptFile, 'import-front-matter', `Missing \`${gap.key}\` in the front matter: add ${gap.reason}`, {
      line: 1,
      column: 1,
    });
  }
  for (const segment of segments) {
    for (const problem of segment.problems) {
      report(manuscriptFile, problem.ruleId, problem.reason, { line: lines.get(segment.id) ?? 1, column: 1 });
    }
  }
  // Links of what was left out (the editors page) are no concern.
  for (const link of findings.droppedLinks.filter((dropped) => text.includes(dropped.text))) {
    report(docxFile, 'import-link', `Unexpected link to \`${link.href}\` on ${quote(link.text)}: kept as text`);
  }
  for (const table of findings.headerlessTables) {
    report(
      docxFile,
      'import-table',
      `Missing header row in the table that starts ${quote(table)}: its first row is the header`,
    );
  }
  for (const table of findings.mergedCellTables) {
    report(
      docxFile,
      'import-table',
      `Unexpected merged cells in the table that starts ${quote(table)}: each cell stands alone`,
    );
  }
  for (const dropped of docx.dropped) report(docxFile, 'import-dropped', `Not kept: ${dropped}`);

  result.segments = segments.length;
  result.notes = segments.filter((segment) => segment.kind === 'footnote').length + (parts.authorNote ? 1 : 0);
  result.images = assets.length;
  result.leftOut = parts.leftOut;
  result.written = await writeIssueFolder(target.folder, text, assets, async (staged) => {
    const read = await readIssue({
      slug: target.slug,
      folder: staged,
      manuscript: path.join(staged, 'index.md'),
      series: target.series,
    });
    // The front matter left to fill is what check is to tell the editor: those keys may be missing.
    const leftToFill = new Set(gaps.map((gap) => gap.key));
    const refused = read.files.flatMap((file) =>
      file.messages.filter(
        (message) =>
          message.fatal === true && !(message.ruleId === 'missing-key' && leftToFill.has(missingKey(message.reason))),
      ),
    );
    if (refused.length === 0) return true;
    {
      for (const message of refused) {
        report(
          manuscriptFile,
          'import-invalid-result',
          `The imported manuscript would not pass check: ${message.reason} (${message.ruleId ?? 'manuscript'})`,
          message.place ?? undefined,
        );
      }
    }
    return false;
  });
  return result;
}

/** The key a `missing-key` message names (`Missing key \`date\``). */
function missingKey(reason: string): string {
  return /`([^`]+)`/.exec(reason)?.[1] ?? '';
}
