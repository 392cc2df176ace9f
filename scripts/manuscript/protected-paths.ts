/**
 * Paths that a command must not write over: the manuscripts, `series.yaml`, the
 * glossary, and folders that hold any of them. Only the commands made to edit a
 * manuscript (`align confirm`, `xliff import`) write there; everything else that takes
 * an output path asks here first. Symbolic links are resolved, so a link to a
 * manuscript is caught as the manuscript.
 */
import { lstatSync, readdirSync, readlinkSync, readSync, openSync, closeSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { displayPath } from './display-path.js';

/** File names that hold the series' own data, whatever folder they are in. */
const protectedNames: Readonly<Record<string, string>> = {
  'series.yaml': 'the series file',
  'glossary.yaml': 'the glossary',
};

// Searching a folder for issue folders stops here; a folder this large counts as
// holding one, so the answer errs on the side of not writing.
const maxFoldersSearched = 10_000;

// Folders that hold packages or history, never an issue; searching them would be slow.
const skippedFolders = new Set(['node_modules', '.git']);

/**
 * Why writing a file at `target` would damage the project, if it would.
 *
 * @param target the output path as the user gave it (relative to the working folder
 *   or absolute); it need not exist.
 * @returns one sentence that names the target and what it is (a manuscript, the
 *   series file, the glossary, a folder), or undefined when writing there is fine.
 */
export function refuseManuscriptTarget(target: string): string | undefined {
  const resolved = resolvePath(path.resolve(target));
  const via = resolved === path.resolve(target) ? '' : ` (a link to ${displayPath(resolved)})`;
  const name = path.basename(resolved);
  let what: string | undefined;
  if (isFolder(resolved)) what = 'a folder; give the path of a file';
  else if (protectedNames[name] !== undefined) what = protectedNames[name];
  else if (isManuscript(resolved)) what = 'the manuscript of an issue (only `align confirm` and `xliff import` write it)';
  return what === undefined ? undefined : `Will not write over ${target}${via}: it is ${what}.`;
}

/**
 * Whether `folder` is an issue folder, holds one (or a `series.yaml`) at any depth, or
 * is inside an issue folder, so that replacing or filling it could touch a manuscript.
 *
 * @param folder a folder path, relative or absolute; it need not exist (then only the
 *   folders above it are looked at).
 * @returns true when writing the folder could touch a manuscript or series file; also
 *   true when the folder is too large to search (more than 10,000 folders).
 */
export function holdsManuscript(folder: string): boolean {
  const resolved = resolvePath(path.resolve(folder));
  // Above it, only an issue folder matters: a folder beside the issues (`manuscript/output`)
  // holds none of them, while anything inside an issue folder could reach an edition.
  for (let above = path.dirname(resolved); ; above = path.dirname(above)) {
    if (isManuscript(path.join(above, 'index.md'))) return true;
    if (path.dirname(above) === above) break;
  }
  return containsIssueFolder(resolved);
}

/**
 * Whether `file` is an issue's manuscript: an `index.md` that begins with front
 * matter, holds a language block, or sits in a folder beside a `series.yaml`.
 *
 * @param file an absolute path, symbolic links already resolved.
 * @returns false when the file does not exist or is not a regular file.
 */
export function isManuscript(file: string): boolean {
  if (path.basename(file) !== 'index.md' || !isRegularFile(file)) return false;
  if (isRegularFile(path.join(path.dirname(path.dirname(file)), 'series.yaml'))) return true;
  const head = readHead(file);
  return /^\uFEFF?---\r?\n/.test(head) || /^:::[a-z]{2,3}\{#/m.test(head);
}

function isIssueOrSeriesFolder(folder: string): boolean {
  return isManuscript(path.join(folder, 'index.md')) || isRegularFile(path.join(folder, 'series.yaml'));
}

/** Breadth-first over sub-folders, links not followed (a removal does not follow them either). */
function containsIssueFolder(root: string): boolean {
  if (!isFolder(root)) return false;
  const queue = [root];
  for (let searched = 0; queue.length > 0; searched++) {
    if (searched >= maxFoldersSearched) return true;
    const folder = queue.shift() as string;
    if (isIssueOrSeriesFolder(folder)) return true;
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !skippedFolders.has(entry.name)) queue.push(path.join(folder, entry.name));
    }
  }
  return false;
}

/**
 * The real path a write to `absolute` would reach: the target itself when it exists
 * (a link followed to its end), else the real path of the nearest existing folder
 * above it with the rest appended. A dangling link resolves to where it points.
 */
function resolvePath(absolute: string, depth = 0): string {
  try {
    return realpathSync(absolute);
  } catch {
    // Missing, or a link to something missing: writing creates the file where it points.
  }
  if (depth < 40) {
    try {
      if (lstatSync(absolute).isSymbolicLink()) {
        return resolvePath(path.resolve(path.dirname(absolute), readlinkSync(absolute)), depth + 1);
      }
    } catch {
      // Not there at all: fall through to its parent.
    }
  }
  const parent = path.dirname(absolute);
  return parent === absolute ? absolute : path.join(resolvePath(parent, depth), path.basename(absolute));
}

/** The first 64 KiB of a file as text: enough for the front matter's opening line and the first blocks. */
function readHead(file: string): string {
  const buffer = Buffer.alloc(64 * 1024);
  let descriptor: number | undefined;
  try {
    descriptor = openSync(file, 'r');
    return buffer.toString('utf8', 0, readSync(descriptor, buffer, 0, buffer.length, 0));
  } catch {
    return '';
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function isRegularFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
