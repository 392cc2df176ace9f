/**
 * Write a new issue folder all at once: its manuscript and assets go into a hidden
 * folder beside it, are checked there, and the folder is renamed into place only when
 * the check passes. A failure, a refusal or Ctrl-C leaves no folder and no file behind.
 */
import { rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImportedAsset } from './segments.js';

/** The folder could not be written; the message says why. */
export class IssueWriteError extends Error {
  override name = 'IssueWriteError';
}

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Write `text` as `<folder>/index.md` and `assets` under it.
 *
 * @param check reads the staged folder (its path given) before it is moved into place;
 *   false leaves nothing written.
 * @returns whether the folder was written.
 * @throws IssueWriteError when the disk refuses, or the folder appeared meanwhile.
 */
export async function writeIssueFolder(
  folder: string,
  text: string,
  assets: readonly ImportedAsset[],
  check: (staged: string) => Promise<boolean>,
): Promise<boolean> {
  const staged = path.join(path.dirname(folder), `.${path.basename(folder)}.import-${process.pid}`);
  // Removed only once this run made it: a folder of that name that was there is not ours.
  let made = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (made) rmSync(staged, { recursive: true, force: true });
    removeHandlers();
    process.kill(process.pid, signal);
  };
  const removeHandlers = () => {
    for (const signal of signals) process.removeListener(signal, onSignal);
  };
  for (const signal of signals) process.on(signal, onSignal);
  try {
    await mkdir(staged, { recursive: false });
    made = true;
    await writeFile(path.join(staged, 'index.md'), text, { flag: 'wx' });
    if (assets.length > 0) await mkdir(path.join(staged, 'assets'));
    for (const asset of assets) await writeFile(path.join(staged, asset.path), asset.bytes, { flag: 'wx' });
    if (!(await check(staged))) return false;
    // A folder made meanwhile and not empty makes rename() fail: it is never replaced.
    await rename(staged, folder);
    return true;
  } catch (error) {
    if (error instanceof IssueWriteError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') throw error;
    throw new IssueWriteError(`Cannot write ${folder}: ${(error as Error).message}; nothing written.`, {
      cause: error,
    });
  } finally {
    if (made) await rm(staged, { recursive: true, force: true }).catch(() => undefined);
    removeHandlers();
  }
}
