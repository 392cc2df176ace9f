/**
 * The files of a site build: written into a staging folder that replaces the site in
 * one rename when the build succeeded. A file whose bytes are those the site already
 * has is not written again but linked to the site's own (a hard link, or a copy where
 * links are not possible), so it keeps its time of change (files from elsewhere, styles
 * or downloads, are copied, never linked, so that the site shares no bytes with them); the build knows which files
 * it added, changed or dropped, and a stage after the pages (the search index) can skip
 * its work when none did.
 */
import { existsSync } from 'node:fs';
import { copyFile, link, lstat, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Paths, `/`-separated and relative to the site's root, by what happened to them. */
export interface SiteChanges {
  /** Files the site did not have, or had with other bytes. */
  changed: string[];
  /** Files the site had that this build does not make. */
  removed: string[];
}

/** The staging folder of a site build, beside the site it is compared with. */
export class SiteFiles {
  readonly #staging: string;
  readonly #live: string;
  readonly #liveFiles: ReadonlyMap<string, number>;
  readonly #written = new Set<string>();
  readonly #changed = new Set<string>();

  private constructor(staging: string, live: string, liveFiles: ReadonlyMap<string, number>) {
    this.#staging = staging;
    this.#live = live;
    this.#liveFiles = liveFiles;
  }

  /** Files that stage in `staging`, compared with the site at `live` (which may not exist). */
  static async open(staging: string, live: string): Promise<SiteFiles> {
    return new SiteFiles(staging, live, await listFiles(live));
  }

  /** The staging folder. */
  get staging(): string {
    return this.#staging;
  }

  /** The site as it is before this build. */
  get live(): string {
    return this.#live;
  }

  /** Whether the site has the file at `sitePath` before this build. */
  has(sitePath: string): boolean {
    return this.#liveFiles.has(sitePath);
  }

  /** Every file the site has before this build, by site path. */
  liveFiles(): string[] {
    return [...this.#liveFiles.keys()].sort();
  }

  /** Put `content` at `sitePath`: linked to the site's file when that has the same bytes, else written. */
  async put(sitePath: string, content: Uint8Array | string): Promise<void> {
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    if (await this.#sameAsLive(sitePath, bytes)) return this.keep(sitePath);
    await this.#target(sitePath).then((target) => writeFile(target, bytes));
    this.#written.add(sitePath);
    this.#changed.add(sitePath);
  }

  /** Put the file `source` at `sitePath` (a download, a font): linked, not read, when its bytes are the site's. */
  async putFile(sitePath: string, source: string): Promise<void> {
    const size = (await lstat(source)).size;
    if (this.#liveFiles.get(sitePath) === size && (await this.#sameAsLive(sitePath, await readFile(source))))
      return this.keep(sitePath);
    // Copied, not linked: a link would share the bytes with the templates, the issue or the release.
    await copyFile(source, await this.#target(sitePath));
    this.#written.add(sitePath);
    this.#changed.add(sitePath);
  }

  /** Keep the site's file at `sitePath` as it is (an unchanged issue's page). */
  async keep(sitePath: string): Promise<void> {
    const source = path.join(this.#live, ...sitePath.split('/'));
    const target = await this.#target(sitePath);
    await link(source, target).catch(() => copyFile(source, target));
    this.#written.add(sitePath);
  }

  /** Whether this build has put a file at `sitePath`. */
  holds(sitePath: string): boolean {
    return this.#written.has(sitePath);
  }

  /** What this build changed against the site, so far. */
  changes(): SiteChanges {
    return {
      changed: [...this.#changed].sort(),
      removed: [...this.#liveFiles.keys()].filter((file) => !this.#written.has(file)).sort(),
    };
  }

  async #sameAsLive(sitePath: string, bytes: Uint8Array): Promise<boolean> {
    if (this.#liveFiles.get(sitePath) !== bytes.length) return false;
    const live = await readFile(path.join(this.#live, ...sitePath.split('/'))).catch(() => undefined);
    return live !== undefined && Buffer.compare(live, bytes) === 0;
  }

  async #target(sitePath: string): Promise<string> {
    if (this.#written.has(sitePath)) throw new Error(`The site build put ${sitePath} twice`);
    const target = path.join(this.#staging, ...sitePath.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    return target;
  }
}

/** The regular files under `folder` by site path, with their sizes. */
export async function listFiles(folder: string): Promise<Map<string, number>> {
  const files = new Map<string, number>();
  if (!existsSync(folder)) return files;
  const entries = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const sizes = await Promise.all(entries.map((entry) => lstat(path.join(entry.parentPath, entry.name))));
  entries.forEach((entry, index) => {
    const relative = path.relative(folder, path.join(entry.parentPath, entry.name));
    files.set(relative.split(path.sep).join('/'), sizes[index]?.size ?? 0);
  });
  // In path order, whatever order the folder listed them in.
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
