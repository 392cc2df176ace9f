import { BrowserNotFoundError } from '../find-browser.js';
import { stopSignal } from '../cleanup.js';

/**
 * Where a command writes. A command's `main(argv, io)` writes through `io` alone, so
 * that the thin entry under `scripts/bin/` hands it the process's streams and a test
 * hands it strings to read back.
 */

/** One output stream: the process's standard output or error, or a test's capture of it. */
export interface CommandOutput {
  write(text: string): unknown;
  /** True when it is a terminal, where reports are coloured. */
  readonly isTTY?: boolean;
}

/** The streams of a command, and whether the user asked for no colour. */
export interface CommandIo {
  stdout: CommandOutput;
  stderr: CommandOutput;
  /** `NO_COLOR` is set (https://no-color.org): tables on standard output stay plain. */
  readonly noColor: boolean;
}

/** The real process: its standard output and error, and `NO_COLOR` read when asked. */
export const processIo: CommandIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  get noColor() {
    return Boolean(process.env.NO_COLOR);
  },
};

/**
 * The line that says why a build or release stopped when it was not the manuscript's
 * fault: the stop signal, the missing browser, or the failure itself.
 *
 * @param what the command's noun for it (`Build`, `Release`).
 */
export function failureLine(error: unknown, what: string): string {
  const signal = stopSignal();
  if (signal) return `Stopped by ${signal}.`;
  return error instanceof BrowserNotFoundError ? error.message : `${what} failed: ${(error as Error).message}`;
}

/** A command: its arguments (without `node` and the script) and streams in, its exit code out. */
export type Command = (argv: string[], io: CommandIo) => Promise<number>;
