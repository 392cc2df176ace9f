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
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { create } from 'xmlbuilder2';
import type { IssueLocation } from '../manuscript/locate-issue.js';
import { readIssue } from '../manuscript/read-issue.js';
import type { ValidatedIssue } from '../manuscript/read-issue.js';
import type { Lang } from '../manuscript/schema.js';
import { isSrcHash } from '../manuscript/src-hash.js';
import type { Segment } from '../manuscript/types.js';
import { withoutSrc, withSrc } from './confirm.js';
import { jlagaNamespace, xliffNamespace, xliffStates } from './xliff-export.js';
import type { XliffState } from './xliff-export.js';
import { codesOf, hoistSpaces, markdownRuns, readBlock, sameContent, toMarkdown } from './xliff-inline.js';
import type { CodePiece, Piece } from './xliff-inline.js';
import { scanXml } from './xml-scan.js';
import type { Point } from './xml-scan.js';

/** The closed list of problems of an XLIFF file; `docs/xliff.md` has a section for each. */
export const xliffRules = {
  'xliff-not-xliff': { severity: 'error', summary: 'not well-formed XML, or not an XLIFF 2.0 document' },
  'xliff-wrong-issue': { severity: 'error', summary: 'a file exported from another issue' },
  'xliff-wrong-language': { severity: 'error', summary: 'a source or target language that is not the issue’s' },
  'xliff-unknown-unit': { severity: 'error', summary: 'a unit whose id names no segment of the issue' },
  'xliff-duplicate-unit': { severity: 'error', summary: 'two units with one id' },
  'xliff-unknown-data': { severity: 'error', summary: 'a code whose original data is not in its unit' },
  'xliff-code-mismatch': { severity: 'error', summary: 'a target without exactly its source’s codes, each once' },
  'xliff-invalid-markdown': {
    severity: 'error',
    summary: 'a target that does not make Markdown that reads back the same',
  },
  'xliff-source-changed': { severity: 'warning', summary: 'the source text changed since the export' },
} as const;

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

/**
 * Import the XLIFF file `xliffPath` (its bytes: `bytes`) into the issue at `location`,
 * and write the manuscript when the whole file is good and something changed.
 */
export async function importXliff(
  location: IssueLocation,
  xliffPath: string,
  bytes: Uint8Array,
): Promise<ImportResult> {
  const read = await readIssue(location);
  if (!read.issue) return { files: read.files, lang: undefined, changes: [], written: false };
  const issue = read.issue;
  const file = new VFile({ path: displayPath(xliffPath) });
  const refused = (lang?: Lang): ImportResult => ({ files: [file], lang, changes: [], written: false });

  const parsed = parseXliff(file, bytes, issue);
  if (!parsed || hasErrors(file)) return refused(parsed?.lang);
  const { lang, units, rootPlace } = parsed;

  const raw = await readFile(location.manuscript, 'utf8');
  const edits = planEdits(file, issue, lang, units);
  if (edits.length === 0) return { files: [file], lang, changes: [], written: false };
  const { text, ranges } = applyEdits(raw, issue, lang, edits);

  // Read the new manuscript before it replaces the old one.
  const temporary = `${location.manuscript}.${process.pid}.tmp`;
  await writeFile(temporary, text, 'utf8');
  try {
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
    if (hasErrors(file)) return refused(lang);
    await rename(temporary, location.manuscript);
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
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
function parseXliff(file: VFile, bytes: Uint8Array, issue: ValidatedIssue): ParsedXliff | undefined {
  const start: Point = { line: 1, column: 1 };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    report(file, 'xliff-not-xliff', 'Unexpected bytes that are not UTF-8, expected an XLIFF file in UTF-8', start);
    return undefined;
  }
  // XML reads CR LF and CR as LF; lines and columns stay those of an editor.
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  file.value = text;
  const scan = scanXml(text);
  if ('error' in scan) {
    report(file, 'xliff-not-xliff', `${scan.error.reason} (not well-formed XML)`, scan.error.place);
    return undefined;
  }

  let document: Node;
  try {
    // White space alone is text too: the Markdown of a code (a blank line), or the
    // space between two codes. The builder's DOM is the standard one, under types of its own.
    document = create({ skipWhitespaceOnlyText: false }, text).node as unknown as Node;
  } catch (error) {
    report(file, 'xliff-not-xliff', `Unexpected XML the parser cannot read: ${(error as Error).message}`, start);
    return undefined;
  }
  const elements: Element[] = [];
  const collect = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType !== 1) continue;
      elements.push(child as Element);
      collect(child);
    }
  };
  collect(document);
  if (
    elements.length !== scan.tags.length ||
    elements.some((element, index) => element.tagName !== scan.tags[index]?.name)
  ) {
    report(
      file,
      'xliff-not-xliff',
      'Unexpected XML the parser reads otherwise than written, expected plain XLIFF',
      start,
    );
    return undefined;
  }
  const places = new Map(elements.map((element, index) => [element, scan.tags[index] ?? start]));
  const placeOf = (element: Element): Point => places.get(element) ?? start;

  const root = elements[0];
  if (!root || root.namespaceURI !== xliffNamespace || root.localName !== 'xliff') {
    const namespace = root?.namespaceURI ?? '';
    report(
      file,
      'xliff-not-xliff',
      namespace.startsWith('urn:oasis:names:tc:xliff:document:1.')
        ? 'Unexpected XLIFF 1.2, expected XLIFF 2.0 (export the file again with `npm run xliff -- export`)'
        : `Unexpected root element \`<${root?.tagName ?? ''}>\`, expected \`<xliff>\` of XLIFF 2.0 (${xliffNamespace})`,
      root ? placeOf(root) : start,
    );
    return undefined;
  }
  const rootPlace = placeOf(root);
  const version = root.getAttribute('version') ?? '';
  if (!/^2\.[01]$/.test(version)) {
    report(file, 'xliff-not-xliff', `Unexpected XLIFF version \`${version}\`, expected \`2.0\``, rootPlace);
    return undefined;
  }

  const [source, ...targets] = issue.languages;
  const srcLang = root.getAttribute('srcLang') ?? '';
  const trgLang = root.getAttribute('trgLang') ?? '';
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
    const exportedIssue = fileElement.getAttributeNS(jlagaNamespace, 'issue');
    const original = fileElement.getAttribute('original');
    const belongs =
      exportedIssue !== null
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
      const id = unitElement.getAttribute('id') ?? '';
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
      units.push(readUnit(file, unitElement, segment, placeOf));
    }
  }
  return { lang, units, rootPlace };
}

/** A unit's segments and ignorables joined, its data resolved, its codes checked. */
function readUnit(file: VFile, element: Element, segment: Segment, placeOf: (element: Element) => Point): XliffUnit {
  const place = placeOf(element);
  const data = new Map<string, string>();
  for (const originalData of childElements(element, 'originalData')) {
    for (const entry of childElements(originalData, 'data'))
      data.set(entry.getAttribute('id') ?? '', contentText(entry));
  }
  const codePlaces = new Map<CodePiece, Point>();
  const context: ContentContext = { file, data, placeOf, codePlaces, sourceCodes: undefined };

  const sourceParts: Element[] = [];
  const targetParts: Element[] = [];
  let state: XliffState | undefined;
  let targetPlace: Point | undefined;
  for (const part of Array.from(element.childNodes)) {
    if (!isXliff(part, 'segment') && !isXliff(part, 'ignorable')) continue;
    const partSource = childElements(part, 'source')[0];
    const partTarget = childElements(part, 'target')[0];
    if (partSource) sourceParts.push(partSource);
    if (partTarget) {
      targetParts.push(partTarget);
      targetPlace ??= placeOf(partTarget);
    } else if (part.localName === 'ignorable' && partSource) {
      // An ignorable without target stands for itself in the target.
      targetParts.push(partSource);
    }
    if (part.localName !== 'segment') continue;
    const value = part.getAttribute('state') ?? 'initial';
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
  const hasTarget = targetParts.some((part) => part.localName === 'target');
  const target = hasTarget ? joinText(targetParts.flatMap((part) => readContent(part, context))) : undefined;
  const given = target && !isBlank(target) ? target : undefined;
  if (given) checkCodes(file, segment.id, source, given, { codePlaces, targetPlace: targetPlace ?? place });
  const hash = element.getAttributeNS(jlagaNamespace, 'source-hash');
  return {
    segment,
    place,
    targetPlace: targetPlace ?? place,
    state: state ?? 'initial',
    source: joinText(source),
    target: given,
    exportedSourceHash: hash !== null && isSrcHash(hash) ? hash : undefined,
  };
}

interface ContentContext {
  file: VFile;
  data: ReadonlyMap<string, string>;
  placeOf: (element: Element) => Point;
  codePlaces: Map<CodePiece, Point>;
  /** The source's codes by id, once read: a target code without data refers to them. */
  sourceCodes: ReadonlyMap<string, CodePiece> | undefined;
}

/** The pieces of a `<source>` or `<target>` (or of a `<pc>`). */
function readContent(element: Element, context: ContentContext): Piece[] {
  const pieces: Piece[] = [];
  const { file, placeOf } = context;
  const isTarget = context.sourceCodes !== undefined;
  const dataOf = (code: Element, attribute: string, fallback: string | undefined): string => {
    const ref = code.getAttribute(attribute);
    if (ref === null && fallback !== undefined) return fallback;
    const value = ref === null ? undefined : context.data.get(ref);
    if (value === undefined && (ref !== null || !isTarget)) {
      report(
        file,
        'xliff-unknown-data',
        ref === null
          ? `Missing \`${attribute}\` on \`<${code.localName} id="${code.getAttribute('id') ?? ''}">\`, expected a reference to its Markdown in \`<originalData>\``
          : `Unexpected \`${attribute}="${ref}"\`, expected the id of a \`<data>\` of the unit`,
        placeOf(code),
      );
    }
    return value ?? '';
  };

  for (const node of Array.from(element.childNodes)) {
    if (node.nodeType === 3 || node.nodeType === 4) {
      pieces.push({ type: 'text', value: node.nodeValue ?? '' });
      continue;
    }
    if (node.nodeType !== 1) continue;
    const code = node as Element;
    if (code.namespaceURI !== xliffNamespace) continue;
    const id = code.getAttribute('id') ?? '';
    const counterpart = context.sourceCodes?.get(id);
    switch (code.localName) {
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
      case 'cp':
        pieces.push({ type: 'text', value: codePoint(code) });
        break;
      case 'sm':
      case 'em':
        break;
      default:
        report(
          file,
          'xliff-code-mismatch',
          `Unexpected \`<${code.localName}>\`, expected the codes of the export (\`<ph>\`, \`<pc>\`)`,
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
  const message = file.message(reason, {
    place,
    ruleId,
    source: 'xliff',
    cause: cause ? new VFileMessage(cause.reason, { place: cause.place }) : undefined,
  });
  message.fatal = xliffRules[ruleId].severity === 'error';
  message.url = `docs/xliff.md#${ruleId}`;
}

function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true);
}

function isXliff(node: Node, name: string): node is Element {
  return (
    node.nodeType === 1 && (node as Element).namespaceURI === xliffNamespace && (node as Element).localName === name
  );
}

function childElements(element: Element, name: string): Element[] {
  return Array.from(element.childNodes).filter((node): node is Element => isXliff(node, name));
}

/** The units of a file, also those inside groups. */
function descendantUnits(element: Element): Element[] {
  return Array.from(element.childNodes).flatMap((node) =>
    isXliff(node, 'unit') ? [node] : isXliff(node, 'group') ? descendantUnits(node) : [],
  );
}

/** The text of a `<data>`: its characters, `<cp>` included. */
function contentText(element: Element): string {
  return Array.from(element.childNodes)
    .map((node) =>
      node.nodeType === 3 || node.nodeType === 4 ? (node.nodeValue ?? '') : isXliff(node, 'cp') ? codePoint(node) : '',
    )
    .join('');
}

/** The character of a `<cp hex="…">` (U+FFFD when the value names none). */
function codePoint(element: Element): string {
  const value = Number.parseInt(element.getAttribute('hex') ?? '', 16);
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
