/**
 * Step 3 of a release: the built files named, listed and checksummed in a staging
 * folder, with the downloads page, the manifest and one archive of everything. The
 * same build gives the same bytes: zip entries are dated the issue's day, the manifest
 * holds nothing of the clock.
 */
import { PDFDocument } from 'pdf-lib';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatName } from '../manuscript/names.js';
import type { ValidatedIssue } from '../manuscript/read-issue.js';
import { editionFileName, htmlPageName, parallelPageName } from '../output/file-names.js';
import { stringifyHtml } from '../output/html-shared.js';
import { zipEntries } from '../output/zip.js';
import { programInfo } from '../project.js';
import { loadLabels } from '../render/labels.js';
import { renderDownloadsPage } from './downloads-page.js';
import { issueCommit } from './issue-commit.js';
import { checksumsFile, sha256 } from './manifest.js';
import type { Manifest, ManifestFile } from './manifest.js';

/**
 * Write the release's files into `staging`: the PDFs and EPUBs of the build at
 * `builtDir`, the HTML editions as one zip and as they are in `html/` (to read online,
 * linking the PDFs and EPUBs beside them), the downloads page, the manifest, one archive
 * of them all, and `SHA256SUMS`.
 *
 * @returns the manifest.
 */
export async function packageRelease(
  issue: ValidatedIssue,
  builtDir: string,
  staging: string,
  options: { draft: boolean; problems: readonly string[] },
): Promise<Manifest> {
  const { slug } = issue.location;
  const { draft } = options;
  await mkdir(staging);
  const files: ManifestFile[] = [];
  const add = async (fileName: string, bytes: Uint8Array, entry: Omit<ManifestFile, 'name' | 'bytes' | 'sha256'>) => {
    await writeFile(path.join(staging, fileName), bytes);
    files.push({ name: fileName, bytes: bytes.length, sha256: sha256(bytes), ...entry });
  };
  // The build named a draft's PDFs and EPUBs, and linked them from the HTML, as `-draft`.
  for (const lang of issue.languages) {
    const name = editionFileName(slug, lang, 'pdf', { draft });
    const pdf = await readFile(path.join(builtDir, name));
    await add(name, pdf, {
      format: 'pdf',
      mediaType: 'application/pdf',
      languages: [lang],
      pages: await pdfPages(pdf),
    });
  }
  for (const lang of issue.languages) {
    const name = editionFileName(slug, lang, 'epub', { draft });
    const epub = await readFile(path.join(builtDir, name));
    await add(name, epub, { format: 'epub', mediaType: 'application/epub+zip', languages: [lang] });
  }
  const suffix = draft ? '-draft' : '';
  const htmlFiles = (await readdir(path.join(builtDir, 'html'), { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(path.join(builtDir, 'html'), path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .sort();
  const htmlZip = await zipEntries(
    await Promise.all(
      htmlFiles.map(async (file) => ({
        path: `jlaga-${slug}-html/${file}`,
        data: await readFile(path.join(builtDir, 'html', file)),
      })),
    ),
    issue.frontMatter.date,
  );
  await add(`jlaga-${slug}-html${suffix}.zip`, htmlZip, {
    format: 'html',
    mediaType: 'application/zip',
    languages: [...issue.languages],
  });
  // The same pages to read online: their links to `../../<pdf>` reach the files beside `html/`.
  const online = await Promise.all(
    htmlFiles.map(async (file) => {
      const data = await readFile(path.join(builtDir, 'html', file));
      await mkdir(path.dirname(path.join(staging, 'html', file)), { recursive: true });
      await writeFile(path.join(staging, 'html', file), data);
      return { name: `html/${file}`, data };
    }),
  );

  const manifest: Manifest = {
    issue: issue.frontMatter.issue,
    slug,
    date: issue.frontMatter.date,
    draft,
    languages: issue.languages,
    series: Object.fromEntries(issue.languages.map((lang) => [lang, issue.series.name[lang] ?? ''])),
    titles: Object.fromEntries(issue.languages.map((lang) => [lang, issue.frontMatter.title[lang] ?? ''])),
    authors: issue.frontMatter.authors.map((author) =>
      Object.fromEntries(issue.languages.map((lang) => [lang, formatName(author, lang)])),
    ),
    files,
    online: {
      editions: Object.fromEntries(issue.languages.map((lang) => [lang, htmlPageName(lang)])),
      parallel: parallelPageName,
    },
    tool: programInfo(),
    ...(await issueCommit(issue.location)),
    ...(draft ? { problems: [...options.problems] } : {}),
  };
  const archive = `jlaga-${slug}${suffix}.zip`;
  const page = stringifyHtml(renderDownloadsPage(manifest, loadLabels(issue.languages), archive));
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  await writeFile(path.join(staging, 'index.html'), page);
  await writeFile(path.join(staging, 'manifest.json'), manifestText);
  const archiveBytes = await zipEntries(
    [
      ...(await Promise.all(
        files.map(async (file) => ({
          path: `jlaga-${slug}/${file.name}`,
          data: await readFile(path.join(staging, file.name)),
        })),
      )),
      ...online.map((file) => ({ path: `jlaga-${slug}/${file.name}`, data: file.data })),
      { path: `jlaga-${slug}/index.html`, data: page },
      { path: `jlaga-${slug}/manifest.json`, data: manifestText },
    ],
    issue.frontMatter.date,
  );
  await writeFile(path.join(staging, archive), archiveBytes);
  await writeFile(
    path.join(staging, 'SHA256SUMS'),
    checksumsFile([
      ...files,
      ...online.map((file) => ({ name: file.name, sha256: sha256(file.data) })),
      { name: 'index.html', sha256: sha256(page) },
      { name: 'manifest.json', sha256: sha256(manifestText) },
      { name: archive, sha256: sha256(archiveBytes) },
    ]),
  );
  return manifest;
}

/** The number of pages of a PDF, from its page tree. */
async function pdfPages(bytes: Uint8Array): Promise<number> {
  return (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
}
