/**
 * `npm run check [-- <issue>…]`: validate issues and print a summary of each.
 *
 * Exit 0 when clean or with warnings only, 1 on errors, 2 on bad usage.
 */
import { parseArgs } from 'node:util';
import { allIssues, locateIssue } from '../manuscript/locate-issue.js';
import type { IssueLocation } from '../manuscript/locate-issue.js';
import { readIssue } from '../manuscript/read-issue.js';
import { summarize } from '../manuscript/summary.js';
import type { IssueSummary } from '../manuscript/summary.js';
import { projectRoot } from '../project.js';
import { exitCode, exitCodeFor, formatReport } from '../report.js';

const usage = `Usage: npm run check [-- <issue>…]

Validate issues (all under manuscript/ when none is named) and summarise them.
An issue is named by its slug (2026-3) or its folder (manuscript/2026-3).

Exit codes: 0 clean or warnings only, 1 errors, 2 bad usage.`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}\n`);
    return exitCode.usage;
  }
  if (parsed.values.help) {
    process.stdout.write(`${usage}\n`);
    return exitCode.ok;
  }
  const locations: IssueLocation[] = [];
  for (const argument of parsed.positionals) {
    const location = locateIssue(argument, projectRoot);
    if ('error' in location) {
      process.stderr.write(`${location.error}\n`);
      return exitCode.usage;
    }
    locations.push(location);
  }
  if (parsed.positionals.length === 0) locations.push(...allIssues(projectRoot));
  if (locations.length === 0) {
    process.stderr.write('No issue found under manuscript/.\n');
    return exitCode.usage;
  }

  let code: number = exitCode.ok;
  for (const location of locations) {
    const result = await readIssue(location);
    const report = formatReport(result.files, { color: process.stderr.isTTY });
    if (report) process.stderr.write(`${report}\n`);
    process.stdout.write(
      formatSummary(
        location.slug,
        summarize(result.segments, result.languages, result.issue?.frontMatter),
        result.issue !== undefined,
      ),
    );
    code = Math.max(code, exitCodeFor(result.files));
  }
  return code;
}

function formatSummary(slug: string, summary: IssueSummary, valid: boolean): string {
  const number = new Intl.NumberFormat('en-GB');
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
      `  ${language.lang}: ${number.format(language.words)} ${language.words === 1 ? 'word' : 'words'}, ${language.notes} ${language.notes === 1 ? 'note' : 'notes'}; ${state}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

process.exitCode = await main(process.argv.slice(2));
