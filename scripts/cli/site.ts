/**
 * `jlaga site [<issue>…] [--base-url <url>] [--output <folder>] [--json]`: build the
 * series' website from every issue (or those named) into `output/site/`.
 *
 * Exit 0 built (warnings are printed), 1 when an issue had errors (it is left out, the
 * rest is built) or the build failed (the site is unchanged), 2 on bad usage.
 */
import path from 'node:path';
import type { VFile } from 'vfile';
import { exitCode, exitCodeFor, formatJsonReport, formatReport } from '../messages/report.js';
import { projectRoot } from '../project.js';
import { parseBaseUrl } from '../site/base-url.js';
import { issueArguments, parseCommandLine, usageError } from './arguments.js';
import { failureLine } from './io.js';
import type { CommandIo } from './io.js';

const usage = `Usage: jlaga site [<issue>…] [--base-url <url>] [--output <folder>] [--json]

Build the series' website from every issue under manuscript/ (or the issues named)
into output/site/ (or <folder>/site/): a home, an index of authors, the series'
description and editors per language; per issue its page with its downloads and its
HTML edition with the metadata scholars' search engines read; Atom feeds, a sitemap
and Crossref deposits. --base-url (else site.url of series.yaml) is the absolute
address the site is published at; without one, the feeds, the sitemap, the absolute
citation URLs and the deposits are not written. PDFs and EPUBs come from each issue's
release, else from its up-to-date build (as a draft); an issue that did not change
is not made again. An issue with errors is left out with its report (--json: as
jlaga check --json), and the rest is built.

Exit codes: 0 built, 1 an issue left out for its errors or the build failed, 2 bad usage.`;

/**
 * Run `jlaga site` with its arguments, writing to `io`.
 *
 * @returns the exit code.
 */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandLine(
    argv,
    { 'base-url': { type: 'string' }, output: { type: 'string' }, json: { type: 'boolean' } },
    usage,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const given = parsed.values['base-url'];
  let baseUrl: string | undefined;
  if (given !== undefined) {
    const checked = parseBaseUrl(given);
    if ('error' in checked) return usageError(`Option --base-url: ${checked.error}.`, io);
    baseUrl = checked.url;
  }
  const locations = issueArguments(parsed.positionals, io);
  if (typeof locations === 'number') return locations;
  const outputRoot = path.resolve(parsed.values.output ?? path.join(projectRoot, 'output'));
  const json = parsed.values.json === true;

  const { buildSite } = await import('../site/build-site.js');
  let result;
  try {
    // With --json, standard output carries the JSON alone.
    const progress = (line: string) => (json ? io.stderr : io.stdout).write(`${line}\n`);
    result = await buildSite({ locations, outputRoot, baseUrl, progress });
  } catch (error) {
    io.stderr.write(`${failureLine(error, 'Site build')}\nThe site is unchanged.\n`);
    return exitCode.errors;
  }
  const files = withoutRepeats(result.files);
  const report = json ? '' : formatReport(files, { color: io.stderr.isTTY });
  if (report) io.stderr.write(`${report}\n`);
  if (json) io.stdout.write(formatJsonReport(files));
  const out = json ? io.stderr : io.stdout;
  for (const slug of result.leftOut)
    io.stderr.write(`${slug}: left out of the site, the manuscript has errors; the other issues are built.\n`);
  if (!result.built) {
    io.stderr.write('site: no issue could be read; the site is unchanged.\n');
    return exitCode.errors;
  }
  if (result.baseUrl === undefined)
    io.stderr.write(
      'No base URL (--base-url or site.url in series.yaml): the feeds, the sitemap, the absolute citation URLs and the Crossref deposits are not written.\n',
    );
  const where = path.relative(process.cwd(), result.siteDir) || '.';
  const { changed, removed } = result.changes;
  out.write(
    changed.length + removed.length === 0
      ? result.rendered.length === 0
        ? `site: up to date: ${where} is unchanged\n`
        : `site: ${where}: ${result.rendered.length} ${result.rendered.length === 1 ? 'issue' : 'issues'} made again, no file changed\n`
      : `site: ${where}: ${result.rendered.length} ${result.rendered.length === 1 ? 'issue' : 'issues'} made, ${changed.length} ${changed.length === 1 ? 'file' : 'files'} written, ${removed.length} removed\n`,
  );
  return Math.max(exitCodeFor(files), result.leftOut.length > 0 ? exitCode.errors : exitCode.ok);
}

/** The files with their messages, each file said once: every issue reads the one series file. */
function withoutRepeats(files: readonly VFile[]): VFile[] {
  const seen = new Set<string>();
  return files.filter((file) => {
    const key = `${file.path}\n${file.messages.map(String).join('\n')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
