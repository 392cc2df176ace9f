/**
 * A language block's Markdown ↔ the content of an XLIFF segment: text for the
 * translator, and inline codes that carry the Markdown around it.
 *
 * Reading walks the block's mdast, whose positions point into the block's text:
 *
 * - the text of paragraphs, headings and table cells is text;
 * - emphasis, strong, strikethrough, links, images and phrases in another language are
 *   paired codes (`pc`): the Markdown before and after their content (`*` … `*`,
 *   `[` … `](url)`, `![` … `](src)`, so that an image's alt text is translated like any
 *   text, `:en[` … `]`);
 * - footnote references, inline code, hard breaks, autolinks are single codes (`ph`);
 * - everything else between two texts is a single code of kind `block`: a heading's
 *   `## `, a list item's `- `, a blank line, a footnote definition's `[^label]: `, a
 *   quote's `> `, the pipes of a table, a comment.
 *
 * Every code keeps the Markdown exactly as written, so the pieces of a block written
 * back with the runs of text as written (`markdownRuns`) are the block's bytes. New
 * text is escaped where Markdown would read it as syntax (`markdown-escape.ts`).
 */
import type { PhrasingContent, RootContent } from 'mdast';
import { languageTag } from '../manuscript/language-tags.js';
import type { LanguageBlock } from '../manuscript/types.js';
import { escapeText, softBreaksAsSpaces } from './markdown-escape.js';

/** What a code stands for; it decides its XLIFF `type`/`subType` and how codes of two languages pair up. */
export type CodeKind =
  | 'block'
  | 'emphasis'
  | 'strong'
  | 'delete'
  | 'link'
  | 'autolink'
  | 'image'
  | 'phrase'
  | 'footnote'
  | 'code'
  | 'break'
  | 'markup';

export interface TextPiece {
  type: 'text';
  /** The text as the translator sees it (soft line breaks read as spaces). */
  value: string;
  /** The Markdown it was read from, when it was read from a block. */
  markdown?: string | undefined;
}

interface CodeFields {
  /** The XLIFF id; `''` until numbered. */
  id: string;
  /** Present on codes read from a block. */
  kind?: CodeKind | undefined;
  /** Pairs a code of a translation with the source's: kind and occurrence (`emphasis#2`, `footnote:cost#1`). */
  key?: string | undefined;
}

/** A single code: its Markdown. */
export interface PhPiece extends CodeFields {
  type: 'ph';
  data: string;
}

/** A paired code: the Markdown before and after its content. */
export interface PcPiece extends CodeFields {
  type: 'pc';
  start: string;
  end: string;
  children: Piece[];
}

export type Piece = TextPiece | PhPiece | PcPiece;
export type CodePiece = PhPiece | PcPiece;

/** The pieces of a block, its codes keyed but not numbered. */
export function readBlock(block: LanguageBlock): Piece[] {
  const text = block.text;
  // Offsets in the tree are into the whole manuscript; the block's text starts on the
  // line after its fence.
  const start = block.node.position?.start;
  const base = (start?.offset ?? 0) - ((start?.column ?? 1) - 1) + block.fence.length + 1;
  const counts = new Map<string, number>();
  const keyOf = (name: string) => {
    const count = (counts.get(name) ?? 0) + 1;
    counts.set(name, count);
    return `${name}#${count}`;
  };
  const pieces: Piece[] = [];
  let cursor = 0;

  const offsetOf = (point: { offset?: number | undefined } | undefined, fallback: number) =>
    point?.offset === undefined ? fallback : point.offset - base;
  const gap = (to: number, into: Piece[]) => {
    if (to <= cursor) return;
    into.push({ type: 'ph', id: '', kind: 'block', key: keyOf('block'), data: text.slice(cursor, to) });
    cursor = to;
  };
  const single = (kind: CodeKind, name: string, from: number, to: number, into: Piece[]) => {
    into.push({ type: 'ph', id: '', kind, key: keyOf(name), data: text.slice(from, to) });
  };

  const walkInline = (children: readonly PhrasingContent[], into: Piece[]) => {
    for (const child of children) {
      const from = offsetOf(child.position?.start, cursor);
      const to = offsetOf(child.position?.end, from);
      gap(from, into);
      switch (child.type) {
        case 'text': {
          const previous = into[into.length - 1];
          const value = softBreaksAsSpaces(child.value);
          if (previous?.type === 'text') {
            previous.value += value;
            previous.markdown = (previous.markdown ?? '') + text.slice(from, to);
          } else {
            into.push({ type: 'text', value, markdown: text.slice(from, to) });
          }
          break;
        }
        case 'emphasis':
        case 'strong':
        case 'delete':
        case 'link':
        case 'linkReference': {
          const kind = child.type === 'linkReference' ? 'link' : child.type;
          const first = child.children[0];
          // `<https://…>` and bare URLs: the text is the address, not for translation.
          if ((kind === 'link' && text[from] !== '[') || !first) {
            single(kind === 'link' ? 'autolink' : kind, kind === 'link' ? 'autolink' : kind, from, to, into);
            break;
          }
          const contentStart = offsetOf(first.position?.start, from);
          const pair: PcPiece = {
            type: 'pc',
            id: '',
            kind,
            key: keyOf(kind),
            start: text.slice(from, contentStart),
            end: '',
            children: [],
          };
          into.push(pair);
          cursor = contentStart;
          walkInline(child.children, pair.children);
          pair.end = text.slice(cursor, to);
          break;
        }
        case 'textDirective': {
          // A phrase in another language (the reader keeps no other text directive).
          const first = child.children[0];
          const tag = languageTag(child.name);
          if (!first || tag === undefined) {
            single('markup', 'markup', from, to, into);
            break;
          }
          const contentStart = offsetOf(first.position?.start, from);
          const pair: PcPiece = {
            type: 'pc',
            id: '',
            kind: 'phrase',
            key: keyOf(`phrase:${tag}`),
            start: text.slice(from, contentStart),
            end: '',
            children: [],
          };
          into.push(pair);
          cursor = contentStart;
          walkInline(child.children, pair.children);
          pair.end = text.slice(cursor, to);
          break;
        }
        case 'image':
        case 'imageReference': {
          const raw = text.slice(from, to);
          const altEnd = closingBracket(raw, 2);
          const pair: PcPiece = {
            type: 'pc',
            id: '',
            kind: 'image',
            key: keyOf('image'),
            start: raw.slice(0, 2),
            end: raw.slice(altEnd),
            children: [],
          };
          if (child.alt)
            pair.children.push({ type: 'text', value: softBreaksAsSpaces(child.alt), markdown: raw.slice(2, altEnd) });
          into.push(pair);
          break;
        }
        case 'footnoteReference':
          single('footnote', `footnote:${child.identifier}`, from, to, into);
          break;
        case 'inlineCode':
          single('code', 'code', from, to, into);
          break;
        case 'break':
          single('break', 'break', from, to, into);
          break;
        default:
          single('markup', 'markup', from, to, into);
      }
      cursor = to;
    }
  };

  const walkBlocks = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      switch (node.type) {
        case 'paragraph':
        case 'heading':
          walkInline(node.children, pieces);
          break;
        case 'list':
        case 'listItem':
        case 'blockquote':
        case 'footnoteDefinition':
        case 'table':
        case 'tableRow':
        case 'tableCell':
          if (node.type === 'tableCell') walkInline(node.children, pieces);
          else walkBlocks(node.children);
          break;
        default:
        // Code blocks, thematic breaks, comments: not for translation; they stay in a gap.
      }
    }
  };

  walkBlocks(block.children);
  gap(text.length, pieces);
  return pieces;
}

/**
 * Whether a code is a phrase in another language (`:en[` … `]`): a translation may add
 * one or leave one out, which `qa-markup` judges, where every other code must stay.
 */
export function isPhraseCode(code: CodePiece): boolean {
  if (code.type !== 'pc' || code.end.trim() !== ']') return false;
  const name = /^:([A-Za-z][A-Za-z0-9-]*)\[$/.exec(code.start.trim())?.[1];
  return name !== undefined && languageTag(name) !== undefined;
}

/**
 * Number the codes of `pieces` in reading order. Source: `1`, `2`, … Translation: the
 * id of the source code with the same key (`given`), else numbers after the source's.
 *
 * @returns key → id, to number a translation's codes after the source's.
 */
export function numberCodes(pieces: Piece[], given: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const ids = new Map<string, string>();
  let next = given.size;
  for (const code of codesOf(pieces)) {
    const known = code.key === undefined ? undefined : given.get(code.key);
    code.id = known ?? String(++next);
    if (code.key !== undefined) ids.set(code.key, code.id);
  }
  return ids;
}

/** The codes of `pieces`, outer before inner, in reading order. */
export function codesOf(pieces: readonly Piece[]): CodePiece[] {
  const codes: CodePiece[] = [];
  const walk = (list: readonly Piece[]) => {
    for (const piece of list) {
      if (piece.type === 'text') continue;
      codes.push(piece);
      if (piece.type === 'pc') walk(piece.children);
    }
  };
  walk(pieces);
  return codes;
}

/**
 * The runs of text of `pieces` (read from a block) as written, by what comes before
 * them and their text, for `toMarkdown` to keep the bytes of text nobody changed.
 */
export function markdownRuns(pieces: readonly Piece[]): Map<string, string> {
  const runs = new Map<string, string>();
  visitTokens(pieces, {
    text: (piece, before) => {
      if (piece.markdown !== undefined) runs.set(runKey(before, piece.value), piece.markdown);
    },
  });
  return runs;
}

/**
 * The Markdown of `pieces`: each code's Markdown, each text as it was written when
 * `runs` has it in the same place, else escaped.
 */
export function toMarkdown(pieces: readonly Piece[], runs: ReadonlyMap<string, string> = new Map()): string {
  let markdown = '';
  visitTokens(pieces, {
    text: (piece, before) => {
      markdown += runs.get(runKey(before, piece.value)) ?? escapeText(piece.value, markdown);
    },
    code: (data) => {
      markdown += data;
    },
  });
  return markdown;
}

/**
 * Whether two contents say the same thing: the same codes with the same Markdown in
 * the same order and nesting, and the same text between them, white space aside (as
 * in the `src` hash, re-wrapping a paragraph changes nothing).
 */
export function sameContent(a: readonly Piece[], b: readonly Piece[]): boolean {
  return canonical(a) === canonical(b);
}

/**
 * Move white space at the edges of a paired code's content outside it: `*word *` is no
 * emphasis in Markdown, `*word* ` is. Returns new pieces.
 */
export function hoistSpaces(pieces: readonly Piece[]): Piece[] {
  const result: Piece[] = [];
  const pushText = (value: string) => {
    if (value === '') return;
    const previous = result[result.length - 1];
    if (previous?.type === 'text') previous.value += value;
    else result.push({ type: 'text', value });
  };
  for (const piece of pieces) {
    if (piece.type === 'text') {
      pushText(piece.value);
      continue;
    }
    if (piece.type === 'ph') {
      result.push(piece);
      continue;
    }
    const children = hoistSpaces(piece.children);
    const first = children[0];
    const last = children[children.length - 1];
    let before = '';
    let after = '';
    if (first?.type === 'text') {
      before = /^\s*/.exec(first.value)?.[0] ?? '';
      first.value = first.value.slice(before.length);
    }
    if (last?.type === 'text') {
      after = /\s*$/.exec(last.value)?.[0] ?? '';
      last.value = last.value.slice(0, last.value.length - after.length);
    }
    pushText(before);
    result.push({ ...piece, children: children.filter((child) => child.type !== 'text' || child.value !== '') });
    pushText(after);
  }
  return result;
}

function runKey(before: string, value: string): string {
  return `${before}\u0000${value.replace(/\s+/g, ' ')}`;
}

/** Walk text and code Markdown in order; `before` is the Markdown of the last code passed. */
function visitTokens(
  pieces: readonly Piece[],
  visitor: { text?: (piece: TextPiece, before: string) => void; code?: (data: string) => void },
): void {
  let before = '';
  const walk = (list: readonly Piece[]) => {
    for (const piece of list) {
      if (piece.type === 'text') {
        visitor.text?.(piece, before);
      } else if (piece.type === 'ph') {
        visitor.code?.(piece.data);
        before = piece.data;
      } else {
        visitor.code?.(piece.start);
        before = piece.start;
        walk(piece.children);
        visitor.code?.(piece.end);
        before = piece.end;
      }
    }
  };
  walk(pieces);
}

function canonical(pieces: readonly Piece[]): string {
  const tokens: string[][] = [];
  let text = '';
  const squeeze = (value: string) => value.replace(/\s+/g, ' ').trim();
  const flush = () => {
    if (squeeze(text) !== '') tokens.push(['text', squeeze(text)]);
    text = '';
  };
  const walk = (list: readonly Piece[]) => {
    for (const piece of list) {
      if (piece.type === 'text') {
        text += piece.value;
        continue;
      }
      flush();
      if (piece.type === 'ph') {
        tokens.push(['ph', squeeze(piece.data)]);
      } else {
        tokens.push(['open', squeeze(piece.start)]);
        walk(piece.children);
        flush();
        tokens.push(['close', squeeze(piece.end)]);
      }
    }
  };
  walk(pieces);
  flush();
  return JSON.stringify(tokens);
}

/** The index of the `]` that closes the `[` just before `from` in `raw`. */
function closingBracket(raw: string, from: number): number {
  let depth = 1;
  for (let index = from; index < raw.length; index++) {
    const char = raw[index];
    if (char === '\\') index++;
    else if (char === '[') depth++;
    else if (char === ']' && --depth === 0) return index;
  }
  return raw.length;
}
