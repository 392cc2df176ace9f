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

/** A command: its arguments (without `node` and the script) and streams in, its exit code out. */
export type Command = (argv: string[], io: CommandIo) => Promise<number>;
