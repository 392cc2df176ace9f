/**
 * The files every format copies beside its pages: the fonts the styles name, and the
 * issue's images.
 *
 * An image is read only as what the manuscript stage checked it to be: a regular file
 * under the issue's `assets/`, reached without a symbolic link. The check makes this
 * true for any issue that builds; reading the same way here keeps a link added after
 * the check (or a bug) from publishing a file from elsewhere on the machine.
 */
import { copyFile, lstat, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assetsFolder, inspectImageFile } from '../manuscript/image-files.js';
import { fontFiles } from './fonts.js';

/**
 * Read a file of the issue folder by its path relative to it (`assets/chart.svg`).
 *
 * @throws when the path is not a regular file inside the folder or a symbolic link is on the way.
 */
export async function readIssueFile(issueFolder: string, relative: string): Promise<Buffer> {
  const found = inspectImageFile(issueFolder, relative);
  if (found.kind !== 'file') {
    throw new Error(`${relative}: not a file of the issue folder (${found.kind}); run \`jlaga check\``);
  }
  return readFile(path.join(issueFolder, relative));
}

/** Copy the fonts `fonts.css` names into `folder/fonts/`. */
export async function copyFonts(folder: string): Promise<void> {
  await mkdir(path.join(folder, 'fonts'), { recursive: true });
  for (const font of await fontFiles()) await copyFile(font.source, path.join(folder, 'fonts', font.name));
}

/**
 * The regular files of the issue's `assets/`, as paths relative to the issue folder
 * (`assets/chart.svg`), sorted; symbolic links (the manuscript stage reports them) are
 * never followed, the folder's own included.
 */
export async function mediaFiles(issueFolder: string): Promise<string[]> {
  const media = path.join(issueFolder, assetsFolder);
  const stats = await lstat(media).catch(() => undefined);
  if (!stats?.isDirectory()) return [];
  // `withFileTypes` describes links as links, and a recursive read does not enter them.
  const entries = await readdir(media, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(issueFolder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Copy the regular files of the issue's `assets/` (`mediaFiles`) into `folder/media/`. */
export async function copyMedia(folder: string, issueFolder: string): Promise<void> {
  for (const relative of await mediaFiles(issueFolder)) {
    const target = path.join(folder, 'media', ...relative.split('/').slice(1));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, await readIssueFile(issueFolder, relative));
  }
}

/** Copy the fonts into `folder/fonts/` and the issue's media into `folder/media/`. */
export async function copyFontsAndMedia(folder: string, issueFolder: string): Promise<void> {
  await copyFonts(folder);
  await copyMedia(folder, issueFolder);
}
