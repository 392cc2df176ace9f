/**
 * The identity of the program's code: a SHA-256 of its sources and of the packages it
 * is locked to. A result kept from another build of the program (a check's messages,
 * an edition) is never taken for this one's, whatever its version number says.
 *
 * Compiled, the program carries it (`compile.ts` defines it from the same sources); run
 * from its sources, it is taken from them, once.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from './project.js';

// Replaced by the digest in the compiled program; no such name exists in the sources.
declare const JLAGA_PROGRAM_BUILD: string | undefined;

let fromSources: Promise<string> | undefined;

/** The digest of the running program's code, in hex. */
export function programBuild(): Promise<string> {
  if (typeof JLAGA_PROGRAM_BUILD === 'string') return Promise.resolve(JLAGA_PROGRAM_BUILD);
  return (fromSources ??= sourcesDigest());
}

/**
 * The digest of the program's sources (`scripts/`, by path and bytes) with
 * `package.json` and `package-lock.json`: what the compiled program is made of.
 */
export async function sourcesDigest(): Promise<string> {
  const scripts = path.join(projectRoot, 'scripts');
  const files = (await readdir(scripts, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(projectRoot, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .concat(['package.json', 'package-lock.json'])
    .sort();
  const hash = createHash('sha256');
  for (const file of files) {
    const bytes = await readFile(path.join(projectRoot, file));
    hash.update(`${file}\n${bytes.length}\n`).update(bytes);
  }
  return hash.digest('hex');
}
