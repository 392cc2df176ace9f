/**
 * Release an issue: every language × format, built and validated in a temporary
 * folder, named by one convention, checksummed, listed, and only then moved into
 * `output/release/<issue>/` in one step. A failure at any point leaves the previous
 * release exactly as it was. Never from a manuscript with errors; never, unless it is
 * a draft, with a translation missing, stale or unconfirmed, or a validator failing.
 * What the manuscript alone refuses on is refused right after reading, before anything
 * is built.
 *
 * A draft (`draft`) is released despite open translations and validator findings,
 * into a folder of its own, `output/release/drafts/<issue>/`: it never replaces the
 * final release. Every file of it is marked: its names end in `-draft`, every PDF page
 * carries the draft mark, the PDFs' and EPUBs' titles say it, and its downloads page
 * lists the problems it was released despite.
 *
 * File names: `jlaga-<issue>-<lang>.pdf`, `jlaga-<issue>-<lang>.epub`, the HTML
 * editions of both languages as `jlaga-<issue>-html.zip`, everything in
 * `jlaga-<issue>.zip`.
 */
import { chmod, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { BrowserSession } from '../browser.js';
import { makeOwnedFolder, removeAbandonedFolders, removeAbandonedTemporaryFolders } from '../cleanup.js';
import type { IssueLocation } from '../manuscript/locate-issue.js';
import { holdsManuscript } from '../manuscript/protected-paths.js';
import { readIssue } from '../manuscript/read-issue.js';
import { report } from '../messages/report.js';
import { editionFileName } from '../output/file-names.js';
import { translationStatus } from '../translation/status.js';
import type { Manifest } from './manifest.js';
import { releaseRules } from './rules.js';
import { checkEpub, checkHtml } from './validators.js';

export interface ReleaseOptions {
  /** The folder releases go to (`output/release/`); drafts go to its `drafts/` folder. */
  releaseRoot: string;
  /**
   * Release a draft: despite open translations and validator findings, every file
   * marked as a draft, into `<releaseRoot>/drafts/<issue>/` (default false).
   */
  draft?: boolean;
  /** Called with one line per stage (read, each format and edition built, each validator, package, move) and its time. */
  progress?: (line: string) => void;
  browser?: () => Promise<BrowserSession>;
  /** Called when everything is ready, just before the move into place (tests inject failures here). */
  beforeMove?: () => Promise<void> | void;
  /**
   * The validators (default: the Nu Html Checker and EPUBCheck). Tests of what a release
   * does with its files, where the validators' findings do not matter, give ones that
   * find nothing: each run of the real ones costs three Java processes.
   */
  validators?: Validators;
}

/** What checks the built files: HTML pages, then each EPUB, to messages on the files they name. */
export interface Validators {
  checkHtml: typeof checkHtml;
  checkEpub: typeof checkEpub;
}

export interface ReleaseResult {
  /**
   * The manuscript files and the validated files, with their messages: the reader's,
   * and the release's (`release:*`, `epubcheck:*`, `nu:*`): errors when it was
   * refused, warnings in a draft that was released anyway.
   */
  files: VFile[];
  /** Every reason the release was refused (or, for a draft, is a draft), one line each, as the manifest lists them. */
  problems: string[];
  released: boolean;
  /** Where the release is, or would have been. */
  folder: string;
  manifest?: Manifest;
}

/** The folder of `releaseRoot` that holds the drafts, one folder per issue. */
export const draftsFolder = 'drafts';

/**
 * Where the release of `slug` goes: `<releaseRoot>/<slug>/`, or for a draft
 * `<releaseRoot>/drafts/<slug>/` (an issue cannot be called `drafts`: locate-issue.ts).
 */
export function releaseFolder(releaseRoot: string, slug: string, options: { draft?: boolean } = {}): string {
  return options.draft === true ? path.join(releaseRoot, draftsFolder, slug) : path.join(releaseRoot, slug);
}

/**
 * Why releasing `slug` into `releaseRoot` could touch a manuscript, or undefined when it
 * cannot: its release folder, or its draft's, is or holds an issue folder, and would
 * be replaced whole (a root given as the series folder would delete the issue). Both
 * are asked, so that a draft is refused wherever its release would be.
 *
 * @returns one sentence without a full stop, naming the folder.
 */
export function manuscriptInReleaseFolder(releaseRoot: string, slug: string): string | undefined {
  for (const folder of [releaseFolder(releaseRoot, slug), releaseFolder(releaseRoot, slug, { draft: true })]) {
    if (holdsManuscript(folder)) return `Will not release into ${folder}: it is or holds a manuscript folder`;
  }
  return undefined;
}

/**
 * Release the issue at `location`. Throws, before reading, when its release folder is
 * or holds a manuscript (`manuscriptInReleaseFolder`), and on failures that are not the
 * manuscript's (browser, disk); the previous release is then as it was.
 */
export async function releaseIssue(location: IssueLocation, options: ReleaseOptions): Promise<ReleaseResult> {
  const draft = options.draft === true;
  const folder = releaseFolder(options.releaseRoot, location.slug, { draft });
  const unsafe = manuscriptInReleaseFolder(options.releaseRoot, location.slug);
  if (unsafe !== undefined) throw new Error(`${unsafe}.`);
  const stage = stageTimer(location.slug, options.progress ?? (() => undefined));
  const read = await stage('read', () => readIssue(location));
  const [manuscript = new VFile()] = read.files;
  if (!read.issue) {
    const reason = 'the manuscript has errors (see the report above)';
    report(manuscript, releaseRules['manuscript-errors'], reason, undefined);
    return { files: read.files, problems: [reason], released: false, folder };
  }
  const issue = read.issue;
  const problems: string[] = [];
  // The refusals, kept to be made warnings when a draft is released despite them.
  const refusals: VFileMessage[] = [];
  const status = await translationStatus(issue);
  for (const [index, segment] of status.segments.entries()) {
    for (const [lang, state] of Object.entries(segment.states)) {
      if (state !== 'missing' && state !== 'stale' && state !== 'unconfirmed') continue;
      const { blocks, position } = issue.segments[index] ?? {};
      const reason = `${state} ${lang} translation of #${segment.id}`;
      // At the translation's block, or the segment when the translation is missing.
      refusals.push(report(manuscript, releaseRules[`${state}-translation`], reason, blocks?.[lang]?.node ?? position));
      problems.push(reason);
    }
  }
  // The manuscript alone says no: refused before a browser or a validator is started.
  if (problems.length > 0 && !draft) return { files: read.files, problems, released: false, folder };

  // Loaded only for a release that goes on: the build's modules (renderers, hyphenation
  // patterns, pdf-lib, puppeteer) take longer to load than a refusal takes.
  const { buildIssue, recoverReplacedFolders, replaceFolder } = await import('../output/build.js');
  const { packageRelease } = await import('./package-release.js');
  await mkdir(path.dirname(folder), { recursive: true });
  // What releases killed before they could clean up left: their folders, half a replace.
  await removeAbandonedFolders(options.releaseRoot, '.release-');
  await removeAbandonedTemporaryFolders();
  await recoverReplacedFolders(options.releaseRoot);
  await recoverReplacedFolders(path.join(options.releaseRoot, draftsFolder));
  // Named with this process's id: a later run removes it if this one is killed.
  const workFolder = await makeOwnedFolder(options.releaseRoot, `.release-${location.slug}-`);
  const work = workFolder.path;
  try {
    // 1. Build every language and format (the build says how long each took).
    const built = await buildIssue(issue, {
      outputRoot: path.join(work, 'build'),
      progress: options.progress,
      browser: options.browser,
      draft,
    });

    // 2. Validate.
    const validators = options.validators ?? { checkHtml, checkEpub };
    const htmlPages = (await readdir(path.join(built.outputDir, 'html'), { recursive: true }))
      .filter((name) => name.endsWith('.html'))
      .sort()
      .map((name) => path.join(built.outputDir, 'html', name));
    // Named relative to the build, so that a draft's manifest is the same wherever it was made.
    const root = built.outputDir;
    const findingsOf = (files: VFile[]) => `${files.reduce((sum, file) => sum + file.messages.length, 0)} problems`;
    const validated = [
      ...(await stage(
        'Nu Html Checker',
        () => validators.checkHtml(htmlPages, { root }),
        (files) => `${htmlPages.length} pages, ${findingsOf(files)}`,
      )),
      ...(
        await Promise.all(
          issue.languages.map((lang) =>
            stage(
              `EPUBCheck ${lang}`,
              () =>
                validators.checkEpub(path.join(root, editionFileName(location.slug, lang, 'epub', { draft })), {
                  root,
                }),
              findingsOf,
            ),
          ),
        )
      ).flat(),
    ];
    for (const file of validated) {
      for (const message of file.messages) {
        refusals.push(message);
        problems.push(problemLine(file, message));
      }
    }
    const reported = [...read.files, ...validated];
    if (problems.length > 0 && !draft) return { files: reported, problems, released: false, folder };
    // A draft is released despite them: they are its warnings.
    for (const message of refusals) message.fatal = false;

    // 3. Name, list and checksum the files.
    const staging = path.join(work, 'release');
    const manifest = await stage('package', () => packageRelease(issue, built.outputDir, staging, { draft, problems }));

    // 4. Into place, in one step.
    await stage('move', async () => {
      await options.beforeMove?.();
      await chmod(staging, 0o755);
      await replaceFolder(staging, folder);
    });
    return { files: reported, problems, released: true, folder, manifest };
  } finally {
    await workFolder.remove();
  }
}

/**
 * Run one stage of a release and say, in one line, how long it took and what it found:
 * `2026-3: EPUBCheck hu done in 9.8 s (0 problems)`.
 *
 * @returns a function that runs `work` as the stage `name`; `detail` words its result.
 */
function stageTimer(slug: string, progress: (line: string) => void) {
  return async <T>(name: string, work: () => Promise<T>, detail?: (result: T) => string): Promise<T> => {
    const started = performance.now();
    const result = await work();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    progress(`${slug}: ${name} done in ${seconds} s${detail ? ` (${detail(result)})` : ''}`);
    return result;
  };
}

/** A validator's finding as the manifest lists it: `epubcheck:RSC-005 <file>:<line>:<column>: <reason>`. */
function problemLine(file: VFile, message: VFileMessage): string {
  const place = message.line === undefined ? '' : `:${message.line}:${message.column ?? 1}`;
  return `${message.source ?? ''}:${message.ruleId ?? ''} ${file.path}${place}: ${message.reason}`;
}
