/** Compiling the program again never leaves `jlaga` missing, nor anything beside `dist/`. */
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../scripts/compile.js';
import { compiledProgram, projectRoot } from '../scripts/project.js';

const run = promisify(execFile);

describe('compileProgram', () => {
  it('keeps the old program runnable until the new one takes its place, twice at once', async () => {
    let compiling = true;
    const compiles = Promise.all([compileProgram(), compileProgram()]).finally(() => {
      compiling = false;
    });
    const versions: string[] = [];
    while (compiling) {
      const { stdout } = await run(process.execPath, [compiledProgram, '--version']);
      versions.push(stdout.trim());
    }
    await compiles;
    expect(versions.length).toBeGreaterThan(0);
    expect(new Set(versions).size).toBe(1);
    expect((await run(process.execPath, [compiledProgram, '--version'])).stdout.trim()).toBe(versions[0]);
    expect((await readdir(projectRoot)).filter((name) => name.startsWith('dist.'))).toEqual([]);
  });
});
