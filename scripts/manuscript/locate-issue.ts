/**
 * Find an issue from what a user typed: a slug (`2026-3`) or a folder
 * (`manuscript/2026-3`, or any folder with an `index.md`). The series file is the
 * `series.yaml` beside the issue folder.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface IssueLocation {
  slug: string;
  folder: string;
  manuscript: string;
  series: string;
}

/** The folder that holds the project's issues. */
export function manuscriptRoot(projectRoot: string): string {
  return path.join(projectRoot, 'manuscript');
}

/**
 * Resolve one argument to an issue.
 *
 * @returns the location, or a reason why the argument names no issue.
 */
export function locateIssue(argument: string, projectRoot: string): IssueLocation | { error: string } {
  const candidates = [path.resolve(argument), path.join(manuscriptRoot(projectRoot), argument)];
  for (const candidate of candidates) {
    const folder = isFile(candidate) && path.basename(candidate) === 'index.md' ? path.dirname(candidate) : candidate;
    if (isFile(path.join(folder, 'index.md'))) {
      return {
        slug: path.basename(folder),
        folder,
        manuscript: path.join(folder, 'index.md'),
        series: path.join(path.dirname(folder), 'series.yaml'),
      };
    }
  }
  return { error: `No issue \`${argument}\`: expected a slug under manuscript/ or a folder with an index.md` };
}

/** Every issue under `manuscript/`, in slug order. */
export function allIssues(projectRoot: string): IssueLocation[] {
  const root = manuscriptRoot(projectRoot);
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .sort()
    .map((name) => locateIssue(path.join(root, name), projectRoot))
    .filter((location): location is IssueLocation => !('error' in location));
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
