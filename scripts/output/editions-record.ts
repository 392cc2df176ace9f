/**
 * `output/<issue>/editions.json`: every edition file of the output with the
 * digest of the input it was built from (`build-inputs.ts`), and the parts of each
 * digest. A build narrowed by format or language keeps the other editions of the
 * previous output; the record says which of them were built from another input, so
 * that no page links them as current and the build can say they are out of date.
 *
 * It holds no time and no absolute path: the same input gives the same record.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Lang } from '../manuscript/schema.js';
import { differingParts, inputPartNames } from './build-inputs.js';
import type { BuildInputs, InputPartName, InputParts } from './build-inputs.js';
import { editionFileName, htmlPageName, parallelPageName } from './file-names.js';

/** The record's file name in an issue's output folder. */
export const editionsRecordName = 'editions.json';

/** What an edition file is: a language's HTML page, the parallel page, a PDF or an EPUB. */
export type EditionKind = 'html' | 'parallel' | 'pdf' | 'epub';

/** One edition file of an issue's output. */
export interface EditionFile {
  /** Its path relative to `output/<issue>/`, `/`-separated. */
  file: string;
  edition: EditionKind;
  /** Its language; none for the parallel edition. */
  lang?: Lang;
}

/** An edition file with what it was built from. */
export interface RecordedEdition extends EditionFile {
  /** The digest of its build's input; null when the build that made it recorded none. */
  digest: string | null;
}

/** The content of `editions.json`. */
export interface EditionsRecord {
  /** The parts of every digest the editions name, by digest. */
  inputs: Record<string, InputParts>;
  /** The edition files there are, in `editionFiles` order. */
  editions: RecordedEdition[];
}

/** An edition kept from an earlier build with another input. */
export interface OutOfDateEdition extends RecordedEdition {
  /** The parts of the input that differ; undefined when its build recorded none. */
  differs: InputPartName[] | undefined;
}

const recordSchema = z.object({
  inputs: z.record(
    z.string(),
    z.object({
      manuscript: z.string(),
      series: z.string(),
      glossary: z.string().optional(),
      assets: z.string(),
      templates: z.string(),
      program: z.string(),
      draft: z.literal(true).optional(),
    }),
  ),
  editions: z.array(
    z.object({
      file: z.string(),
      edition: z.enum(['html', 'parallel', 'pdf', 'epub']),
      lang: z.string().optional(),
      digest: z.string().nullable(),
    }),
  ),
});

/**
 * The edition files an issue in `languages` can have, in the record's order: the HTML
 * page of each language, the parallel page, the PDF and the EPUB of each language (by
 * a draft's names in a `draft`'s build).
 */
export function editionFiles(
  slug: string,
  languages: readonly Lang[],
  options: { draft?: boolean } = {},
): EditionFile[] {
  const of = (edition: 'pdf' | 'epub') =>
    languages.map((lang) => ({ file: editionFileName(slug, lang, edition, options), edition, lang }));
  return [
    ...languages.map((lang) => ({ file: htmlPageName(lang), edition: 'html' as const, lang })),
    { file: parallelPageName, edition: 'parallel' },
    ...of('pdf'),
    ...of('epub'),
  ];
}

/**
 * The record in `folder`, or undefined when there is none or it cannot be read as one
 * (then what it would have said is unknown, and the editions count as out of date).
 */
export async function readEditionsRecord(folder: string): Promise<EditionsRecord | undefined> {
  try {
    const parsed = recordSchema.safeParse(JSON.parse(await readFile(path.join(folder, editionsRecordName), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The edition files of `candidates` that are in `folder`, with what the record in it
 * says they were built from (null when it says nothing).
 */
export async function recordedEditions(
  folder: string,
  candidates: readonly EditionFile[],
): Promise<{
  editions: RecordedEdition[];
  inputs: Record<string, InputParts>;
}> {
  const record = await readEditionsRecord(folder);
  const editions = candidates
    .filter((candidate) => existsSync(path.join(folder, candidate.file)))
    .map((candidate) => ({
      ...candidate,
      digest: record?.editions.find((entry) => entry.file === candidate.file)?.digest ?? null,
    }));
  return { editions, inputs: record?.inputs ?? {} };
}

/**
 * Write the record of `folder`: the files of `candidates` written by this build (of
 * `current`), and those kept from earlier builds (`kept`, with their inputs).
 *
 * @returns the record written.
 */
export async function writeEditionsRecord(
  folder: string,
  candidates: readonly EditionFile[],
  written: ReadonlySet<string>,
  kept: { editions: readonly RecordedEdition[]; inputs: Readonly<Record<string, InputParts>> },
  current: BuildInputs,
): Promise<EditionsRecord> {
  const editions: RecordedEdition[] = [];
  for (const candidate of candidates) {
    if (written.has(candidate.file)) editions.push({ ...candidate, digest: current.digest });
    else {
      const earlier = kept.editions.find((entry) => entry.file === candidate.file);
      if (earlier) editions.push({ ...candidate, digest: earlier.digest });
    }
  }
  const digests = [...new Set(editions.map((entry) => entry.digest))].filter((digest) => digest !== null).sort();
  const inputs: Record<string, InputParts> = {};
  for (const digest of digests) {
    const parts = digest === current.digest ? current.parts : kept.inputs[digest];
    if (parts) inputs[digest] = inOrder(parts);
  }
  const record: EditionsRecord = { inputs, editions };
  await writeFile(path.join(folder, editionsRecordName), `${JSON.stringify(record, null, 2)}\n`);
  return record;
}

/** The editions of `record` not built from `current`, with the parts that differ. */
export function outOfDateEditions(record: EditionsRecord, current: BuildInputs): OutOfDateEdition[] {
  return record.editions
    .filter((entry) => entry.digest !== current.digest)
    .map((entry) => {
      const earlier = entry.digest === null ? undefined : record.inputs[entry.digest];
      return { ...entry, differs: earlier && differingParts(earlier, current.parts) };
    });
}

/** `parts` with its keys in `inputPartNames` order, however it was read: the record's bytes depend on it. */
function inOrder(parts: InputParts): InputParts {
  return Object.fromEntries(
    inputPartNames.filter((name) => parts[name] !== undefined).map((name) => [name, parts[name]]),
  ) as unknown as InputParts;
}
