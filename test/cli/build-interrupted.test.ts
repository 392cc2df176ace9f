/**
 * `npm run build` stopped while Chromium prints the PDF: killed (SIGKILL), the browser
 * dies with it and the next build clears its folders; stopped by a signal, it ends the
 * browser and removes its folders itself, and the previous output stays as it was.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFixtureManuscript, hashTree } from '../helpers.js';
import { killMarked, runMarked, survivors, waitForMarkedProcess } from '../processes.js';
import type { MarkedRun } from '../processes.js';

// The compiled program, as a user runs it.
const program = 'dist/jlaga.mjs';
const runs: MarkedRun[] = [];

afterEach(() => {
  for (const run of runs.splice(0)) {
    run.child.kill('SIGKILL');
    killMarked(run.marker);
  }
});

/** Build with a temporary folder of its own, so that what it leaves there is seen. */
function build(issue: string, outputRoot: string, temporary: string, ...args: string[]): MarkedRun {
  const run = runMarked(program, ['build', issue, '--output', outputRoot, ...args], { TMPDIR: temporary });
  runs.push(run);
  return run;
}

/** Start a full build and wait until Chromium renders its print page; returns the browser's profile folder. */
async function buildUntilPrinting(
  issue: string,
  outputRoot: string,
  temporary: string,
): Promise<{ run: MarkedRun; profile: string }> {
  const run = build(issue, outputRoot, temporary);
  // A build that ended (failed) before printing has nothing to wait for.
  const renderer = await waitForMarkedProcess(run, '--type=renderer', 60_000);
  expect(renderer, run.output()).toBeTruthy();
  const profile = /--user-data-dir=(\S+)/.exec(renderer?.command ?? '')?.[1];
  expect(profile).toBeDefined();
  return { run, profile: profile ?? '' };
}

/** A copy of the fixture issue, and empty folders for its output and for the builds' temporary files. */
async function setUp(): Promise<{ issue: string; outputRoot: string; temporary: string }> {
  const { root, issue } = await copyFixtureManuscript();
  const temporary = path.join(root, 'tmp');
  await mkdir(temporary);
  return { issue, outputRoot: path.join(root, 'output'), temporary };
}

/** How the program ends on `signal`: by it, or, once it has cleaned up, exiting with 128 + its number. */
function endedBy(signal: NodeJS.Signals): Array<{ code: number | null; signal: NodeJS.Signals | null }> {
  return [
    { code: null, signal },
    { code: 128 + (os.constants.signals[signal] ?? 0), signal: null },
  ];
}

describe('a build stopped while it prints', () => {
  it('killed, leaves no Chromium running; the next build removes the folders it left', async () => {
    const { issue, outputRoot, temporary } = await setUp();
    const { run, profile } = await buildUntilPrinting(issue, outputRoot, temporary);
    run.child.kill('SIGKILL');
    expect(await run.exited).toEqual({ code: null, signal: 'SIGKILL' });

    expect(await survivors(run.marker, 5_000)).toEqual([]);
    // What the killed build left: its staging folder (and its temporary folders).
    expect((await readdir(outputRoot)).filter((name) => name.startsWith('.build-'))).not.toEqual([]);

    const next = build(issue, outputRoot, temporary, '--format', 'html');
    expect(await next.exited, next.output()).toEqual({ code: 0, signal: null });
    expect(await readdir(outputRoot)).toEqual(['2099-1']);
    expect(existsSync(profile), profile).toBe(false);
    expect(await readdir(temporary)).toEqual([]);
  });

  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)(
    'stopped by %s, ends Chromium, removes its folders and keeps the previous output',
    async (signal) => {
      const { issue, outputRoot, temporary } = await setUp();
      const first = build(issue, outputRoot, temporary, '--format', 'html');
      expect(await first.exited, first.output()).toEqual({ code: 0, signal: null });
      const previous = await hashTree(path.join(outputRoot, '2099-1'));

      const { run, profile } = await buildUntilPrinting(issue, outputRoot, temporary);
      run.child.kill(signal);
      const ended = await Promise.race([run.exited, new Promise((resolve) => setTimeout(resolve, 20_000, 'running'))]);
      // Ended by the signal, as it would have without cleaning up.
      expect(endedBy(signal), run.output()).toContainEqual(ended);

      expect(await survivors(run.marker, 2_000)).toEqual([]);
      expect(await readdir(outputRoot)).toEqual(['2099-1']);
      expect(await hashTree(path.join(outputRoot, '2099-1'))).toEqual(previous);
      expect(existsSync(profile), profile).toBe(false);
      expect(await readdir(temporary)).toEqual([]);
    },
  );
});
