/**
 * Where the project's own files are: the templates folder and the languages it has
 * interface labels for. Nothing here depends on the working directory.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder (the one with package.json). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Page shells, styles, brand and label files. */
export const templatesDir = path.join(projectRoot, 'templates');

/** One i18next resource file per language: `templates/locales/<lang>.json`. */
export const localesDir = path.join(templatesDir, 'locales');

/** Languages an edition can be made in: those with a label file, sorted. */
export function supportedLanguages(): string[] {
  return readdirSync(localesDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
}
