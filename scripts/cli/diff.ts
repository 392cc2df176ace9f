/**
 * `jlaga diff <issue> [--from <revision|file>] [--to <revision|file>] [--json] [--html <file>]`:
 * what changed in an issue between two versions, segment by segment and word by word,
 * and which translations did not follow their source. Without versions: the last commit
 * against the working tree, or the manuscript's last change when the working tree has
 * none (`defaultVersions`).
 *
 * Exit 0 when a diff was made (with or without differences), 1 when a version cannot be
 * read or there is no earlier version to compare with, 2 on bad usage.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringifyHtml } from '../output/html-shared.js';
import { loadLabels } from '../render/labels.js';
import { exitCode, formatReport, hasErrors } from '../messages/report.js';
import { refuseManuscriptTarget } from '../manuscript/protected-paths.js';
import { defaultVersions } from '../translation/default-versions.js';
import type { DefaultChoice } from '../translation/default-versions.js';
import { readVersion, versionSpec } from '../translation/read-version.js';
import type { ReadVersion, VersionSpec } from '../translation/read-version.js';
import { diffRevisions } from '../translation/revision-diff.js';
import { formatTerminal, renderHtmlReport, toJson } from '../translation/revision-diff-report.js';
import type { CommandIo } from './io.js';
import { issueArguments, parseCommandLine, usageError } from './arguments.js';

const usage = `Usage: jlaga diff <issue> [--from <revision|file>] [--to <revision|file>] [--json] [--html <file>]

Compare two versions of an issue's manuscript segment by segment: segments added,
removed and moved; blocks changed, word by word; translations whose source changed
while they did not.

--from     the older version: a git revision (HEAD~2, a tag, a commit) or a file
           (default: HEAD, the last commit)
--to       the newer version, likewise (default: the working tree's index.md)
--json     print the diff as JSON instead of text
--html     also write a side-by-side report page to this file (never over a
           manuscript, series.yaml, glossary.yaml or a folder)

With neither --from nor --to, and no change to the manuscript in the working tree
(right after a commit), it shows the manuscript's last change instead: the commit
before it that changed index.md against the one that changed it last. The first line
always names the versions compared, with their commits and dates.

Exit codes: 0 diff made (with or without differences), 1 a version cannot be read, or
no earlier version to compare with (one version in the history, or none), 2 bad usage.`;

/**
 * Run `jlaga diff` with its arguments, writing to `io`.
 *
 * @returns the exit code.
 */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandLine(
    argv,
    { from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' }, html: { type: 'string' } },
    usage,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length !== 1)
    return usageError('Expected one issue: jlaga diff <issue> [--from <revision|file>] [--to <revision|file>].', io);
  const locations = issueArguments(parsed.positionals, io);
  if (typeof locations === 'number') return locations;
  const [location] = locations;
  if (!location) return usageError(usage, io);
  for (const option of ['from', 'to', 'html'] as const) {
    if (parsed.values[option] === '') return usageError(`--${option} needs a revision or a file.`, io);
  }
  // Checked before anything is read: a report must never replace what it reports on.
  const refusal = parsed.values.html === undefined ? undefined : refuseManuscriptTarget(parsed.values.html);
  if (refusal !== undefined) return usageError(refusal, io);

  let specs: [VersionSpec, VersionSpec] = [
    parsed.values.from === undefined ? { kind: 'revision', revision: 'HEAD' } : versionSpec(parsed.values.from),
    parsed.values.to === undefined ? { kind: 'working-tree' } : versionSpec(parsed.values.to),
  ];
  let choice: DefaultChoice | undefined;
  if (parsed.values.from === undefined && parsed.values.to === undefined) {
    const chosen = await defaultVersions(location);
    if (chosen.kind === 'nothing') {
      io.stderr.write(`${chosen.message}\n`);
      return exitCode.errors;
    }
    specs = [chosen.from, chosen.to];
    choice = chosen.choice;
  }
  const versions = await Promise.all(specs.map((spec) => readVersion(location, spec)));
  const [from, to] = versions;
  for (const version of versions) if ('error' in version) io.stderr.write(`${version.error}\n`);
  if (!from || !to || 'error' in from || 'error' in to) return exitCode.errors;
  for (const [name, version] of [
    ['--from', from],
    ['--to', to],
  ] as const)
    warnAboutErrors(name, version, io);

  const diff = diffRevisions(from.result, to.result);
  const subject = { issue: location.slug, from, to, choice };
  if (parsed.values.json === true) {
    io.stdout.write(`${JSON.stringify(toJson(diff, subject), null, 2)}\n`);
  } else {
    const color = io.stdout.isTTY === true && !io.noColor;
    io.stdout.write(formatTerminal(diff, subject, { color }));
  }
  if (parsed.values.html !== undefined) {
    const file = path.resolve(parsed.values.html);
    const pageLang = diff.source ?? 'en';
    const all = loadLabels();
    const labels = all.get(pageLang) ?? all.get('en');
    if (!labels) throw new Error('No interface labels for the report');
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, stringifyHtml(renderHtmlReport(diff, subject, labels)));
    } catch (error) {
      io.stderr.write(`Cannot write the HTML report \`${parsed.values.html}\`: ${(error as Error).message}\n`);
      return exitCode.errors;
    }
    io.stderr.write(`HTML report: ${parsed.values.html}\n`);
  }
  return exitCode.ok;
}

/** A version with manuscript errors is still compared, as far as its segments go. */
function warnAboutErrors(option: string, version: ReadVersion, io: CommandIo): void {
  if (!hasErrors(version.result.files)) return;
  io.stderr.write(
    `Warning: the ${option} version (${version.label}) has errors; it is compared as far as its segments could be read.\n`,
  );
  const report = formatReport(version.result.files, { color: io.stderr.isTTY });
  if (report) io.stderr.write(`${report}\n`);
}
