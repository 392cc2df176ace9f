/**
 * A small scan of an XML text for what the XML builder's parser does not give: the
 * line and column of every start tag, and the first place where the text is not
 * well-formed XML (the parser is lenient: it reads `<a><b></a>` without a word).
 *
 * It follows the XML 1.0 syntax as far as an XLIFF file uses it: elements, attributes
 * in quotes, character and the five predefined entity references, comments, CDATA
 * sections, processing instructions. A document type declaration is refused: XLIFF has
 * none, and its entities would be expanded by no one.
 */

export interface Point {
  line: number;
  column: number;
}

export interface StartTag extends Point {
  /** The qualified name, as written (`xliff`, `jlaga:x`). */
  name: string;
}

export type ScanResult = { tags: StartTag[] } | { error: { reason: string; place: Point } };

const entity = /^&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/;
const nameStart = /[A-Za-z_:\u00C0-\uFFFF]/;
const nameChar = /[A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]/;

/** Scan `text`: its start tags in document order, or the first problem. */
export function scanXml(text: string): ScanResult {
  const lineStarts = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') lineStarts.push(index + 1);
  const pointAt = (offset: number): Point => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
  };
  const fail = (reason: string, offset: number): ScanResult => ({ error: { reason, place: pointAt(offset) } });

  const tags: StartTag[] = [];
  const open: Array<{ name: string; offset: number }> = [];
  let rootSeen = false;
  let index = text.startsWith('\uFEFF') ? 1 : 0;

  const readName = (from: number): string => {
    if (!nameStart.test(text[from] ?? '')) return '';
    let end = from + 1;
    while (end < text.length && nameChar.test(text[end] ?? '')) end++;
    return text.slice(from, end);
  };
  const skipSpace = (from: number): number => {
    let at = from;
    while (/[ \t\r\n]/.test(text[at] ?? '')) at++;
    return at;
  };
  /** Check character data from `from` to `to`; returns a problem, if any. */
  const checkText = (from: number, to: number, inside: boolean): ScanResult | undefined => {
    for (let at = from; at < to; at++) {
      const char = text[at];
      if (char === '&' && !entity.test(text.slice(at, at + 12))) {
        return fail('Unexpected `&`, expected an entity reference such as `&amp;`', at);
      }
      if (!inside && char !== undefined && !/[ \t\r\n]/.test(char)) {
        return fail('Unexpected text outside the root element, expected markup only', at);
      }
    }
    return undefined;
  };

  while (index < text.length) {
    const next = text.indexOf('<', index);
    const textEnd = next < 0 ? text.length : next;
    const problem = checkText(index, textEnd, open.length > 0);
    if (problem) return problem;
    if (next < 0) break;
    index = next;

    if (text.startsWith('<?', index)) {
      const end = text.indexOf('?>', index + 2);
      if (end < 0) return fail('Unclosed processing instruction, expected `?>`', index);
      index = end + 2;
    } else if (text.startsWith('<!--', index)) {
      const end = text.indexOf('-->', index + 4);
      if (end < 0) return fail('Unclosed comment, expected `-->`', index);
      index = end + 3;
    } else if (text.startsWith('<![CDATA[', index)) {
      if (open.length === 0) return fail('Unexpected CDATA section outside the root element', index);
      const end = text.indexOf(']]>', index + 9);
      if (end < 0) return fail('Unclosed CDATA section, expected `]]>`', index);
      index = end + 3;
    } else if (text.startsWith('<!', index)) {
      return fail('Unexpected document type declaration, expected none (XLIFF has none)', index);
    } else if (text.startsWith('</', index)) {
      const name = readName(index + 2);
      const end = skipSpace(index + 2 + name.length);
      if (name === '' || text[end] !== '>')
        return fail('Unexpected characters in an end tag, expected `</name>`', index);
      const expected = open.pop();
      if (!expected) return fail(`Unexpected end tag \`</${name}>\`, expected no more elements`, index);
      if (expected.name !== name)
        return fail(`Unexpected end tag \`</${name}>\`, expected \`</${expected.name}>\``, index);
      index = end + 1;
    } else {
      const name = readName(index + 1);
      if (name === '') return fail('Unexpected `<`, expected a tag name after it (write `&lt;` in text)', index);
      if (open.length === 0 && rootSeen)
        return fail(`Unexpected second root element \`<${name}>\`, expected one`, index);
      const tagStart = index;
      tags.push({ name, ...pointAt(tagStart) });
      let at = index + 1 + name.length;
      const attributes = new Set<string>();
      for (;;) {
        const afterSpace = skipSpace(at);
        if (text.startsWith('/>', afterSpace)) {
          at = afterSpace + 2;
          rootSeen = true;
          break;
        }
        if (text[afterSpace] === '>') {
          at = afterSpace + 1;
          open.push({ name, offset: tagStart });
          rootSeen = true;
          break;
        }
        const attribute = readName(afterSpace);
        if (attribute === '' || afterSpace === at) {
          return fail(
            `Unexpected characters in the tag \`<${name}>\`, expected attributes \`name="value"\` and \`>\``,
            afterSpace,
          );
        }
        if (attributes.has(attribute))
          return fail(`Unexpected second attribute \`${attribute}\`, expected one`, afterSpace);
        attributes.add(attribute);
        const equals = skipSpace(afterSpace + attribute.length);
        const quoteAt = skipSpace(equals + 1);
        const quote = text[quoteAt];
        if (text[equals] !== '=' || (quote !== '"' && quote !== "'")) {
          return fail(`Unexpected value of \`${attribute}\`, expected it in quotes`, afterSpace);
        }
        const close = text.indexOf(quote, quoteAt + 1);
        if (close < 0) return fail(`Unclosed value of \`${attribute}\`, expected a closing ${quote}`, quoteAt);
        const lessThan = text.indexOf('<', quoteAt + 1);
        if (lessThan >= 0 && lessThan < close)
          return fail('Unexpected `<` in an attribute value, expected `&lt;`', lessThan);
        const valueProblem = checkText(quoteAt + 1, close, true);
        if (valueProblem) return valueProblem;
        at = close + 1;
      }
      index = at;
    }
  }
  const unclosed = open.pop();
  if (unclosed)
    return fail(`Unclosed element \`<${unclosed.name}>\`, expected \`</${unclosed.name}>\``, unclosed.offset);
  if (!rootSeen) return fail('Expected an XML document, found no element', 0);
  return { tags };
}
