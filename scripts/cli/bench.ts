/**
 * `jlaga bench [--runs N] [--large]`: how long each stage of a build of the sample issue
 * takes (see bench/benchmark.ts for what each line measures).
 *
 * Exit 0 measured, 1 when a stage failed, 2 bad usage.
 */
import { benchmark } from '../../bench/benchmark.js';
import { exitCode } from '../messages/report.js';
import { parseCommandLine, usageError } from './arguments.js';
import { failureLine } from './io.js';
import type { CommandIo } from './io.js';

const usage = `Usage: jlaga bench [--runs <n>] [--large]

Measure each stage of a build of the sample issue (start-up of jlaga check, read,
split, render, print, package) as the median of --runs runs (default 5), one line a
stage. --large adds one read of a generated 10 MB manuscript. Speed targets are
compared here, never in tests.

Exit codes: 0 measured, 1 a stage failed, 2 bad usage.`;

/**
 * Run `jlaga bench` with its arguments, writing to `io`.
 *
 * @returns the exit code.
 */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandLine(argv, { runs: { type: 'string' }, large: { type: 'boolean' } }, usage, io);
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length > 0) {
    return usageError(`Unexpected ${parsed.positionals.join(' ')}: jlaga bench takes only --runs and --large.`, io);
  }
  const runsText = parsed.values.runs ?? '5';
  if (!/^[1-9]\d{0,3}$/.test(runsText)) {
    return usageError(`--runs takes a whole number from 1 to 9999, not ${runsText}.`, io);
  }
  try {
    await benchmark({
      runs: Number(runsText),
      large: parsed.values.large === true,
      print: (line) => io.stdout.write(`${line}\n`),
    });
    return exitCode.ok;
  } catch (error) {
    io.stderr.write(`${failureLine(error, 'Benchmark')}\n`);
    return exitCode.errors;
  }
}
