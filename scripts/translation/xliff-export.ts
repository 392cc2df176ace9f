/**
 * Export an issue's translations into one target language as an XLIFF 2.0 document,
 * for computer-assisted translation tools. `docs/xliff.md` describes the mapping.
 *
 * One `<file>` per document (XLIFF 2.0 has one target language per document), one
 * `<unit>` per segment (footnote segments too), one `<segment>` per unit: the source
 * block's content and, when the translation exists, the target block's, with the
 * Markdown of every inline code in the unit's `<originalData>`. A stale unit's notes
 * give the source text its translation was confirmed against, from the manuscript's
 * git history, so that the tool can show what changed. Written by the XML builder; the
 * same manuscript (and history) gives the same bytes.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { VFile } from 'vfile';
import { forbiddenCharacter } from '../manuscript/decode.js';
import type { IssueLocation } from '../manuscript/locate-issue.js';
import { readIssue } from '../manuscript/read-issue.js';
import type { ValidatedIssue } from '../manuscript/read-issue.js';
import type { Lang } from '../manuscript/schema.js';
import type { Segment, TranslationState } from '../manuscript/types.js';
import { findSourceTexts } from './history.js';
import { codesOf, isPhraseCode, numberCodes, readBlock } from './xliff-inline.js';
import type { CodeKind, Piece } from './xliff-inline.js';

export const xliffNamespace = 'urn:oasis:names:tc:xliff:document:2.0';
/** The namespace of the attributes that record what XLIFF has no place for. */
export const jlagaNamespace = 'urn:jlaga-pipeline:xliff';
const xmlnsNamespace = 'http://www.w3.org/2000/xmlns/';

/** The states of XLIFF 2.0 segments, from least to most advanced. */
export const xliffStates = ['initial', 'translated', 'reviewed', 'final'] as const;
export type XliffState = (typeof xliffStates)[number];

/** The translation states a unit can have, as `--only` names them. */
export const unitStates = ['confirmed', 'stale', 'unconfirmed', 'missing'] as const;
export type UnitState = (typeof unitStates)[number];

/** Translation state → segment state; a stale unit also gets a `jlaga-state` note. */
export const segmentStateOf: Record<UnitState, XliffState> = {
  missing: 'initial',
  unconfirmed: 'translated',
  stale: 'translated',
  confirmed: 'final',
};

/** The category of the note that says a unit is stale. */
export const stateNoteCategory = 'jlaga-state';

/**
 * The category of a stale unit's note on its source (`appliesTo="source"`): the source
 * text its translation was confirmed against, or, with `jlaga:in-history="no"`, that
 * the manuscript's history does not have it.
 */
export const previousSourceNoteCategory = 'jlaga-previous-source';

/** XLIFF `type` and `subType` of each kind of code. */
const codeTypes: Record<CodeKind, { type: string; subType?: string }> = {
  block: { type: 'fmt', subType: 'jlaga:block' },
  emphasis: { type: 'fmt', subType: 'xlf:i' },
  strong: { type: 'fmt', subType: 'xlf:b' },
  delete: { type: 'fmt', subType: 'jlaga:delete' },
  link: { type: 'link' },
  autolink: { type: 'link', subType: 'jlaga:autolink' },
  image: { type: 'image' },
  phrase: { type: 'fmt', subType: 'jlaga:lang' },
  footnote: { type: 'other', subType: 'jlaga:footnote' },
  code: { type: 'other', subType: 'jlaga:code' },
  break: { type: 'fmt', subType: 'xlf:lb' },
  markup: { type: 'other' },
};

export interface ExportOptions {
  /** The target language: one of the issue's translation languages. */
  lang: Lang;
  /** Export only segments whose translation is in one of these states (default: all). */
  only?: readonly UnitState[] | undefined;
  /**
   * The source texts stale translations were confirmed against, by their `src` hash
   * (`findSourceTexts`): each stale unit gets a note with its own, or one that says the
   * history does not have it. Absent: the history was not read, and no such note is
   * written.
   */
  previousSources?: ReadonlyMap<string, string> | undefined;
  /**
   * Translation candidates from the series' memory, by segment id (`suggestionsFor`):
   * each unit with some gets them as the Translation Candidates module's `<mtc:matches>`,
   * which CAT tools show beside the segment.
   */
  matches?: ReadonlyMap<string, readonly Candidate[]> | undefined;
}

/** A translation candidate: a pair of the memory, how like the unit's source its source is (0–1), and where it comes from. */
export interface Candidate {
  score: number;
  origin: string;
  segment: string | null;
  source: string;
  target: string;
}

/** The XLIFF 2.0 Translation Candidates module. */
export const matchesNamespace = 'urn:oasis:names:tc:xliff:matches:2.0';

export interface XliffExport {
  /** The XLIFF document. */
  xml: string;
  /** Ids of the exported segments, in manuscript order. */
  units: string[];
}

/** What `exportIssue` did: exported, or why not. */
export type ExportOutcome =
  | { kind: 'exported'; lang: Lang; export: XliffExport }
  /** The manuscript has errors: its messages. */
  | { kind: 'errors'; files: VFile[] }
  /** The language asked for is not a translation language of the issue. */
  | { kind: 'bad-language'; message: string };

/**
 * Read the issue at `location` and export its translations into `lang` (default: its
 * first translation language).
 */
export async function exportIssue(
  location: IssueLocation,
  options: {
    lang?: Lang | undefined;
    only?: readonly UnitState[] | undefined;
    /** The translation candidates of the issue's units into `lang`, by segment id. */
    matchesFor?: (issue: ValidatedIssue, lang: Lang) => Promise<ReadonlyMap<string, readonly Candidate[]>>;
  },
): Promise<ExportOutcome> {
  const read = await readIssue(location);
  if (!read.issue) return { kind: 'errors', files: read.files };
  const targets = read.issue.languages.slice(1);
  const lang = options.lang ?? targets[0];
  if (lang === undefined || !targets.includes(lang)) {
    return {
      kind: 'bad-language',
      message:
        targets.length === 0
          ? `${location.slug} has no translation language: nothing to export.`
          : `Unexpected language \`${lang ?? ''}\`, expected a translation language of ${location.slug} (${targets.join(', ')}).`,
    };
  }
  const { only } = options;
  const previousSources = await findSourceTexts(
    location.manuscript,
    read.issue.languages[0] ?? '',
    staleSources(read.issue, lang, only),
  );
  const matches = await options.matchesFor?.(read.issue, lang);
  return { kind: 'exported', lang, export: exportXliff(read.issue, { lang, only, previousSources, matches }) };
}

/** The `src` of every stale translation into `lang` that an export with `only` holds. */
function staleSources(issue: ValidatedIssue, lang: Lang, only: readonly UnitState[] | undefined): Set<string> {
  if (only && !only.includes('stale')) return new Set();
  return new Set(
    issue.segments.flatMap((segment) => (segment.states[lang] === 'stale' ? (segment.blocks[lang]?.src ?? []) : [])),
  );
}

/** The XLIFF 2.0 document of `issue`'s translations into `options.lang`. */
export function exportXliff(issue: ValidatedIssue, options: ExportOptions): XliffExport {
  const source = issue.languages[0] ?? '';
  const { lang } = options;
  const document = create({ version: '1.0', encoding: 'UTF-8' });
  const root = document
    .ele(xliffNamespace, 'xliff')
    .att(xmlnsNamespace, 'xmlns:jlaga', jlagaNamespace)
    .att('version', '2.0')
    .att('srcLang', source)
    .att('trgLang', lang);
  const file = child(root, 1, 'file', {
    id: issue.location.slug,
    original: `${issue.location.slug}/index.md`,
    // One segment per block: a tool that split it would split the Markdown too.
    canResegment: 'no',
  }).att(jlagaNamespace, 'jlaga:issue', issue.frontMatter.issue);

  const units: string[] = [];
  for (const segment of issue.segments) {
    const state = segment.states[lang];
    if (!isUnitState(state) || (options.only && !options.only.includes(state))) continue;
    writeUnit(file, segment, {
      source,
      lang,
      state,
      previousSources: options.previousSources,
      matches: options.matches?.get(segment.id),
    });
    units.push(segment.id);
  }
  close(file, 1);
  close(root, 0);
  return { xml: `${document.end({ prettyPrint: false, wellFormed: true })}\n`, units };
}

function isUnitState(state: TranslationState | undefined): state is UnitState {
  return (unitStates as readonly string[]).includes(state ?? '');
}

interface UnitContext {
  source: Lang;
  lang: Lang;
  state: UnitState;
  previousSources: ReadonlyMap<string, string> | undefined;
  matches: readonly Candidate[] | undefined;
}

function writeUnit(file: XMLBuilder, segment: Segment, context: UnitContext): void {
  const { source, lang, state, previousSources } = context;
  const sourceBlock = segment.blocks[source];
  const targetBlock = segment.blocks[lang];
  const sourcePieces = sourceBlock ? readBlock(sourceBlock) : [];
  const keys = numberCodes(sourcePieces);
  const targetPieces = targetBlock ? readBlock(targetBlock) : undefined;
  if (targetPieces) numberCodes(targetPieces, keys);
  const sourceIds = new Set(keys.values());

  const unit = child(file, 2, 'unit', { id: segment.id });
  unit.att(jlagaNamespace, 'jlaga:state', state);
  if (segment.classes.length > 0) unit.att(jlagaNamespace, 'jlaga:classes', segment.classes.join(' '));
  if (targetBlock?.src !== undefined) unit.att(jlagaNamespace, 'jlaga:src', targetBlock.src);
  unit.att(jlagaNamespace, 'jlaga:source-hash', segment.sourceHash);
  // Module elements come first in a unit; each candidate points at the unit's segment.
  const matches = context.matches ?? [];
  if (matches.length > 0) writeMatches(unit, matches);

  if (state === 'stale') {
    const notes = child(unit, 3, 'notes');
    child(notes, 4, 'note', { category: stateNoteCategory }).txt('stale');
    if (previousSources) writePreviousSource(notes, targetBlock?.src ?? '', previousSources);
    close(notes, 3);
  }

  // One <data> per distinct Markdown, numbered in order of first use.
  const dataIds = new Map<string, string>();
  const dataId = (markdown: string) => {
    let id = dataIds.get(markdown);
    if (id === undefined) {
      id = `d${dataIds.size + 1}`;
      dataIds.set(markdown, id);
    }
    return id;
  };
  for (const code of [...codesOf(sourcePieces), ...codesOf(targetPieces ?? [])]) {
    if (code.type === 'ph') dataId(code.data);
    else {
      dataId(code.start);
      dataId(code.end);
    }
  }
  if (dataIds.size > 0) {
    const originalData = child(unit, 3, 'originalData');
    for (const [markdown, id] of dataIds) appendText(child(originalData, 4, 'data', { id }), markdown);
    close(originalData, 3);
  }

  const xliffSegment = child(unit, 3, 'segment', {
    ...(matches.length > 0 ? { id: matchedSegmentId } : {}),
    state: segmentStateOf[state],
  });
  writePieces(child(xliffSegment, 4, 'source'), sourcePieces, { dataId, sourceIds });
  if (targetPieces) writePieces(child(xliffSegment, 4, 'target'), targetPieces, { dataId, sourceIds });
  close(xliffSegment, 3);
  close(unit, 2);
}

/** The id a unit's segment gets when translation candidates point at it. */
const matchedSegmentId = 's1';

/** The unit's translation candidates, as plain text, best first. */
function writeMatches(unit: XMLBuilder, matches: readonly Candidate[]): void {
  unit.txt(`\n${'  '.repeat(3)}`);
  const list = unit.ele(matchesNamespace, 'mtc:matches');
  for (const [index, match] of matches.entries()) {
    list.txt(`\n${'  '.repeat(4)}`);
    const element = list.ele(matchesNamespace, 'mtc:match', {
      id: `m${index + 1}`,
      ref: `#${matchedSegmentId}`,
      similarity: (Math.round(match.score * 1000) / 10).toString(),
      origin: match.segment === null ? match.origin : `${match.origin}#${match.segment}`,
      type: 'tm',
    });
    for (const [name, text] of [
      ['source', match.source],
      ['target', match.target],
    ] as const) {
      element.txt(`\n${'  '.repeat(5)}`);
      appendText(element.ele(xliffNamespace, name), text);
    }
    element.txt(`\n${'  '.repeat(4)}`);
  }
  list.txt(`\n${'  '.repeat(3)}`);
}

/**
 * The note on a stale unit's source that holds the text its translation was confirmed
 * against (the Markdown of the source block, as the `src` hash was taken of it), or says
 * that the history does not have it. A note holds text only (XLIFF allows no `<cp>` in
 * it), so a character XML cannot carry, which an old version may have had, is U+FFFD.
 */
function writePreviousSource(notes: XMLBuilder, src: string, previousSources: ReadonlyMap<string, string>): void {
  const text = previousSources.get(src);
  const note = child(notes, 4, 'note', { appliesTo: 'source', category: previousSourceNoteCategory });
  if (text !== undefined) {
    note.txt(text.trim().replace(forbiddenCharacter, '\uFFFD'));
    return;
  }
  note
    .att(jlagaNamespace, 'jlaga:in-history', 'no')
    .txt(`Not in the manuscript’s git history: the source text this translation was confirmed against (src=${src}).`);
}

function writePieces(
  parent: XMLBuilder,
  pieces: readonly Piece[],
  context: { dataId: (markdown: string) => string; sourceIds: ReadonlySet<string> },
): void {
  for (const piece of pieces) {
    if (piece.type === 'text') {
      appendText(parent, piece.value);
      continue;
    }
    const types = codeTypes[piece.kind ?? 'markup'];
    // Every code of the source must be in the target once: say so to the tool. A phrase
    // in another language may go (a translation into its language drops the mark).
    const hints = context.sourceIds.has(piece.id) && !isPhraseCode(piece) ? { canCopy: 'no', canDelete: 'no' } : {};
    if (piece.type === 'ph') {
      parent.ele('ph', { id: piece.id, dataRef: context.dataId(piece.data), ...types, ...hints });
    } else {
      const pair = parent.ele('pc', {
        id: piece.id,
        dataRefStart: context.dataId(piece.start),
        dataRefEnd: context.dataId(piece.end),
        ...types,
        ...hints,
      });
      writePieces(pair, piece.children, context);
    }
  }
}

/** Whether XML 1.0 can hold the character with this UTF-16 code unit. */
function isXmlCharacter(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code !== 0xfffe && code !== 0xffff);
}

/** Append `text` to an element: as text, and as `<cp hex="…"/>` each character XML cannot hold. */
function appendText(parent: XMLBuilder, text: string): void {
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (isXmlCharacter(code)) continue;
    if (index > start) parent.txt(text.slice(start, index));
    parent.ele('cp', { hex: code.toString(16).toUpperCase().padStart(4, '0') });
    start = index + 1;
  }
  if (text.length > start) parent.txt(text.slice(start));
}

/**
 * Append an element on a new line indented for `depth`. Indentation is written as text
 * only between elements that hold elements: the builder's pretty printer would indent
 * inside `<source>` too, where white space is the translator's text.
 */
function child(parent: XMLBuilder, depth: number, name: string, attributes: Record<string, string> = {}): XMLBuilder {
  parent.txt(`\n${'  '.repeat(depth)}`);
  return parent.ele(name, attributes);
}

/** Put the end tag of an element that holds elements on its own line. */
function close(element: XMLBuilder, depth: number): void {
  element.txt(`\n${'  '.repeat(depth)}`);
}
