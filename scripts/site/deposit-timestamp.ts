/**
 * The version of an issue's Crossref deposit: the time of the last commit that changed
 * the issue's folder or its series file (`YYYYMMDDhhmmss`, UTC), so that a deposit grows
 * with each change and the site stays the same for the same input; the issue's date
 * where it is not in git. Never the clock.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { IssueLocation } from '../manuscript/locate-issue.js';

const run = promisify(execFile);

/** The deposit timestamp of the issue at `location`, dated `date` (ISO). */
export async function depositTimestamp(location: IssueLocation, date: string): Promise<string> {
  try {
    const { stdout } = await run(
      'git',
      ['log', '-1', '--format=%cd', '--date=format-local:%Y%m%d%H%M%S', '--', location.folder, location.series],
      {
        cwd: location.folder,
        env: { ...process.env, TZ: 'UTC' },
      },
    );
    if (/^\d{14}$/.test(stdout.trim())) return stdout.trim();
  } catch {
    // Not in git, or no git: the date.
  }
  return `${date.replaceAll('-', '')}000000`;
}
