/**
 * The series' memory as the commands use it: the confirmed pairs of every issue under
 * `manuscript/` that reads without errors, and the TMX files imported beside them.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { displayPath } from '../manuscript/display-path.js';
import { allIssues, manuscriptRoot } from '../manuscript/locate-issue.js';
import type { IssueLocation } from '../manuscript/locate-issue.js';
import { readIssue } from '../manuscript/read-issue.js';
import { projectRoot } from '../project.js';
import { importedMemoryFiles, issuePairs } from './pairs.js';
import type { MemoryPair } from './pairs.js';
import { readTmx } from './tmx-read.js';

/** The pairs, and what could not be read (an issue with errors, a broken memory file), one line each. */
export interface SeriesMemory {
  pairs: MemoryPair[];
  /** The series' own pairs, of its issues. */
  own: MemoryPair[];
  /** The issues they come from. */
  issues: IssueLocation[];
  leftOut: string[];
}

/**
 * Read the series' memory.
 *
 * @param options.root the project whose `manuscript/` holds the series (default: this one).
 * @param options.imported include the imported memories (default true).
 */
export async function seriesMemory(options: { imported?: boolean; root?: string } = {}): Promise<SeriesMemory> {
  const root = options.root ?? projectRoot;
  const own: MemoryPair[] = [];
  const issues: IssueLocation[] = [];
  const leftOut: string[] = [];
  for (const location of allIssues(root)) {
    if ('error' in location) continue;
    const read = await readIssue(location);
    if (read.issue) {
      own.push(...issuePairs(read.issue));
      issues.push(location);
    } else
      leftOut.push(
        `${location.slug}: left out of the memory, its manuscript has errors (jlaga check ${location.slug})`,
      );
  }
  const pairs = [...own];
  if (options.imported !== false) {
    for (const file of await importedMemoryFiles(manuscriptRoot(root))) {
      const messages = new VFile({ path: displayPath(file) });
      const read = await readTmx(messages, createReadStream(file), path.basename(file));
      if (read) pairs.push(...read);
      else leftOut.push(`${displayPath(file)}: left out of the memory, it is not a TMX file that can be read`);
    }
  }
  return { pairs, own, issues, leftOut };
}
