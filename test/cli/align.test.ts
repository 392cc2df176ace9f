/** `npm run align`: options a command does not take are refused, not ignored (bad usage, exit 2). */
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli/align.js';
import { fixtureIssue, runCommand } from '../helpers.js';
import type { CommandRun } from '../helpers.js';

const runAlign = (...args: string[]): Promise<CommandRun> => runCommand(main, args);

describe('npm run align --lang', () => {
  it.each(['--lang de', '--lang hu', '--all-current'])('status refuses %s, an option of confirm', async (option) => {
    const { code, stdout, stderr } = await runAlign('status', fixtureIssue, ...option.split(' '));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^--lang and --all-current are options of confirm \(see jlaga align --help\)\.\n$/);
  });

  it('confirm refuses a language the issue does not translate into', async () => {
    const { code, stderr } = await runAlign('confirm', fixtureIssue, '--all-current', '--lang', 'de');
    expect(code).toBe(2);
    expect(stderr).toBe('Unknown target language de: the issue translates into hu.\n');
  });
});
