/**
 * One version of an issue, read with the project's reader: the manuscript as a git
 * revision has it, as another file has it, or as the working tree has it. Every version
 * is read with the `series.yaml` beside the issue as it is now.
 */
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { displayPath } from '../manuscript/display-path.js';
import type { IssueLocation } from '../manuscript/locate-issue.js';
import { readIssue } from '../manuscript/read-issue.js';
import type { ReadResult } from '../manuscript/read-issue.js';

const run = promisify(execFile);

/** Which version: a git revision, a file on disk, or the issue's index.md as it is now. */
export type VersionSpec =
  { kind: 'revision'; revision: string } | { kind: 'file'; file: string } | { kind: 'working-tree' };

/** A version that was read (possibly with errors in it). */
export interface ReadVersion {
  spec: VersionSpec;
  /**
   * How the version is named to a reader: `HEAD (1a2b3c4, 2026-11-30)`, a commit as
   * `1a2b3c4 (2026-11-30)`, a file path, `working tree`.
   */
  label: string;
  /** The full commit id of a revision. */
  commit: string | undefined;
  /** The commit date of a revision, `YYYY-MM-DD`. */
  date: string | undefined;
  /** Where the text came from: `HEAD:manuscript/2026-3/index.md` or a file path. */
  path: string;
  /** What the reader made of it; its files are named by `path`. */
  result: ReadResult;
}

/**
 * What a `--from`/`--to` value names: an existing file (or a folder with an index.md)
 * is read from disk; anything else is a git revision.
 */
export function versionSpec(value: string): VersionSpec {
  const file = isFile(value) ? value : isFile(path.join(value, 'index.md')) ? path.join(value, 'index.md') : undefined;
  return file ? { kind: 'file', file: path.resolve(file) } : { kind: 'revision', revision: value };
}

/**
 * Read the version `spec` of the issue at `location`.
 *
 * @returns the version, or why it cannot be read at all (an unknown revision, a
 *   manuscript the revision does not have, a file that cannot be read).
 */
export async function readVersion(
  location: IssueLocation,
  spec: VersionSpec,
): Promise<ReadVersion | { error: string }> {
  const source = await versionBytes(location, spec);
  if ('error' in source) return source;
  const result = await readIssue(location, { bytes: source.bytes, path: source.path });
  return { spec, label: source.label, commit: source.commit, date: source.date, path: source.path, result };
}

interface VersionBytes {
  bytes: Uint8Array;
  label: string;
  commit: string | undefined;
  date: string | undefined;
  path: string;
}

async function versionBytes(location: IssueLocation, spec: VersionSpec): Promise<VersionBytes | { error: string }> {
  if (spec.kind !== 'revision') {
    const file = spec.kind === 'file' ? spec.file : location.manuscript;
    try {
      const label = spec.kind === 'file' ? displayPath(file) : 'working tree';
      return { bytes: await readFile(file), label, commit: undefined, date: undefined, path: displayPath(file) };
    } catch (error) {
      return { error: `Cannot read \`${displayPath(file)}\`: ${(error as Error).message}` };
    }
  }
  const { revision } = spec;
  const cwd = location.folder;
  // A value that starts with `-` would be read by git as an option.
  if (revision.startsWith('-')) return { error: `No file or revision \`${revision}\`` };
  let prefix: string;
  try {
    prefix = (await run('git', ['rev-parse', '--show-prefix'], { cwd })).stdout.trim();
  } catch (error) {
    return { error: `Cannot read revision \`${revision}\`: ${gitMessage(error)}` };
  }
  let commit: string;
  try {
    commit = (await run('git', ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], { cwd })).stdout.trim();
  } catch {
    return { error: `No file or revision \`${revision}\`: not a file, and git knows no such commit` };
  }
  const inRepository = `${prefix}${path.basename(location.manuscript)}`;
  let bytes: Buffer;
  try {
    ({ stdout: bytes } = await run('git', ['show', `${commit}:${inRepository}`], {
      cwd,
      encoding: 'buffer',
      maxBuffer: 1 << 30,
    }));
  } catch (error) {
    return { error: `Revision \`${revision}\` has no \`${inRepository}\`: ${gitMessage(error)}` };
  }
  const date = (await run('git', ['show', '-s', '--format=%cd', '--date=short', commit], { cwd })).stdout.trim();
  return { bytes, label: revisionLabel(revision, commit, date), commit, date, path: `${revision}:${inRepository}` };
}

/**
 * A revision as a reader sees it: its short id and date, after the name it was given
 * unless that name is the commit id itself (`1a2b3c4 (2026-11-30)`, `HEAD~1 (1a2b3c4, 2026-11-30)`).
 */
function revisionLabel(revision: string, commit: string, date: string): string {
  const short = commit.slice(0, 7);
  const isId = revision.length >= 4 && commit.startsWith(revision.toLowerCase());
  return isId ? `${short} (${date})` : `${revision} (${short}, ${date})`;
}

function gitMessage(error: unknown): string {
  const { stderr, message } = error as { stderr?: string | Buffer; message: string };
  const text = String(stderr ?? '').trim() || message;
  return text.split('\n')[0] ?? text;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
