/** `npm run align`: options a command does not take are refused, not ignored (bad usage, exit 2). */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project.js';
import { fixtureIssue } from '../helpers.js';

const run = promisify(execFile);
const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');
const align = path.join(projectRoot, 'scripts', 'cli', 'align.ts');

async function runAlign(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, [align, ...args], { cwd: projectRoot });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

describe('npm run align --lang', () => {
  it.each(['--lang de', '--lang hu', '--all-current'])('status refuses %s, an option of confirm', async (option) => {
    const { code, stdout, stderr } = await runAlign('status', fixtureIssue, ...option.split(' '));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^--lang and --all-current are options of confirm\./);
  });

  it('confirm refuses a language the issue does not translate into', async () => {
    const { code, stderr } = await runAlign('confirm', fixtureIssue, '--all-current', '--lang', 'de');
    expect(code).toBe(2);
    expect(stderr).toBe('Unknown target language de: the issue translates into hu.\n');
  });
});
