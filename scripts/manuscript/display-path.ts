/** How every message and every command names a file. */
import path from 'node:path';

/**
 * A path as a message shows it: relative to the working folder when inside it, else as
 * given.
 *
 * @param file an absolute or relative path.
 * @returns the path to print.
 */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
