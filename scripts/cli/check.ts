/**
 * `jlaga check [<issue>…]`: validate issues and print a summary of each.
 *
 * Exit 0 when clean or with warnings only, 1 on errors, 2 on bad usage.
 */
import { checkKey, readCheckRecord, writeCheckRecord } from '../manuscript/check-cache.js';
import type { CheckRecord } from '../manuscript/check-cache.js';
import type { IssueLocation } from '../manuscript/locate-issue.js';
import type { CommandIo } from './io.js';
import { issueArguments, parseCommandLine } from './arguments.js';
import { summarize } from '../manuscript/summary.js';
import type { IssueSummary } from '../manuscript/summary.js';
import type { VFile } from 'vfile';
import {
  exitCode,
  exitCodeFor,
  formatJsonReport,
  formatReport,
  fromJsonReport,
  toJsonReport,
} from '../messages/report.js';
import { formatCount } from '../count-format.js';

const usage = `Usage: jlaga check [<issue>…] [--json] [--no-cache]

Validate issues (all under manuscript/ when none is named) and summarise them.
An issue is named by its slug (2026-3) or its folder (manuscript/2026-3).
--json writes the messages of every issue as one JSON array to standard output
(the summaries go to standard error).
What a check found is kept (node_modules/.cache/jlaga/) and said again while no
file it read has changed; --no-cache checks anew.

Exit codes: 0 clean or warnings only, 1 errors, 2 bad usage.`;

/**
 * Run `jlaga check` with its arguments, writing to `io`.
 *
 * @returns the exit code.
 */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandLine(argv, { json: { type: 'boolean' }, 'no-cache': { type: 'boolean' } }, usage, io);
  if (typeof parsed === 'number') return parsed;
  const locations = issueArguments(parsed.positionals, io);
  if (typeof locations === 'number') return locations;

  const json = parsed.values.json === true;
  const files: VFile[] = [];
  let code: number = exitCode.ok;
  for (const location of locations) {
    const key = await checkKey(location);
    const record =
      (parsed.values['no-cache'] === true ? undefined : await readCheckRecord(location, key)) ??
      (await check(location, key));
    const checked = fromJsonReport(record.report);
    files.push(...checked);
    const report = json ? '' : formatReport(checked, { color: io.stderr.isTTY });
    if (report) io.stderr.write(`${report}\n`);
    // With --json, standard output carries the JSON alone.
    (json ? io.stderr : io.stdout).write(formatSummary(location.slug, record.summary, record.valid));
    code = Math.max(code, exitCodeFor(checked));
  }
  if (json) io.stdout.write(formatJsonReport(files));
  return code;
}

/** Read and check the issue, and keep what was found under `key`. */
async function check(location: IssueLocation, key: string): Promise<CheckRecord> {
  // Loaded only when an issue is read: a kept check needs no parser.
  const { readIssue } = await import('../manuscript/read-issue.js');
  const result = await readIssue(location);
  const record: CheckRecord = {
    key,
    valid: result.issue !== undefined,
    report: toJsonReport(result.files),
    summary: summarize(result.segments, result.languages, result.issue?.frontMatter),
  };
  await writeCheckRecord(location, record);
  return record;
}

function formatSummary(slug: string, summary: IssueSummary, valid: boolean): string {
  const lines = [
    `${slug}: ${valid ? 'valid' : 'has errors'}; ${summary.segments} segments (${summary.textSegments} text, ${summary.footnoteSegments} footnotes)`,
  ];
  for (const language of summary.languages) {
    const { states } = language;
    const state =
      states.source > 0
        ? 'source'
        : `${states.confirmed} confirmed, ${states.stale} stale, ${states.unconfirmed} unconfirmed, ${states.missing} missing`;
    lines.push(
      `  ${language.lang}: ${formatCount(language.words)} ${language.words === 1 ? 'word' : 'words'}, ${language.notes} ${language.notes === 1 ? 'note' : 'notes'}; ${state}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
