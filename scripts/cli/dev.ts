/**
 * `jlaga dev [<issue>] [--port 4173]`: build an issue's HTML, serve it on
 * localhost, rebuild and reload the page on every change. Ctrl-C stops it.
 *
 * Exit 0 when stopped, 1 when it cannot start (the port is taken), 2 on bad usage.
 */
import path from 'node:path';
import { allIssues, locateIssue } from '../manuscript/locate-issue.js';
import type { IssueLocation } from '../manuscript/locate-issue.js';
import { formatBuildLine, startDevServer } from '../dev/dev-server.js';
import { projectRoot } from '../project.js';
import { exitCode, formatReport } from '../messages/report.js';
import { parseCommandLine } from './arguments.js';
import type { CommandIo } from './io.js';
import { untilStopped } from './until-stopped.js';

const usage = `Usage: jlaga dev [<issue>] [--port <port>]

Build the HTML editions of an issue into output/<issue>/, serve them on
http://localhost:<port>/ (default 4173), and rebuild when the manuscript, its
series.yaml or the templates change; open pages reload after a good build and
show the problems over the last good page after a failed one. The issue may be
left out when manuscript/ holds only one. Ctrl-C stops the server.

Exit codes: 0 stopped, 1 the server could not start, 2 bad usage.`;

/**
 * Run `jlaga dev` with its arguments, writing to `io`. Once the server runs,
 * SIGINT, SIGTERM or SIGHUP stop it; the handlers are there only while it runs.
 *
 * @returns the exit code, once the server could not start or has stopped.
 */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandLine(argv, { port: { type: 'string', short: 'p', default: '4173' } }, usage, io);
  if (typeof parsed === 'number') return parsed;
  const port = Number(parsed.values.port);
  if (!/^\d+$/.test(parsed.values.port) || port > 65535) {
    io.stderr.write(`Invalid port ${parsed.values.port}: expected a number from 0 to 65535.\n`);
    return exitCode.usage;
  }
  if (parsed.positionals.length > 1) {
    io.stderr.write(`jlaga dev previews one issue at a time, not ${parsed.positionals.length}.\n`);
    return exitCode.usage;
  }
  let location: IssueLocation;
  const [argument] = parsed.positionals;
  if (argument !== undefined) {
    const located = locateIssue(argument, projectRoot);
    if ('error' in located) {
      io.stderr.write(`${located.error}\n`);
      return exitCode.usage;
    }
    location = located;
  } else {
    const found = allIssues(projectRoot);
    const refused = found.find((issue) => 'error' in issue);
    if (refused && 'error' in refused) {
      io.stderr.write(`${refused.error}\n`);
      return exitCode.usage;
    }
    const issues = found as IssueLocation[];
    if (issues.length !== 1 || !issues[0]) {
      io.stderr.write(
        issues.length === 0
          ? 'No issue found under manuscript/.\n'
          : `Name the issue to serve: ${issues.map((issue) => issue.slug).join(', ')}.\n`,
      );
      return exitCode.usage;
    }
    location = issues[0];
  }

  let server;
  try {
    server = await startDevServer({
      location,
      outputRoot: path.join(projectRoot, 'output'),
      port,
      onBuild: (build) => {
        const report = formatReport(build.files, { color: io.stderr.isTTY });
        if (report) io.stderr.write(`${report}\n`);
        io.stdout.write(`${formatBuildLine(build)}\n`);
      },
      onWatchError: (error) => io.stderr.write(`Watching stopped: ${error.message}\n`),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr.write(
      code === 'EADDRINUSE'
        ? `Port ${port} is in use: stop what runs there, or pick another with --port.\n`
        : `The dev server could not start: ${(error as Error).message}\n`,
    );
    return exitCode.errors;
  }
  io.stdout.write(`Serving ${location.slug} on ${server.url} (Ctrl-C to stop)\n`);
  // Once closed (the running build awaited): the program ends by itself.
  await untilStopped(server, io);
  return exitCode.ok;
}
