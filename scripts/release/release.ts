/**
 * Release an issue: every language × format, built and validated in a temporary
 * folder, named by one convention, checksummed, listed, and only then moved into
 * `output/release/<issue>/` in one step. A failure at any point leaves the previous
 * release exactly as it was. Never from a manuscript with errors; never, unless it is
 * a draft, with a translation missing, stale or unconfirmed, or a validator failing.
 *
 * File names: `jlaga-<issue>-<lang>.pdf`, `jlaga-<issue>-<lang>.epub`, the HTML
 * editions of both languages as `jlaga-<issue>-html.zip`, everything in
 * `jlaga-<issue>.zip`; a draft's names end in `-draft`.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, mkdir, writeFile, chmod } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { IssueLocation } from '../manuscript/locate-issue.js';
import { readIssue } from '../manuscript/read-issue.js';
import { formatName } from '../manuscript/names.js';
import { buildIssue, recoverReplacedFolders, replaceFolder } from '../output/build.js';
import { editionFileName } from '../output/file-names.js';
import { stringifyHtml } from '../output/html-shared.js';
import { zipEntries } from '../output/zip.js';
import { projectRoot } from '../project.js';
import { loadLabels } from '../render/labels.js';
import type { BrowserSession } from '../browser.js';
import { makeOwnedFolder, removeAbandonedFolders, removeAbandonedTemporaryFolders } from '../cleanup.js';
import { translationStatus } from '../translation/status.js';
import { renderDownloadsPage } from './downloads-page.js';
import { checksumsFile, sha256 } from './manifest.js';
import type { Manifest, ManifestFile } from './manifest.js';
import { report } from '../messages/report.js';
import { releaseRules } from './rules.js';
import { checkEpub, checkHtml } from './validators.js';

const run = promisify(execFile);

export interface ReleaseOptions {
  /** The folder releases go to (`output/release/`). */
  releaseRoot: string;
  /** Build and release despite the problems a release refuses on, marked as a draft. */
  draft?: boolean;
  progress?: (line: string) => void;
  browser?: () => Promise<BrowserSession>;
  /** Called when everything is ready, just before the move into place (tests inject failures here). */
  beforeMove?: () => Promise<void> | void;
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
  folder: string;
  manifest?: Manifest;
}

/** Release the issue at `location`. */
export async function releaseIssue(location: IssueLocation, options: ReleaseOptions): Promise<ReleaseResult> {
  const folder = path.join(options.releaseRoot, location.slug);
  const progress = options.progress ?? (() => undefined);
  const read = await readIssue(location);
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

  await mkdir(options.releaseRoot, { recursive: true });
  // What releases killed before they could clean up left: their folders, half a replace.
  await removeAbandonedFolders(options.releaseRoot, '.release-');
  await removeAbandonedTemporaryFolders();
  await recoverReplacedFolders(options.releaseRoot);
  // Named with this process's id: a later run removes it if this one is killed.
  const workFolder = await makeOwnedFolder(options.releaseRoot, `.release-${location.slug}-`);
  const work = workFolder.path;
  try {
    // 1. Build every language and format.
    const built = await buildIssue(issue, {
      outputRoot: path.join(work, 'build'),
      progress,
      browser: options.browser,
    });

    // 2. Validate.
    const htmlPages = (await readdir(path.join(built.outputDir, 'html'), { recursive: true }))
      .filter((name) => name.endsWith('.html'))
      .sort()
      .map((name) => path.join(built.outputDir, 'html', name));
    const epubs = issue.languages.map((lang) =>
      path.join(built.outputDir, editionFileName(location.slug, lang, 'epub')),
    );
    // Named relative to the build, so that a draft's manifest is the same wherever it was made.
    const validated = [
      ...(await checkHtml(htmlPages, { root: built.outputDir })),
      ...(await Promise.all(epubs.map((file) => checkEpub(file, { root: built.outputDir })))).flat(),
    ];
    const findings = validated.flatMap((file) => file.messages.map((message) => ({ file, message })));
    for (const { file, message } of findings) {
      refusals.push(message);
      problems.push(problemLine(file, message));
    }
    progress(
      `${location.slug}: validated ${htmlPages.length} pages and ${epubs.length} EPUBs: ${findings.length} problems`,
    );

    const reported = [...read.files, ...validated];
    const draft = problems.length > 0;
    if (draft && options.draft !== true) return { files: reported, problems, released: false, folder };
    // A draft is released despite them: they are its warnings.
    for (const message of refusals) message.fatal = false;

    // 3. Name, list and checksum the files.
    const staging = path.join(work, 'release');
    await mkdir(staging);
    const suffix = draft ? '-draft' : '';
    const name = (base: string) => base.replace(/(\.[a-z]+)$/, `${suffix}$1`);
    const files: ManifestFile[] = [];
    const add = async (fileName: string, bytes: Uint8Array, entry: Omit<ManifestFile, 'name' | 'bytes' | 'sha256'>) => {
      await writeFile(path.join(staging, fileName), bytes);
      files.push({ name: fileName, bytes: bytes.length, sha256: sha256(bytes), ...entry });
    };
    for (const lang of issue.languages) {
      const pdf = await readFile(path.join(built.outputDir, editionFileName(location.slug, lang, 'pdf')));
      await add(name(editionFileName(location.slug, lang, 'pdf')), pdf, {
        format: 'pdf',
        mediaType: 'application/pdf',
        languages: [lang],
        pages: await pdfPages(pdf),
      });
    }
    for (const lang of issue.languages) {
      const epub = await readFile(path.join(built.outputDir, editionFileName(location.slug, lang, 'epub')));
      await add(name(editionFileName(location.slug, lang, 'epub')), epub, {
        format: 'epub',
        mediaType: 'application/epub+zip',
        languages: [lang],
      });
    }
    const htmlFiles = (await readdir(path.join(built.outputDir, 'html'), { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) =>
        path
          .relative(path.join(built.outputDir, 'html'), path.join(entry.parentPath, entry.name))
          .split(path.sep)
          .join('/'),
      )
      .sort();
    const htmlZip = await zipEntries(
      await Promise.all(
        htmlFiles.map(async (file) => ({
          path: `jlaga-${location.slug}-html/${file}`,
          data: await readFile(path.join(built.outputDir, 'html', file)),
        })),
      ),
      issue.frontMatter.date,
    );
    await add(name(`jlaga-${location.slug}-html.zip`), htmlZip, {
      format: 'html',
      mediaType: 'application/zip',
      languages: [...issue.languages],
    });

    const manifest: Manifest = {
      issue: issue.frontMatter.issue,
      slug: location.slug,
      date: issue.frontMatter.date,
      draft,
      languages: issue.languages,
      series: Object.fromEntries(issue.languages.map((lang) => [lang, issue.series.name[lang] ?? ''])),
      titles: Object.fromEntries(issue.languages.map((lang) => [lang, issue.frontMatter.title[lang] ?? ''])),
      authors: issue.frontMatter.authors.map((author) =>
        Object.fromEntries(issue.languages.map((lang) => [lang, formatName(author, lang)])),
      ),
      files,
      tool: await toolVersion(),
      ...(await sourceCommit(location)),
      ...(draft ? { problems } : {}),
    };
    const archive = name(`jlaga-${location.slug}.zip`);
    const page = stringifyHtml(renderDownloadsPage(manifest, loadLabels(issue.languages), archive));
    const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
    await writeFile(path.join(staging, 'index.html'), page);
    await writeFile(path.join(staging, 'manifest.json'), manifestText);
    const archiveBytes = await zipEntries(
      [
        ...(await Promise.all(
          files.map(async (file) => ({
            path: `jlaga-${location.slug}/${file.name}`,
            data: await readFile(path.join(staging, file.name)),
          })),
        )),
        { path: `jlaga-${location.slug}/index.html`, data: page },
        { path: `jlaga-${location.slug}/manifest.json`, data: manifestText },
      ],
      issue.frontMatter.date,
    );
    await writeFile(path.join(staging, archive), archiveBytes);
    await writeFile(
      path.join(staging, 'SHA256SUMS'),
      checksumsFile([
        ...files,
        { name: 'index.html', sha256: sha256(page) },
        { name: 'manifest.json', sha256: sha256(manifestText) },
        { name: archive, sha256: sha256(archiveBytes) },
      ]),
    );

    // 4. Into place, in one step.
    await options.beforeMove?.();
    await chmod(staging, 0o755);
    await replaceFolder(staging, folder);
    return { files: reported, problems, released: true, folder, manifest };
  } finally {
    await workFolder.remove();
  }
}

/** A validator's finding as the manifest lists it: `epubcheck:RSC-005 <file>:<line>:<column>: <reason>`. */
function problemLine(file: VFile, message: VFileMessage): string {
  const place = message.line === undefined ? '' : `:${message.line}:${message.column ?? 1}`;
  return `${message.source ?? ''}:${message.ruleId ?? ''} ${file.path}${place}: ${message.reason}`;
}

/** The number of pages of a PDF, from its page tree. */
async function pdfPages(bytes: Uint8Array): Promise<number> {
  const { PDFDocument } = await import('pdf-lib');
  return (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
}

async function toolVersion(): Promise<{ name: string; version: string }> {
  const json = JSON.parse(await readFile(path.join(projectRoot, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return { name: json.name, version: json.version };
}

/** The commit of the manuscript's folder, and whether its files differ from it. */
async function sourceCommit(location: IssueLocation): Promise<{ source?: { commit: string; modified: boolean } }> {
  try {
    const { stdout: commit } = await run('git', ['rev-parse', 'HEAD'], { cwd: location.folder });
    const { stdout: changes } = await run(
      'git',
      ['status', '--porcelain', '--', '.', path.relative(location.folder, location.series)],
      { cwd: location.folder },
    );
    return { source: { commit: commit.trim(), modified: changes.trim() !== '' } };
  } catch {
    return {};
  }
}
