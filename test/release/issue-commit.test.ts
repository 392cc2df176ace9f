/**
 * The commit a release's manifest records: the last change of the issue, so that a
 * commit elsewhere in the repository leaves a release byte-identical.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { issueCommit } from '../../scripts/release/issue-commit.js';
import { copyFixtureManuscript, locate } from '../helpers.js';

const run = promisify(execFile);

async function git(folder: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], {
    cwd: folder,
  });
  return stdout.trim();
}

describe('the commit of a release', () => {
  it('is the last commit that changed the issue or its series, not the repository’s head', async () => {
    const { root, issue } = await copyFixtureManuscript();
    const location = locate(issue);
    expect(await issueCommit(location)).toEqual({});

    await git(root, 'init', '-q');
    await git(root, 'add', '.');
    await git(root, 'commit', '-qm', 'the issue');
    const first = await git(root, 'rev-parse', 'HEAD');
    expect(await issueCommit(location)).toEqual({ source: { commit: first, modified: false } });

    // A commit elsewhere in the repository.
    await writeFile(path.join(root, 'README.md'), 'elsewhere\n');
    await git(root, 'add', 'README.md');
    await git(root, 'commit', '-qm', 'elsewhere');
    expect(await issueCommit(location)).toEqual({ source: { commit: first, modified: false } });

    // A change of the issue, then its commit; series.yaml counts as the issue's.
    await writeFile(path.join(root, 'series.yaml'), `${await git(root, 'show', 'HEAD:series.yaml')}\n# changed\n`);
    expect(await issueCommit(location)).toEqual({ source: { commit: first, modified: true } });
    await git(root, 'commit', '-qam', 'the series');
    const second = await git(root, 'rev-parse', 'HEAD');
    expect(second).not.toBe(first);
    expect(await issueCommit(location)).toEqual({ source: { commit: second, modified: false } });
  });
});
