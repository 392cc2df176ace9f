/**
 * Where an issue's PDFs and EPUBs come from, the site never printing them itself (a
 * PDF takes seconds): its release (`output/release/<slug>/`, the files and checksums
 * its manifest lists), else its build in `output/<slug>/` when that is up to date
 * (offered as a draft), else none yet: the issue page says how to build them.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkKey } from '../manuscript/check-cache.js';
import type { IssueLocation } from '../manuscript/locate-issue.js';
import type { Lang } from '../manuscript/schema.js';
import { sha256Hex } from '../manuscript/source-digests.js';
import { requestName, upToDate } from '../output/build-record.js';
import { editionFileName } from '../output/file-names.js';
import type { DownloadEntry, DownloadsState } from './issue-entry.js';

/** An issue's downloads, where they are read from, and a digest of what they are. */
export interface IssueDownloads {
  state: DownloadsState;
  files: DownloadEntry[];
  /** The folder that holds the files. */
  folder: string | undefined;
  /** Changes whenever the files offered change: part of the issue's key. */
  digest: string;
}

interface ManifestFile {
  name?: unknown;
  format?: unknown;
  languages?: unknown;
  bytes?: unknown;
  sha256?: unknown;
}

/** The downloads of the issue at `location`, in `languages`, from `outputRoot` (`output/`). */
export async function findDownloads(
  location: IssueLocation,
  languages: readonly Lang[],
  outputRoot: string,
): Promise<IssueDownloads> {
  const release = path.join(outputRoot, 'release', location.slug);
  const manifestBytes = await readFile(path.join(release, 'manifest.json')).catch(() => undefined);
  if (manifestBytes) {
    const manifest = JSON.parse(manifestBytes.toString('utf8')) as { files?: ManifestFile[] };
    const files = (manifest.files ?? []).flatMap((file): DownloadEntry[] => {
      const lang: unknown = Array.isArray(file.languages) ? (file.languages as unknown[])[0] : undefined;
      return (file.format === 'pdf' || file.format === 'epub') &&
        typeof file.name === 'string' &&
        typeof lang === 'string' &&
        typeof file.bytes === 'number' &&
        typeof file.sha256 === 'string'
        ? [{ format: file.format, lang, name: file.name, bytes: file.bytes, sha256: file.sha256 }]
        : [];
    });
    return { state: 'released', files, folder: release, digest: `released ${sha256Hex(manifestBytes)}` };
  }
  const build = path.join(outputRoot, location.slug);
  // No build there: nothing to key (the key reads the templates and the program).
  if (!existsSync(path.join(build, 'editions.json')))
    return { state: 'not-built', files: [], folder: undefined, digest: 'not-built' };
  const record = await upToDate(build, requestName(undefined, undefined), await checkKey(location)).catch(
    () => undefined,
  );
  if (record) {
    const files = languages.flatMap((lang) =>
      (['pdf', 'epub'] as const).flatMap((format): DownloadEntry[] => {
        const name = editionFileName(location.slug, lang, format);
        const digest = record.files[name];
        return digest === undefined ? [] : [{ format, lang, name, bytes: 0 }];
      }),
    );
    const digest = files.map((file) => `${file.name} ${record.files[file.name] ?? ''}`).join('\n');
    return { state: 'draft', files, folder: build, digest: `draft ${sha256Hex(digest)}` };
  }
  return { state: 'not-built', files: [], folder: undefined, digest: 'not-built' };
}
