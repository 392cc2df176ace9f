/**
 * `jlaga build [<issue>…] [--format html] [--lang en]`: build the editions.
 *
 * Exit 0 when built (warnings are printed), 1 when a manuscript has errors (nothing of
 * that issue is written; its previous output stays), 2 on bad usage.
 */
import path from 'node:path';
import type { LazyBrowser } from '../browser.js';
import { formats as buildableFormats } from '../output/file-names.js';
import type { Format } from '../output/file-names.js';
import { holdsManuscript } from '../manuscript/protected-paths.js';
import { projectRoot, supportedLanguages } from '../project.js';
import { exitCode, exitCodeFor, formatReport, fromJsonReport, toJsonReport } from '../messages/report.js';
import { checkKey } from '../manuscript/check-cache.js';
import { recordBuild, requestName, upToDate } from '../output/build-record.js';
import { failureLine } from './io.js';
import type { CommandIo } from './io.js';
import { issueArguments, parseCommandLine, usageError } from './arguments.js';

const usage = `Usage: jlaga build [<issue>…] [--format <format>] [--lang <lang>] [--no-cache]

Build the editions of issues (all under manuscript/ when none is named) into
output/<issue>/. --format (${buildableFormats.join(', ')}) and --lang (languages the
issue is written in) narrow the build; both may be repeated or comma-separated.
An issue whose files, templates and program are those its output was built from,
and whose output is as that build left it, is up to date and not built again;
--no-cache builds it all the same.

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
      'no-cache': { type: 'boolean' },
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
  // One browser prints every edition of every issue of this build. The reader, the
  // writers and the browser's modules are loaded only for an issue that is built: an
  // up-to-date one needs none of them.
  let browser: LazyBrowser | undefined;
  const builder = async () => {
    const [{ readIssue }, { buildIssue }, { outOfDateLine }, { lazyBrowser }] = await Promise.all([
      import('../manuscript/read-issue.js'),
      import('../output/build.js'),
      import('../output/out-of-date-line.js'),
      import('../browser.js'),
    ]);
    browser ??= lazyBrowser();
    return { readIssue, buildIssue, outOfDateLine, browser };
  };
  try {
    for (const location of locations) {
      const target = path.join(outputRoot, location.slug);
      const request = requestName(formats, langs);
      // Taken before the files are read: a change while they are read makes the next key another.
      const key = await checkKey(location);
      const current = parsed.values['no-cache'] === true ? undefined : await upToDate(target, request, key);
      if (current) {
        const files = fromJsonReport(current.report);
        const report = formatReport(files, { color: io.stderr.isTTY });
        if (report) io.stderr.write(`${report}\n`);
        io.stdout.write(
          `${location.slug}: up to date: ${path.relative(process.cwd(), target) || '.'} was built from these very files (--no-cache builds it again)\n`,
        );
        code = Math.max(code, exitCodeFor(files));
        continue;
      }
      const { readIssue, buildIssue, outOfDateLine, browser } = await builder();
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
      if (built && read.issue) {
        await recordBuild(target, {
          request,
          written: built.written.map((file) => file.split(path.sep).join('/')),
          checkKey: key,
          report: toJsonReport(read.files),
          languages: read.issue.languages,
        });
      }
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
    const { UnknownLanguageError } = await import('../output/build.js');
    if (error instanceof UnknownLanguageError) return usageError(error.message, io);
    // Not the manuscript's fault (browser, disk): say what failed; the output is unchanged.
    const message = failureLine(error, 'Build');
    io.stderr.write(`${message}\nThe previous output is unchanged.\n`);
    return exitCode.errors;
  } finally {
    await browser?.close();
  }
  return code;
}
