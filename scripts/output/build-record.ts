/**
 * What the last build of an issue made, kept to know when building again would make
 * the same files: then `jlaga build` says the issue is up to date and builds nothing.
 * An issue nobody touched costs the reading of its files, not a build.
 *
 * The record is kept per output folder (`node_modules/.cache/jlaga/build/`). It holds
 * the key of what each build was made from (the check's key, `check-cache.ts`: issue
 * folder, series, glossary, templates, program; for PDFs also the browser that printed
 * them), the files each way of building (formats and languages asked for) wrote, the
 * SHA-256 of every file of the output folder after the build, and the build's messages.
 * Up to date means: the same key, the same way of building done before, and every file
 * of the output folder as that build left it.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { findBrowser } from '../find-browser.js';
import type { JsonFile } from '../messages/report.js';
import { readKeptRecord, writeKeptRecord } from '../kept-records.js';
import { sha256Hex } from '../manuscript/source-digests.js';

/** The record of an output folder's last build. */
export interface BuildRecord {
  /** The key of each edition file's build, by path relative to the output folder. */
  editions: Record<string, string>;
  /** The files each way of building wrote (`requestName`), by that name. */
  requests: Record<string, string[]>;
  /** The SHA-256 of every file in the output folder, by relative path. */
  files: Record<string, string>;
  /** The messages of the last build's check. */
  report: JsonFile[];
  /** The languages, as its manuscript gave them. */
  languages: string[];
}

/** What was asked for: formats and languages (undefined: all), as one name. */
export function requestName(formats: readonly string[] | undefined, langs: readonly string[] | undefined): string {
  const list = (values: readonly string[] | undefined) => (values ? [...new Set(values)].sort().join(',') : '*');
  return `formats=${list(formats)} langs=${list(langs)}`;
}

/**
 * The key of an edition file's build: the check's key, and for a PDF the browser that
 * prints it (its path, size and time of change: another Chromium lays out otherwise).
 */
export async function editionKey(checkKey: string, file: string): Promise<string> {
  if (!file.endsWith('.pdf')) return checkKey;
  const browser = findBrowser();
  const stats = browser ? await stat(browser).catch(() => undefined) : undefined;
  return sha256Hex(`${checkKey}\nbrowser ${browser ?? 'none'} ${stats?.size ?? ''} ${stats?.mtimeMs ?? ''}`);
}

/**
 * The record of the last build into `outputDir`, when that build left the folder as it
 * is now and made what `request` asks for from `checkKey`'s input; otherwise undefined.
 */
export async function upToDate(outputDir: string, request: string, checkKey: string): Promise<BuildRecord | undefined> {
  const record = await readRecord(outputDir);
  const wrote = record?.requests[request];
  if (!record || !wrote) return undefined;
  for (const file of wrote) {
    if (record.editions[file] !== (await editionKey(checkKey, file))) return undefined;
  }
  const now = await folderFiles(outputDir);
  const recorded = Object.entries(record.files);
  if (recorded.length !== Object.keys(now).length) return undefined;
  return recorded.every(([file, digest]) => now[file] === digest) ? record : undefined;
}

/**
 * Keep the record of a build into `outputDir` that wrote `written` (relative paths)
 * from `checkKey`'s input, for `request`. Editions kept from an earlier build keep the
 * key they had; a way of building whose files were rebuilt from another input is forgotten.
 */
export async function recordBuild(
  outputDir: string,
  build: { request: string; written: readonly string[]; checkKey: string; report: JsonFile[]; languages: string[] },
): Promise<void> {
  const earlier = await readRecord(outputDir);
  const files = await folderFiles(outputDir);
  const editions: Record<string, string> = {};
  for (const [file, key] of Object.entries(earlier?.editions ?? {})) {
    // Kept as it was: the same bytes as the earlier build left.
    if (files[file] !== undefined && files[file] === earlier?.files[file]) editions[file] = key;
  }
  for (const file of build.written) editions[file] = await editionKey(build.checkKey, file);
  const requests: Record<string, string[]> = {};
  for (const [name, wrote] of Object.entries(earlier?.requests ?? {})) {
    if (wrote.every((file) => editions[file] !== undefined)) requests[name] = wrote;
  }
  requests[build.request] = [...build.written].sort();
  const record: BuildRecord = { editions, requests, files, report: build.report, languages: build.languages };
  // Not writable: the next build builds again; nothing else changes.
  await writeKeptRecord('build', outputDir, record);
}

async function readRecord(outputDir: string): Promise<BuildRecord | undefined> {
  const record = (await readKeptRecord('build', outputDir)) as Partial<BuildRecord> | undefined;
  const whole =
    typeof record?.editions === 'object' &&
    typeof record.requests === 'object' &&
    typeof record.files === 'object' &&
    Array.isArray(record.report) &&
    Array.isArray(record.languages);
  return whole ? (record as BuildRecord) : undefined;
}

/** The SHA-256 of every regular file under `folder`, by `/`-separated relative path. */
async function folderFiles(folder: string): Promise<Record<string, string>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  const files: Record<string, string> = {};
  for (const entry of entries) {
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(folder, full).split(path.sep).join('/');
    if (entry.isFile())
      files[relative] = createHash('sha256')
        .update(await readFile(full))
        .digest('hex');
    else if (!entry.isDirectory()) files[relative] = `not a file`;
  }
  return files;
}
