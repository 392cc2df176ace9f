/**
 * What a run leaves behind, and how it goes away.
 *
 * While they exist, the browser, the validators' Java processes and the temporary
 * folders of a build or release are registered here. A stop signal (SIGINT, SIGTERM,
 * SIGHUP) ends them all, then the program, as the signal would have. A SIGKILL cannot
 * be caught: the browser and Java die with the program on their own (see browser.ts
 * and validators.ts), and the next run removes the folders, whose names carry the id
 * of the process that made them, of every run whose process is gone.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Something to end when the program stops. It must start its work synchronously (an
 * `exit` cannot wait) and may finish it asynchronously (a signal can).
 */
export type Cleanup = () => Promise<void> | void;

const stopSignals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** How long a stop waits for the cleanups before the program ends anyway. */
const stopTimeoutMs = 10_000;

const cleanups = new Set<Cleanup>();
const criticalSections = new Set<Promise<unknown>>();
let stoppedBy: NodeJS.Signals | undefined;

/**
 * Run `cleanup` if the program is stopped by SIGINT, SIGTERM or SIGHUP, or exits,
 * before it is unregistered. Cleanups run one after the other, the latest first.
 *
 * @returns the function that unregisters it.
 */
export function onStop(cleanup: Cleanup): () => void {
  cleanups.add(cleanup);
  listen(true);
  return () => {
    cleanups.delete(cleanup);
    // The handlers stay while a stop runs: a second signal must still be caught.
    if (cleanups.size === 0 && stoppedBy === undefined) listen(false);
  };
}

/** The signal that stopped the program, once a stop has begun; otherwise undefined. */
export function stopSignal(): NodeJS.Signals | undefined {
  return stoppedBy;
}

/** Raised by `uninterrupted` when a stop has begun. */
export class StoppedError extends Error {
  constructor(signal: NodeJS.Signals) {
    super(`Stopped by ${signal}`);
    this.name = 'StoppedError';
  }
}

/**
 * Run `work` whole or not at all as far as a stop is concerned: a stop waits for it to
 * end before any cleanup runs, and once a stop has begun it does not start (it throws
 * `StoppedError`). For the few renames that put an output in place.
 *
 * @returns what `work` returns.
 */
export async function uninterrupted<T>(work: () => Promise<T>): Promise<T> {
  if (stoppedBy) throw new StoppedError(stoppedBy);
  const running = work();
  criticalSections.add(running);
  try {
    return await running;
  } finally {
    criticalSections.delete(running);
  }
}

let listening = false;

function listen(on: boolean): void {
  if (on === listening) return;
  listening = on;
  for (const signal of stopSignals) {
    if (on) process.on(signal, onSignal);
    else process.off(signal, onSignal);
  }
  if (on) process.on('exit', onExit);
  else process.off('exit', onExit);
}

function onSignal(signal: NodeJS.Signals): void {
  if (stoppedBy) {
    // A second signal while the cleanups run: end now; `exit` starts what is left.
    process.exit(128 + (os.constants.signals[signal] ?? 0));
  }
  stoppedBy = signal;
  void (async () => {
    await Promise.allSettled([...criticalSections]);
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, stopTimeoutMs).unref());
    await Promise.race([runAll(), timeout]);
    listen(false);
    // End as the signal would have, unless the program handles it itself (the dev server).
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  })();
}

async function runAll(): Promise<void> {
  for (const cleanup of [...cleanups].reverse()) {
    cleanups.delete(cleanup);
    try {
      await cleanup();
    } catch {
      // Ending the rest matters more than the reason one of them failed.
    }
  }
}

function onExit(): void {
  for (const cleanup of [...cleanups].reverse()) {
    cleanups.delete(cleanup);
    try {
      void Promise.resolve(cleanup()).catch(() => undefined);
    } catch {
      // As above: the others still run.
    }
  }
}

/** True when process `pid` exists (a process of another user counts). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A temporary folder of this process: its path and a way to remove it (idempotent). */
export interface OwnedFolder {
  path: string;
  remove: () => Promise<void>;
}

/**
 * Make the folder `<parent>/<prefix><pid>-XXXXXX` (private, as mkdtemp makes it),
 * removed on a stop. The process id in its name lets a later run tell an abandoned
 * folder (`removeAbandonedFolders`) from one a running process still uses.
 *
 * @returns the folder and its `remove`.
 */
export async function makeOwnedFolder(parent: string, prefix: string): Promise<OwnedFolder> {
  const folder = await mkdtemp(path.join(parent, `${prefix}${process.pid}-`));
  // Retried: a process that wrote into it may still be ending.
  const options = { recursive: true, force: true, maxRetries: 3 };
  const unregister = onStop(() => rmSync(folder, options));
  return {
    path: folder,
    remove: async () => {
      await rm(folder, options);
      unregister();
    },
  };
}

/**
 * Remove the folders under `parent` that `makeOwnedFolder` named `<prefix>…<pid>-XXXXXX`
 * for a process that no longer runs. Those of running processes (another build at the
 * same time) and of this one stay.
 *
 * @returns the folders removed.
 */
export async function removeAbandonedFolders(parent: string, prefix: string): Promise<string[]> {
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:.*-)?(\\d+)-[A-Za-z0-9]{6}$`);
  const removed: string[] = [];
  for (const name of await readdir(parent).catch(() => [])) {
    const pid = Number(pattern.exec(name)?.[1] ?? Number.NaN);
    if (!Number.isInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    await rm(path.join(parent, name), { recursive: true, force: true });
    removed.push(path.join(parent, name));
  }
  return removed;
}

/** The common start of the names of this project's folders in the system's temporary folder. */
const temporaryPrefix = 'jlaga-';

/**
 * Make `<tmp>/jlaga-<purpose>-<pid>-XXXXXX` (see `makeOwnedFolder`). `purpose` is one
 * word of lowercase letters: `print`, `chromium`, `epubcheck`.
 *
 * @returns the folder and its `remove`.
 */
export function makeTemporaryFolder(purpose: string): Promise<OwnedFolder> {
  if (!/^[a-z]+$/.test(purpose)) throw new Error(`Unexpected purpose \`${purpose}\`, expected lowercase letters`);
  return makeOwnedFolder(os.tmpdir(), `${temporaryPrefix}${purpose}-`);
}

/**
 * Remove the folders of `makeTemporaryFolder` left by processes that no longer run
 * (killed before they could remove them).
 *
 * @returns the folders removed.
 */
export function removeAbandonedTemporaryFolders(): Promise<string[]> {
  return removeAbandonedFolders(os.tmpdir(), temporaryPrefix);
}
