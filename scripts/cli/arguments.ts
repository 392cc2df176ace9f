/**
 * What every command does with its command line: options parsed by `node:util`'s
 * parseArgs, `--help` answered with the usage, issues named by slug or folder.
 * A problem is one line on standard error, in the program's own words (the option it
 * did not know, the nearest one it does, where to read more), returned as the exit
 * code of bad usage.
 */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { allIssues, locateIssue } from '../manuscript/locate-issue.js';
import type { IssueLocation } from '../manuscript/locate-issue.js';
import { projectRoot } from '../project.js';
import { exitCode } from '../messages/report.js';
import type { CommandIo } from './io.js';
import { didYouMean } from './suggest.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parse `argv` with `options` (and `--help`); the usage and problems go to `io`.
 *
 * @returns the values and positionals, or the exit code when the command is done
 *   (help printed: 0; bad usage reported: 2).
 */
export function parseCommandLine<T extends Options>(
  argv: string[],
  options: T,
  usage: string,
  io: CommandIo,
): ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: T }>> | number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    return usageError(parseProblem(error as NodeJS.ErrnoException, options, usage), io);
  }
  if ((parsed.values as Record<string, unknown>).help === true) {
    io.stdout.write(`${usage}\n`);
    return exitCode.ok;
  }
  return parsed;
}

/** The command as its usage names it (`jlaga build`), for pointing at its `--help`. */
function commandName(usage: string): string {
  return /^Usage: (jlaga \S+)/.exec(usage)?.[1] ?? 'jlaga';
}

/** The one line that says what was wrong with the options and what is allowed. */
function parseProblem(error: NodeJS.ErrnoException, options: Options, usage: string): string {
  const command = commandName(usage);
  const known = [...Object.keys(options), 'help'].map((name) => `--${name}`);
  const unknown = /^Unknown option '([^']+)'/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown !== undefined) {
    const [name = unknown] = unknown.split('=');
    return `Unknown option ${name}${didYouMean(name, known)} ${command} takes ${known.join(', ')}.`;
  }
  const option = /^Option '(?:-\w, )?(--[\w-]+)/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined) {
    return /does not take an argument/.test(error.message)
      ? `Option ${option} takes no value (see ${command} --help).`
      : `Option ${option} needs a value (see ${command} --help).`;
  }
  return `${error.message} (see ${command} --help).`;
}

/**
 * The issues the arguments name, or every issue under `manuscript/` when they name none.
 *
 * @returns the locations, or the exit code of bad usage (reported on `io`).
 */
export function issueArguments(positionals: readonly string[], io: CommandIo): IssueLocation[] | number {
  const locations: IssueLocation[] = [];
  for (const argument of positionals) {
    const location = locateIssue(argument, projectRoot);
    if ('error' in location) return usageError(location.error, io);
    locations.push(location);
  }
  if (positionals.length === 0) {
    for (const found of allIssues(projectRoot)) {
      if ('error' in found) return usageError(found.error, io);
      locations.push(found);
    }
  }
  return locations.length > 0 ? locations : usageError('No issue found under manuscript/.', io);
}

/** Report bad usage on `io.stderr`; returns its exit code. */
export function usageError(message: string, io: CommandIo): number {
  io.stderr.write(`${message}\n`);
  return exitCode.usage;
}
