/**
 * `jlaga serve [--dir <folder>] [--port 8080]`: preview the series' site (`output/site/`,
 * or any built folder) on localhost, its files as they are. The site's search reads its
 * index with `fetch`, which a page opened from disk may not do: this is where it is tried.
 *
 * Exit 0 when stopped, 2 on bad usage or when the port is taken or the folder missing.
 */
import path from 'node:path';
import { stat } from 'node:fs/promises';
import { startStaticServer } from '../dev/static-server.js';
import type { StaticServer } from '../dev/static-server.js';
import { displayPath } from '../manuscript/display-path.js';
import { exitCode } from '../messages/report.js';
import { projectRoot } from '../project.js';
import { parseCommandLine } from './arguments.js';
import type { CommandIo } from './io.js';
import { untilStopped } from './until-stopped.js';

const usage = `Usage: jlaga serve [--dir <folder>] [--port <port>]

Serve the series' site (output/site/, built by jlaga site) or another built folder
on http://localhost:<port>/ (default 8080), on 127.0.0.1 only: its files as they
are, a folder by its index.html, a missing file by the folder's 404.html. The
site's search needs it: a page opened from disk cannot read the search index.
Ctrl-C stops the server.

Exit codes: 0 stopped, 2 bad usage, a missing folder or a port in use.`;

/** The folder served when --dir is not given, under the project. */
export const defaultSiteDir = path.join('output', 'site');

/**
 * Run `jlaga serve` with its arguments, writing to `io`. Once the server runs, SIGINT,
 * SIGTERM or SIGHUP stop it; the handlers are there only while it runs.
 *
 * @returns the exit code, once the server could not start or has stopped.
 */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandLine(
    argv,
    {
      dir: { type: 'string', short: 'd' },
      port: { type: 'string', short: 'p', default: '8080' },
    },
    usage,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const port = Number(parsed.values.port);
  if (!/^\d+$/.test(parsed.values.port) || port > 65535) {
    io.stderr.write(`Invalid port ${parsed.values.port}: expected a number from 0 to 65535.\n`);
    return exitCode.usage;
  }
  if (parsed.positionals.length > 0) {
    io.stderr.write(`Unexpected ${parsed.positionals[0]}: jlaga serve takes only --dir and --port.\n`);
    return exitCode.usage;
  }
  if (parsed.values.dir === '') {
    io.stderr.write('--dir needs a folder.\n');
    return exitCode.usage;
  }
  const dir = path.resolve(parsed.values.dir ?? path.join(projectRoot, defaultSiteDir));
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) {
    io.stderr.write(
      parsed.values.dir === undefined
        ? `No site to serve in ${displayPath(dir)}: build it with jlaga site, or name a folder with --dir.\n`
        : `No folder ${displayPath(dir)} to serve.\n`,
    );
    return exitCode.usage;
  }

  let server: StaticServer;
  try {
    server = await startStaticServer({ root: dir, port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr.write(
      code === 'EADDRINUSE'
        ? `Port ${port} is in use: stop what runs there, or pick another with --port.\n`
        : `The server could not start: ${(error as Error).message}\n`,
    );
    return exitCode.usage;
  }
  io.stdout.write(`Serving ${displayPath(dir)} on ${server.url} (Ctrl-C to stop)\n`);
  await untilStopped(server, io);
  return exitCode.ok;
}
