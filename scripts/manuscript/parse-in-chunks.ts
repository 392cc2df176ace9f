/**
 * Parse a manuscript in chunks of whole segments.
 *
 * micromark's memory grows with the document, and a 10 MB manuscript parsed at once
 * spends most of its time collecting garbage. Top-level blocks do not depend on each
 * other, so the text is cut between them into chunks of about `chunkSize` characters,
 * each parsed alone, and the trees are joined with their positions moved back into the
 * whole file.
 *
 * What does cross blocks is a definition: GFM reads `[^label]` as a footnote reference
 * (and `[text][label]` as a link) only when a definition of that label exists in the
 * document. So each chunk is parsed with placeholder definitions, after its own text,
 * of the labels that are defined elsewhere and mentioned in it; the placeholders are
 * dropped from the tree.
 *
 * An ordinary issue is far below that size and is parsed whole (`parseManuscriptText`):
 * the chunks are for the files where parsing at once costs more than the cutting.
 */
import type { Root } from 'mdast';
import type { Node } from 'unist';
import { visit, SKIP } from 'unist-util-visit';
import { location } from 'vfile-location';
import { closingFence, codeFence, openingFence } from './fence.js';

/** Characters per chunk; small enough to keep micromark's working set small. */
export const chunkSize = 64 * 1024;

/** Texts shorter than this (in characters, 1 Mi) are parsed whole. */
export const chunkedFrom = 1024 * 1024;

/**
 * Parse a manuscript's text: whole when it is shorter than `chunkedFrom` characters,
 * in chunks of `chunkSize` when longer. Both give the same tree.
 *
 * @param text the decoded manuscript.
 * @param parse a unified processor's parser.
 * @returns the syntax tree, positions in `text`.
 */
export function parseManuscriptText(text: string, parse: (text: string) => Root): Root {
  return text.length < chunkedFrom ? parse(text) : parseInChunks(text, parse, chunkSize);
}

interface Chunk {
  text: string;
  /** Line (0-based count of lines before it) and offset of its start in the file. */
  lineShift: number;
  offsetShift: number;
}

/** Parse `text` with `parse` (a unified processor's parser) in chunks of about `size` characters. */
export function parseInChunks(text: string, parse: (text: string) => Root, size = chunkSize): Root {
  const chunks = splitAtTopLevel(text, size);
  if (chunks.length === 1) return parse(text);
  const footnoteLabels = definedLabels(text, /^[ \t]{0,3}\[\^([^\]\s]+)\]:/gm);
  const linkLabels = definedLabels(text, /^[ \t]{0,3}\[([^\]^][^\]]*)\]:[ \t]*\S/gm);
  const root: Root = { type: 'root', children: [] };
  for (const chunk of chunks) {
    const ownFootnotes = definedLabels(chunk.text, /^[ \t]{0,3}\[\^([^\]\s]+)\]:/gm);
    const ownLinks = definedLabels(chunk.text, /^[ \t]{0,3}\[([^\]^][^\]]*)\]:[ \t]*\S/gm);
    const mentioned = definedLabels(chunk.text, /\[(\^?[^\]]+)\]/g);
    const placeholders = [...mentioned].flatMap((label) => {
      const found: string[] = [];
      const footnote = label.startsWith('^') ? label.slice(1) : undefined;
      if (footnote !== undefined && footnoteLabels.has(footnote) && !ownFootnotes.has(footnote)) found.push(`[^${footnote}]: -`);
      if (footnote === undefined && linkLabels.has(label) && !ownLinks.has(label)) found.push(`[${label}]: #`);
      return found;
    });
    const end = chunk.text.length;
    const tree = parse(placeholders.length > 0 ? `${chunk.text}\n\n${placeholders.join('\n\n')}\n` : chunk.text);
    visit(tree, (node, index, parent) => {
      if (parent && index !== undefined && (node.position?.start.offset ?? 0) >= end) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      shift(node, chunk, end);
      return undefined;
    });
    root.children.push(...tree.children);
  }
  root.position = {
    start: { line: 1, column: 1, offset: 0 },
    end: location(text).toPoint(text.length) ?? { line: 1, column: 1, offset: 0 },
  };
  return root;
}

/** Move a node's position from its chunk into the file (clamped to the chunk's end). */
function shift(node: Node, chunk: Chunk, end: number): void {
  const position = node.position;
  if (!position) return;
  for (const point of [position.start, position.end]) {
    if (point.offset !== undefined && point.offset > end) {
      // An unclosed block swallowed the placeholders: it ends where its chunk ends.
      const last = location(chunk.text).toPoint(end);
      point.offset = end;
      point.line = last?.line ?? 1;
      point.column = last?.column ?? 1;
    }
    point.line += chunk.lineShift;
    if (point.offset !== undefined) point.offset += chunk.offsetShift;
  }
}

/** The labels `pattern` captures in `text`, lower-cased as GFM compares them. */
function definedLabels(text: string, pattern: RegExp): Set<string> {
  return new Set([...text.matchAll(pattern)].map((match) => (match[1] ?? '').toLowerCase()));
}

/**
 * Cut `text` into chunks at lines that open a block at the top level. Nesting is
 * followed (`::::` around `:::`, code fences inside blocks); where it cannot be followed
 * (an unclosed block) the rest of the file stays one chunk, as the parser reads it.
 */
function splitAtTopLevel(text: string, size: number): Chunk[] {
  const chunks: Chunk[] = [];
  const lines = text.split('\n');
  let depth = 0;
  let openCode: string | undefined;
  let start = 0;
  let startLine = 0;
  let offset = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (openCode !== undefined) {
      if (line.trimStart().startsWith(openCode)) openCode = undefined;
    } else if (codeFence.test(line)) {
      openCode = codeFence.exec(line)?.[1];
    } else if (openingFence.test(line)) {
      if (depth === 0 && offset - start >= size) {
        chunks.push({ text: text.slice(start, offset - 1), lineShift: startLine, offsetShift: start });
        start = offset;
        startLine = index;
      }
      depth += 1;
    } else if (closingFence.test(line) && depth > 0) {
      depth -= 1;
    }
    offset += line.length + 1;
  }
  chunks.push({ text: text.slice(start), lineShift: startLine, offsetShift: start });
  return chunks;
}
