/**
 * `jlaga bench [--runs N] [--large] [--site] [--all] [--json]`: the program against its anchors
 * and the editor's loops against their goals (see bench/benchmark.ts for each row).
 *
 * Exit 0 measured, 1 when a stage failed, 2 bad usage.
 */
import { benchmark, formatBench, meets } from '../../bench/benchmark.js';
import { exitCode } from '../messages/report.js';
import { parseCommandLine, usageError } from './arguments.js';
import { failureLine } from './io.js';
import type { CommandIo } from './io.js';

const usage = `Usage: jlaga bench [--runs <n>] [--large] [--site] [--all] [--json]

Measure the program on the sample issue against anchors in the same run (pandoc for
check, a minimal Paged.js script for the full build) and the editor's loops against
their goals (rebuild when nothing changed, preview), as medians of --runs runs
(default 3), every command a new process; then where a build spends its time.
--large adds reading a generated 10 MB manuscript; --site the series' website of fifty
issues built again after one changed and unchanged; --all adds those, a year of twelve
issues built again, the release and the test suite. --json writes the figures as
JSON to standard output. Speed targets are compared here, never in tests.
Installs pandoc with apt-get when it is missing and it can.

Exit codes: 0 measured, 1 a stage failed, 2 bad usage.`;

/**
 * Run `jlaga bench` with its arguments, writing to `io`.
 *
 * @returns the exit code.
 */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandLine(
    argv,
    {
      runs: { type: 'string' },
      large: { type: 'boolean' },
      site: { type: 'boolean' },
      all: { type: 'boolean' },
      json: { type: 'boolean' },
    },
    usage,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length > 0) {
    return usageError(
      `Unexpected ${parsed.positionals.join(' ')}: jlaga bench takes only --runs, --large, --site, --all and --json.`,
      io,
    );
  }
  const runsText = parsed.values.runs ?? '3';
  if (!/^[1-9]\d{0,3}$/.test(runsText)) {
    return usageError(`--runs takes a whole number from 1 to 9999, not ${runsText}.`, io);
  }
  try {
    const json = parsed.values.json === true;
    const result = await benchmark({
      runs: Number(runsText),
      large: parsed.values.large === true,
      all: parsed.values.all === true,
      site: parsed.values.site === true,
      progress: (line) => io.stderr.write(`measuring: ${line}\n`),
    });
    if (json) {
      const rows = result.rows.map((row) => ({ ...row, met: meets(row) ?? null }));
      io.stdout.write(`${JSON.stringify({ ...result, rows }, null, 2)}\n`);
    } else {
      io.stdout.write(`${formatBench(result).join('\n')}\n`);
    }
    return exitCode.ok;
  } catch (error) {
    io.stderr.write(`${failureLine(error, 'Benchmark')}\n`);
    return exitCode.errors;
  }
}
