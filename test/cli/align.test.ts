/**
 * `npm run align`: options a command does not take are refused, not ignored (bad usage,
 * exit 2); `status --only` and `--lang` narrow what is listed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli/align.js';
import { copyFixtureManuscript, fixtureIssue, runCommand } from '../helpers.js';
import type { CommandRun } from '../helpers.js';

const runAlign = (...args: string[]): Promise<CommandRun> => runCommand(main, args);

/**
 * The fixture with a translation in every state: `s1-heading` missing, `lead`
 * unconfirmed, `s1-p1` stale (its source changed), the others confirmed.
 */
async function variedCopy(): Promise<string> {
  const { issue } = await copyFixtureManuscript();
  const file = path.join(issue, 'index.md');
  const text = (await readFile(file, 'utf8'))
    .replace('\n:::hu{#s1-heading src=e569d07d}\n## 1. Bevezetés\n:::\n', '')
    .replace(':::hu{#lead .lead src=5b2b1200}', ':::hu{#lead .lead}')
    .replace('The first paragraph cites', 'The first paragraph quotes');
  await writeFile(file, text);
  return issue;
}

/** The segment ids of the table that `align status` prints. */
function tableIds(stdout: string): string[] {
  const table = stdout.split('\n\n')[1] ?? '';
  return table
    .split('\n')
    .slice(2)
    .map((line) => line.split(' ')[0] ?? '');
}

interface StatusJson {
  languages: string[];
  only: string[] | null;
  segments: Array<{ id: string; states: Record<string, string> }>;
  totals: Array<{ lang: string; counts: Record<string, number> }>;
  stale: Array<{ id: string }>;
  ok: boolean;
}

describe('npm run align --lang', () => {
  it('status refuses --all-current, an option of confirm', async () => {
    const { code, stdout, stderr } = await runAlign('status', fixtureIssue, '--all-current');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('--all-current is an option of confirm (see jlaga align --help).\n');
  });

  it('confirm refuses a language the issue does not translate into', async () => {
    const { code, stderr } = await runAlign('confirm', fixtureIssue, '--all-current', '--lang', 'de');
    expect(code).toBe(2);
    expect(stderr).toBe('Unknown target language de: the issue translates into hu.\n');
  });

  it('confirm refuses --only, an option of status', async () => {
    const { code, stderr } = await runAlign('confirm', fixtureIssue, '--all-current', '--only', 'stale');
    expect(code).toBe(2);
    expect(stderr).toBe('--only is an option of status (see jlaga align --help).\n');
  });
});

describe('npm run align status --only, --lang', () => {
  it('lists only the segments with a translation in these states; the totals and the exit code stay the issue’s', async () => {
    const issue = await variedCopy();
    const all = await runAlign('status', issue);
    expect(all.code).toBe(1);
    const totals = all.stdout.split('\n').filter((line) => /^(en|hu): /.test(line));
    expect(totals[1]).toBe('hu: 141 words; 80.0% complete: 12 confirmed, 1 stale, 1 unconfirmed, 1 missing');

    const narrowed = await runAlign('status', issue, '--only', 'stale,missing');
    expect(narrowed.code).toBe(1);
    expect(narrowed.stderr).toBe(all.stderr);
    expect(narrowed.stdout.split('\n')[0]).toBe(
      '2099-1: translation status (segments with a translation that is stale or missing)',
    );
    expect(tableIds(narrowed.stdout)).toEqual(['s1-heading', 's1-p1']);
    expect(narrowed.stdout.split('\n').filter((line) => /^(en|hu): /.test(line))).toEqual(totals);
    expect(narrowed.stdout).toContain('stale hu #s1-p1 (confirmed against src=e6bca213');
    expect(narrowed.stdout).toContain('Once checked, confirm with: jlaga align confirm 2099-1 s1-p1\n');

    // Repeated and comma-separated alike; a stale translation not asked for is not shown.
    const repeated = await runAlign('status', issue, '--only', 'unconfirmed', '--only', 'missing, confirmed');
    expect(repeated.code).toBe(1);
    expect(tableIds(repeated.stdout)).toEqual(tableIds(all.stdout).filter((id) => id !== 's1-p1'));
    expect(repeated.stdout).not.toContain('stale hu #s1-p1');

    const none = await runAlign('status', fixtureIssue, '--only', 'stale');
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('\n\nNo segment has a translation that is stale.\n\n');
  });

  it('gives the same as JSON, with the states asked for', async () => {
    const issue = await variedCopy();
    const { code, stdout } = await runAlign('status', issue, '--only', 'unconfirmed', '--json');
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as StatusJson;
    expect(json.only).toEqual(['unconfirmed']);
    expect(json.segments.map((segment) => segment.id)).toEqual(['lead']);
    expect(json.totals[1]?.counts).toEqual({ source: 0, confirmed: 12, stale: 1, unconfirmed: 1, missing: 1 });
    expect(json.stale).toEqual([]);
    expect(json.ok).toBe(false);

    const whole = JSON.parse((await runAlign('status', issue, '--json')).stdout) as StatusJson;
    expect(whole.only).toBeNull();
    expect(whole.segments).toHaveLength(15);
  });

  it('--lang keeps the source and that language, and the exit code is that language’s', async () => {
    const issue = await variedCopy();
    const text = await runAlign('status', issue, '--lang', 'hu', '--only', 'stale');
    expect(text.code).toBe(1);
    expect(text.stdout.split('\n')[0]).toBe(
      '2099-1: translation status into hu (segments with a translation that is stale)',
    );
    expect(text.stdout).toContain('Once checked, confirm with: jlaga align confirm 2099-1 s1-p1 --lang hu\n');
    const json = JSON.parse((await runAlign('status', issue, '--lang', 'hu', '--json')).stdout) as StatusJson;
    expect(json.languages).toEqual(['en', 'hu']);
    expect(json.totals.map((total) => total.lang)).toEqual(['en', 'hu']);

    const complete = await runAlign('status', fixtureIssue, '--lang', 'hu');
    expect(complete.code).toBe(0);
  });

  it.each([
    [
      '--only stal',
      'Unknown state stal in --only; did you mean stale? jlaga align status --only takes confirmed, stale, unconfirmed, missing.',
    ],
    [
      '--only stale,source',
      'Unknown state source in --only. jlaga align status --only takes confirmed, stale, unconfirmed, missing.',
    ],
    ['--only ,', '--only needs states: confirmed, stale, unconfirmed, missing.'],
    ['--lang de', 'Unknown target language de in --lang. 2099-1 translates into hu.'],
    ['--lang hy', 'Unknown target language hy in --lang; did you mean hu? 2099-1 translates into hu.'],
    ['--lang en', 'Unknown target language en in --lang: it is the source language. 2099-1 translates into hu.'],
  ])('refuses %s in one line (exit 2)', async (option, message) => {
    const { code, stdout, stderr } = await runAlign('status', fixtureIssue, ...option.split(' '));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${message}\n`);
  });
});
