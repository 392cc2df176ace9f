/**
 * Where the project's own files are: the templates folder and the languages it has
 * interface labels for. Nothing here depends on the working directory.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root folder: the nearest one above this module with a package.json,
 * so that the same code finds it run from its source (`scripts/`) or compiled (`dist/scripts/`).
 */
export const projectRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRoot(folder: string): string {
  const parent = path.dirname(folder);
  if (existsSync(path.join(folder, 'package.json')) || parent === folder) return folder;
  return findRoot(parent);
}

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

/**
 * Where results are kept to be used again (a check's messages, what a build made):
 * the usual place under `node_modules/.cache`, which a fresh install starts without.
 */
export const cacheDir = path.join(projectRoot, 'node_modules', '.cache', 'jlaga');

/** The compiled program (`npm run compile` writes it; `npx jlaga` runs it). */
export const compiledProgram = path.join(projectRoot, 'dist', 'jlaga.mjs');

/** The program's name and version, as its package.json gives them. */
export interface ProgramInfo {
  name: string;
  version: string;
}

let program: ProgramInfo | undefined;

/** The program's name and version, read from package.json once. */
export function programInfo(): ProgramInfo {
  if (!program) {
    const json = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as ProgramInfo;
    program = { name: json.name, version: json.version };
  }
  return program;
}
