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
      const reserved = reservedSlugReason(path.basename(folder));
      if (reserved) return { error: reserved };
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

/**
 * Names an issue folder cannot have, because `output/` uses them for something else,
 * with the folder that does: `output/release/` holds the releases (an issue called
 * `release` would replace them all), `output/release/drafts/` the drafts beside them,
 * `output/site/` the series' website. A name starting with `.` is a build's staging
 * folder.
 */
const reservedFolders: ReadonlyMap<string, string> = new Map([
  ['release', 'release'],
  ['site', 'site'],
  ['drafts', 'release/drafts'],
]);

/** Names an issue folder cannot have (see `reservedSlugReason`). */
export const reservedSlugs: readonly string[] = [...reservedFolders.keys()];

/** Why `slug` cannot name an issue, or undefined when it can. */
export function reservedSlugReason(slug: string): string | undefined {
  const folder = reservedFolders.get(slug.toLowerCase());
  if (folder !== undefined || slug.startsWith('.')) {
    return `The issue folder \`${slug}\` has a name that output/ keeps for ${folder === undefined ? 'builds in progress' : `its ${folder} folder`}: rename the folder (the folder name is the issue's slug)`;
  }
  return undefined;
}

/**
 * Every issue under `manuscript/`, in slug order: each folder with an `index.md`, as
 * its location or, for a folder that cannot be an issue (a reserved name), the reason.
 */
export function allIssues(projectRoot: string): Array<IssueLocation | { error: string }> {
  const root = manuscriptRoot(projectRoot);
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .sort()
    .filter((name) => isFile(path.join(root, name, 'index.md')))
    .map((name) => locateIssue(path.join(root, name), projectRoot));
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
