/**
 * The editor's loops the benchmark times as a user meets them: building again what has
 * not changed (one issue, a year of twelve), the preview after a paragraph is edited,
 * and a release beside a build.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startDevServer } from '../scripts/dev/dev-server.js';
import { compiledProgram, projectRoot } from '../scripts/project.js';
import { processTimes, runOnce, time } from './measure.js';
import { locate } from './stages.js';

/** A copy of the project's `manuscript/` (series file and sample issue) in a new temporary folder. */
export async function copyManuscripts(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'jlaga-bench-'));
  await cp(path.join(projectRoot, 'manuscript'), path.join(root, 'manuscript'), { recursive: true });
  return root;
}

/** `jlaga <args>` as a user runs it, `runs` times. */
export function jlagaTimes(runs: number, args: readonly string[]): Promise<number[]> {
  return processTimes(runs, process.execPath, [compiledProgram, ...args]);
}

/**
 * Twelve issues, each a copy of the sample under its own slug, built once; then the
 * times of building them all again, unchanged, `runs` times.
 */
export async function yearTimes(runs: number, root: string): Promise<number[]> {
  const folders: string[] = [];
  for (let month = 1; month <= 12; month++) {
    const folder = path.join(root, 'manuscript', `2027-${month}`);
    await cp(path.join(root, 'manuscript', '2026-3'), folder, { recursive: true });
    folders.push(folder);
  }
  const output = path.join(root, 'year-output');
  await runOnce(process.execPath, [compiledProgram, 'build', ...folders, '--output', output]);
  return jlagaTimes(runs, ['build', ...folders, '--output', output]);
}

/**
 * The preview: `jlaga dev` of a copy of the sample; each run edits one paragraph of the
 * English text and times, from the file's writing, until the served English page has it.
 */
export async function previewTimes(runs: number, root: string): Promise<number[]> {
  const location = locate(path.join(root, 'manuscript', '2026-3'));
  const server = await startDevServer({ location, outputRoot: path.join(root, 'preview-output'), port: 0 });
  try {
    const original = await readFile(location.manuscript, 'utf8');
    // The first paragraph of the first English block.
    const opening = /^:::en\{#[^}\n]*\}\n/m.exec(original);
    if (!opening) throw new Error('the sample has no English block');
    const at = original.indexOf('\n', opening.index + opening[0].length);
    const times: number[] = [];
    for (let index = 0; index < runs; index++) {
      const word = `benchmarkedit${index}`;
      const [ms] = await time(async () => {
        await writeFile(location.manuscript, `${original.slice(0, at)} ${word}${original.slice(at)}`);
        for (;;) {
          const page = await fetch(new URL('html/en/index.html', server.url)).then((response) => response.text());
          if (page.includes(word)) return;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      });
      times.push(ms);
    }
    return times;
  } finally {
    await server.close();
  }
}

/** A release of the sample into a new folder, `runs` times. */
export async function releaseTimes(runs: number, root: string): Promise<number[]> {
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const output = path.join(root, `release-${index}`);
    times.push(...(await jlagaTimes(1, ['release', '2026-3', '--output', output])));
    await rm(output, { recursive: true, force: true });
  }
  return times;
}
