/** `npm run build`: what it refuses before building anything (bad usage, exit 2; manuscript errors, exit 1). */
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli/build.js';
import {
  buildFixture,
  copyFixtureManuscript,
  fixtureIssue,
  fixtures,
  hashTree,
  runCommand,
  tempFolder,
} from '../helpers.js';
import type { CommandRun } from '../helpers.js';

function buildIssue(...args: string[]): Promise<CommandRun> {
  return runCommand(main, args);
}

/** An issue written in English only, beside a copy of the fixture series. */
async function englishOnlyIssue(): Promise<string> {
  const root = await tempFolder('jlaga-test-');
  await cp(path.join(fixtures, 'manuscript', 'series.yaml'), path.join(root, 'series.yaml'));
  const issue = path.join(root, '2099-2');
  await mkdir(issue);
  await writeFile(
    path.join(issue, 'index.md'),
    [
      '---',
      'issue: "2099/2"',
      'date: 2099-02-15',
      'languages: [en]',
      'title:',
      '  en: "An Issue in English Only"',
      'authors:',
      '  - { given: Anna, family: Kovács }',
      '---',
      '',
      ':::en{#only}',
      'Written in one language.',
      ':::',
      '',
    ].join('\n'),
  );
  return issue;
}

describe('npm run build --lang', () => {
  it.each([['de'], ['en,de'], ['xx', '--format', 'html']])(
    'refuses a language the project has no edition in (--lang %s)',
    async (lang, ...rest) => {
      const outputRoot = path.join(await tempFolder('jlaga-out-'), 'output');
      const unknown = lang.split(',').filter((code) => code !== 'en');
      const { code, stdout, stderr } = await buildIssue(fixtureIssue, '--lang', lang, ...rest, '--output', outputRoot);
      expect(code).toBe(2);
      expect(stderr).toBe(`Unknown language ${unknown.join(', ')}: expected en, hu.\n`);
      expect(stdout).toBe('');
      expect(existsSync(outputRoot)).toBe(false);
    },
  );

  it('refuses a language the issue is not written in', async () => {
    const outputRoot = path.join(await tempFolder('jlaga-out-'), 'output');
    const { code, stdout, stderr } = await buildIssue(await englishOnlyIssue(), '--lang', 'hu', '--output', outputRoot);
    expect(code).toBe(2);
    expect(stderr).toBe('Unknown language hu for 2099-2: expected en.\n');
    expect(stdout).toBe('');
    expect(existsSync(path.join(outputRoot, '2099-2'))).toBe(false);
  });
});

describe('npm run build of a manuscript with errors', () => {
  it('prints the report, builds nothing and leaves the previous output as it was (exit 1)', async () => {
    const { issue } = await copyFixtureManuscript();
    const first = await buildFixture(issue, ['html']);
    const before = await hashTree(first.outputDir);
    const file = path.join(issue, 'index.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(':::en{#lead .lead}', ':::en{#Lead .lead}'));
    const { code, stdout, stderr } = await buildIssue(issue, '--output', first.outputRoot);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('invalid-id');
    expect(stderr).toContain('2099-1: not built, the manuscript has errors; the previous output is unchanged.\n');
    expect(await hashTree(first.outputDir)).toEqual(before);
    expect((await readdir(first.outputRoot)).sort()).toEqual(['2099-1']);
  });
});
