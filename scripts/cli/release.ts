/**
 * `jlaga release <issue> [--draft] [--output <folder>]` and `jlaga release --verify <folder>`.
 *
 * Exit 0 released (or verified), 1 refused (every problem listed) or not verified,
 * 2 bad usage.
 */
import path from 'node:path';
import type { LazyBrowser } from '../browser.js';
import { projectRoot } from '../project.js';
import { manuscriptInReleaseFolder, releaseIssue } from '../release/release.js';
import { verifyRelease } from '../release/verify.js';
import type { VFile } from 'vfile';
import { exitCode, formatJsonReport, formatReport } from '../messages/report.js';
import { failureLine } from './io.js';
import type { CommandIo } from './io.js';
import { issueArguments, parseCommandLine, usageError } from './arguments.js';

const usage = `Usage: jlaga release <issue> [--draft] [--output <folder>] [--json]
       jlaga release --verify <folder> [--json]

Release an issue into output/release/<issue>/: the PDF and EPUB of every language,
the HTML editions as one zip, SHA256SUMS, manifest.json, a downloads page (index.html)
and everything in one zip. Refuses, listing every problem, when the manuscript has an
error or a translation is missing, stale or unconfirmed (both before building
anything), or when a validator (EPUBCheck, the Nu Html Checker) fails. A refused or
failed release leaves the previous one as it was. Says how long each stage took.

--draft releases despite open translations and validator findings, into
output/release/drafts/<issue>/, never over the release; every file is marked as a
draft (-draft names, DRAFT on every PDF page and in the PDF and EPUB titles).
--output <folder> releases into <folder>/<issue>/ (a draft: <folder>/drafts/<issue>/)
instead of output/release/; never into a folder that is or holds a manuscript.
--verify checks a release folder against its SHA256SUMS and manifest.json.
--json writes the messages as JSON to standard output (progress and the outcome go
to standard error).

Exit codes: 0 released or verified, 1 refused or not verified, 2 bad usage.`;

/**
 * Run `jlaga release` with its arguments, writing to `io`.
 *
 * @returns the exit code.
 */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandLine(
    argv,
    {
      draft: { type: 'boolean' },
      output: { type: 'string' },
      verify: { type: 'string' },
      json: { type: 'boolean' },
    },
    usage,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const json = parsed.values.json === true;
  // With --json, standard output carries the JSON alone; what it would say goes to standard error.
  const said = json ? io.stderr : io.stdout;
  const print = (files: VFile[]) => {
    if (json) io.stdout.write(formatJsonReport(files));
    const report = json ? '' : formatReport(files, { color: io.stderr.isTTY });
    if (report) io.stderr.write(`${report}\n`);
  };
  if (parsed.values.verify !== undefined) {
    const files = await verifyRelease(path.resolve(parsed.values.verify));
    print(files);
    const problems = files.flatMap((file) => file.messages);
    if (problems.length === 0) {
      said.write(`${parsed.values.verify}: verified\n`);
      return exitCode.ok;
    }
    // Like "not released": a failure is said on standard error, with the report.
    io.stderr.write(`${parsed.values.verify}: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}\n`);
    return exitCode.errors;
  }
  if (parsed.positionals.length !== 1)
    return usageError(`jlaga release takes one issue, not ${parsed.positionals.length}: jlaga release <issue>.`, io);
  const locations = issueArguments(parsed.positionals, io);
  if (typeof locations === 'number') return locations;
  const [location] = locations;
  if (!location) return exitCode.usage;
  const releaseRoot = path.resolve(parsed.values.output ?? path.join(projectRoot, 'output', 'release'));
  const unsafe = manuscriptInReleaseFolder(releaseRoot, location.slug);
  if (unsafe !== undefined) return usageError(`${unsafe}; give --output another folder.`, io);

  // Loaded when the release first prints: puppeteer takes longer to load than a refusal takes.
  let browser: LazyBrowser | undefined;
  try {
    const result = await releaseIssue(location, {
      releaseRoot,
      draft: parsed.values.draft === true,
      progress: (line) => said.write(`${line}\n`),
      browser: async () => {
        browser ??= (await import('../browser.js')).lazyBrowser();
        return browser.get();
      },
    });
    // The refusals are messages of the files (release:*, epubcheck:*, nu:*): one report says all.
    print(result.files);
    if (!result.released) {
      io.stderr.write(
        `${location.slug}: not released (${result.problems.length} ${result.problems.length === 1 ? 'problem' : 'problems'}); the previous release is unchanged.\n`,
      );
      return exitCode.errors;
    }
    said.write(
      `${location.slug}: ${result.manifest?.draft ? 'draft ' : ''}released into ${path.relative(process.cwd(), result.folder)} (${result.manifest?.files.length ?? 0} files, SHA256SUMS, manifest.json, index.html)\n`,
    );
    return exitCode.ok;
  } catch (error) {
    const message = failureLine(error, 'Release');
    io.stderr.write(`${message}\nThe previous release is unchanged.\n`);
    return exitCode.errors;
  } finally {
    await browser?.close();
  }
}
