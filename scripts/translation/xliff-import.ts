/**
 * Import an XLIFF 2.0 file (made by `xliff export`, translated in a CAT tool) into the
 * manuscript's blocks of its target language.
 *
 * The whole file is checked before anything is written: that it is XLIFF 2.0 of this
 * issue and its languages, that every unit is a segment of the issue, and that every
 * target has exactly its source's codes. Any problem refuses the whole file, with its
 * line and column, and the manuscript is left as it was.
 *
 * Then each target that says something else than the block (text and codes, white
 * space aside) is written as Markdown between the block's fences, or as a new block
 * after the source's when the translation was missing; the other blocks keep every
 * byte. A unit in state `final` or `reviewed` is confirmed (`src` = the hash of the
 * source it was translated from); a rewritten block in another state loses its `src`.
 * The new manuscript is read again before it replaces the old one: it must be valid
 * and give back every target as imported.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import type { IssueLocation } from '../manuscript/locate-issue.js';
import { readIssue } from '../manuscript/read-issue.js';
import type { ValidatedIssue } from '../manuscript/read-issue.js';
import type { Lang } from '../manuscript/schema.js';
import { isSrcHash } from '../manuscript/src-hash.js';
import { isAllowedUrl } from '../manuscript/url-scheme.js';
import type { Segment } from '../manuscript/types.js';
import { hasErrors as hasAnyErrors, report as reportRule } from '../messages/report.js';
import { defineRules } from '../messages/rules.js';
import { withoutSrc, withSrc } from './confirm.js';
import { jlagaNamespace, xliffNamespace, xliffStates } from './xliff-export.js';
import type { XliffState } from './xliff-export.js';
import { codesOf, hoistSpaces, markdownRuns, readBlock, sameContent, toMarkdown } from './xliff-inline.js';
import type { CodePiece, Piece } from './xliff-inline.js';
import { writeManuscript } from './write-manuscript.js';
import type { WriteManuscriptOptions } from './write-manuscript.js';
import { attributeOf, parseXml } from './xml-read.js';
import type { Point, XmlElement, XmlNode } from './xml-read.js';

/**
 * The largest XLIFF file an import reads: 32 MiB, some hundred times an issue's text.
 * A larger file is refused before it is read, so that a wrong file cannot exhaust memory.
 */
export const maxXliffBytes = 32 * 1024 * 1024;

/** The closed list of problems of an XLIFF file; `docs/xliff.md` has a section for each. */
export const xliffRuleTable = defineRules('xliff', 'docs/xliff.md', {
  'xliff-not-xliff': { severity: 'error', summary: 'not well-formed XML, or not an XLIFF 2.0 document' },
  'xliff-too-large': { severity: 'error', summary: 'a file larger than an import reads (32 MiB)' },
  'xliff-wrong-issue': { severity: 'error', summary: 'a file exported from another issue' },
  'xliff-wrong-language': { severity: 'error', summary: 'a source or target language that is not the issue’s' },
  'xliff-unknown-unit': { severity: 'error', summary: 'a unit whose id names no segment of the issue' },
  'xliff-duplicate-unit': { severity: 'error', summary: 'two units with one id' },
  'xliff-unknown-data': { severity: 'error', summary: 'a code whose original data is not in its unit' },
  'xliff-code-mismatch': { severity: 'error', summary: 'a target without exactly its source’s codes, each once' },
  'xliff-changed-data': {
    severity: 'error',
    summary: 'a code of a target whose Markdown the manuscript does not have',
  },
  'xliff-unsafe-url': {
    severity: 'error',
    summary: 'a link or image in a target whose URL is not http, https, mailto or #anchor',
  },
  'xliff-invalid-markdown': {
    severity: 'error',
    summary: 'a target that does not make Markdown that reads back the same',
  },
  'xliff-source-changed': { severity: 'warning', summary: 'the source text changed since the export' },
});

/** The XLIFF import's rules by id. */
export const xliffRules = xliffRuleTable.rules;

export type XliffRuleId = keyof typeof xliffRules;

/** What one import did to one block. */
export interface ImportChange {
  id: string;
  lang: Lang;
  /** `added`: a new block; `updated`: new text; `confirmed`: only its `src`. */
  action: 'added' | 'updated' | 'confirmed';
  /** The block's `src` now (none: unconfirmed). */
  src: string | undefined;
}

export interface ImportResult {
  /** Files with messages to report: the XLIFF file, or the manuscript when it has errors. */
  files: VFile[];
  /** The target language of the file, once known. */
  lang: Lang | undefined;
  changes: ImportChange[];
  /** Whether the manuscript was written (false when refused or when nothing changed). */
  written: boolean;
}

/** One unit of the file, checked. */
interface XliffUnit {
  segment: Segment;
  place: Point;
  targetPlace: Point;
  /** The least advanced state of its segments. */
  state: XliffState;
  source: Piece[];
  /** Absent when no segment has a target, or the target is empty. */
  target: Piece[] | undefined;
  /** `jlaga:source-hash`: the source's hash at the export. */
  exportedSourceHash: string | undefined;
  /** Where each code of the source and the target is in the file. */
  codePlaces: ReadonlyMap<CodePiece, Point>;
}

/** A change to make to the manuscript. */
interface Edit {
  unit: XliffUnit;
  change: ImportChange;
  /** The Markdown between the fences; absent when only the fence changes. */
  markdown: string | undefined;
  /** The pieces `markdown` must read back as. */
  intended: Piece[];
}

/** How an import writes; tests replace the writer to simulate a full disk. */
export type ImportOptions = Pick<WriteManuscriptOptions, 'write'>;

/**
 * Import the XLIFF file at `xliffPath` into the issue at `location`, and write the
 * manuscript when the whole file is good and something changed.
 *
 * @returns the messages (of the XLIFF file, or of the manuscript when it has errors),
 *   the target language, the changes made, and whether the manuscript was written.
 * @throws ManuscriptWriteError when the disk refuses the new manuscript (it is unchanged).
 */
export async function importXliff(
  location: IssueLocation,
  xliffPath: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const read = await readIssue(location);
  if (!read.issue) return { files: read.files, lang: undefined, changes: [], written: false };
  const issue = read.issue;
  const file = new VFile({ path: displayPath(xliffPath) });
  const refused = (lang?: Lang): ImportResult => ({ files: [file], lang, changes: [], written: false });

  const parsed = await parseXliff(file, xliffPath, issue);
  if (!parsed || hasErrors(file)) return refused(parsed?.lang);
  const { lang, units, rootPlace } = parsed;

  const raw = await readFile(location.manuscript, 'utf8');
  const edits = planEdits(file, issue, lang, units);
  if (edits.length === 0) return { files: [file], lang, changes: [], written: false };
  const { text, ranges } = applyEdits(raw, issue, lang, edits);

  // The new manuscript is read from its temporary file before it replaces the old one.
  const check = async (temporary: string): Promise<boolean> => {
    const reread = await readIssue({ ...location, manuscript: temporary });
    for (const message of reread.files.flatMap((each) => each.messages)) {
      if (message.fatal !== true) continue;
      const edit = edits.find((_, index) => {
        const range = ranges[index];
        return range !== undefined && (message.line ?? 0) >= range.start && (message.line ?? 0) <= range.end;
      });
      const problem = `${message.reason} (${message.ruleId ?? 'manuscript'})`;
      report(
        file,
        'xliff-invalid-markdown',
        edit
          ? `Unexpected Markdown in the translation of \`#${edit.unit.segment.id}\` once written: ${problem}`
          : `Unexpected problem in the manuscript once the translations are written, on its line ${message.line ?? '?'}: ${problem}`,
        edit?.unit.targetPlace ?? rootPlace,
      );
    }
    if (reread.issue) verifyReadBack(file, reread.issue, lang, edits);
    return !hasErrors(file);
  };
  if (!(await writeManuscript(location.manuscript, text, { write: options.write, check }))) return refused(lang);
  return { files: [file], lang, changes: edits.map((edit) => edit.change), written: true };
}

/** Every rewritten block must read back as its target. */
function verifyReadBack(file: VFile, issue: ValidatedIssue, lang: Lang, edits: readonly Edit[]): void {
  const byId = new Map(issue.segments.map((segment) => [segment.id, segment]));
  for (const edit of edits) {
    if (edit.markdown === undefined) continue;
    const block = byId.get(edit.unit.segment.id)?.blocks[lang];
    if (block && sameContent(readBlock(block), edit.intended)) continue;
    report(
      file,
      'xliff-invalid-markdown',
      `Unexpected reading of the translation of \`#${edit.unit.segment.id}\` as Markdown: ${quote(edit.markdown)} reads back as other text or codes, expected those of the target (a space beside a code, or one too many, may make Markdown read a code as text)`,
      edit.unit.targetPlace,
    );
  }
}

interface ParsedXliff {
  lang: Lang;
  units: XliffUnit[];
  rootPlace: Point;
}

/** Check the XLIFF file; problems become messages on `file`. */
async function parseXliff(file: VFile, xliffPath: string, issue: ValidatedIssue): Promise<ParsedXliff | undefined> {
  const start: Point = { line: 1, column: 1 };
  let read;
  try {
    // Refused before a byte is read: memory stays in proportion to what an import may hold.
    const size = (await stat(xliffPath)).size;
    if (size > maxXliffBytes) {
      report(file, 'xliff-too-large', tooLarge(size), start);
      return undefined;
    }
    // Streamed into the parser; `end` also stops a file that grows while it is read.
    const stream = createReadStream(xliffPath, { highWaterMark: 64 * 1024, end: maxXliffBytes });
    read = await parseXml(stream, { maxBytes: maxXliffBytes });
  } catch (error) {
    if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
    report(file, 'xliff-not-xliff', `Cannot read the file: ${(error as Error).message}`, start);
    return undefined;
  }
  if ('error' in read) {
    const { kind, reason, place } = read.error;
    if (kind === 'too-large') {
      report(
        file,
        'xliff-too-large',
        `Unexpected file that grew past ${maxXliffBytes} bytes while it was read, expected at most that`,
        place,
      );
    } else report(file, 'xliff-not-xliff', reason, place);
    return undefined;
  }
  const root = read.root;
  const placeOf = (element: XmlElement): Point => element.place;

  if (root.uri !== xliffNamespace || root.local !== 'xliff') {
    const namespace = root.uri;
    report(
      file,
      'xliff-not-xliff',
      namespace.startsWith('urn:oasis:names:tc:xliff:document:1.')
        ? 'Unexpected XLIFF 1.2, expected XLIFF 2.0 (export the file again with `npm run xliff -- export`)'
        : `Unexpected root element \`<${root.name}>\`, expected \`<xliff>\` of XLIFF 2.0 (${xliffNamespace})`,
      placeOf(root),
    );
    return undefined;
  }
  const rootPlace = placeOf(root);
  const version = attributeOf(root, 'version') ?? '';
  if (!/^2\.[01]$/.test(version)) {
    report(file, 'xliff-not-xliff', `Unexpected XLIFF version \`${version}\`, expected \`2.0\``, rootPlace);
    return undefined;
  }

  const [source, ...targets] = issue.languages;
  const srcLang = attributeOf(root, 'srcLang') ?? '';
  const trgLang = attributeOf(root, 'trgLang') ?? '';
  const lang = targets.find((candidate) => sameLanguage(candidate, trgLang));
  if (source === undefined || !sameLanguage(source, srcLang)) {
    report(
      file,
      'xliff-wrong-language',
      `Unexpected srcLang \`${srcLang}\`, expected \`${source ?? ''}\`, the source language of ${issue.location.slug}`,
      rootPlace,
    );
  }
  if (lang === undefined) {
    report(
      file,
      'xliff-wrong-language',
      trgLang === ''
        ? `Missing trgLang, expected one of the target languages of ${issue.location.slug} (${targets.join(', ')})`
        : `Unexpected trgLang \`${trgLang}\`, expected one of the target languages of ${issue.location.slug} (${targets.join(', ')})`,
      rootPlace,
    );
    return undefined;
  }

  const files = childElements(root, 'file');
  if (files.length === 0)
    report(file, 'xliff-not-xliff', 'Missing `<file>` in `<xliff>`, expected the exported file', rootPlace);
  const segments = new Map(issue.segments.map((segment) => [segment.id, segment]));
  const units: XliffUnit[] = [];
  const seen = new Map<string, Point>();
  for (const fileElement of files) {
    const exportedIssue = attributeOf(fileElement, 'issue', jlagaNamespace);
    const original = attributeOf(fileElement, 'original');
    const belongs =
      exportedIssue !== undefined
        ? exportedIssue === issue.frontMatter.issue
        : original === `${issue.location.slug}/index.md`;
    if (!belongs) {
      report(
        file,
        'xliff-wrong-issue',
        `Unexpected file of issue \`${exportedIssue ?? original ?? '?'}\`, expected one exported from ${issue.frontMatter.issue} (${issue.location.slug})`,
        placeOf(fileElement),
      );
      continue;
    }
    for (const unitElement of descendantUnits(fileElement)) {
      const id = attributeOf(unitElement, 'id') ?? '';
      const place = placeOf(unitElement);
      const segment = segments.get(id);
      if (!segment) {
        report(
          file,
          'xliff-unknown-unit',
          `Unexpected unit \`${id}\`, expected the id of a segment of ${issue.location.slug}`,
          place,
        );
        continue;
      }
      const first = seen.get(id);
      if (first) {
        report(file, 'xliff-duplicate-unit', `Unexpected second unit \`${id}\`, expected one per segment`, place, {
          reason: 'First unit here',
          place: first,
        });
        continue;
      }
      seen.set(id, place);
      const unit = readUnit(file, unitElement, segment, placeOf);
      if (unit.target) checkTargetMarkup(file, unit, unit.target, issue, lang);
      units.push(unit);
    }
  }
  return { lang, units, rootPlace };
}

/** A unit's segments and ignorables joined, its data resolved, its codes checked. */
function readUnit(
  file: VFile,
  element: XmlElement,
  segment: Segment,
  placeOf: (element: XmlElement) => Point,
): XliffUnit {
  const place = placeOf(element);
  const data = new Map<string, string>();
  for (const originalData of childElements(element, 'originalData')) {
    for (const entry of childElements(originalData, 'data'))
      data.set(attributeOf(entry, 'id') ?? '', contentText(entry));
  }
  const codePlaces = new Map<CodePiece, Point>();
  const context: ContentContext = { file, data, placeOf, codePlaces, sourceCodes: undefined };

  const sourceParts: XmlElement[] = [];
  const targetParts: XmlElement[] = [];
  let state: XliffState | undefined;
  let targetPlace: Point | undefined;
  for (const part of element.children) {
    if (!isXliff(part, 'segment') && !isXliff(part, 'ignorable')) continue;
    const partSource = childElements(part, 'source')[0];
    const partTarget = childElements(part, 'target')[0];
    if (partSource) sourceParts.push(partSource);
    if (partTarget) {
      targetParts.push(partTarget);
      targetPlace ??= placeOf(partTarget);
    } else if (part.local === 'ignorable' && partSource) {
      // An ignorable without target stands for itself in the target.
      targetParts.push(partSource);
    }
    if (part.local !== 'segment') continue;
    const value = attributeOf(part, 'state') ?? 'initial';
    if (!isXliffState(value)) {
      report(
        file,
        'xliff-not-xliff',
        `Unexpected state \`${value}\`, expected ${xliffStates.join(', ')}`,
        placeOf(part),
      );
      continue;
    }
    if (state === undefined || xliffStates.indexOf(value) < xliffStates.indexOf(state)) state = value;
  }

  const source = sourceParts.flatMap((part) => readContent(part, context));
  context.sourceCodes = new Map(codesOf(source).map((code) => [code.id, code]));
  const hasTarget = targetParts.some((part) => part.local === 'target');
  const target = hasTarget ? joinText(targetParts.flatMap((part) => readContent(part, context))) : undefined;
  const given = target && !isBlank(target) ? target : undefined;
  if (given) checkCodes(file, segment.id, source, given, { codePlaces, targetPlace: targetPlace ?? place });
  const hash = attributeOf(element, 'source-hash', jlagaNamespace);
  return {
    segment,
    place,
    targetPlace: targetPlace ?? place,
    state: state ?? 'initial',
    source: joinText(source),
    target: given,
    exportedSourceHash: hash !== undefined && isSrcHash(hash) ? hash : undefined,
    codePlaces,
  };
}

interface ContentContext {
  file: VFile;
  data: ReadonlyMap<string, string>;
  placeOf: (element: XmlElement) => Point;
  codePlaces: Map<CodePiece, Point>;
  /** The source's codes by id, once read: a target code without data refers to them. */
  sourceCodes: ReadonlyMap<string, CodePiece> | undefined;
}

/** The pieces of a `<source>` or `<target>` (or of a `<pc>`). */
function readContent(element: XmlElement, context: ContentContext): Piece[] {
  const pieces: Piece[] = [];
  const { file, placeOf } = context;
  const isTarget = context.sourceCodes !== undefined;
  const dataOf = (code: XmlElement, attribute: string, fallback: string | undefined): string => {
    const ref = attributeOf(code, attribute);
    if (ref === undefined && fallback !== undefined) return fallback;
    const value = ref === undefined ? undefined : context.data.get(ref);
    if (value === undefined && (ref !== undefined || !isTarget)) {
      report(
        file,
        'xliff-unknown-data',
        ref === undefined
          ? `Missing \`${attribute}\` on \`<${code.local} id="${attributeOf(code, 'id') ?? ''}">\`, expected a reference to its Markdown in \`<originalData>\``
          : `Unexpected \`${attribute}="${ref}"\`, expected the id of a \`<data>\` of the unit`,
        placeOf(code),
      );
    }
    return value ?? '';
  };

  for (const code of element.children) {
    if (typeof code === 'string') {
      pieces.push({ type: 'text', value: code });
      continue;
    }
    if (code.uri !== xliffNamespace) continue;
    const id = attributeOf(code, 'id') ?? '';
    const counterpart = context.sourceCodes?.get(id);
    switch (code.local) {
      case 'ph': {
        const piece: CodePiece = {
          type: 'ph',
          id,
          data: dataOf(code, 'dataRef', counterpart?.type === 'ph' ? counterpart.data : undefined),
        };
        context.codePlaces.set(piece, placeOf(code));
        pieces.push(piece);
        break;
      }
      case 'pc': {
        const piece: CodePiece = {
          type: 'pc',
          id,
          start: dataOf(code, 'dataRefStart', counterpart?.type === 'pc' ? counterpart.start : undefined),
          end: dataOf(code, 'dataRefEnd', counterpart?.type === 'pc' ? counterpart.end : undefined),
          children: joinText(readContent(code, context)),
        };
        context.codePlaces.set(piece, placeOf(code));
        pieces.push(piece);
        break;
      }
      case 'mrk':
        // An annotation (a term, a comment of the tool): its content is the text.
        pieces.push(...readContent(code, context));
        break;
      case 'cp': {
        const value = codePoint(code);
        if (!isManuscriptCharacter(value)) {
          report(
            file,
            'xliff-invalid-markdown',
            `Unexpected \`<cp hex="${attributeOf(code, 'hex') ?? ''}"/>\`, expected a character a manuscript can hold (a control character is invisible, and no edition can carry it)`,
            placeOf(code),
          );
        }
        pieces.push({ type: 'text', value });
        break;
      }
      case 'sm':
      case 'em':
        break;
      default:
        report(
          file,
          'xliff-code-mismatch',
          `Unexpected \`<${code.local}>\`, expected the codes of the export (\`<ph>\`, \`<pc>\`)`,
          placeOf(code),
        );
    }
  }
  return joinText(pieces);
}

/** The target must hold each code of the source once, as the same element; the order is free. */
function checkCodes(
  file: VFile,
  id: string,
  source: readonly Piece[],
  target: readonly Piece[],
  context: { codePlaces: ReadonlyMap<CodePiece, Point>; targetPlace: Point },
): void {
  const expected = new Map(codesOf(source).map((code) => [code.id, code]));
  const found = new Set<string>();
  const tag = (code: CodePiece) => `\`<${code.type} id="${code.id}">\``;
  for (const code of codesOf(target)) {
    const place = context.codePlaces.get(code) ?? context.targetPlace;
    const counterpart = expected.get(code.id);
    if (!counterpart) {
      const ids = [...expected.keys()];
      report(
        file,
        'xliff-code-mismatch',
        `Unexpected code ${tag(code)} in the target of \`${id}\`, expected only the codes of its source${ids.length > 0 ? ` (${ids.join(', ')})` : ' (none)'}`,
        place,
      );
    } else if (found.has(code.id)) {
      report(
        file,
        'xliff-code-mismatch',
        `Unexpected second ${tag(code)} in the target of \`${id}\`, expected each code of the source once`,
        place,
      );
    } else if (counterpart.type !== code.type) {
      report(
        file,
        'xliff-code-mismatch',
        `Unexpected ${tag(code)} in the target of \`${id}\`, expected ${tag(counterpart)} as in the source`,
        place,
      );
    }
    found.add(code.id);
  }
  for (const code of expected.values()) {
    if (found.has(code.id)) continue;
    const markdown = code.type === 'ph' ? code.data : `${code.start}…${code.end}`;
    report(
      file,
      'xliff-code-mismatch',
      `Missing code ${tag(code)} (${quote(markdown)}) in the target of \`${id}\`, expected each code of the source once`,
      context.targetPlace,
    );
  }
}

/**
 * The import changes text, not Markdown: every code of a target must carry Markdown
 * that the segment's blocks in the manuscript have (its source's, or its translation's),
 * so that a `<data>` edited in the file cannot swap a link's URL, and every link and
 * image must point where an edition may point (`isAllowedUrl`; an image also at a file
 * of the issue).
 */
function checkTargetMarkup(
  file: VFile,
  unit: XliffUnit,
  target: readonly Piece[],
  issue: ValidatedIssue,
  lang: Lang,
): void {
  const { segment } = unit;
  const known = { ph: new Set<string>(), start: new Set<string>(), end: new Set<string>() };
  for (const block of [segment.blocks[issue.languages[0] ?? ''], segment.blocks[lang]]) {
    if (!block) continue;
    for (const code of codesOf(readBlock(block))) {
      if (code.type === 'ph') known.ph.add(squeeze(code.data));
      else {
        known.start.add(squeeze(code.start));
        known.end.add(squeeze(code.end));
      }
    }
  }
  for (const code of codesOf(target)) {
    const place = unit.codePlaces.get(code) ?? unit.targetPlace;
    const tag = `\`<${code.type} id="${code.id}">\``;
    const link = destinationOf(code);
    if (link && !isSafeDestination(link.url, link.image)) {
      report(
        file,
        'xliff-unsafe-url',
        `Unexpected ${link.image ? 'image source' : 'link target'} ${quote(link.url)} of ${tag} in the target of \`#${segment.id}\`, expected an http, https or mailto URL or a #anchor${link.image ? ', or a file of the issue' : ''}`,
        place,
      );
      continue;
    }
    const markdown = code.type === 'ph' ? [code.data] : [code.start, code.end];
    const same =
      code.type === 'ph'
        ? known.ph.has(squeeze(code.data))
        : known.start.has(squeeze(code.start)) && known.end.has(squeeze(code.end));
    if (same) continue;
    report(
      file,
      'xliff-changed-data',
      `Unexpected Markdown ${quote(markdown.join('…'))} for ${tag} in the target of \`#${segment.id}\`, expected the Markdown of a code of the manuscript's blocks: the import changes text, not links or markup (change those in the manuscript)`,
      place,
    );
  }
}

/** The destination of a link or image code, as written: `](url "title")` of a pair, `<url>` of an autolink. */
function destinationOf(code: CodePiece): { url: string; image: boolean } | undefined {
  if (code.type === 'ph') {
    // CommonMark's autolinks: `<scheme:…>`, or `<name@example.org>` (a mailto: link); `<br>` is HTML.
    const inner = /^<([^<>\s]*)>$/.exec(code.data.trim())?.[1];
    if (inner === undefined) return undefined;
    if (/^[A-Za-z][A-Za-z0-9+.-]{1,31}:/.test(inner)) return { url: inner, image: false };
    return /^[^\s@<>\\]+@[A-Za-z0-9.-]+$/.test(inner) ? { url: `mailto:${inner}`, image: false } : undefined;
  }
  if (!code.end.startsWith('](')) return undefined;
  const rest = code.end.slice(2).replace(/^[ \t]*\n?[ \t]*/, '');
  if (rest.startsWith('<')) return { url: /^<([^<>\n]*)>/.exec(rest)?.[1] ?? rest, image: code.start.startsWith('!') };
  let depth = 0;
  let end = 0;
  for (; end < rest.length; end++) {
    const char = rest[end] ?? '';
    if (char === '\\') end++;
    else if (char === '(') depth++;
    else if (char === ')' && depth-- === 0) break;
    else if (/\s/.test(char) || char < ' ') break;
  }
  return { url: rest.slice(0, end), image: code.start.startsWith('!') };
}

/**
 * Whether Markdown's destination `url` (before Markdown decodes its `&…;` and `\`
 * escapes) is one an edition may carry. The part before the first `/`, `?` or `#`
 * must have no `&` or `\`: `javascript&#58;…` decodes into a scheme. Checked on the
 * text as written rather than parsed, so that no second Markdown parser is needed; the
 * re-read of the written manuscript applies the reader's own rule too.
 */
function isSafeDestination(url: string, image: boolean): boolean {
  const head = /^[^/?#]*/.exec(url)?.[0] ?? '';
  if (/[&\\]/.test(head)) return false;
  if (isAllowedUrl(url)) return true;
  // An image may also be a file of the issue: a relative path without a scheme.
  return (
    image &&
    url !== '' &&
    !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url) &&
    !/^[/\\]/.test(url) &&
    Array.from(url).every((char) => char >= ' ' && isManuscriptCharacter(char))
  );
}

function squeeze(markdown: string): string {
  return markdown.replace(/\s+/g, ' ').trim();
}

/** Decide what to write for each unit; source-changed warnings go on `file`. */
function planEdits(file: VFile, issue: ValidatedIssue, lang: Lang, units: readonly XliffUnit[]): Edit[] {
  const source = issue.languages[0] ?? '';
  const edits: Edit[] = [];
  for (const unit of units) {
    if (!unit.target) continue;
    const { segment } = unit;
    const block = segment.blocks[lang];
    const sourceBlock = segment.blocks[source];
    const currentSource = sourceBlock ? readBlock(sourceBlock) : [];
    // Tools that fill untranslated targets with a copy of the source leave them
    // `initial`: that is no translation.
    if (unit.state === 'initial' && sameContent(unit.target, unit.source)) continue;
    const sourceSame = sameContent(unit.source, currentSource);
    const confirm = unit.state === 'final' || unit.state === 'reviewed';
    // Confirmed against the source the translator saw: if that is no longer the
    // source, the translation reads as stale, as it is.
    const confirmTo = sourceSame ? segment.sourceHash : unit.exportedSourceHash;
    const intended = hoistSpaces(unit.target);
    const current = block ? readBlock(block) : undefined;
    const warnChanged = () => {
      if (sourceSame) return;
      report(
        file,
        'xliff-source-changed',
        `The \`${source}\` text of \`#${segment.id}\` changed since the export: ${
          confirm && confirmTo !== undefined
            ? `its translation is confirmed against the exported text (src=${confirmTo}) and reads as stale`
            : 'its translation is written unconfirmed'
        }; check it against the new text`,
        unit.place,
      );
    };

    if (block && current && sameContent(intended, current)) {
      if (confirm && confirmTo !== undefined && block.src !== confirmTo) {
        warnChanged();
        edits.push({
          unit,
          intended,
          markdown: undefined,
          change: { id: segment.id, lang, action: 'confirmed', src: confirmTo },
        });
      }
      continue;
    }
    warnChanged();
    // Text nobody changed keeps its bytes: the translation's own first, else the source's.
    const runs = new Map([...markdownRuns(currentSource), ...markdownRuns(current ?? [])]);
    edits.push({
      unit,
      intended,
      markdown: toMarkdown(intended, runs),
      change: { id: segment.id, lang, action: block ? 'updated' : 'added', src: confirm ? confirmTo : undefined },
    });
  }
  return edits;
}

/**
 * The manuscript with the edits: `raw` as on disk (byte order mark and line endings
 * kept), split into lines with their own endings, changed only in the lines meant.
 *
 * @returns the text and, per edit, the lines (1-based) its block has in it.
 */
function applyEdits(
  raw: string,
  issue: ValidatedIssue,
  lang: Lang,
  edits: readonly Edit[],
): { text: string; ranges: Array<{ start: number; end: number }> } {
  const parts = raw.split(/(\r\n|\r|\n)/);
  const lines: Array<{ text: string; end: string }> = [];
  for (let index = 0; index < parts.length; index += 2)
    lines.push({ text: parts[index] ?? '', end: parts[index + 1] ?? '' });
  const newline = parts[1] ?? '\n';

  // Line index (0-based) → what happens there: a block rewritten from its fence, or a
  // block added after a closing fence.
  const rewrite = new Map<number, { edit: Edit; index: number; close: number }>();
  const insert = new Map<number, { edit: Edit; index: number }>();
  edits.forEach((edit, index) => {
    const { segment } = edit.unit;
    const block = segment.blocks[lang];
    if (block) {
      const fence = (block.node.position?.start.line ?? 1) - 1;
      rewrite.set(fence, { edit, index, close: (block.node.position?.end.line ?? 1) - 1 });
      return;
    }
    // After the last block of a language that comes before this one.
    const before = issue.languages
      .slice(0, issue.languages.indexOf(lang))
      .flatMap((other) => segment.blocks[other] ?? [])
      .pop();
    insert.set((before?.node.position?.end.line ?? 1) - 1, { edit, index });
  });

  const out: Array<{ text: string; end: string }> = [];
  const ranges: Array<{ start: number; end: number }> = [];
  const content = (markdown: string) => markdown.split('\n').map((text) => ({ text, end: newline }));
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? { text: '', end: '' };
    const rewritten = rewrite.get(index);
    if (rewritten) {
      const { edit, close } = rewritten;
      const start = out.length + 1;
      const src = edit.change.src;
      out.push({ text: src === undefined ? withoutSrc(line.text) : withSrc(line.text, src), end: line.end });
      if (edit.markdown === undefined) {
        ranges[rewritten.index] = { start, end: start };
        continue;
      }
      out.push(...content(edit.markdown));
      ranges[rewritten.index] = { start, end: out.length + 1 };
      index = close - 1;
      continue;
    }
    const added = insert.get(index);
    if (!added) {
      out.push(line);
      continue;
    }
    const { edit } = added;
    const { segment } = edit.unit;
    const attributes = [`#${segment.id}`, ...segment.classes.map((name) => `.${name}`)];
    if (edit.change.src !== undefined) attributes.push(`src=${edit.change.src}`);
    out.push({ text: line.text, end: line.end === '' ? newline : line.end });
    out.push({ text: '', end: newline }, { text: `:::${lang}{${attributes.join(' ')}}`, end: newline });
    const start = out.length;
    out.push(...content(edit.markdown ?? ''), { text: ':::', end: line.end });
    ranges[added.index] = { start, end: out.length };
  }
  return { text: out.map((line) => line.text + line.end).join(''), ranges };
}

/** Record one problem of the XLIFF file; `cause` is the other place involved, if any. */
function report(
  file: VFile,
  ruleId: XliffRuleId,
  reason: string,
  place: Point,
  cause?: { reason: string; place: Point },
): void {
  reportRule(file, xliffRules[ruleId], reason, place, cause);
}

function hasErrors(file: VFile): boolean {
  return hasAnyErrors([file]);
}

function isXliff(node: XmlNode, name: string): node is XmlElement {
  return typeof node !== 'string' && node.uri === xliffNamespace && node.local === name;
}

function childElements(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((node): node is XmlElement => isXliff(node, name));
}

/** The units of a file, also those inside groups. */
function descendantUnits(element: XmlElement): XmlElement[] {
  return element.children.flatMap((node) =>
    isXliff(node, 'unit') ? [node] : isXliff(node, 'group') ? descendantUnits(node) : [],
  );
}

/** The text of a `<data>`: its characters, `<cp>` included. */
function contentText(element: XmlElement): string {
  return element.children
    .map((node) => (typeof node === 'string' ? node : isXliff(node, 'cp') ? codePoint(node) : ''))
    .join('');
}

/** Whether a manuscript may hold `character`: what XML 1.0 allows (no C0 control but tab and line breaks, no U+FFFE/U+FFFF). */
function isManuscriptCharacter(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code !== 0xfffe && code !== 0xffff);
}

/** The character of a `<cp hex="…">` (U+FFFD when the value names none). */
function codePoint(element: XmlElement): string {
  const value = Number.parseInt(attributeOf(element, 'hex') ?? '', 16);
  return Number.isInteger(value) && value >= 0 && value <= 0x10ffff ? String.fromCodePoint(value) : '\uFFFD';
}

function joinText(pieces: readonly Piece[]): Piece[] {
  const joined: Piece[] = [];
  for (const piece of pieces) {
    const previous = joined[joined.length - 1];
    if (piece.type === 'text' && previous?.type === 'text') previous.value += piece.value;
    else joined.push(piece.type === 'text' ? { ...piece } : piece);
  }
  return joined;
}

function isBlank(pieces: readonly Piece[]): boolean {
  return pieces.every((piece) => piece.type === 'text' && piece.value.trim() === '');
}

function isXliffState(value: string): value is XliffState {
  return (xliffStates as readonly string[]).includes(value);
}

/** `hu` and `hu-HU` name the same language here: tools may add a region. */
function sameLanguage(lang: Lang, tag: string): boolean {
  return tag.toLowerCase() === lang.toLowerCase() || tag.toLowerCase().startsWith(`${lang.toLowerCase()}-`);
}

function quote(markdown: string): string {
  const short = markdown.length > 60 ? `${markdown.slice(0, 57)}…` : markdown;
  return `\`${short.replace(/\n/g, '⏎')}\``;
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

/** The refusal of a file over `maxXliffBytes`. */
function tooLarge(size: number): string {
  const mebibytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
  return `Unexpected file of ${mebibytes(size)} MiB (${size} bytes), expected an XLIFF file of at most ${mebibytes(maxXliffBytes)} MiB (${maxXliffBytes} bytes): one issue exports far less, is it the right file?`;
}
