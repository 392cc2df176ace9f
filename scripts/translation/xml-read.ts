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
import { SaxesParser } from 'saxes';
import type { SaxesTagNS } from 'saxes';

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
 * @returns the root element, or the first problem with its place. Stops at the first
 *   problem: nothing after it is read.
 */
export async function parseXml(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: { maxBytes?: number } = {},
): Promise<XmlReadResult> {
  const reader = new TreeReader();
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

/** A reference as XML writes one: `&name;`, `&#10;`, `&#xA;`. */
const referenceSyntax = /^&(?:[A-Za-z_:][A-Za-z0-9_:.-]*|#[0-9]+|#x[0-9a-fA-F]+);/;

const predefinedEntities = new Set(['&amp;', '&lt;', '&gt;', '&quot;', '&apos;']);

/** How much text before the current chunk the reader keeps to find where an error began. */
const windowHistory = 64 * 1024;

/**
 * Feeds saxes and builds the tree. Positions: saxes gives the stream offset of the
 * character after each event; the reader keeps the start offset of every line and the
 * last 64 Ki characters before the current chunk, to find the `<` or `&` an event or
 * error is about.
 */
class TreeReader {
  private readonly parser = new SaxesParser({
    xmlns: true,
    position: true,
    // An XML 1.1 declaration would allow `&#7;`: the document is read as XML 1.0 whatever it says.
    defaultXMLVersion: '1.0',
    forceXMLVersion: true,
  });
  private readonly lineStarts: number[] = [0];
  private streamLength = 0;
  private lastWasCarriageReturn = false;
  /** The current chunk and the text before it (up to `windowHistory`), and the stream offset of its first character. */
  private window = '';
  private windowStart = 0;

  private root: XmlElement | undefined;
  private readonly open: XmlElement[] = [];
  private tagStart: Point = { line: 1, column: 1 };
  /** The element closed last: the one an end tag that does not match was meant for. */
  private justClosed: string | undefined;
  /** The stream offset after the last tag, CDATA section or declaration: where text starts. */
  private markupEnd = 0;

  constructor() {
    const parser = this.parser;
    parser.on('error', (error) => {
      throw new Stop(this.describe(error.message.replace(/^\d+:\d+: /, '')));
    });
    parser.on('xmldecl', (declaration) => {
      const encoding = declaration.encoding;
      if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) {
        this.stop('encoding', `Unexpected encoding \`${encoding}\` in the XML declaration, expected UTF-8`, 0);
      }
      this.markupEnd = parser.position;
    });
    parser.on('doctype', () => {
      const at = this.lastIndexOf('<!DOCTYPE', parser.position) ?? this.lastIndexOf('<!', parser.position);
      this.stop(
        'syntax',
        'Unexpected document type declaration, expected none (XLIFF has none, and its entities are never read)',
        at ?? parser.position,
      );
    });
    parser.on('opentagstart', () => {
      this.tagStart = this.pointAt(this.lastIndexOf('<', parser.position - 1) ?? parser.position);
    });
    parser.on('opentag', (tag: SaxesTagNS) => {
      const attributes = new Map<string, string>();
      for (const attribute of Object.values(tag.attributes)) {
        attributes.set(attributeKey(attribute.uri, attribute.local), attribute.value);
      }
      const element: XmlElement = {
        name: tag.name,
        uri: tag.uri,
        local: tag.local,
        attributes,
        children: [],
        place: this.tagStart,
      };
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
    this.trackLines(text);
    const kept = this.window.slice(Math.max(0, this.window.length - windowHistory));
    this.window = kept + text;
    this.windowStart = this.streamLength - kept.length;
    this.streamLength += text.length;
    this.parser.write(text);
  }

  /** End of the document: the tree, or the problem. */
  close(): XmlReadResult {
    this.parser.close();
    if (!this.root)
      return {
        error: { kind: 'syntax', reason: 'Expected an XML document, found no element', place: { line: 1, column: 1 } },
      };
    return { root: this.root };
  }

  /** Where the next character would be. */
  here(): Point {
    return this.pointAt(this.streamLength);
  }

  private addText(text: string): void {
    const parent = this.open[this.open.length - 1];
    if (!parent) return;
    const last = parent.children.length - 1;
    const previous = parent.children[last];
    if (typeof previous === 'string') parent.children[last] = previous + text;
    else parent.children.push(text);
  }

  /** A saxes error as a problem of our own words at the place it is about. */
  private describe(message: string): XmlProblem {
    const offset = this.parser.position;
    const problem = (reason: string, at: number | undefined): XmlProblem => ({
      kind: 'syntax',
      reason: `${reason} (not well-formed XML)`,
      place: this.pointAt(at ?? Math.max(0, offset - 1)),
    });
    const lessThan = this.lastIndexOf('<', offset - 1);
    if (message.includes('entity')) {
      const at = this.badReference(offset);
      const written = at === undefined ? '' : (referenceSyntax.exec(this.textFrom(at, 64))?.[0] ?? '');
      const value = written.startsWith('&#') ? characterOf(written) : undefined;
      if (value !== undefined) {
        const hex = value.toString(16).toUpperCase().padStart(4, '0');
        return problem(
          `Unexpected character reference \`${written}\` (U+${hex}), expected a character XML 1.0 allows (a CAT tool writes others as \`<cp hex="${hex}"/>\`)`,
          at,
        );
      }
      if (written !== '' && !written.startsWith('&#')) {
        return problem(
          `Unexpected entity reference \`${written}\`, expected \`&amp;\`, \`&lt;\`, \`&gt;\`, \`&quot;\`, \`&apos;\` or a character reference`,
          at,
        );
      }
      return problem('Unexpected `&`, expected an entity reference such as `&amp;`', at);
    }
    if (message === 'disallowed character.') {
      const code = this.window.codePointAt(offset - 1 - this.windowStart) ?? 0;
      const hex = code.toString(16).toUpperCase().padStart(4, '0');
      return problem(
        `Unexpected character U+${hex}, expected characters XML 1.0 allows (a CAT tool writes others as \`<cp hex="${hex}"/>\`)`,
        offset - 1,
      );
    }
    if (message === 'unexpected close tag.' || message.startsWith('unmatched closing tag')) {
      const name = lessThan === undefined ? '' : (/^<\/([^\s>]*)/.exec(this.textFrom(lessThan, 256))?.[1] ?? '');
      // saxes has closed the open element before it reports the mismatch.
      return problem(
        message === 'unexpected close tag.' && this.justClosed !== undefined
          ? `Unexpected end tag \`</${name}>\`, expected \`</${this.justClosed}>\``
          : `Unexpected end tag \`</${name}>\`, expected no more elements`,
        lessThan,
      );
    }
    // An `&` without its `;` reads the rest of the document as a name: it is the problem, not what is left open.
    const ampersand =
      message.startsWith('unclosed tag') || message.startsWith('unexpected end')
        ? this.badReference(offset, false)
        : undefined;
    if (ampersand !== undefined)
      return problem('Unexpected `&`, expected an entity reference such as `&amp;`', ampersand);
    if (message.startsWith('unclosed tag')) {
      const element = this.open[this.open.length - 1];
      const name = element?.name ?? message.replace(/^unclosed tag: /, '');
      return {
        kind: 'syntax',
        reason: `Unclosed element \`<${name}>\`, expected \`</${name}>\` (not well-formed XML)`,
        place: element?.place ?? this.here(),
      };
    }
    if (message.startsWith('document must contain a root element')) {
      return { kind: 'syntax', reason: 'Expected an XML document, found no element', place: { line: 1, column: 1 } };
    }
    if (message.startsWith('documents may contain only one root')) {
      return problem('Unexpected second root element, expected one', lessThan);
    }
    if (message.startsWith('text data outside of root node')) {
      return problem('Unexpected text outside the root element, expected markup only', this.firstNonSpace(offset));
    }
    if (message.startsWith('disallowed character in tag name')) {
      return problem('Unexpected `<`, expected a tag name after it (write `&lt;` in text)', lessThan);
    }
    if (message.startsWith('disallowed character in closing tag') || message.startsWith('weird empty close tag')) {
      return problem('Unexpected characters in an end tag, expected `</name>`', lessThan);
    }
    if (message.startsWith('duplicate attribute') || message.includes('namespace') || message.includes('prefix')) {
      return { kind: 'syntax', reason: `Unexpected XML: ${message} (not well-formed XML)`, place: this.tagStart };
    }
    if (message.startsWith('unexpected end')) {
      return problem(
        'Unexpected end of the file inside markup, expected the end of the comment, CDATA section or tag begun here',
        this.lastIndexOf('<', offset - 1),
      );
    }
    return problem(`Unexpected XML: ${message}`, undefined);
  }

  /**
   * The `&` of the reference saxes refused before `offset`: the first `&` since the last
   * markup that starts no reference, names an entity XML does not predefine, or refers to
   * a character XML does not allow; else the last `&` (saxes reads a name up to the `;`).
   */
  private badReference(offset: number, fallBack = true): number | undefined {
    const from = Math.max(this.markupEnd, this.windowStart);
    const text = this.window.slice(from - this.windowStart, offset - this.windowStart);
    for (let at = text.indexOf('&'); at >= 0; at = text.indexOf('&', at + 1)) {
      const reference = referenceSyntax.exec(text.slice(at, at + 64))?.[0];
      const fine =
        reference !== undefined &&
        (predefinedEntities.has(reference) || (reference.startsWith('&#') && characterOf(reference) === undefined));
      if (!fine) return from + at;
    }
    return fallBack ? this.lastIndexOf('&', offset - 1) : undefined;
  }

  /** Up to `length` characters of the window from stream offset `from`. */
  private textFrom(from: number, length: number): string {
    return this.window.slice(from - this.windowStart, from - this.windowStart + length);
  }

  /** The first character that is not white space since the last markup. */
  private firstNonSpace(offset: number): number | undefined {
    const from = Math.max(this.markupEnd, this.windowStart);
    const text = this.window.slice(from - this.windowStart, offset - this.windowStart);
    const at = text.search(/[^ \t\r\n]/);
    return at < 0 ? undefined : from + at;
  }

  private stop(kind: XmlProblem['kind'], reason: string, offset: number): never {
    throw new Stop({ kind, reason, place: this.pointAt(offset) });
  }

  /** The stream offset of the last `needle` that starts at or before `offset`, if still in the window. */
  private lastIndexOf(needle: string, offset: number): number | undefined {
    if (offset < this.windowStart) return undefined;
    const at = this.window.lastIndexOf(needle, offset - this.windowStart);
    return at < 0 ? undefined : at + this.windowStart;
  }

  private trackLines(text: string): void {
    const breaks = /\r\n?|\n/g;
    for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
      const end = this.streamLength + match.index + match[0].length;
      // CR at the end of one chunk and LF at the start of the next are one line break.
      if (match.index === 0 && match[0] === '\n' && this.lastWasCarriageReturn)
        this.lineStarts[this.lineStarts.length - 1] = end;
      else this.lineStarts.push(end);
    }
    this.lastWasCarriageReturn = text.endsWith('\r');
  }

  private pointAt(offset: number): Point {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
  }
}

/**
 * The character a character reference refers to, when XML 1.0 does not allow it
 * (`&#7;`, `&#xFFFE;`, a surrogate, beyond U+10FFFF); undefined for an allowed one.
 */
function characterOf(reference: string): number | undefined {
  const match = /^&#(x?)([0-9a-fA-F]+);$/.exec(reference);
  if (!match) return undefined;
  const value = Number.parseInt(match[2] ?? '', match[1] === 'x' ? 16 : 10);
  const allowed =
    value === 0x9 ||
    value === 0xa ||
    value === 0xd ||
    (value >= 0x20 && value <= 0xd7ff) ||
    (value >= 0xe000 && value <= 0xfffd) ||
    (value >= 0x10000 && value <= 0x10ffff);
  return allowed ? undefined : Math.min(value, 0x110000);
}
