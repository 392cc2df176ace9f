/**
 * Build an issue's editions into `output/<slug>/`.
 *
 * Everything is written into a temporary folder beside the output first and moved into
 * place in one rename when all of it succeeded: a failed build leaves the previous
 * output as it was. A build narrowed by language or format starts from a copy of the
 * previous output, so the other editions stay; `editions.json` records what each
 * edition was built from, so that one kept from another input is never linked as
 * current and the caller can say it is out of date.
 */
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { lazyBrowser } from '../browser.js';
import type { BrowserSession } from '../browser.js';
import {
  isRunning,
  makeOwnedFolder,
  removeAbandonedFolders,
  removeAbandonedTemporaryFolders,
  uninterrupted,
} from '../cleanup.js';
import { holdsManuscript } from '../manuscript/protected-paths.js';
import type { ValidatedIssue } from '../manuscript/read-issue.js';
import type { Lang } from '../manuscript/schema.js';
import { splitEditions } from '../manuscript/split-editions.js';
import { loadLabels } from '../render/labels.js';
import { buildInputs } from './build-inputs.js';
import { editionFiles, outOfDateEditions, recordedEditions, writeEditionsRecord } from './editions-record.js';
import type { OutOfDateEdition } from './editions-record.js';
import type { Format } from './file-names.js';
import { buildableFormats, writers } from './registry.js';
import type { FormatWriter, HtmlContext, KeptEdition } from './types.js';

/** Where a build writes, what it makes, and who hears of it. */
export interface BuildOptions {
  /** The folder that holds every issue's output (`output/`). */
  outputRoot: string;
  /** Formats to build (default: every format that exists). */
  formats?: readonly Format[] | undefined;
  /** Languages to build (default: every language of the issue). */
  langs?: readonly Lang[] | undefined;
  /** Called with one line of progress per edition built. */
  progress?: (line: string) => void;
  /** The browser that prints, shared by the issues of one build (default: one for this issue). */
  browser?: () => Promise<BrowserSession>;
  /** Build a draft (`HtmlContext.draft`: `-draft` names, marked PDFs and EPUBs); default false. */
  draft?: boolean;
}

/** What a build wrote, and where. */
export interface BuildResult {
  /** Files the format writers wrote, relative to `output/<slug>/` (and `editions.json` beside them). */
  written: string[];
  outputDir: string;
  /** The editions a narrowed build kept from an earlier build of another input. */
  outOfDate: OutOfDateEdition[];
}

/** A language asked for that the issue is not written in: bad usage, said in one line. */
export class UnknownLanguageError extends Error {
  constructor(slug: string, unknown: readonly Lang[], expected: readonly Lang[]) {
    super(`Unknown language ${unknown.join(', ')} for ${slug}: expected ${expected.join(', ')}.`);
    this.name = 'UnknownLanguageError';
  }
}

/**
 * Build the editions of `issue`, read and validated by the caller, into
 * `<outputRoot>/<slug>/`. Throws on failures (browser, disk), and with
 * UnknownLanguageError, before writing anything, when `langs` names a language the
 * issue is not written in.
 *
 * @returns the files written and the folder they are in.
 */
export async function buildIssue(issue: ValidatedIssue, options: BuildOptions): Promise<BuildResult> {
  const { location } = issue;
  const outputDir = path.join(options.outputRoot, location.slug);
  // The output folder is replaced whole: it must hold no manuscript (an --output that
  // names the manuscript folder would delete the issue).
  if (holdsManuscript(outputDir))
    throw new Error(`Will not build into ${outputDir}: it is or holds a manuscript folder.`);
  const formats = new Set(options.formats ?? buildableFormats);
  const unknownLangs = (options.langs ?? []).filter((lang) => !issue.languages.includes(lang));
  if (unknownLangs.length > 0) throw new UnknownLanguageError(location.slug, unknownLangs, issue.languages);
  const langs = options.langs ?? issue.languages;
  const context: HtmlContext = {
    editions: splitEditions(issue),
    labels: loadLabels(issue.languages),
    formats,
    draft: options.draft ?? false,
  };

  await mkdir(options.outputRoot, { recursive: true });
  await removeAbandoned(options.outputRoot);
  // Named with this process's id: a later run removes it if this one is killed.
  const stagingFolder = await makeOwnedFolder(options.outputRoot, `.build-${location.slug}-`);
  const staging = stagingFolder.path;
  const ownBrowser = options.browser ? undefined : lazyBrowser();
  const browser = options.browser ?? (ownBrowser as NonNullable<typeof ownBrowser>).get;
  // Chromium starts while the rest is prepared; a failure to start is the PDF writer's to report.
  if (formats.has('pdf')) browser().catch(() => undefined);
  try {
    const narrowed = options.formats !== undefined || options.langs !== undefined;
    if (narrowed && existsSync(outputDir)) await cp(outputDir, staging, { recursive: true });
    const inputs = await buildInputs(issue, { draft: context.draft });
    const candidates = editionFiles(location.slug, issue.languages, { draft: context.draft });
    const earlier = await recordedEditions(staging, candidates);
    const kept = new Map<string, KeptEdition>(
      earlier.editions.map((entry) => [entry.file, entry.digest === inputs.digest ? 'current' : 'out-of-date']),
    );
    const progress = options.progress ?? (() => undefined);
    // The formats are written side by side: while Chromium lays out the PDFs, Node
    // writes the HTML and the EPUBs. Each waits for all the others before any failure
    // is thrown, so none is still writing when the staging folder is removed.
    const chosen = (Object.entries(writers) as Array<[Format, FormatWriter]>).filter(([format]) => formats.has(format));
    const outcomes = await Promise.allSettled(
      chosen.map(async ([format, write]) => {
        const started = performance.now();
        const files = await write({ issue, context, langs, staging, kept, progress, browser });
        for (const file of files) {
          progress(
            `${location.slug}: ${format} → ${path.relative(process.cwd(), path.join(outputDir, path.relative(staging, file)))}`,
          );
        }
        progress(`${location.slug}: ${format} done in ${((performance.now() - started) / 1000).toFixed(2)} s`);
        return files.map((file) => path.relative(staging, file));
      }),
    );
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    // In the writers' order, whichever finished first.
    const written = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? outcome.value : []));
    const writtenFiles = new Set(written.map((file) => file.split(path.sep).join('/')));
    const record = await writeEditionsRecord(staging, candidates, writtenFiles, earlier, inputs);
    // mkdtemp makes the folder private; the output is for everyone to read.
    await chmod(staging, 0o755);
    await replaceFolder(staging, outputDir);
    return { written, outputDir, outOfDate: outOfDateEditions(record, inputs) };
  } finally {
    await ownBrowser?.close();
    await stagingFolder.remove();
  }
}

/**
 * Remove what builds killed before they could clean up left in `outputRoot`: their
 * staging folders, their temporary folders, and the outputs half replaced.
 */
async function removeAbandoned(outputRoot: string): Promise<void> {
  await removeAbandonedFolders(outputRoot, '.build-');
  await removeAbandonedTemporaryFolders();
  await recoverReplacedFolders(outputRoot);
}

/**
 * Put `staging` where `target` is, in renames only; on failure `target` is untouched.
 * A stop signal waits for the renames; a kill between them leaves the old `target` as
 * `<target>.previous-<pid>`, which `recoverReplacedFolders` puts back.
 */
export async function replaceFolder(staging: string, target: string): Promise<void> {
  const previous = `${target}.previous-${process.pid}`;
  const hadPrevious = existsSync(target);
  await uninterrupted(async () => {
    if (hadPrevious) await rename(target, previous);
    try {
      await rename(staging, target);
    } catch (error) {
      if (hadPrevious) await rename(previous, target);
      throw error;
    }
  });
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
}

/**
 * Finish the `replaceFolder`s of processes that no longer run, in `parent`: a previous
 * folder whose target is missing goes back in its place (killed between the renames);
 * one whose target is there is removed (killed while removing it).
 *
 * @returns nothing; folders of running processes are left alone.
 */
export async function recoverReplacedFolders(parent: string): Promise<void> {
  for (const name of await readdir(parent).catch(() => [])) {
    const match = /^(.+)\.previous-(\d+)$/.exec(name);
    if (!match?.[1] || isRunning(Number(match[2]))) continue;
    const target = path.join(parent, match[1]);
    try {
      if (existsSync(target)) await rm(path.join(parent, name), { recursive: true, force: true });
      else await rename(path.join(parent, name), target);
    } catch {
      // Another run recovered it first; what is left is theirs.
    }
  }
}
