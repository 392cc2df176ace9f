/**
 * The EPUB editions: one EPUB 3 per language at `jlaga-<slug>-<lang>.epub`, with the
 * cover, the contents, the text, its notes as EPUB notes, the editors page, the fonts,
 * a stylesheet for reading systems, and accessibility metadata that the content makes
 * true; a draft's title says it is one. The same manuscript gives the same bytes.
 *
 * Inside the container: `mimetype`, `META-INF/container.xml`, and under `EPUB/` the
 * package document, the XHTML documents, `cover.svg`, `styles/` (with `fonts/`) and
 * `media/` (the issue's images that the text shows).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { imageTypes } from '../manuscript/image-files.js';
import { formatName } from '../manuscript/names.js';
import type { ValidatedIssue } from '../manuscript/read-issue.js';
import type { Person } from '../manuscript/schema.js';
import type { Edition } from '../manuscript/split-editions.js';
import { templatesDir } from '../project.js';
import { epubDocuments, epubFiles } from '../render/epub-documents.js';
import type { Labels } from '../render/labels.js';
import { typeset } from '../render/typography.js';
import { readIssueFile } from './assets.js';
import { accessibilityMetadata, containerXml, editionIdentifier, packagePath, packageXml } from './epub-package.js';
import type { ManifestItem, PackagePerson } from './epub-package.js';
import { zipEpub } from './epub-zip.js';
import type { ZipEntry } from './epub-zip.js';
import { editionFileName } from './file-names.js';
import { fontFiles } from './fonts.js';
import type { FontFile } from './fonts.js';
import { hastToXml } from './hast-to-xml.js';
import type { FormatWriter } from './types.js';

/** The EPUB format of a build: one file per language, at the top of the issue's output. */
export const writeEpub: FormatWriter = async (job) => {
  const fonts = await fontFiles();
  const written: string[] = [];
  for (const edition of job.context.editions.filter((candidate) => job.langs.includes(candidate.lang))) {
    const labels = job.context.labels.get(edition.lang);
    if (!labels) throw new Error(`No labels for \`${edition.lang}\``);
    const { draft } = job.context;
    const file = path.join(job.staging, editionFileName(edition.slug, edition.lang, 'epub', { draft }));
    await writeFile(file, await makeEpub(edition, labels, job.issue, fonts, { draft }));
    written.push(file);
  }
  return written;
};

/**
 * The bytes of `edition`'s EPUB.
 *
 * @param options.draft a draft's: its title in the metadata says so (label `draftTitle`); default false.
 */
export async function makeEpub(
  edition: Edition,
  labels: Labels,
  issue: ValidatedIssue,
  fonts: readonly FontFile[],
  options: { draft?: boolean } = {},
): Promise<Buffer> {
  const content = epubDocuments(edition, labels);
  const manifest: ManifestItem[] = [];
  const files: ZipEntry[] = [];
  const add = (item: ManifestItem, data: Buffer | string) => {
    manifest.push(item);
    files.push({ path: `EPUB/${item.href}`, data });
  };

  for (const document of content.documents) {
    add(
      { id: document.id, href: document.href, mediaType: 'application/xhtml+xml', properties: document.properties },
      hastToXml(document.tree, { declare: ['epub'] }),
    );
  }
  add(
    { id: 'cover-image', href: epubFiles.coverImage, mediaType: 'image/svg+xml', properties: ['cover-image'] },
    hastToXml(content.coverImage),
  );
  for (const name of ['fonts.css', 'epub.css']) {
    add(
      { id: `style-${path.basename(name, '.css')}`, href: `styles/${name}`, mediaType: 'text/css', properties: [] },
      await readFile(path.join(templatesDir, 'styles', name)),
    );
  }
  for (const font of fonts) {
    add(
      {
        id: `font-${path.basename(font.name, '.woff2')}`,
        href: `styles/fonts/${font.name}`,
        mediaType: 'font/woff2',
        properties: [],
      },
      await readFile(font.source),
    );
  }
  for (const [index, image] of content.images.entries()) {
    const mediaType = imageTypes[path.extname(image.source).toLowerCase()];
    if (!mediaType) {
      throw new Error(`${image.source}: an EPUB 3 cannot show this type of image; use SVG, PNG, JPEG or GIF`);
    }
    add(
      { id: `media-${index + 1}`, href: image.href, mediaType, properties: [] },
      await readIssueFile(issue.location.folder, image.source),
    );
  }

  const rules = labels.typography;
  const title = typeset(edition.title, rules);
  const opf = packageXml({
    metadata: {
      identifier: editionIdentifier(edition.slug, edition.lang, { draft: options.draft }),
      lang: edition.lang,
      title: options.draft === true ? labels.t('draftTitle', { title }) : title,
      subtitle: edition.subtitle === undefined ? undefined : typeset(edition.subtitle, rules),
      creators: issue.frontMatter.authors.map((author) => packagePerson(author, edition)),
      editors: issue.series.editors.map((editor) => packagePerson(editor, edition)),
      publisher: edition.series.publisher.institute,
      rights: edition.series.copyright,
      subjects: edition.keywords,
      date: edition.date,
      modified: `${edition.date}T00:00:00Z`,
      collection: { name: typeset(edition.series.name, rules), position: issuePosition(edition.issue) },
      accessibility: accessibilityMetadata([{ alt: content.coverDescription }, ...content.images], (described) =>
        labels.t('accessibilitySummary', { images: labels.t(described ? 'imagesDescribed' : 'imagesNotDescribed') }),
      ),
    },
    manifest,
    spine: content.documents.map((document) => document.id),
  });

  return zipEpub(
    [{ path: 'META-INF/container.xml', data: containerXml() }, { path: packagePath, data: opf }, ...files],
    edition.date,
  );
}

/** A person as the edition names them, and "Family, Given" for sorting. */
function packagePerson(person: Person, edition: Edition): PackagePerson {
  return { name: formatName(person, edition.lang), fileAs: `${person.family}, ${person.given}` };
}

/** The issue's number within its year: `2026/3` → `3`. */
function issuePosition(issue: string): string {
  const number = /(\d+)$/.exec(issue)?.[1];
  if (number === undefined) throw new Error(`Expected an issue number at the end of \`${issue}\``);
  return String(Number(number));
}
