/**
 * `npm run check [-- <issue>…]`: validate issues and print a summary of each.
 *
 * Exit 0 when clean or with warnings only, 1 on errors, 2 on bad usage.
 */
import { readIssue } from '../manuscript/read-issue.js';
import { issueArguments, parseCommandLine } from './arguments.js';
import { summarize } from '../manuscript/summary.js';
import type { IssueSummary } from '../manuscript/summary.js';
import { exitCode, exitCodeFor, formatReport } from '../report.js';

const usage = `Usage: npm run check [-- <issue>…]

Validate issues (all under manuscript/ when none is named) and summarise them.
An issue is named by its slug (2026-3) or its folder (manuscript/2026-3).

Exit codes: 0 clean or warnings only, 1 errors, 2 bad usage.`;

async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, {}, usage);
  if (typeof parsed === 'number') return parsed;
  const locations = issueArguments(parsed.positionals);
  if (typeof locations === 'number') return locations;

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
