/** `npm run build`: what it refuses before building anything (bad usage, exit 2). */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project.js';
import { fixtureIssue, fixtures } from '../helpers.js';

const run = promisify(execFile);
const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');
const build = path.join(projectRoot, 'scripts', 'cli', 'build.ts');

async function buildIssue(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, [build, ...args], { cwd: projectRoot });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

/** An issue written in English only, beside a copy of the fixture series. */
async function englishOnlyIssue(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'jlaga-test-'));
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
      const outputRoot = path.join(await mkdtemp(path.join(os.tmpdir(), 'jlaga-out-')), 'output');
      const unknown = lang.split(',').filter((code) => code !== 'en');
      const { code, stdout, stderr } = await buildIssue(fixtureIssue, '--lang', lang, ...rest, '--output', outputRoot);
      expect(code).toBe(2);
      expect(stderr).toBe(`Unknown language ${unknown.join(', ')}: expected en, hu.\n`);
      expect(stdout).toBe('');
      expect(existsSync(outputRoot)).toBe(false);
    },
  );

  it('refuses a language the issue is not written in', async () => {
    const outputRoot = path.join(await mkdtemp(path.join(os.tmpdir(), 'jlaga-out-')), 'output');
    const { code, stdout, stderr } = await buildIssue(await englishOnlyIssue(), '--lang', 'hu', '--output', outputRoot);
    expect(code).toBe(2);
    expect(stderr).toBe('Unknown language hu for 2099-2: expected en.\n');
    expect(stdout).toBe('');
    expect(existsSync(path.join(outputRoot, '2099-2'))).toBe(false);
  });
});
