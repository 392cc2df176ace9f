/** The watcher of the dev server: one call per burst of changes, editors' swap files left out. */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { watchFolders } from '../../scripts/dev/watch.js';
import { tempFolder } from '../helpers.js';

/** The calls `watchFolders` makes while `act` runs and for `quietMs` after it. */
async function callsDuring(
  folder: string,
  act: () => Promise<void>,
  only?: string[],
  quietMs = 600,
): Promise<string[][]> {
  const calls: string[][] = [];
  const watching = watchFolders([{ folder, recursive: only === undefined, only }], (changed) => calls.push(changed), {
    debounceMs: 150,
  });
  try {
    await act();
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  } finally {
    watching.close();
  }
  return calls;
}

/** A new empty folder, removed when the test ends. */
async function temporaryFolder(): Promise<string> {
  const folder = await tempFolder('jlaga-watch-');
  onTestFinished(() => rm(folder, { recursive: true, force: true }));
  return folder;
}

describe('watchFolders', () => {
  it('calls once for a burst of changes, with every changed file, in subfolders too', async () => {
    const folder = await temporaryFolder();
    await mkdir(path.join(folder, 'assets'));
    const calls = await callsDuring(folder, async () => {
      await writeFile(path.join(folder, 'index.md'), 'one');
      await writeFile(path.join(folder, 'assets', 'chart.svg'), '<svg/>');
      await writeFile(path.join(folder, 'index.md'), 'two');
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toEqual([path.join(folder, 'assets', 'chart.svg'), path.join(folder, 'index.md')]);
  });

  it("leaves out editors' swap, lock and backup files", async () => {
    const folder = await temporaryFolder();
    const calls = await callsDuring(folder, async () => {
      for (const name of ['.index.md.swp', '.#index.md', 'index.md~']) await writeFile(path.join(folder, name), 'x');
      // Saved with them: a watcher that calls for nothing at all must not pass for one that leaves them out.
      await writeFile(path.join(folder, 'index.md'), 'x');
    });
    expect(calls).toEqual([[path.join(folder, 'index.md')]]);
  });

  it('counts only the named files of a folder watched for one file', async () => {
    const folder = await temporaryFolder();
    const calls = await callsDuring(folder, async () => {
      await writeFile(path.join(folder, 'other.yaml'), 'x');
      await writeFile(path.join(folder, 'series.yaml'), 'x');
    }, ['series.yaml']);
    expect(calls).toEqual([[path.join(folder, 'series.yaml')]]);
  });
});
