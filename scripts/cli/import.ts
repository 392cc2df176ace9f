/**
 * `jlaga import <file.docx> --issue <slug> [--lang <lang>] [--replace] [--json]`: an
 * author's Word file becomes a new issue; a translator's Word file of an issue that
 * exists becomes that issue's translation blocks.
 *
 * Exit 0 imported (warnings allowed), 1 refused (nothing written), 2 bad usage.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { displayPath } from '../manuscript/display-path.js';
import { manuscriptRoot, reservedSlugReason } from '../manuscript/locate-issue.js';
import { exitCode, exitCodeFor, formatJsonReport, formatReport } from '../messages/report.js';
import { projectRoot, supportedLanguages } from '../project.js';
import type { CommandIo } from './io.js';
import { parseCommandLine, usageError } from './arguments.js';

const usage = `Usage: jlaga import <file.docx> --issue <slug> [--lang <lang>] [--replace] [--json]

An author's file: makes the new issue manuscript/<slug>/ (or the folder --issue
names, with a series.yaml beside it) from a Word document (.docx): the front matter
from its title block and properties, one segment per heading, paragraph, list,
table, quote and image, its footnotes as notes, its images in assets/. Running
headers and footers, page numbers and the series' editors page are left out.
--lang is the document's language (default en).

A translation: with --lang naming another language than the issue's source, aligns
the translated document to the issue's segments (by headings, notes, lists and
tables, then by length and numbers) and writes each block as an unconfirmed
translation. Translations that exist are kept unless --replace.

Warnings say what to check or add. On any error nothing is written.
--json writes the messages as JSON to standard output (the rest to standard error).
See docs/import.md.

Exit codes: 0 imported, 1 refused (nothing written), 2 bad usage.`;

/**
 * Run `jlaga import` with its arguments, writing to `io`.
 *
 * @returns the exit code.
 */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandLine(
    argv,
    {
      issue: { type: 'string' },
      lang: { type: 'string' },
      replace: { type: 'boolean' },
      json: { type: 'boolean' },
    },
    usage,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) return usageError('Missing <file.docx>: jlaga import <file.docx> --issue <slug>.', io);
  if (extra.length > 0) return usageError(`Unexpected ${extra[0] ?? ''}: jlaga import takes one Word file.`, io);
  const issue = parsed.values.issue;
  if (issue === undefined || issue.trim() === '') {
    return usageError('Missing --issue <slug>: the issue to make or to add the translation to.', io);
  }
  const languages = supportedLanguages();
  const lang = parsed.values.lang;
  if (lang !== undefined && !languages.includes(lang)) {
    return usageError(`Unknown language \`${lang}\` in --lang, expected one of ${languages.join(', ')}.`, io);
  }
  if (!existsSync(file)) return usageError(`Cannot read ${file}: no such file.`, io);
  if (!statSync(file).isFile()) return usageError(`Cannot read ${file}: it is not a file.`, io);

  const folder = issueFolder(issue);
  const reserved = reservedSlugReason(path.basename(folder));
  if (reserved !== undefined) return usageError(`${reserved}.`, io);
  if (path.basename(folder).length > longestSlug) {
    return usageError(
      `Unexpected issue name \`${path.basename(folder)}\`: ${path.basename(folder).length} characters, at most ${longestSlug} (it names the issue's folder and every file made of it).`,
      io,
    );
  }
  if (!slugPattern.test(path.basename(folder))) {
    return usageError(
      `Unexpected issue name \`${path.basename(folder)}\`: expected lower-case letters, digits and single hyphens, such as 2026-3.`,
      io,
    );
  }
  // Inside the project, issues live under manuscript/ only: not in its tests, templates or code.
  const inProject = path.relative(projectRoot, folder);
  const underManuscripts = path.relative(manuscriptRoot(projectRoot), folder);
  if (
    !inProject.startsWith('..') &&
    !path.isAbsolute(inProject) &&
    (underManuscripts.startsWith('..') || path.isAbsolute(underManuscripts))
  ) {
    return usageError(
      `Will not make an issue in ${displayPath(folder)}: inside the project, issues are under manuscript/.`,
      io,
    );
  }
  const series = path.join(path.dirname(folder), 'series.yaml');
  if (!existsSync(series)) {
    return usageError(
      `No series.yaml in ${displayPath(path.dirname(folder))}: an issue folder sits beside its series file.`,
      io,
    );
  }
  const json = parsed.values.json === true;
  const target = { slug: path.basename(folder), folder, series };
  const existing = existsSync(path.join(folder, 'index.md'));
  const source = existing ? await sourceLanguage(folder) : undefined;
  if (existing && typeof source !== 'string') {
    io.stderr.write(
      `Cannot read the languages of ${displayPath(path.join(folder, 'index.md'))}${source ? `: ${source.why}` : ''}; run jlaga check on it first. Nothing written.\n`,
    );
    return exitCode.errors;
  }

  if (!existing || lang === undefined || lang === source) {
    if (parsed.values.replace === true) {
      return usageError(
        '--replace is an option of a translation’s import (with --lang): an author’s file makes a new issue.',
        io,
      );
    }
    const { importAuthor } = await import('../import/import-author.js');
    const { IssueWriteError } = await import('../import/write-issue.js');
    let result;
    try {
      result = await importAuthor(path.resolve(file), target, lang ?? 'en');
    } catch (error) {
      // A full disk is no bug: one line, and nothing written.
      if (!(error instanceof IssueWriteError)) throw error;
      io.stderr.write(`${error.message}\n`);
      return exitCode.errors;
    }
    if (!printReport(result.files, json, io)) return exitCode.errors;
    const said = json ? io.stderr : io.stdout;
    said.write(
      `Imported ${displayPath(file)} into ${displayPath(path.join(folder, 'index.md'))}: ${result.segments} segments, ${result.notes} notes, ${result.images} images.\n`,
    );
    if (result.leftOut.length > 0) said.write(`Left out: ${result.leftOut.join('; ')}.\n`);
    said.write(`Next: add what the warnings name, then jlaga check ${issueName(folder)}.\n`);
    return exitCode.ok;
  }

  const { importTranslation } = await import('../import/import-translation.js');
  const { ManuscriptWriteError } = await import('../translation/write-manuscript.js');
  let result;
  try {
    result = await importTranslation(path.resolve(file), target, lang, { replace: parsed.values.replace === true });
  } catch (error) {
    // A disk that refuses is no bug: one line, and the manuscript as it was.
    if (!(error instanceof ManuscriptWriteError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return exitCode.errors;
  }
  if (!printReport(result.files, json, io)) return exitCode.errors;
  const said = json ? io.stderr : io.stdout;
  said.write(
    `Aligned ${displayPath(file)} to ${target.slug}: ${result.written} ${lang} blocks written (unconfirmed), ${result.kept} kept, ${result.uncertain} to check.\n`,
  );
  said.write(
    `Next: check the warnings, then jlaga align confirm ${issueName(folder)} <id…> once each translation is read.\n`,
  );
  return exitCode.ok;
}

/** `--issue`: a slug under manuscript/, or a folder when it has a path in it. */
function issueFolder(issue: string): string {
  const trimmed = issue.replace(/[/\\]+$/, '');
  return /[/\\]/.test(trimmed) || trimmed.startsWith('.')
    ? path.resolve(trimmed)
    : path.join(manuscriptRoot(projectRoot), trimmed);
}

/** How the next command names the issue: its slug under manuscript/, its folder elsewhere. */
function issueName(folder: string): string {
  const inManuscripts = path.relative(manuscriptRoot(projectRoot), folder);
  return inManuscripts === path.basename(folder) ? inManuscripts : displayPath(folder);
}

/** What an issue folder may be called: as a slug of the series. */
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// A file name holds 255 bytes; the release's files add `jlaga-` and `-html.zip` and the
// staging folder `.` and `.import-<pid>` to the slug, and a short slug is what readers type.
const longestSlug = 64;

/**
 * The first of an existing issue's languages, read from its front matter with the YAML
 * reader the manuscript's is read with (any quoting, any style).
 *
 * @returns the language, or why it cannot be read.
 */
async function sourceLanguage(folder: string): Promise<string | { why: string } | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(folder, 'index.md'), 'utf8');
  } catch (error) {
    return { why: (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'it is a folder' : (error as Error).message };
  }
  const frontMatter = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text.replace(/^\uFEFF/, ''))?.[1];
  try {
    const languages = (parse(frontMatter ?? '') as { languages?: unknown } | null)?.languages;
    return Array.isArray(languages) && typeof languages[0] === 'string' ? languages[0] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Print the messages (or their JSON); tell that nothing was written on errors.
 *
 * @returns whether the import went through.
 */
function printReport(files: Parameters<typeof formatReport>[0], json: boolean, io: CommandIo): boolean {
  if (json) io.stdout.write(formatJsonReport(files));
  const failed = exitCodeFor(files) !== exitCode.ok;
  const errors = files.flatMap((file) => file.messages.filter((message) => message.fatal === true));
  // A refused input is one line: the file, why, and the rule.
  if (failed && errors.length === 1 && errors[0]?.place === undefined) {
    const [file] = files.filter((candidate) => candidate.messages.includes(errors[0]!));
    io.stderr.write(`${file?.path ?? ''}: ${errors[0]?.reason ?? ''} (${errors[0]?.ruleId ?? ''}); nothing written.\n`);
    return false;
  }
  const report = json ? '' : formatReport(files, { color: io.stderr.isTTY });
  if (report !== '') io.stderr.write(`${report}\n`);
  if (failed) io.stderr.write('Nothing imported: nothing was written.\n');
  return !failed;
}
