/**
 * The one way a command writes a manuscript (`align confirm`, `xliff import`): the new
 * text goes into a temporary file beside it, is flushed to the disk, and is renamed
 * over it. A crash, a full disk or Ctrl-C leaves the manuscript as it was and no
 * temporary file behind; an error says in one sentence what happened.
 *
 * Not write-file-atomic: the import must read the complete temporary file with the
 * manuscript reader before the rename (`check`), which that package cannot do.
 */
import { unlinkSync } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from '../manuscript/display-path.js';

/** A manuscript could not be written; the message says why, and that the manuscript is unchanged. */
export class ManuscriptWriteError extends Error {
  override name = 'ManuscriptWriteError';
}

export interface WriteManuscriptOptions {
  /**
   * Writes `text` into the open temporary file (default: `handle.writeFile(text, 'utf8')`).
   * Tests pass one that fails as a full disk would.
   */
  write?: (handle: FileHandle, text: string) => Promise<void>;
  /**
   * Runs once the temporary file is complete and flushed, before it replaces the
   * manuscript; returning false leaves the manuscript as it is (the import reads the
   * new manuscript there first).
   */
  check?: (temporary: string) => Promise<boolean>;
}

// Signals that end a command from the terminal or a supervisor: the temporary file goes with them.
const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Counts temporary files of this process, so that two writes never share a name. */
let written = 0;

/**
 * Replace the file `target` with `text` (UTF-8), atomically.
 *
 * @param target the manuscript's path.
 * @param text the whole new content.
 * @returns true when the manuscript was replaced, false when `options.check` refused it.
 * @throws ManuscriptWriteError when the disk refuses (full, read-only, no permission,
 *   interrupted): the manuscript is unchanged and the temporary file removed.
 */
export async function writeManuscript(
  target: string,
  text: string,
  options: WriteManuscriptOptions = {},
): Promise<boolean> {
  const write = options.write ?? ((handle: FileHandle, data: string) => handle.writeFile(data, 'utf8'));
  let temporary: string | undefined;
  let interrupted: NodeJS.Signals | undefined;
  // Synchronous: after the handler the process ends, and no await would run.
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted = signal;
    if (temporary !== undefined) removeSync(temporary);
    removeHandlers();
    // Let the signal do what it would have done without us (end the process).
    process.kill(process.pid, signal);
  };
  const removeHandlers = () => {
    for (const signal of signals) process.removeListener(signal, onSignal);
  };
  for (const signal of signals) process.on(signal, onSignal);

  let handle: FileHandle | undefined;
  try {
    const mode = await stat(target).then(
      (stats) => stats.mode & 0o777,
      () => 0o644,
    );
    ({ handle, temporary } = await openTemporary(target, mode));
    await write(handle, text);
    await handle.sync();
    await handle.close();
    handle = undefined;
    if (options.check && !(await options.check(temporary))) return false;
    if (interrupted) throw Object.assign(new Error(`interrupted by ${interrupted}`), { code: interrupted });
    await rename(temporary, target);
    temporary = undefined;
    await syncFolder(path.dirname(target));
    return true;
  } catch (error) {
    // Only what the system refused is the user's to fix; anything else is a bug and keeps its stack.
    if (typeof (error as NodeJS.ErrnoException | undefined)?.code !== 'string') throw error;
    throw new ManuscriptWriteError(
      `${describe(error)} while writing ${displayPath(target)}; the manuscript is unchanged.`,
      { cause: error },
    );
  } finally {
    await handle?.close().catch(() => undefined);
    if (temporary !== undefined) await unlink(temporary).catch(() => undefined);
    removeHandlers();
  }
}

/** A new file beside `target`, opened for writing; never one that exists. */
async function openTemporary(target: string, mode: number): Promise<{ handle: FileHandle; temporary: string }> {
  for (;;) {
    const temporary = `${target}.${process.pid}.${++written}.tmp`;
    try {
      return { handle: await open(temporary, 'wx', mode), temporary };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Flush the rename itself (the folder's entry); not every system can, so failures are ignored. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => undefined);
  await handle?.sync().catch(() => undefined);
  await handle?.close().catch(() => undefined);
}

function removeSync(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already renamed or removed.
  }
}

/** What the system said, in words a user reads. */
function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const known: Record<string, string> = {
    ENOSPC: 'No space left on device',
    EDQUOT: 'Disk quota exceeded',
    EFBIG: 'File size limit exceeded',
    EROFS: 'Read-only file system',
    EACCES: 'Permission denied',
    EPERM: 'Operation not permitted',
    EIO: 'Input/output error',
    ENOENT: 'Folder not found',
    SIGINT: 'Interrupted',
    SIGTERM: 'Terminated',
    SIGHUP: 'Hung up',
  };
  if (code !== undefined && known[code] !== undefined) return known[code];
  return error instanceof Error ? error.message : String(error);
}
