/**
 * `jlaga <command> …`: the one program of the pipeline. It answers `--version` and
 * `help [<command>]` itself and hands everything else to the command, loaded on demand.
 *
 * Exit codes are the command's; 2 for a command that does not exist.
 */
import { exitCode } from '../messages/report.js';
import { programInfo } from '../project.js';
import { commands, findCommand } from './commands.js';
import type { CommandIo } from './io.js';
import { usageError } from './arguments.js';
import { didYouMean } from './suggest.js';

/** `jlaga help`: the commands and how to learn more. */
function overview(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    'Usage: jlaga <command> [<arguments>]',
    '',
    'The publication pipeline of the John Lukacs Analyses on Global Affairs.',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'jlaga help <command> (or jlaga <command> --help) tells what a command takes.',
    'jlaga --version prints the version.',
  ].join('\n');
}

function unknownCommand(name: string, io: CommandIo): number {
  const names = commands.map((command) => command.name);
  return usageError(
    `Unknown command ${name}${didYouMean(name, names)} The commands: ${names.join(', ')} (jlaga help tells more).`,
    io,
  );
}

/**
 * Run `jlaga` with its arguments (without `node` and the script), writing to `io`.
 *
 * @returns the exit code.
 */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || (first === 'help' && rest.length === 0)) {
    io.stdout.write(`${overview()}\n`);
    return exitCode.ok;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`jlaga ${programInfo().version}\n`);
    return exitCode.ok;
  }
  if (first === 'help') {
    const [name, ...extra] = rest;
    if (extra.length > 0) return usageError('jlaga help takes one command: jlaga help <command>.', io);
    const command = findCommand(name ?? '');
    if (!command) return unknownCommand(name ?? '', io);
    return (await command.load()).main(['--help'], io);
  }
  if (first.startsWith('-')) {
    return usageError(`Unknown option ${first}: jlaga takes a command first (jlaga help lists them).`, io);
  }
  const command = findCommand(first);
  if (!command) return unknownCommand(first, io);
  return (await command.load()).main(rest, io);
}
