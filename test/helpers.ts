/** Shared helpers of the tests: fixture paths and reading an issue by folder. */
import { createHash } from 'node:crypto';
import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { locateIssue } from '../scripts/manuscript/locate-issue.js';
import type { IssueLocation } from '../scripts/manuscript/locate-issue.js';
import { readIssue } from '../scripts/manuscript/read-issue.js';
import type { ReadResult, ValidatedIssue } from '../scripts/manuscript/read-issue.js';
import { buildIssue } from '../scripts/output/build.js';
import type { Format } from '../scripts/output/file-names.js';
import type { Command, CommandIo } from '../scripts/cli/io.js';
import { projectRoot } from '../scripts/project.js';
import { tempFolder } from './temp-folders.js';

export { tempFolder } from './temp-folders.js';

export const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** The complete fixture issue used by every later stage. */
export const fixtureIssue = path.join(fixtures, 'manuscript', '2099-1');

export function locate(folder: string): IssueLocation {
  const location = locateIssue(folder, projectRoot);
  if ('error' in location) throw new Error(location.error);
  return location;
}

export async function read(folder: string): Promise<ReadResult> {
  return readIssue(locate(folder));
}

/** The validated issue in `folder`, for the stages after reading; throws when it has errors. */
export async function readValid(folder: string): Promise<ValidatedIssue> {
  const result = await read(folder);
  if (!result.issue) throw new Error(`${folder} has errors`);
  return result.issue;
}

/** Messages as `file line:column severity rule`, in the order of the file. */
export function messageLines(result: ReadResult): string[] {
  return result.files
    .flatMap((file) =>
      file.messages.map((message) => ({
        key: `${file.basename ?? ''} ${message.line ?? 0}:${message.column ?? 0} ${message.fatal ? 'error' : 'warning'} ${message.ruleId ?? ''}`,
        line: message.line ?? 0,
        column: message.column ?? 0,
      })),
    )
    .sort((a, b) => a.line - b.line || a.column - b.column || a.key.localeCompare(b.key))
    .map((entry) => entry.key);
}

/** A copy of the fixture manuscript folder (series.yaml and 2099-1/) in a temporary folder. */
export async function copyFixtureManuscript(): Promise<{ root: string; issue: string }> {
  const root = await tempFolder('jlaga-test-');
  await cp(path.join(fixtures, 'manuscript'), root, { recursive: true });
  return { root, issue: path.join(root, '2099-1') };
}

/** Expected HTML of the fixture issue. */
export const goldenDir = path.join(fixtures, 'golden', '2099-1');

/** Built file (relative to `output/<slug>/`) → its expected copy in `goldenDir`. */
export const goldenFiles: ReadonlyArray<[string, string]> = [
  ['html/en/index.html', 'en.html'],
  ['html/hu/index.html', 'hu.html'],
  ['html/parallel.html', 'parallel.html'],
];

/**
 * Build the fixture issue (or a copy of it, or another issue without errors) into a new
 * temporary output folder, in every format or in `formats`.
 */
export async function buildFixture(
  folder = fixtureIssue,
  formats?: readonly Format[],
): Promise<{ outputRoot: string; outputDir: string }> {
  const outputRoot = await tempFolder('jlaga-out-');
  const result = await buildIssue(await readValid(folder), { outputRoot, formats });
  return { outputRoot, outputDir: result.outputDir };
}

/** Every file under `folder`, by its relative path, with the SHA-256 of its bytes. */
export async function hashTree(folder: string): Promise<Record<string, string>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const hashes: Record<string, string> = {};
  for (const entry of entries.filter((candidate) => candidate.isFile())) {
    const file = path.join(entry.parentPath, entry.name);
    hashes[path.relative(folder, file)] = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  }
  return hashes;
}

/** What a command wrote and the code it ended with. */
export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Run a command's `main` in this process, as `npm run <command> -- …argv` would from the
 * project's folder, its output captured as a pipe would take it (no terminal, so no colour).
 *
 * @returns its exit code and everything it wrote to standard output and standard error.
 */
export async function runCommand(main: Command, argv: readonly string[]): Promise<CommandRun> {
  const run = { stdout: '', stderr: '' };
  const io: CommandIo = {
    stdout: { write: (text: string) => (run.stdout += text) },
    stderr: { write: (text: string) => (run.stderr += text) },
    noColor: false,
  };
  const code = await main([...argv], io);
  return { code, ...run };
}
