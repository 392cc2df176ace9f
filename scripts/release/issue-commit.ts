/** Where in git a release's issue comes from, as its manifest records it. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { IssueLocation } from '../manuscript/locate-issue.js';

const run = promisify(execFile);

/**
 * The last commit that changed the issue's folder or its series.yaml, and whether its
 * files differ from it now. The last change of the issue, not the repository's head: a
 * commit elsewhere in the repository changes nothing the release is made from, so the
 * release stays byte-identical across it. Nothing when the issue is not in git.
 */
export async function issueCommit(
  location: IssueLocation,
): Promise<{ source?: { commit: string; modified: boolean } }> {
  const paths = ['--', '.', path.relative(location.folder, location.series)];
  try {
    const { stdout: commit } = await run('git', ['log', '-1', '--format=%H', ...paths], { cwd: location.folder });
    if (commit.trim() === '') return {};
    const { stdout: changes } = await run('git', ['status', '--porcelain', ...paths], { cwd: location.folder });
    return { source: { commit: commit.trim(), modified: changes.trim() !== '' } };
  } catch {
    return {};
  }
}
