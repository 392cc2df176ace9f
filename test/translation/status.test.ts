/** `align status`: states, words, completeness, and what changed under a stale translation. */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main as align } from '../../scripts/cli/align.js';
import { projectRoot } from '../../scripts/project.js';
import { translationStatus } from '../../scripts/translation/status.js';
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
      ['en', 117, 1],
      ['hu', 110, 1],
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
