/**
 * What `jlaga check` found in an issue, kept to be said again while nothing it read has
 * changed: an untouched issue is checked in the time it takes to read its files, not
 * to parse them (a few milliseconds instead of a few hundred).
 *
 * The key is the SHA-256 of everything the check reads or depends on: every entry of
 * the issue folder (name, kind, bytes; a link's target), the series file and the
 * series glossary beside it, the `templates/` tree (the languages there are labels
 * for), the program's code (`programBuild`), and the working folder and the slug,
 * which the messages name. Any change, however small, is a new key and a new check.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import type { JsonFile } from '../messages/report.js';
import { programBuild } from '../program-build.js';
import { readKeptRecord, writeKeptRecord } from '../kept-records.js';
import { templatesDir } from '../project.js';
import type { IssueLocation } from './locate-issue.js';
import { glossaryFileName, sha256Hex } from './source-digests.js';
import type { IssueSummary } from './summary.js';

/** What a check of an issue said: its messages, its summary, whether it is valid. */
export interface CheckRecord {
  key: string;
  valid: boolean;
  report: JsonFile[];
  summary: IssueSummary;
}

/** The key of a check of the issue at `location`, as things are now. */
export async function checkKey(location: IssueLocation): Promise<string> {
  const seriesFolder = path.dirname(location.series);
  const parts = [
    'jlaga check 1',
    `program ${await programBuild()}`,
    `cwd ${process.cwd()}`,
    `slug ${location.slug}`,
    `issue ${await folderDigest(location.folder)}`,
    `series ${await fileDigest(location.series)}`,
    `glossary ${await fileDigest(path.join(seriesFolder, glossaryFileName))}`,
    `templates ${await folderDigest(templatesDir)}`,
  ];
  return sha256Hex(parts.join('\n'));
}

/** The record of the last check of the issue at `location`, if it has the key `key`. */
export async function readCheckRecord(location: IssueLocation, key: string): Promise<CheckRecord | undefined> {
  // None yet, or not readable: the issue is checked.
  const record = (await readKeptRecord('check', location.folder)) as Partial<CheckRecord> | undefined;
  const whole =
    record?.key === key &&
    typeof record.valid === 'boolean' &&
    Array.isArray(record.report) &&
    typeof record.summary === 'object';
  return whole ? (record as CheckRecord) : undefined;
}

/** Keep `record` for the issue at `location`; where it cannot be written (a read-only install), nothing is kept. */
export async function writeCheckRecord(location: IssueLocation, record: CheckRecord): Promise<void> {
  await writeKeptRecord('check', location.folder, record);
}

/** The SHA-256 of a file's bytes, or `none` when there is no file to read. */
async function fileDigest(file: string): Promise<string> {
  return readFile(file).then(
    (bytes) => sha256Hex(bytes),
    () => 'none',
  );
}

/**
 * The SHA-256 of a folder's entries, recursively, in code-unit order of their paths:
 * each entry's kind and path; a file's length and bytes; a link's target (not followed).
 */
export async function folderDigest(folder: string): Promise<string> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  const named = entries
    .map((entry) => ({ entry, relative: path.relative(folder, path.join(entry.parentPath, entry.name)) }))
    .sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
  const hash = createHash('sha256');
  for (const { entry, relative } of named) {
    const full = path.join(folder, relative);
    if (entry.isFile()) {
      const bytes = await readFile(full);
      hash.update(`file ${relative}\n${bytes.length}\n`).update(bytes);
    } else if (entry.isSymbolicLink()) {
      hash.update(`link ${relative}\n${await readlink(full).catch(() => '')}\n`);
    } else {
      hash.update(`${entry.isDirectory() ? 'folder' : 'other'} ${relative}\n`);
    }
  }
  return hash.digest('hex');
}
