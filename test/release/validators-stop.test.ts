/**
 * The validators' Java processes end with the program that started them: on a stop
 * signal (it kills them), and on a SIGKILL (the kernel does, asked by setpriv).
 */
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { goldenDir, tempFolder } from '../helpers.js';
import { killMarked, runMarked, survivors, waitForMarkedProcess } from '../processes.js';
import type { MarkedRun } from '../processes.js';

const runs: MarkedRun[] = [];

afterEach(() => {
  for (const run of runs.splice(0)) {
    run.child.kill('SIGKILL');
    killMarked(run.marker);
  }
});

/** Enough pages to keep the checker busy for several seconds. */
async function manyPages(): Promise<string[]> {
  const folder = await tempFolder('jlaga-pages-');
  return Promise.all(
    Array.from({ length: 100 }, async (_, index) => {
      const page = path.join(folder, `page-${index}.html`);
      await copyFile(path.join(goldenDir, 'en.html'), page);
      return page;
    }),
  );
}

describe('the validators stopped while they run', () => {
  it.each(['SIGKILL', 'SIGTERM', 'SIGINT'] as const)('end their Java process on %s', async (signal) => {
    const run = runMarked('test/release/validate-pages.ts', await manyPages());
    runs.push(run);
    const java = await waitForMarkedProcess(run, 'vnu.jar', 30_000);
    expect(java, run.output()).toBeTruthy();
    // Well into its work: past the JVM's start.
    await sleep(1_000);
    expect(run.output()).toBe('');
    run.child.kill(signal);
    await run.exited;
    expect(await survivors(run.marker, 2_000)).toEqual([]);
  });
});
