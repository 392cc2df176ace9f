/**
 * The dev server of `jlaga dev`: builds an issue's HTML, rebuilds it when the
 * manuscript, its series file or the templates change, serves `output/<slug>/` on
 * 127.0.0.1 to requests for localhost only, and reloads open pages after each good
 * build (or shows the messages of a failed one over the last good page).
 *
 * It writes nothing of its own: building is `buildIssue`'s job, and a failed build
 * leaves the last good pages in place. The live-reload script is added to pages as they
 * are served, never to the files. It builds the HTML only: a PDF or EPUB that an earlier
 * build of another input left is linked marked as out of date, and the build's lines say so.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { VFile } from 'vfile';
import { displayPath } from '../manuscript/display-path.js';
import type { IssueLocation } from '../manuscript/locate-issue.js';
import type { Lang } from '../manuscript/schema.js';
import { readIssue } from '../manuscript/read-issue.js';
import { buildIssue } from '../output/build.js';
import type { OutOfDateEdition } from '../output/editions-record.js';
import { outOfDateLine } from '../output/out-of-date-line.js';
import { templatesDir } from '../project.js';
import { createEventStream, failureMessage, overlayMessages } from './live-reload.js';
import type { DevEvent } from './live-reload.js';
import { createRequestHandler } from './serve-output.js';
import { watchFolders } from './watch.js';
import type { Watching } from './watch.js';

export interface DevServerOptions {
  location: IssueLocation;
  /** The folder that holds every issue's output (`output/`); the issue's is served. */
  outputRoot: string;
  /** The port on 127.0.0.1 (default 4173); 0 takes any free port. */
  port?: number;
  /** Quiet time after the last change of a burst before a rebuild, in ms (default 150). */
  debounceMs?: number;
  /** Called after every build, the first included. */
  onBuild?: (build: DevBuild) => void;
  /** Called when a watcher fails; the server keeps serving the last build. */
  onWatchError?: (error: Error) => void;
}

/** One build of the dev server. */
export interface DevBuild {
  slug: string;
  /** When it ended. */
  at: Date;
  durationMs: number;
  /** The files whose change started it (none for the first build). */
  changes: string[];
  /** True when the pages were replaced. */
  built: boolean;
  /** The manuscript files with their messages, for `formatReport`. */
  files: VFile[];
  /** A failure that is not the manuscript's: a disk error, a bug in a template. */
  failure: Error | undefined;
  /** The editions of an earlier build of another input that it kept (and linked as out of date). */
  outOfDate: OutOfDateEdition[];
}

/** A running dev server. */
export interface DevServer {
  /** `http://localhost:<port>/`. */
  url: string;
  /** Stop watching, end every connection and wait for a running build; idempotent. */
  close: () => Promise<void>;
}

/**
 * Build the issue's HTML once, then serve it and rebuild on every change.
 *
 * Resolves when the first build is done and the server listens; rejects when the port
 * cannot be had (then nothing is left running).
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const { location } = options;
  const outputDir = path.join(options.outputRoot, location.slug);
  const events = createEventStream();
  // What a page that connects must be told: the failure of the last build, if it failed.
  let failed: DevEvent | undefined;
  let firstLanguage: Lang | undefined;

  const server = createServer(createRequestHandler({ outputDir, events, state: () => ({ failed, firstLanguage }) }));

  async function rebuild(changes: string[]): Promise<void> {
    const started = performance.now();
    let files: VFile[] = [];
    let built = false;
    let failure: Error | undefined;
    let outOfDate: OutOfDateEdition[] = [];
    try {
      const read = await readIssue(location);
      if (read.issue) {
        ({ outOfDate } = await buildIssue(read.issue, { outputRoot: options.outputRoot, formats: ['html'] }));
        built = true;
      }
      files = read.files;
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
    }
    firstLanguage = files.find((file) => file.data.languages)?.data.languages?.[0] ?? firstLanguage;
    failed = built
      ? undefined
      : {
          type: 'build-error',
          slug: location.slug,
          messages: failure ? [failureMessage(failure)] : overlayMessages(files),
        };
    options.onBuild?.({
      slug: location.slug,
      at: new Date(),
      durationMs: performance.now() - started,
      changes,
      built,
      files,
      failure,
      outOfDate,
    });
    events.send(failed ?? { type: 'reload' });
  }

  // Builds run one at a time (two would race for output/<slug>/); the changes that come
  // in meanwhile are built together after the running one.
  let pending: string[] | undefined;
  let running = false;
  let current: Promise<void> | undefined;
  let closed = false;
  const schedule = async (changes: string[]): Promise<void> => {
    pending = [...(pending ?? []), ...changes];
    if (running || closed) return;
    running = true;
    try {
      while (pending && !closed) {
        const next = pending;
        pending = undefined;
        current = rebuild(next);
        await current;
      }
    } finally {
      running = false;
    }
  };

  let watching: Watching | undefined;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      closed = true;
      watching?.close();
      events.close();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await stopped;
      await current?.catch(() => undefined);
    })());

  await listen(server, options.port ?? 4173);
  try {
    watching = watchFolders(
      [
        { folder: location.folder, recursive: true },
        { folder: path.dirname(location.series), recursive: false, only: [path.basename(location.series)] },
        { folder: templatesDir, recursive: true },
      ],
      (changes) => void schedule(changes),
      { debounceMs: options.debounceMs, onError: options.onWatchError },
    );
    await schedule([]);
  } catch (error) {
    await close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  return { url: `http://localhost:${port}/`, close };
}

/** Start listening on 127.0.0.1 only: the pages are drafts, not for the network. */
function listen(server: ReturnType<typeof createServer>, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * The terminal's line for `build`: `14:02:03 2026-3: HTML rebuilt in 0.42 s (index.md)`,
 * and `outOfDateLine`'s below it when the build kept editions of another input.
 */
export function formatBuildLine(build: DevBuild): string {
  const time = build.at.toTimeString().slice(0, 8);
  const count = (fatal: boolean) =>
    build.files.flatMap((file) => file.messages).filter((m) => m.fatal === fatal).length;
  const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const warnings = count(false);
  const outcome = build.built
    ? `HTML ${build.changes.length === 0 ? 'built' : 'rebuilt'} in ${(build.durationMs / 1000).toFixed(2)} s${warnings > 0 ? `, ${plural(warnings, 'warning')}` : ''}`
    : build.failure
      ? `not built: ${build.failure.message}; the last good pages stay`
      : `not built, ${plural(count(true), 'error')}; the last good pages stay`;
  const shown = build.changes.slice(0, 3).map((file) => displayPath(file));
  const more = build.changes.length > shown.length ? `, +${build.changes.length - shown.length} more` : '';
  const kept = build.built ? outOfDateLine(build.slug, build.outOfDate) : undefined;
  return `${time} ${build.slug}: ${outcome}${shown.length > 0 ? ` (${shown.join(', ')}${more})` : ''}${kept ? `\n${kept}` : ''}`;
}
