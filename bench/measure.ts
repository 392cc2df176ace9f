/** Timing for the benchmark: wall times of calls and of processes, and their medians. */
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { projectRoot } from '../scripts/project.js';

const run = promisify(execFile);

/** How long `work` takes, in ms, and what it gives. */
export async function time<T>(work: () => T | Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}

/** The middle value (the upper one of an even count); NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** The wall times, in ms, of `command` run `runs` times as a new process from the project's folder. */
export async function processTimes(runs: number, command: string, args: readonly string[]): Promise<number[]> {
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    times.push((await time(() => run(command, [...args], { cwd: projectRoot, maxBuffer: 64 * 2 ** 20 })))[0]);
  }
  return times;
}

/** Run `command` once from the project's folder; rejects with its output when it fails. */
export async function runOnce(command: string, args: readonly string[]): Promise<string> {
  const { stdout } = await run(command, [...args], { cwd: projectRoot, maxBuffer: 64 * 2 ** 20 });
  return stdout;
}
