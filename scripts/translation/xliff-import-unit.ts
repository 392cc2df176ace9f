/**
 * One `<unit>` of an XLIFF file as pieces: its segments and ignorables joined into a
 * source and a target, each code's Markdown resolved from the unit's `<originalData>`,
 * the target's codes checked against the source's, and the least advanced state.
 */
import type { VFile } from 'vfile';
import { isSrcHash } from '../manuscript/src-hash.js';
import type { Segment } from '../manuscript/types.js';
import { childElements, codePoint, contentText, isManuscriptCharacter, isXliff } from './xliff-elements.js';
import { jlagaNamespace, xliffNamespace, xliffStates } from './xliff-export.js';
import type { XliffState } from './xliff-export.js';
import { checkCodes } from './xliff-import-codes.js';
import { report } from './xliff-import-rules.js';
import { codesOf } from './xliff-inline.js';
import type { CodePiece, Piece } from './xliff-inline.js';
import { attributeOf } from './xml-read.js';
import type { Point, XmlElement } from './xml-read.js';

/** One unit of the file, checked. */
export interface XliffUnit {
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

/** A unit's segments and ignorables joined, its data resolved, its codes checked. */
export function readUnit(file: VFile, element: XmlElement, segment: Segment): XliffUnit {
  const place = element.place;
  const data = new Map<string, string>();
  for (const originalData of childElements(element, 'originalData')) {
    for (const entry of childElements(originalData, 'data'))
      data.set(attributeOf(entry, 'id') ?? '', contentText(entry));
  }
  const codePlaces = new Map<CodePiece, Point>();
  const context: ContentContext = { file, data, codePlaces, sourceCodes: undefined };

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
      targetPlace ??= partTarget.place;
    } else if (part.local === 'ignorable' && partSource) {
      // An ignorable without target stands for itself in the target.
      targetParts.push(partSource);
    }
    if (part.local !== 'segment') continue;
    const value = attributeOf(part, 'state') ?? 'initial';
    if (!isXliffState(value)) {
      report(file, 'xliff-not-xliff', `Unexpected state \`${value}\`, expected ${xliffStates.join(', ')}`, part.place);
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
  codePlaces: Map<CodePiece, Point>;
  /** The source's codes by id, once read: a target code without data refers to them. */
  sourceCodes: ReadonlyMap<string, CodePiece> | undefined;
}

/** The pieces of a `<source>` or `<target>` (or of a `<pc>`). */
function readContent(element: XmlElement, context: ContentContext): Piece[] {
  const pieces: Piece[] = [];
  const { file } = context;
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
        code.place,
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
        context.codePlaces.set(piece, code.place);
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
        context.codePlaces.set(piece, code.place);
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
            code.place,
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
          code.place,
        );
    }
  }
  return joinText(pieces);
}

/** Adjacent texts as one. */
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
