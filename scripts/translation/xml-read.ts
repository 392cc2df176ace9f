/**
 * Read an XML document, streamed, into a small tree of elements and text, each element
 * with the line and column of its start tag; or the first place where the document is
 * not well-formed XML 1.0.
 *
 * The parser is saxes: strict XML 1.0 (every well-formedness constraint, character
 * references to characters XML does not allow such as `&#7;` included), namespaces,
 * positions, fed chunk by chunk. It expands no entity but the five predefined ones; a
 * document type declaration is refused here, so no entity of a DTD is ever read.
 * The tree holds only what an XLIFF import needs: no comments, no processing
 * instructions, CDATA as text.
 */
import { TextDecoder } from 'node:util';
import { SaxesParser } from 'saxes';
import type { SaxesTagNS } from 'saxes';
import { describeSaxesError } from './xml-problems.js';
import type { ParserState } from './xml-problems.js';
import { DocumentText } from './xml-text.js';

/** A place in the document: 1-based line and column (the column counts UTF-16 code units, as an editor's index). */
export interface Point {
  line: number;
  column: number;
}

/** An element of the tree. */
export interface XmlElement {
  /** The qualified name, as written (`xliff`, `jlaga:x`). */
  name: string;
  /** The namespace URI (`''` for none). */
  uri: string;
  local: string;
  /** Values by `attributeKey(uri, local)`; an attribute without prefix has no namespace. */
  attributes: ReadonlyMap<string, string>;
  /** Elements and text (character references and CDATA already read), in document order. */
  children: XmlNode[];
  /** Where its start tag begins (the `<`). */
  place: Point;
}

/** Text is a string: white space alone is text too. */
export type XmlNode = XmlElement | string;

/** What `parseXml` gives: the root element, or the first problem. */
export type XmlReadResult = { root: XmlElement } | { error: XmlProblem };

/** Why a document was not read, and where. */
export interface XmlProblem {
  /** `syntax`: not well-formed; `encoding`: not UTF-8; `too-large`: more bytes than allowed. */
  kind: 'syntax' | 'encoding' | 'too-large';
  reason: string;
  place: Point;
}

/** The key of an attribute in `XmlElement.attributes`. */
export function attributeKey(uri: string, local: string): string {
  return `${uri} ${local}`;
}

/**
 * The value of an attribute of `element`.
 *
 * @param uri the attribute's namespace; `''` (the default) for an attribute without prefix.
 * @returns its value, or undefined when the element has none.
 */
export function attributeOf(element: XmlElement, local: string, uri = ''): string | undefined {
  return element.attributes.get(attributeKey(uri, local));
}

/**
 * Parse the UTF-8 bytes of an XML document, chunk by chunk.
 *
 * @param chunks the document's bytes (a file stream, or buffers); a byte order mark is skipped.
 * @param options.maxBytes refuse the document once more bytes than this have come (`too-large`).
 * @param options.externalDoctype accept a document type declaration that only names an
 *   external DTD (TMX files carry `<!DOCTYPE tmx SYSTEM "tmx14.dtd">`); it is never read,
 *   and one with an internal subset (`[…]`, where entities are declared) is still refused.
 * @returns the root element, or the first problem with its place. Stops at the first
 *   problem: nothing after it is read.
 */
export async function parseXml(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: { maxBytes?: number; externalDoctype?: boolean } = {},
): Promise<XmlReadResult> {
  const reader = new TreeReader(options.externalDoctype === true);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  try {
    for await (const chunk of chunks) {
      bytes += chunk.byteLength;
      if (options.maxBytes !== undefined && bytes > options.maxBytes) {
        return { error: { kind: 'too-large', reason: `more than ${options.maxBytes} bytes`, place: reader.here() } };
      }
      const text = decode(decoder, chunk, true);
      if (text === undefined) return { error: notUtf8(reader) };
      reader.write(text);
    }
    const rest = decode(decoder, new Uint8Array(0), false);
    if (rest === undefined) return { error: notUtf8(reader) };
    reader.write(rest);
    return reader.close();
  } catch (error) {
    if (error instanceof Stop) return { error: error.problem };
    throw error;
  }
}

/** Thrown from the parser's handlers to stop at the first problem. */
class Stop extends Error {
  constructor(readonly problem: XmlProblem) {
    super(problem.reason);
  }
}

function decode(decoder: TextDecoder, chunk: Uint8Array, stream: boolean): string | undefined {
  try {
    return decoder.decode(chunk, { stream });
  } catch {
    return undefined;
  }
}

function notUtf8(reader: TreeReader): XmlProblem {
  return {
    kind: 'encoding',
    reason: 'Unexpected bytes that are not UTF-8, expected an XML file in UTF-8',
    place: reader.here(),
  };
}

/**
 * Feeds saxes and builds the tree. Positions: saxes gives the stream offset of the
 * character after each event; `DocumentText` finds the `<` or `&` an event or error is
 * about, and the line and column of an offset. Elements get their places once the
 * document is read, from the offsets of their start tags.
 */
class TreeReader {
  private readonly parser = new SaxesParser({
    xmlns: true,
    position: true,
    // An XML 1.1 declaration would allow `&#7;`: the document is read as XML 1.0 whatever it says.
    defaultXMLVersion: '1.0',
    forceXMLVersion: true,
  });
  private readonly text = new DocumentText();

  private root: XmlElement | undefined;
  private readonly open: XmlElement[] = [];
  /** The stream offset of each element's start tag, until the places are resolved. */
  private readonly starts = new Map<XmlElement, number>();
  /** Where the last start tag begins (the `<`). */
  private tagStart = 0;
  /** The element closed last: the one an end tag that does not match was meant for. */
  private justClosed: string | undefined;
  /** The stream offset after the last tag, CDATA section or declaration: where text starts. */
  private markupEnd = 0;

  constructor(private readonly externalDoctype = false) {
    const parser = this.parser;
    parser.on('error', (error) => {
      const { reason, offset } = describeSaxesError(error.message.replace(/^\d+:\d+: /, ''), this.state());
      this.stop('syntax', reason, offset);
    });
    parser.on('xmldecl', (declaration) => {
      const encoding = declaration.encoding;
      if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) {
        this.stop('encoding', `Unexpected encoding \`${encoding}\` in the XML declaration, expected UTF-8`, 0);
      }
      this.markupEnd = parser.position;
    });
    parser.on('doctype', (doctype: string) => {
      if (this.externalDoctype && !doctype.includes('[')) {
        this.markupEnd = parser.position;
        return;
      }
      const at = this.text.lastIndexOf('<!DOCTYPE', parser.position) ?? this.text.lastIndexOf('<!', parser.position);
      this.stop(
        'syntax',
        this.externalDoctype
          ? 'Unexpected document type declaration with declarations of its own, expected at most the name of an external DTD'
          : 'Unexpected document type declaration, expected none (XLIFF has none, and its entities are never read)',
        at ?? parser.position,
      );
    });
    parser.on('opentagstart', () => {
      this.tagStart = this.text.lastIndexOf('<', parser.position - 1) ?? parser.position;
    });
    parser.on('opentag', (tag: SaxesTagNS) => {
      const attributes = new Map<string, string>();
      for (const attribute of Object.values(tag.attributes)) {
        attributes.set(attributeKey(attribute.uri, attribute.local), attribute.value);
      }
      // The place is resolved in `close`.
      const place = { line: 0, column: 0 };
      const element: XmlElement = { name: tag.name, uri: tag.uri, local: tag.local, attributes, children: [], place };
      this.starts.set(element, this.tagStart);
      const parent = this.open[this.open.length - 1];
      if (parent) parent.children.push(element);
      else this.root ??= element;
      this.open.push(element);
      this.markupEnd = parser.position;
    });
    parser.on('closetag', (tag: SaxesTagNS) => {
      this.open.pop();
      this.justClosed = tag.name;
      this.markupEnd = parser.position;
    });
    parser.on('comment', () => {
      // Reported at `--`, before the closing `>`.
      this.markupEnd = parser.position + 1;
    });
    parser.on('text', (text) => this.addText(text));
    parser.on('cdata', (text) => {
      this.addText(text);
      this.markupEnd = parser.position;
    });
    parser.on('processinginstruction', () => {
      this.markupEnd = parser.position;
    });
  }

  /** Give the parser the next piece of the document. */
  write(text: string): void {
    if (text === '') return;
    this.text.append(text);
    this.parser.write(text);
  }

  /** End of the document: the tree, or the problem. */
  close(): XmlReadResult {
    this.parser.close();
    if (!this.root)
      return {
        error: { kind: 'syntax', reason: 'Expected an XML document, found no element', place: { line: 1, column: 1 } },
      };
    for (const [element, start] of this.starts) element.place = this.text.pointAt(start);
    return { root: this.root };
  }

  /** Where the next character would be. */
  here(): Point {
    return this.text.pointAt(this.text.length);
  }

  private addText(text: string): void {
    const parent = this.open[this.open.length - 1];
    if (!parent) return;
    const last = parent.children.length - 1;
    const previous = parent.children[last];
    if (typeof previous === 'string') parent.children[last] = previous + text;
    else parent.children.push(text);
  }

  /** What an error is described from. */
  private state(): ParserState {
    const element = this.open[this.open.length - 1];
    return {
      text: this.text,
      offset: this.parser.position,
      markupEnd: this.markupEnd,
      tagStart: this.tagStart,
      justClosed: this.justClosed,
      open: element && { name: element.name, start: this.starts.get(element) ?? this.text.length },
    };
  }

  private stop(kind: XmlProblem['kind'], reason: string, offset: number): never {
    throw new Stop({ kind, reason, place: this.text.pointAt(offset) });
  }
}
