/** `align status`: states, words, completeness, and what changed under a stale translation. */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main as align } from '../../scripts/cli/align.js';
import { projectRoot } from '../../scripts/project.js';
import { narrowStatus } from '../../scripts/translation/status-narrow.js';
import { translationStatus } from '../../scripts/translation/status.js';
import type { IssueStatus } from '../../scripts/translation/status.js';
import { formatWordDiff, wordDiff } from '../../scripts/translation/word-diff.js';
import { copyFixtureManuscript, read, runCommand } from '../helpers.js';

const run = promisify(execFile);

async function gitRepository(root: string): Promise<void> {
  for (const args of [
    ['init', '-q'],
    ['config', 'user.name', 'Test'],
    ['config', 'user.email', 'test@example.org'],
    ['add', '.'],
    ['commit', '-qm', 'first'],
  ]) {
    await run('git', args, { cwd: root });
  }
}

describe('align status', () => {
  it('counts states and words per language', async () => {
    const result = await read(path.join(projectRoot, 'test', 'fixtures', 'manuscript', '2099-1'));
    if (!result.issue) throw new Error('fixture has errors');
    const status = await translationStatus(result.issue);
    expect(status.ok).toBe(true);
    expect(status.segments).toHaveLength(15);
    expect(status.totals.map((total) => [total.lang, total.words, total.complete])).toEqual([
      ['en', 148, 1],
      ['hu', 143, 1],
    ]);
    expect(status.segments.find((segment) => segment.id === 'lead')).toEqual({
      id: 'lead',
      footnote: undefined,
      states: { en: 'source', hu: 'confirmed' },
      words: { en: 15, hu: 10 },
    });
  });

  it('shows what changed in the source of a stale translation, from the git history', async () => {
    const { root, issue } = await copyFixtureManuscript();
    await gitRepository(root);
    const file = path.join(issue, 'index.md');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace(
        'The first paragraph cites two sources,',
        'The opening paragraph cites two sources,',
      ),
    );
    const result = await read(issue);
    if (!result.issue) throw new Error('expected warnings only');
    const status = await translationStatus(result.issue);
    expect(status.ok).toBe(false);
    expect(status.totals[1]?.counts).toEqual({ source: 0, confirmed: 14, stale: 1, unconfirmed: 0, missing: 0 });
    expect(status.stale).toHaveLength(1);
    expect(status.stale[0]?.id).toBe('s1-p1');
    expect(formatWordDiff(status.stale[0]?.changes ?? [])).toBe(
      'The [-first-]{+opening+} paragraph cites two sources,[^budget][^first] and the budget note again.',
    );

    // Through the command: exit 1 so CI can gate on it, and the same as JSON.
    const failed = await runCommand(align, ['status', issue, '--json']);
    expect(failed.code).toBe(1);
    const json = JSON.parse(failed.stdout) as { stale: Array<{ id: string; changes: unknown[] }>; ok: boolean };
    expect(json.ok).toBe(false);
    expect(json.stale[0]?.id).toBe('s1-p1');
    const text = await runCommand(align, ['status', issue]);
    expect(text.stdout).toMatch(/s1-p1 +source +\d+ +STALE/);
    expect(text.stdout).toContain('The [-first-]{+opening+} paragraph');
    expect(text.stdout).toContain('jlaga align confirm 2099-1 s1-p1');
  });

  it('says so when the confirmed text is not in any history', async () => {
    const { issue } = await copyFixtureManuscript();
    const file = path.join(issue, 'index.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('The first paragraph', 'The opening paragraph'));
    const result = await read(issue);
    if (!result.issue) throw new Error('expected warnings only');
    const status = await translationStatus(result.issue);
    expect(status.stale.map((stale) => [stale.id, stale.changes])).toEqual([['s1-p1', undefined]]);
  });

  it('diffs words, joining runs of one kind', () => {
    expect(wordDiff('a b c d', 'a x y d')).toEqual([
      { type: 'equal', text: 'a ' },
      { type: 'delete', text: 'b c ' },
      { type: 'insert', text: 'x y ' },
      { type: 'equal', text: 'd' },
    ]);
    expect(wordDiff('same text', 'same text')).toEqual([{ type: 'equal', text: 'same text' }]);
  });
});

describe('narrowStatus', () => {
  // Two target languages: hu complete, de with a stale and a missing translation.
  const status: IssueStatus = {
    issue: '2099-1',
    languages: ['en', 'hu', 'de'],
    segments: [
      {
        id: 'a',
        footnote: undefined,
        states: { en: 'source', hu: 'confirmed', de: 'stale' },
        words: { en: 1, hu: 2, de: 3 },
      },
      {
        id: 'b',
        footnote: undefined,
        states: { en: 'source', hu: 'confirmed', de: 'missing' },
        words: { en: 4, hu: 5, de: 0 },
      },
    ],
    totals: [
      { lang: 'en', words: 5, counts: { source: 2, confirmed: 0, stale: 0, unconfirmed: 0, missing: 0 }, complete: 1 },
      { lang: 'hu', words: 7, counts: { source: 0, confirmed: 2, stale: 0, unconfirmed: 0, missing: 0 }, complete: 1 },
      { lang: 'de', words: 3, counts: { source: 0, confirmed: 0, stale: 1, unconfirmed: 0, missing: 1 }, complete: 0 },
    ],
    stale: [{ id: 'a', lang: 'de', src: '00000001', current: '00000002', changes: undefined }],
    only: null,
    ok: false,
  };

  it('--lang keeps the source and the languages asked for, and ok is theirs', () => {
    const hu = narrowStatus(status, { langs: ['hu'] });
    expect(hu.languages).toEqual(['en', 'hu']);
    expect(hu.segments.map((segment) => [segment.id, segment.states, segment.words])).toEqual([
      ['a', { en: 'source', hu: 'confirmed' }, { en: 1, hu: 2 }],
      ['b', { en: 'source', hu: 'confirmed' }, { en: 4, hu: 5 }],
    ]);
    expect(hu.totals.map((total) => total.lang)).toEqual(['en', 'hu']);
    expect(hu.stale).toEqual([]);
    expect(hu.ok).toBe(true);
    const de = narrowStatus(status, { langs: ['de'] });
    expect([de.languages, de.stale.length, de.ok]).toEqual([['en', 'de'], 1, false]);
  });

  it('--only lists the segments with a translation in those states, in the languages kept; totals and ok stay', () => {
    const missing = narrowStatus(status, { only: ['missing'] });
    expect(missing.segments.map((segment) => segment.id)).toEqual(['b']);
    expect(missing.only).toEqual(['missing']);
    expect(missing.totals).toEqual(status.totals);
    expect(missing.stale).toEqual([]);
    expect(missing.ok).toBe(false);
    expect(narrowStatus(status, { only: ['stale', 'confirmed'] }).segments.map((segment) => segment.id)).toEqual([
      'a',
      'b',
    ]);
    expect(narrowStatus(status, { only: ['stale'] }).stale).toEqual(status.stale);
    // hu has nothing stale or missing: nothing is listed, and all is well in hu.
    const hu = narrowStatus(status, { langs: ['hu'], only: ['stale', 'missing'] });
    expect([hu.segments, hu.ok]).toEqual([[], true]);
  });
});
