/**
 * `jlaga check [<issue>…]`: validate issues and print a summary of each.
 *
 * Exit 0 when clean or with warnings only, 1 on errors, 2 on bad usage.
 */
import { readIssue } from '../manuscript/read-issue.js';
import type { CommandIo } from './io.js';
import { issueArguments, parseCommandLine } from './arguments.js';
import { summarize } from '../manuscript/summary.js';
import type { IssueSummary } from '../manuscript/summary.js';
import type { VFile } from 'vfile';
import { exitCode, exitCodeFor, formatJsonReport, formatReport } from '../messages/report.js';
import { formatCount } from '../count-format.js';

const usage = `Usage: jlaga check [<issue>…] [--json]

Validate issues (all under manuscript/ when none is named) and summarise them.
An issue is named by its slug (2026-3) or its folder (manuscript/2026-3).
--json writes the messages of every issue as one JSON array to standard output
(the summaries go to standard error).

Exit codes: 0 clean or warnings only, 1 errors, 2 bad usage.`;

/**
 * Run `jlaga check` with its arguments, writing to `io`.
 *
 * @returns the exit code.
 */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandLine(argv, { json: { type: 'boolean' } }, usage, io);
  if (typeof parsed === 'number') return parsed;
  const locations = issueArguments(parsed.positionals, io);
  if (typeof locations === 'number') return locations;

  const json = parsed.values.json === true;
  const files: VFile[] = [];
  let code: number = exitCode.ok;
  for (const location of locations) {
    const result = await readIssue(location);
    files.push(...result.files);
    const report = json ? '' : formatReport(result.files, { color: io.stderr.isTTY });
    if (report) io.stderr.write(`${report}\n`);
    // With --json, standard output carries the JSON alone.
    (json ? io.stderr : io.stdout).write(
      formatSummary(
        location.slug,
        summarize(result.segments, result.languages, result.issue?.frontMatter),
        result.issue !== undefined,
      ),
    );
    code = Math.max(code, exitCodeFor(result.files));
  }
  if (json) io.stdout.write(formatJsonReport(files));
  return code;
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
