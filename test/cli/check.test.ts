/** `npm run check`: report, summary and exit codes, as a user runs it. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli/check.js';
import { fixtureIssue, fixtures, runCommand } from '../helpers.js';
import type { CommandRun } from '../helpers.js';
import type { JsonFile } from '../../scripts/messages/report.js';

const checkIssue = (...args: string[]): Promise<CommandRun> => runCommand(main, args);

describe('npm run check', () => {
  it('exits 0 on a clean issue and prints its summary', async () => {
    const { code, stdout, stderr } = await checkIssue(fixtureIssue);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(
      [
        '2099-1: valid; 15 segments (11 text, 4 footnotes)',
        '  en: 148 words, 5 notes; source',
        '  hu: 143 words, 5 notes; 15 confirmed, 0 stale, 0 unconfirmed, 0 missing',
        '',
      ].join('\n'),
    );
  });

  it('exits 1 on errors and reports every one with file:line:column and rule', async () => {
    const { code, stderr, stdout } = await checkIssue(path.join(fixtures, 'rules', 'many-errors'));
    expect(code).toBe(1);
    expect(stderr).toMatch(/test\/fixtures\/rules\/many-errors\/index\.md\n/);
    expect(stderr).toMatch(
      /^\s*5:1-5:35\s+error\s+Unexpected content outside any language block.*text-outside-block\s+manuscript$/m,
    );
    expect(stderr).toMatch(/16 messages \(✖ 11 errors, ⚠ 5 warnings\)/);
    expect(stdout).toMatch(/^many-errors: has errors;/);
  });

  it('--json writes the same messages as JSON to standard output, the summary to standard error', async () => {
    const { code, stderr, stdout } = await checkIssue(path.join(fixtures, 'rules', 'many-errors'), '--json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as JsonFile[];
    expect(report.map((file) => file.file)).toEqual(['test/fixtures/rules/many-errors/index.md']);
    const messages = report[0]?.messages ?? [];
    expect(messages).toHaveLength(16);
    expect(messages.filter((message) => message.severity === 'error')).toHaveLength(11);
    expect(messages[0]).toEqual({
      ruleId: 'text-outside-block',
      source: 'manuscript',
      severity: 'error',
      reason: 'Unexpected content outside any language block, expected it inside `:::en{#id}` … `:::`',
      line: 5,
      column: 1,
      endLine: 5,
      endColumn: 35,
      url: 'docs/manuscript.md#text-outside-block',
    });
    expect(messages.find((message) => message.ruleId === 'duplicate-id')?.cause).toEqual({
      reason: 'First used here',
      line: 7,
      column: 1,
    });
    expect(stderr).toMatch(/^many-errors: has errors;/);
  });

  it('--json writes [] for a clean issue', async () => {
    const { code, stdout } = await checkIssue(fixtureIssue, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([]);
  });

  it('exits 0 with warnings only', async () => {
    const { code, stderr } = await checkIssue(path.join(fixtures, 'rules', 'unconfirmed-translation'));
    expect(code).toBe(0);
    expect(stderr).toMatch(/9:1\s+warning\s+Unconfirmed `hu` translation/);
  });

  it('exits 2 on bad usage', async () => {
    expect((await checkIssue('no-such-issue')).code).toBe(2);
    expect((await checkIssue('--frobnicate')).code).toBe(2);
  });

  it('finds an issue by slug under manuscript/', async () => {
    const { code, stdout } = await checkIssue('2026-3');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^2026-3: valid;/);
  });
});
