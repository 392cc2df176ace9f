/**
 * Records kept between runs under `node_modules/.cache/jlaga/<kind>/`, one per folder
 * they are about (a check's per issue folder, a build's per output folder): read when
 * whole, written in one rename, and never a reason to fail where the cache cannot be
 * written (the work is then done every time).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cacheDir } from './project.js';

/** The record of `kind` about `folder`, named by the folder's absolute path. */
function recordPath(kind: string, folder: string): string {
  const name = createHash('sha256').update(path.resolve(folder)).digest('hex').slice(0, 32);
  return path.join(cacheDir, kind, `${name}.json`);
}

/** The record of `kind` about `folder` as JSON gives it back; `undefined` when there is none or it cannot be read. */
export async function readKeptRecord(kind: string, folder: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(recordPath(kind, folder), 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Keep `record` of `kind` about `folder`; where it cannot be written, nothing is kept. */
export async function writeKeptRecord(kind: string, folder: string, record: unknown): Promise<void> {
  const file = recordPath(kind, folder);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temporary, JSON.stringify(record));
    await rename(temporary, file);
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}
