/**
 * `npm run bench [-- --large]`: how long reading and validating an issue takes.
 *
 * Prints the median of several runs for the sample issue and the fixture issue, and
 * with `--large` one run on a generated 10 MB manuscript (200 copies of the fixture
 * issue per 650 kB). Speed targets live here, never in timed tests.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { locateIssue } from '../scripts/manuscript/locate-issue.js';
import type { IssueLocation } from '../scripts/manuscript/locate-issue.js';
import { readIssue } from '../scripts/manuscript/read-issue.js';
import { splitEditions } from '../scripts/manuscript/split-editions.js';
import { projectRoot } from '../scripts/project.js';

const runs = 7;

function locate(folder: string): IssueLocation {
  const location = locateIssue(folder, projectRoot);
  if ('error' in location) throw new Error(location.error);
  return location;
}

async function time(run: () => unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function bench(name: string, location: IssueLocation, count: number): Promise<void> {
  const bytes = (await readFile(location.manuscript)).length;
  const read: number[] = [];
  const split: number[] = [];
  for (let index = 0; index < count; index++) {
    let result: Awaited<ReturnType<typeof readIssue>> | undefined;
    read.push(await time(async () => (result = await readIssue(location))));
    split.push(await time(() => (result?.issue ? splitEditions(result.issue) : undefined)));
  }
  const memory = process.memoryUsage().rss / 2 ** 20;
  console.log(
    `${name.padEnd(28)} ${(bytes / 1024).toFixed(0).padStart(7)} kB  read+check ${median(read).toFixed(0).padStart(6)} ms  split ${median(split).toFixed(1).padStart(6)} ms  (median of ${count}; rss ${memory.toFixed(0)} MB)`,
  );
}

await bench('sample issue 2026-3', locate(path.join(projectRoot, 'manuscript', '2026-3')), runs);
await bench('fixture issue 2099-1', locate(path.join(projectRoot, 'test', 'fixtures', 'manuscript', '2099-1')), runs);

if (process.argv.includes('--large')) {
  const root = await mkdtemp(path.join(os.tmpdir(), 'jlaga-bench-'));
  try {
    await cp(path.join(projectRoot, 'test', 'fixtures', 'manuscript'), root, { recursive: true });
    const file = path.join(root, '2099-1', 'index.md');
    const text = await readFile(file, 'utf8');
    const cut = text.indexOf('\n---\n', 4) + 5;
    const body = text.slice(cut);
    const copies = Array.from({ length: 3200 }, (_, copy) =>
      body.replace(/\{#([a-z0-9-]+)/g, `{#$1-c${copy}`).replace(/\[\^([a-z]+)\]/g, `[^$1-c${copy}]`),
    );
    await writeFile(file, text.slice(0, cut) + copies.join('\n'));
    await bench('generated 10 MB manuscript', locate(path.join(root, '2099-1')), 1);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
