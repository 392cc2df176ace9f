/**
 * Temporary folders of a test file: made under the system's temporary folder and
 * removed after the file's last test by `test/setup.ts`. Kept apart from the other
 * helpers so that the setup, which runs before every test file, imports nothing else.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];

/** A new empty folder, removed after the test file's last test. */
export async function tempFolder(prefix = 'jlaga-test-'): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), prefix));
  made.push(folder);
  return folder;
}

/** Remove every folder `tempFolder` made so far. */
export async function removeTempFolders(): Promise<void> {
  await Promise.all(made.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
}
