/**
 * The font files of the editions: those that `templates/styles/fonts.css` names, found in
 * the @fontsource packages that provide them.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { templatesDir } from '../project.js';

/** One font file: its name in `fonts.css` and where the package keeps it. */
export interface FontFile {
  /** The file name, as `fonts.css` writes it after `fonts/`. */
  name: string;
  /** The absolute path of the file in its @fontsource package. */
  source: string;
}

/**
 * Every font file that `fonts.css` names, in the order it names them. A name that no
 * package provides is a bug of the stylesheet: it throws.
 */
export async function fontFiles(): Promise<FontFile[]> {
  const require = createRequire(import.meta.url);
  const css = await readFile(path.join(templatesDir, 'styles', 'fonts.css'), 'utf8');
  const files: FontFile[] = [];
  for (const [, name] of css.matchAll(/url\(fonts\/([^)]+)\)/g)) {
    if (!name) continue;
    const family = /^(source-serif-4|source-sans-3)-/.exec(name)?.[1];
    if (!family) throw new Error(`fonts.css names \`${name}\`, which no font package provides`);
    const source = path.join(path.dirname(require.resolve(`@fontsource/${family}/package.json`)), 'files', name);
    files.push({ name, source });
  }
  return files;
}
