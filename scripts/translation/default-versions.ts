/**
 * Which two versions `jlaga diff <issue>` compares when it is given neither `--from` nor
 * `--to`: what the editor most likely wants to see.
 *
 * While the working tree changes the manuscript, that change: the last commit against
 * the working tree. Right after a commit the working tree has no change, and comparing
 * it with the last commit would only say "No differences"; the last change of the
 * manuscript is then the one to see: the commit before it that changed the file against
 * the commit that changed it last (`git log -- index.md`).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { displayPath } from '../manuscript/display-path.js';
import type { IssueLocation } from '../manuscript/locate-issue.js';
import type { VersionSpec } from './read-version.js';

const run = promisify(execFile);

/** How the versions were chosen: the working tree's change, or the manuscript's last change. */
export type DefaultChoice = 'working-tree' | 'last-change';

/** The versions to compare, or the one line that says why there are none. */
export type DefaultVersions =
  | { kind: 'versions'; choice: DefaultChoice; from: VersionSpec; to: VersionSpec }
  | { kind: 'nothing'; message: string };

/**
 * The versions of the issue at `location` to compare by default.
 *
 * @returns the last commit and the working tree, or the two commits of the last change;
 *   or, when the manuscript has one version in its history and no change in the working
 *   tree, is untracked, or is outside a git repository, the line that says so.
 */
export async function defaultVersions(location: IssueLocation): Promise<DefaultVersions> {
  const cwd = location.folder;
  const file = path.basename(location.manuscript);
  const named = `${location.slug}: ${displayPath(location.manuscript)}`;
  let commits: Array<{ id: string; date: string }>;
  try {
    const { stdout } = await run('git', ['log', '-n', '2', '--format=%H %cd', '--date=short', '--', file], { cwd });
    commits = stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [id = '', date = ''] = line.split(' ');
        return { id, date };
      });
  } catch (error) {
    if (/not a git repository/i.test((error as { stderr?: string }).stderr ?? '')) {
      return {
        kind: 'nothing',
        message: `${named} is not in a git repository: there is no earlier version to compare it with (give --from and --to files).`,
      };
    }
    // A repository without a commit yet has no history of the file either.
    commits = [];
  }
  const [latest, previous] = commits;
  if (!latest) {
    return {
      kind: 'nothing',
      message: `${named} is not in the git history (untracked): there is no earlier version to compare it with.`,
    };
  }
  if (await changedInWorkingTree(cwd, file)) {
    return { kind: 'versions', choice: 'working-tree', from: revision('HEAD'), to: { kind: 'working-tree' } };
  }
  if (!previous) {
    return {
      kind: 'nothing',
      message: `${named} has one version in its git history (${latest.id.slice(0, 7)}, ${latest.date}) and no change in the working tree: nothing to compare it with.`,
    };
  }
  return { kind: 'versions', choice: 'last-change', from: revision(previous.id), to: revision(latest.id) };
}

function revision(value: string): VersionSpec {
  return { kind: 'revision', revision: value };
}

/** Whether the working tree (staged or not) has a change to `file` since the last commit. */
async function changedInWorkingTree(cwd: string, file: string): Promise<boolean> {
  try {
    await run('git', ['diff', '--quiet', 'HEAD', '--', file], { cwd });
    return false;
  } catch {
    // 1 is git's "there are differences"; anything else (HEAD unreadable) is left to reading HEAD.
    return true;
  }
}
