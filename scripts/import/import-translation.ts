/**
 * `jlaga import <translation.docx> --issue <slug> --lang hu`: a translator's Word file
 * → the issue's translation blocks in that language, each unconfirmed (no `src`),
 * written after its segment's source block; the language added to the front matter
 * with the translated title and author's note.
 *
 * The translation is read as an author's file is (`read-docx.ts`, `html-to-mdast.ts`,
 * `document-parts.ts`), aligned to the segments (`translation-blocks.ts`,
 * `gale-church.ts`) and written with the manuscript's one atomic writer, after `check`
 * read the new text. Translations that exist are kept unless `replace`.
 */
import path from 'node:path';
import { VFile } from 'vfile';
import { displayPath } from '../manuscript/display-path.js';
import { withoutSrc, rewriteLines } from '../manuscript/fence.js';
import type { LineRewrite } from '../manuscript/fence.js';
import { readIssue } from '../manuscript/read-issue.js';
import type { Lang } from '../manuscript/schema.js';
import { writeManuscript } from '../translation/write-manuscript.js';
import { documentParts } from './document-parts.js';
import { authorNote } from './front-matter.js';
import { htmlToMdast } from './html-to-mdast.js';
import type { NewIssue } from './import-author.js';
import { importLabels } from './labels.js';
import { ImportInputError, readDocx } from './read-docx.js';
import { report } from './rules.js';
import { translationBlocks } from './translation-blocks.js';
import { withTranslatedFrontMatter } from './translation-front-matter.js';

/** What a translation's import did. */
export interface TranslationImportResult {
  files: VFile[];
  /** Blocks written. */
  written: number;
  /** Translations that exist, kept. */
  kept: number;
  uncertain: number;
}

/**
 * Align the Word file at `docxPath` to the issue at `target` as its `lang` translation.
 *
 * @param options.replace write over translations that exist.
 * @throws ManuscriptWriteError when the disk refuses (the manuscript is unchanged).
 */
export async function importTranslation(
  docxPath: string,
  target: NewIssue,
  lang: Lang,
  options: { replace: boolean },
): Promise<TranslationImportResult> {
  const location = { ...target, manuscript: path.join(target.folder, 'index.md') };
  const docxFile = new VFile({ path: displayPath(docxPath) });
  const manuscriptFile = new VFile({ path: displayPath(location.manuscript) });
  const result: TranslationImportResult = { files: [docxFile, manuscriptFile], written: 0, kept: 0, uncertain: 0 };

  const read = await readIssue(location);
  if (read.issue === undefined) {
    result.files = [docxFile, ...read.files];
    report(
      docxFile,
      'import-invalid-result',
      `The issue ${target.slug} has errors: fix them before importing a translation`,
    );
    return result;
  }
  const issue = read.issue;
  let docx;
  try {
    docx = await readDocx(docxPath);
  } catch (error) {
    if (!(error instanceof ImportInputError)) throw error;
    report(docxFile, error.ruleId, error.message);
    return result;
  }
  const { tree } = await htmlToMdast(docx.html);
  const parts = documentParts(tree, lang, importLabels(lang, target.series));
  const source = issue.languages[0] ?? '';
  const aligned = translationBlocks(issue.segments, source, parts.body, parts.notes);
  if (aligned.matched < Math.max(1, aligned.textSegments / 2)) {
    report(
      docxFile,
      'import-no-match',
      `The translation does not match ${target.slug}: ${aligned.matched} of its ${aligned.textSegments} segments found a counterpart (is it the translation of another issue?)`,
    );
    return result;
  }
  result.uncertain = aligned.uncertain;
  const place = (id: string | undefined) => {
    const segment = issue.segments.find((candidate) => candidate.id === id);
    return segment?.position?.start ?? undefined;
  };
  for (const problem of aligned.problems) {
    const file = problem.segment ? manuscriptFile : docxFile;
    report(file, problem.ruleId, problem.reason, place(problem.segment?.id));
  }

  // The blocks to write: new ones, and with `replace` those that exist.
  const rewrites = new Map<number, LineRewrite>();
  const kept: string[] = [];
  for (const segment of issue.segments) {
    const markdown = aligned.blocks.get(segment.id);
    if (markdown === undefined) continue;
    const existing = segment.blocks[lang];
    if (existing && !options.replace) {
      kept.push(segment.id);
      continue;
    }
    result.written += 1;
    const lines = (newline: string) => markdown.split('\n').map((text) => ({ text, end: newline }));
    if (existing) {
      const open = existing.node.position?.start.line ?? 1;
      const close = existing.node.position?.end.line ?? 1;
      rewrites.set(open, (line, { newline }) => [{ text: withoutSrc(line.text), end: line.end }, ...lines(newline)]);
      for (let line = open + 1; line < close; line++) rewrites.set(line, () => []);
      continue;
    }
    const last = issue.languages
      .slice(
        0,
        Math.max(1, issue.languages.indexOf(lang) === -1 ? issue.languages.length : issue.languages.indexOf(lang)),
      )
      .flatMap((other) => segment.blocks[other] ?? [])
      .pop();
    const attributes = [`#${segment.id}`, ...segment.classes.map((name) => `.${name}`)].join(' ');
    rewrites.set(last?.node.position?.end.line ?? 1, (line, { newline }) => [
      { text: line.text, end: line.end === '' ? newline : line.end },
      { text: '', end: newline },
      { text: `:::${lang}{${attributes}}`, end: newline },
      ...lines(newline),
      { text: ':::', end: line.end },
    ]);
  }
  if (kept.length > 0) {
    report(
      manuscriptFile,
      'import-kept',
      `${kept.length} ${lang} translation${kept.length === 1 ? '' : 's'} that exist kept (#${kept.slice(0, 5).join(', #')}${kept.length > 5 ? ', …' : ''}): --replace writes over them`,
      { line: 1, column: 1 },
    );
  }
  result.kept = kept.length;

  const raw = String(await import('node:fs/promises').then((fs) => fs.readFile(location.manuscript, 'utf8')));
  const note =
    parts.authorNote && issue.frontMatter.authors[0]
      ? authorNote(parts.authorNote, issue.frontMatter.authors[0], lang)
      : {};
  const text = withTranslatedFrontMatter(rewriteLines(raw, rewrites), lang, {
    title: parts.title,
    note: note.note?.[lang],
    keywords: (docx.properties.keywords ?? '')
      .split(/[;,]/)
      .map((keyword) => keyword.trim())
      .filter((keyword) => keyword !== ''),
    replace: options.replace,
    keywordsCopied: (from) =>
      report(
        manuscriptFile,
        'import-front-matter',
        `Missing \`${lang}\` keywords in the translation's document: the \`${from}\` ones stand in for them in the front matter; translate them`,
        { line: 1, column: 1 },
      ),
  });
  if (text === raw) return result;
  await writeManuscript(location.manuscript, text, {
    check: async (temporary) => {
      const checked = await readIssue({ ...location, manuscript: temporary });
      const errors = checked.files.flatMap((file) => file.messages.filter((message) => message.fatal === true));
      for (const message of errors) {
        report(
          manuscriptFile,
          'import-invalid-result',
          `The manuscript with the translation would not pass check: ${message.reason} (${message.ruleId ?? 'manuscript'})`,
          message.place ?? undefined,
        );
      }
      return errors.length === 0;
    },
  });
  return result;
}
