/**
 * What a build makes its editions from, as one digest: the issue's files (manuscript,
 * series file, glossary: digested by the reader, which has their bytes), the images of
 * its `assets/`, the `templates/` tree, the program's name and version, and whether it
 * is a draft's build. Two builds with the same digest make the same editions; an
 * edition kept from a build with another digest is out of date.
 *
 * No time, no absolute path: the digest of the same input is the same on any machine.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ValidatedIssue } from '../manuscript/read-issue.js';
import { sha256Hex } from '../manuscript/source-digests.js';
import { programInfo, templatesDir } from '../project.js';
import { mediaFiles, readIssueFile } from './assets.js';

/** The parts of a build's input, each a SHA-256 in hex but `program` (`<name> <version>`). */
export interface InputParts {
  manuscript: string;
  series: string;
  /** Present when the issue has a glossary. */
  glossary?: string;
  /** The files of the issue's `assets/`. */
  assets: string;
  /** The files of `templates/`. */
  templates: string;
  program: string;
  /** Present, true, for a draft's build (which marks its editions); absent otherwise. */
  draft?: true;
}

/** The names of the parts, in the order they are digested and described. */
export const inputPartNames = ['manuscript', 'series', 'glossary', 'assets', 'templates', 'program', 'draft'] as const;
export type InputPartName = (typeof inputPartNames)[number];

/** A build's input: its parts, and their digest. */
export interface BuildInputs {
  /** The SHA-256, in hex, of the parts. */
  digest: string;
  parts: InputParts;
}

/** Digest what a build of `issue` reads, and whether it is a `draft`'s. */
export async function buildInputs(issue: ValidatedIssue, options: { draft?: boolean } = {}): Promise<BuildInputs> {
  const { folder } = issue.location;
  const program = programInfo();
  const parts: InputParts = {
    ...issue.sources,
    assets: await treeDigest(await mediaFiles(folder), (file) => readIssueFile(folder, file)),
    templates: await treeDigest(await templateFiles(), (file) => readFile(path.join(templatesDir, file))),
    program: `${program.name} ${program.version}`,
    ...(options.draft === true ? { draft: true as const } : {}),
  };
  return { digest: inputsDigest(parts), parts };
}

/** The digest of `parts`: one line per part present, in `inputPartNames` order. */
export function inputsDigest(parts: InputParts): string {
  return sha256Hex(
    inputPartNames
      .filter((name) => parts[name] !== undefined)
      .map((name) => `${name} ${parts[name] ?? ''}\n`)
      .join(''),
  );
}

/** The parts in which `earlier` differs from `current`, in `inputPartNames` order. */
export function differingParts(earlier: InputParts, current: InputParts): InputPartName[] {
  return inputPartNames.filter((name) => earlier[name] !== current[name]);
}

/**
 * The digest of files by their relative paths (sorted) and bytes: each file's path and
 * length, then its bytes, so that neither can run into the next file's.
 */
async function treeDigest(files: readonly string[], read: (file: string) => Promise<Uint8Array>): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files) {
    const bytes = await read(file);
    hash.update(`${file}\n${bytes.length}\n`).update(bytes);
  }
  return hash.digest('hex');
}

/** Every file under `templates/`, as a `/`-separated relative path, in code-unit order. */
async function templateFiles(): Promise<string[]> {
  const entries = await readdir(templatesDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(templatesDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}
