/**
 * Read an issue: manuscript and series file → one validated issue, or the messages
 * that say why not. Never throws on a manuscript; every problem of both files is found
 * in one pass.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { supportedLanguages } from '../project.js';
import { decodeManuscript } from './decode.js';
import { displayPath } from './display-path.js';
import { glossaryPath, readGlossary } from './glossary.js';
import type { Glossary } from './glossary.js';
import { assetLinks } from './image-files.js';
import type { IssueLocation } from './locate-issue.js';
import { parseManuscriptText } from './parse-in-chunks.js';
import { createManuscriptProcessor } from './processor.js';
import { parseSkippingLiteralAutolinks } from './remark-gfm-syntax.js';
import type { ManuscriptProcessorOptions } from './processor.js';
import { hasErrors, report } from './rules.js';
import { seriesSchema } from './schema.js';
import type { FrontMatter, Lang, Series } from './schema.js';
import { glossaryDigest, sha256Hex } from './source-digests.js';
import type { SourceDigests } from './source-digests.js';
import type { Segment } from './types.js';
import { checkYaml, parseYaml } from './yaml-values.js';

/** An issue with no errors: what every later stage reads. */
export interface ValidatedIssue {
  location: IssueLocation;
  /** Languages in manuscript order; the first is the source. */
  languages: Lang[];
  frontMatter: FrontMatter;
  series: Series;
  segments: Segment[];
  /** The manuscript's syntax tree, for tools that edit the file. */
  tree: Root;
  /** The digests of the files it was read from: what its editions are built from. */
  sources: SourceDigests;
  /** The series glossary its translations are held to, when the series has one. */
  glossary?: Glossary | undefined;
}

export interface ReadResult {
  /** The manuscript and the series file, with their messages. */
  files: VFile[];
  /** Present when no file has an error (warnings allowed). */
  issue: ValidatedIssue | undefined;
  /** What could be read even with errors, for summaries. */
  segments: Segment[];
  languages: Lang[];
  /** The series glossary, when there is one without errors. */
  glossary?: Glossary | undefined;
}

/** Another text of an issue's manuscript than its file: an old version, from history or elsewhere. */
export interface ManuscriptVersion {
  /** The manuscript's bytes. */
  bytes: Uint8Array;
  /** How messages name it (`HEAD:manuscript/2026-3/index.md`). */
  path: string;
}

/**
 * Read and validate the issue at `location`: its manuscript file, or `version` in its
 * place. A version's images are not looked for in the issue folder (the folder holds
 * the images of the current text, not of that version), only the form of their paths.
 */
export async function readIssue(location: IssueLocation, version?: ManuscriptVersion): Promise<ReadResult> {
  const supported = supportedLanguages();
  const manuscript = new VFile({ path: version?.path ?? displayPath(location.manuscript) });
  const seriesFile = new VFile({ path: displayPath(location.series) });

  // The series glossary first: the manuscript's translations are held to it.
  const glossaryFile = new VFile({ path: displayPath(glossaryPath(location)) });
  const glossaryBytes = await readFile(glossaryPath(location)).catch(() => undefined);
  const glossaryText = glossaryBytes && decodeManuscript(glossaryFile, glossaryBytes);
  const glossary = glossaryText === undefined ? undefined : readGlossary(glossaryFile, glossaryText, supported);

  const bytes = version?.bytes ?? (await readFile(location.manuscript));
  const tree = await readManuscript(manuscript, bytes, {
    slug: location.slug,
    supported,
    folder: version ? undefined : location.folder,
    glossary,
  });
  const languages = manuscript.data.languages ?? supported;
  const seriesBytes = await readFile(location.series).catch(() => undefined);
  const series = readSeries(seriesFile, seriesBytes, location, { languages, supported }, manuscript);

  const files = [
    manuscript,
    seriesFile,
    ...(glossaryBytes ? [glossaryFile] : []),
    ...(version ? [] : linkedAssets(location)),
  ];
  const frontMatter = manuscript.data.frontMatter;
  const segments = manuscript.data.segments ?? [];
  const issue =
    !hasErrors(files) && tree && frontMatter && series && seriesBytes
      ? {
          location,
          languages: frontMatter.languages,
          frontMatter,
          series,
          segments,
          tree,
          sources: await sourceDigests(bytes, seriesBytes, location),
          glossary,
        }
      : undefined;
  return { files, segments, languages, issue, glossary };
}

/**
 * Read one manuscript's bytes with the project's processor: decoded, parsed and
 * checked, every problem a message on `file` (whose value becomes the decoded text).
 * The current manuscript and its old versions are read by this one function.
 *
 * @param file the file the messages go to, named as the user knows it.
 * @param bytes the manuscript as stored.
 * @param options the processor's options.
 * @returns the checked tree; `undefined` when the bytes are not UTF-8 text or hold nothing.
 */
export async function readManuscript(
  file: VFile,
  bytes: Uint8Array,
  options: ManuscriptProcessorOptions,
): Promise<Root | undefined> {
  const text = decodeManuscript(file, bytes);
  if (text === undefined) return undefined;
  file.value = text;
  if (text.trim() === '') {
    report(file, 'empty-file', 'Unexpected empty manuscript, expected front matter and segments', { line: 1, column: 1 });
    return undefined;
  }
  const { processor, tree } = parseSkippingLiteralAutolinks(text, (literalAutolinks) => {
    const processor = createManuscriptProcessor({ ...options, literalAutolinks });
    return { processor, tree: parseManuscriptText(text, (chunk) => processor.parse(chunk)) };
  });
  return processor.run(tree, file);
}

/** The series file's bytes checked into `file`; `bytes` is undefined when it could not be read. */
function readSeries(
  file: VFile,
  bytes: Uint8Array | undefined,
  location: IssueLocation,
  { languages, supported }: { languages: readonly Lang[]; supported: readonly Lang[] },
  manuscript: VFile,
): Series | undefined {
  if (bytes === undefined) {
    report(manuscript, 'missing-series', `Missing series file \`${displayPath(location.series)}\` beside the issue folder`, { line: 1, column: 1 });
    return undefined;
  }
  const text = decodeManuscript(file, bytes);
  if (text === undefined) return undefined;
  file.value = text;
  const parsed = parseYaml(file, text, { line: 1 });
  return parsed ? checkYaml(file, parsed, seriesSchema(languages, supported), languages) : undefined;
}

/** The digests of the bytes read, and of the series glossary when there is one. */
async function sourceDigests(
  manuscript: Uint8Array,
  series: Uint8Array,
  location: IssueLocation,
): Promise<SourceDigests> {
  const glossary = await glossaryDigest(path.dirname(location.series));
  return {
    manuscript: sha256Hex(manuscript),
    series: sha256Hex(series),
    ...(glossary === undefined ? {} : { glossary }),
  };
}

/** One file per symbolic link in `assets/`, with its `asset-link` error. */
function linkedAssets(location: IssueLocation): VFile[] {
  return assetLinks(location.folder).map((relative) => {
    const file = new VFile({ path: displayPath(path.join(location.folder, relative)) });
    report(
      file,
      'asset-link',
      `Unexpected symbolic link \`${relative}\` in the issue folder, expected the file itself: a link could publish anything on this computer`,
      undefined,
    );
    return file;
  });
}
