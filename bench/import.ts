/**
 * The import's row of the benchmark: `jlaga import` of a generated author's file of
 * about 50 pages with 200 notes, made with the docx library from the sample issue's
 * English text (its paragraphs, lists and notes repeated under numbered headings), as
 * a new process, each run into a new issue folder.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { readIssue } from '../scripts/manuscript/read-issue.js';
import { compiledProgram, projectRoot } from '../scripts/project.js';
import { runOnce, time } from './measure.js';
import { locate } from './stages.js';

/** Words on a page of an analysis in the series' layout (A4, 11 pt). */
const wordsPerPage = 500;

/**
 * Write the generated Word file into `root`.
 *
 * @returns its path and what it holds.
 */
export async function generateAuthorDocx(
  root: string,
  pages = 50,
  notes = 200,
): Promise<{ file: string; words: number; notes: number }> {
  const issue = await readIssue(locate(path.join(projectRoot, 'manuscript', '2026-3')));
  const paragraphs = issue.segments
    .filter((segment) => segment.footnote === undefined)
    .flatMap((segment) => segment.blocks.en?.children ?? [])
    .filter((node) => node.type === 'paragraph')
    .map((node) => plainText(node));
  const noteTexts = issue.segments
    .filter((segment) => segment.footnote)
    .map((segment) => plainText(segment.blocks.en?.children[0]));
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, text: 'Bálint Jurászik: A Generated Analysis of Fifty Pages' }),
    new Paragraph('9 April 2026'),
  ];
  let words = 0;
  let note = 0;
  for (let section = 1; words < pages * wordsPerPage; section++) {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, text: `${section}. Section ${section} of the Analysis` }),
    );
    for (const text of paragraphs) {
      const sentences = text.split(/(?<=\.) /);
      const runs: Array<TextRun | FootnoteReferenceRun> = [];
      for (const sentence of sentences) {
        runs.push(new TextRun(`${sentence} `));
        // Notes spread evenly over the pages: one every so many words.
        if (note < notes && words > (note * pages * wordsPerPage) / notes) {
          note += 1;
          footnotes[note] = { children: [new Paragraph(noteTexts[note % noteTexts.length] ?? 'A note.')] };
          runs.push(new FootnoteReferenceRun(note));
        }
        words += sentence.split(/\s+/).length;
      }
      children.push(new Paragraph({ children: runs }));
      if (words >= pages * wordsPerPage) break;
    }
  }
  const document = new Document({ creator: 'Bálint Jurászik', footnotes, sections: [{ children }] });
  const file = path.join(root, 'generated-50-pages.docx');
  await writeFile(file, await Packer.toBuffer(document));
  return { file, words, notes: note };
}

/**
 * The times of `jlaga import <generated.docx> --issue <new folder>`, `runs` times.
 *
 * @param root a folder with a `manuscript/series.yaml`.
 */
export async function importTimes(runs: number, root: string): Promise<{ times: number[]; note: string }> {
  const generated = await generateAuthorDocx(root);
  const size = (await readFile(generated.file)).byteLength;
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const folder = path.join(root, 'manuscript', `import-bench-${index}`);
    const [ms] = await time(() =>
      runOnce(process.execPath, [compiledProgram, 'import', generated.file, '--issue', folder]),
    );
    times.push(ms);
    await rm(folder, { recursive: true, force: true });
  }
  return {
    times,
    note: `${generated.words.toLocaleString('en')} words, ${generated.notes} notes, ${Math.round(size / 1024)} KB`,
  };
}

function plainText(node: unknown): string {
  if (node === null || typeof node !== 'object') return '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node && Array.isArray(node.children)) return node.children.map(plainText).join('');
  return '';
}
