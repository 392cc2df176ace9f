/**
 * `jlaga`: the program's own answers (version, help, unknown commands and options in
 * its own words, one line, exit 2), a closed pipe that ends quietly, and the compiled
 * program that `npx jlaga` runs.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli/jlaga.js';
import { compiledProgram, projectRoot } from '../../scripts/project.js';
import { fixtureIssue, runCommand, tempFolder } from '../helpers.js';

const run = promisify(execFile);

/** Bad usage: exit 2, nothing on standard output, exactly one line on standard error. */
function expectUsageLine(result: { code: number; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^[^\n]+\n$/);
  expect(result.stderr).toMatch(pattern);
}

describe('jlaga', () => {
  it('prints its version from package.json', async () => {
    const { version } = JSON.parse(await readFile(path.join(projectRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(await runCommand(main, ['--version'])).toEqual({ code: 0, stdout: `jlaga ${version}\n`, stderr: '' });
  });

  it('lists every command in its help, and a command’s help is the command’s own --help', async () => {
    const help = await runCommand(main, ['help']);
    expect(help.code).toBe(0);
    for (const name of ['check', 'build', 'dev', 'serve', 'release', 'align', 'diff', 'xliff', 'bench']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    }
    expect(await runCommand(main, [])).toEqual(help);
    const build = await runCommand(main, ['help', 'build']);
    expect(build.code).toBe(0);
    expect(build.stdout).toMatch(/^Usage: jlaga build /);
    expect(await runCommand(main, ['build', '--help'])).toEqual(build);
  });

  it.each([
    [['chek', '2026-3'], /^Unknown command chek; did you mean check\? The commands: check, build, /],
    [['help', 'relase'], /^Unknown command relase; did you mean release\?/],
    [['zzz'], /^Unknown command zzz\. The commands: /],
    [['--formt'], /^Unknown option --formt: jlaga takes a command first/],
    [
      ['build', '--formt', 'html'],
      /^Unknown option --formt; did you mean --format\? jlaga build takes --format, --lang, --output, --no-cache, --help\.$/m,
    ],
    [['check', '--jsn'], /^Unknown option --jsn; did you mean --json\?/],
    [['build', '--lang'], /^Option --lang needs a value \(see jlaga build --help\)\.$/m],
    [['check', '--help=yes'], /^Option --help takes no value/],
    [['build', fixtureIssue, '--lang', 'de'], /^Unknown language de: expected en, hu\.$/m],
    [['bench', '--runs', 'abc'], /^--runs takes a whole number from 1 to 9999, not abc\.$/m],
    [['bench', '--runs', '0'], /^--runs takes a whole number/],
    [['bench', 'now'], /^Unexpected now: jlaga bench takes only --runs, --large, --site, --all and --json\.$/m],
    [['align', 'stauts'], /^Unknown command stauts; did you mean status\? jlaga align takes status or confirm\.$/m],
    [['align'], /^jlaga align takes a command: status or confirm/],
    [['align', 'confirm', fixtureIssue], /^Expected segment ids or --all-current, not both/],
    [['xliff', 'exprot'], /^Unknown command exprot; did you mean export\?/],
    [['xliff', 'import', fixtureIssue], /^Expected one XLIFF file: jlaga xliff import <issue> <file>\.$/m],
    [['xliff', 'export', fixtureIssue, '--out', ''], /^--out needs a file\.$/m],
    [['diff'], /^Expected one issue: jlaga diff <issue>/],
    [['diff', fixtureIssue, '--from', ''], /^--from needs a revision or a file\.$/m],
    [['release'], /^jlaga release takes one issue, not 0: jlaga release <issue>\.$/m],
    [['release', '--drat', fixtureIssue], /^Unknown option --drat; did you mean --draft\?/],
    [['dev', '--port', 'http'], /^Invalid port http: expected a number from 0 to 65535\.$/m],
    [['dev', fixtureIssue, fixtureIssue], /^jlaga dev previews one issue at a time, not 2\.$/m],
  ])('jlaga %j is bad usage, said in one line', async (argv, pattern) => {
    expectUsageLine(await runCommand(main, argv), pattern);
  });

  it('answers bench --help without measuring', async () => {
    const result = await runCommand(main, ['bench', '--help']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Usage: jlaga bench \[--runs <n>\] \[--large\]/);
  });

  it('ends quietly when the reader closes the pipe (xliff export | head -1)', async () => {
    // A real pipe into a reader that leaves after one line: what is left to write meets a closed pipe.
    const { stdout } = await run(
      'bash',
      [
        '-c',
        `"$0" "$1" xliff export 2026-3 2>&1 | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`,
        process.execPath,
        compiledProgram,
      ],
      { cwd: projectRoot },
    );
    expect(stdout).toBe('0\n');
  });
});

describe('the compiled program (npx jlaga)', () => {
  it('is built by the set-up and checks an issue', async () => {
    expect(existsSync(compiledProgram), 'dist/jlaga.mjs is missing: npm run compile').toBe(true);
    const link = path.join(projectRoot, 'node_modules', '.bin', 'jlaga');
    expect(existsSync(link), 'node_modules/.bin/jlaga is missing: npm run compile').toBe(true);
    const { stdout } = await run(link, ['check', fixtureIssue], { cwd: projectRoot });
    expect(stdout).toMatch(/^2099-1: valid/m);
  });

  it('releases an issue, which verifies', { timeout: 240_000 }, async () => {
    // The whole program, bundled: what only a release loads (pdf-lib, the validators, the zip) included.
    const root = await tempFolder('jlaga-compiled-');
    const released = await run(process.execPath, [compiledProgram, 'release', fixtureIssue, '--output', root], {
      cwd: projectRoot,
    });
    expect(released.stdout).toMatch(/^2099-1: released into /m);
    const verified = await run(process.execPath, [compiledProgram, 'release', '--verify', path.join(root, '2099-1')], {
      cwd: projectRoot,
    });
    expect(verified.stdout).toMatch(/: verified$/m);
  });
});
