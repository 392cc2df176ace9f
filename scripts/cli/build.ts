/**
 * `jlaga build [<issue>…] [--format html] [--lang en]`: build the editions.
 *
 * Exit 0 when built (warnings are printed), 1 when a manuscript has errors (nothing of
 * that issue is written; its previous output stays), 2 on bad usage.
 */
import path from 'node:path';
import { lazyBrowser } from '../browser.js';
import { buildIssue, UnknownLanguageError } from '../output/build.js';
import type { Format } from '../output/file-names.js';
import { outOfDateLine } from '../output/out-of-date-line.js';
import { buildableFormats } from '../output/registry.js';
import { holdsManuscript } from '../manuscript/protected-paths.js';
import { readIssue } from '../manuscript/read-issue.js';
import { projectRoot, supportedLanguages } from '../project.js';
import { exitCode, exitCodeFor, formatReport } from '../messages/report.js';
import { failureLine } from './io.js';
import type { CommandIo } from './io.js';
import { issueArguments, parseCommandLine, usageError } from './arguments.js';

const usage = `Usage: jlaga build [<issue>…] [--format <format>] [--lang <lang>]

Build the editions of issues (all under manuscript/ when none is named) into
output/<issue>/. --format (${buildableFormats.join(', ')}) and --lang (languages the
issue is written in) narrow the build; both may be repeated or comma-separated.

Exit codes: 0 built, 1 manuscript errors (previous output kept), 2 bad usage.`;

/**
 * Run `jlaga build` with its arguments, writing to `io`.
 *
 * @returns the exit code.
 */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandLine(
    argv,
    {
      format: { type: 'string', multiple: true },
      lang: { type: 'string', multiple: true },
      output: { type: 'string' },
    },
    usage,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const split = (values: string[] | undefined) => values?.flatMap((value) => value.split(',')).filter(Boolean);
  const formats = split(parsed.values.format);
  const unknown = (formats ?? []).filter((format) => !buildableFormats.includes(format as Format));
  if (unknown.length > 0)
    return usageError(`Unknown format ${unknown.join(', ')}: expected ${buildableFormats.join(', ')}.`, io);
  const langs = split(parsed.values.lang);
  // Checked before anything is read: a language no edition can be made in. One the
  // issue is not written in is found once it is read (UnknownLanguageError).
  const supported = supportedLanguages();
  const unknownLangs = (langs ?? []).filter((lang) => !supported.includes(lang));
  if (unknownLangs.length > 0)
    return usageError(`Unknown language ${unknownLangs.join(', ')}: expected ${supported.join(', ')}.`, io);
  const locations = issueArguments(parsed.positionals, io);
  if (typeof locations === 'number') return locations;

  const outputRoot = path.resolve(parsed.values.output ?? path.join(projectRoot, 'output'));
  for (const location of locations) {
    const target = path.join(outputRoot, location.slug);
    if (holdsManuscript(target)) {
      return usageError(
        `Will not build into ${target}: it is or holds a manuscript folder; give --output another folder.`,
        io,
      );
    }
  }
  let code: number = exitCode.ok;
  // One browser prints every edition of every issue of this build.
  const browser = lazyBrowser();
  try {
    for (const location of locations) {
      const read = await readIssue(location);
      const built = read.issue
        ? await buildIssue(read.issue, {
            outputRoot,
            formats: formats as Format[] | undefined,
            langs,
            progress: (line) => io.stdout.write(`${line}\n`),
            browser: browser.get,
          })
        : undefined;
      const report = formatReport(read.files, { color: io.stderr.isTTY });
      if (report) io.stderr.write(`${report}\n`);
      // A narrowed build keeps the other editions: say which are not of this input.
      const outOfDate = built && outOfDateLine(location.slug, built.outOfDate);
      if (outOfDate) io.stderr.write(`${outOfDate}\n`);
      if (!read.issue) {
        io.stderr.write(`${location.slug}: not built, the manuscript has errors; the previous output is unchanged.\n`);
      }
      code = Math.max(code, exitCodeFor(read.files));
    }
  } catch (error) {
    if (error instanceof UnknownLanguageError) return usageError(error.message, io);
    // Not the manuscript's fault (browser, disk): say what failed; the output is unchanged.
    const message = failureLine(error, 'Build');
    io.stderr.write(`${message}\nThe previous output is unchanged.\n`);
    return exitCode.errors;
  } finally {
    await browser.close();
  }
  return code;
}
