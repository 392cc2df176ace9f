/**
 * A saxes error in our own words, at the place it is about: the `&` of a bad
 * reference, the `<` of an end tag that does not match, the start tag of an element
 * left open, rather than where the parser happened to stop.
 */
import type { DocumentText } from './xml-text.js';

/** What the reader knows when the parser stops. */
export interface ParserState {
  text: DocumentText;
  /** The parser's stream offset: after the character it stopped at. */
  offset: number;
  /** The stream offset after the last tag, CDATA section or declaration: where text starts. */
  markupEnd: number;
  /** Where the last start tag begins (the `<`). */
  tagStart: number;
  /** The element closed last: the one an end tag that does not match was meant for. */
  justClosed: string | undefined;
  /** The innermost element still open, with the stream offset of its start tag. */
  open: { name: string; start: number } | undefined;
}

/** A reference as XML writes one: `&name;`, `&#10;`, `&#xA;`. */
const referenceSyntax = /^&(?:[A-Za-z_:][A-Za-z0-9_:.-]*|#[0-9]+|#x[0-9a-fA-F]+);/;

const predefinedEntities = new Set(['&amp;', '&lt;', '&gt;', '&quot;', '&apos;']);

/**
 * The saxes error `message` (without its `line:column: `) as a reason of our own words
 * and the stream offset it is about.
 */
export function describeSaxesError(message: string, state: ParserState): { reason: string; offset: number } {
  const { text, offset } = state;
  const problem = (reason: string, at: number | undefined) => ({
    reason: `${reason} (not well-formed XML)`,
    offset: at ?? Math.max(0, offset - 1),
  });
  const lessThan = text.lastIndexOf('<', offset - 1);
  if (message.includes('entity')) {
    const at = badReference(state);
    const written = at === undefined ? '' : (referenceSyntax.exec(text.textFrom(at, 64))?.[0] ?? '');
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
    const code = text.codePointAt(offset - 1) ?? 0;
    const hex = code.toString(16).toUpperCase().padStart(4, '0');
    return problem(
      `Unexpected character U+${hex}, expected characters XML 1.0 allows (a CAT tool writes others as \`<cp hex="${hex}"/>\`)`,
      offset - 1,
    );
  }
  if (message === 'unexpected close tag.' || message.startsWith('unmatched closing tag')) {
    const name = lessThan === undefined ? '' : (/^<\/([^\s>]*)/.exec(text.textFrom(lessThan, 256))?.[1] ?? '');
    // saxes has closed the open element before it reports the mismatch.
    return problem(
      message === 'unexpected close tag.' && state.justClosed !== undefined
        ? `Unexpected end tag \`</${name}>\`, expected \`</${state.justClosed}>\``
        : `Unexpected end tag \`</${name}>\`, expected no more elements`,
      lessThan,
    );
  }
  // An `&` without its `;` reads the rest of the document as a name: it is the problem, not what is left open.
  const ampersand =
    message.startsWith('unclosed tag') || message.startsWith('unexpected end') ? badReference(state, false) : undefined;
  if (ampersand !== undefined)
    return problem('Unexpected `&`, expected an entity reference such as `&amp;`', ampersand);
  if (message.startsWith('unclosed tag')) {
    const name = state.open?.name ?? message.replace(/^unclosed tag: /, '');
    return problem(`Unclosed element \`<${name}>\`, expected \`</${name}>\``, state.open?.start ?? text.length);
  }
  if (message.startsWith('document must contain a root element')) {
    return { reason: 'Expected an XML document, found no element', offset: 0 };
  }
  if (message.startsWith('documents may contain only one root')) {
    return problem('Unexpected second root element, expected one', lessThan);
  }
  if (message.startsWith('text data outside of root node')) {
    return problem('Unexpected text outside the root element, expected markup only', firstNonSpace(state));
  }
  if (message.startsWith('disallowed character in tag name')) {
    return problem('Unexpected `<`, expected a tag name after it (write `&lt;` in text)', lessThan);
  }
  if (message.startsWith('disallowed character in closing tag') || message.startsWith('weird empty close tag')) {
    return problem('Unexpected characters in an end tag, expected `</name>`', lessThan);
  }
  if (message.startsWith('duplicate attribute') || message.includes('namespace') || message.includes('prefix')) {
    return problem(`Unexpected XML: ${message}`, state.tagStart);
  }
  if (message.startsWith('unexpected end')) {
    return problem(
      'Unexpected end of the file inside markup, expected the end of the comment, CDATA section or tag begun here',
      text.lastIndexOf('<', offset - 1),
    );
  }
  return problem(`Unexpected XML: ${message}`, undefined);
}

/**
 * The `&` of the reference saxes refused: the first `&` since the last markup that
 * starts no reference, names an entity XML does not predefine, or refers to a character
 * XML does not allow; else the last `&` (saxes reads a name up to the `;`).
 */
function badReference(state: ParserState, fallBack = true): number | undefined {
  const { start, text } = state.text.since(state.markupEnd, state.offset);
  for (let at = text.indexOf('&'); at >= 0; at = text.indexOf('&', at + 1)) {
    const reference = referenceSyntax.exec(text.slice(at, at + 64))?.[0];
    const fine =
      reference !== undefined &&
      (predefinedEntities.has(reference) || (reference.startsWith('&#') && characterOf(reference) === undefined));
    if (!fine) return start + at;
  }
  return fallBack ? state.text.lastIndexOf('&', state.offset - 1) : undefined;
}

/** The first character that is not white space since the last markup. */
function firstNonSpace(state: ParserState): number | undefined {
  const { start, text } = state.text.since(state.markupEnd, state.offset);
  const at = text.search(/[^ \t\r\n]/);
  return at < 0 ? undefined : start + at;
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
