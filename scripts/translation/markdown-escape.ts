/**
 * Text as Markdown writes it: a translator's new text escaped where Markdown would read
 * it as syntax (emphasis, links, code, a heading or list item at the start of a line),
 * and Markdown's soft line breaks read as the spaces a translator sees.
 */

/** Soft line breaks (and the indentation around them) read as one space. */
export function softBreaksAsSpaces(value: string): string {
  return value.replace(/[ \t]*\r?\n[ \t]*/g, ' ');
}

/**
 * Text → Markdown that reads back as that text.
 *
 * @param value the text.
 * @param before the Markdown written before it: at the start of a line, more must be escaped.
 */
export function escapeText(value: string, before: string): string {
  let text = softBreaksAsSpaces(value)
    .replace(/[\\`*[\]<~|]/g, '\\$&')
    .replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&')
    // `_` within a word is no emphasis; elsewhere it may be.
    .replace(/_/g, (match, offset: number, whole: string) =>
      /[\p{L}\p{N}]/u.test(whole[offset - 1] ?? '') && /[\p{L}\p{N}]/u.test(whole[offset + 1] ?? '') ? match : '\\_',
    )
    // A heading's closing sequence, when the text ends a heading.
    .replace(/(^|\s)(#+)(\s*)$/, '$1\\$2$3');
  if (atLineStart(before)) {
    text = text
      .replace(/^[ \t]+/, '')
      // Headings, quotes, list items, thematic breaks, setext underlines, directive fences.
      .replace(/^[#>+\-=:]/, '\\$&')
      .replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, '$1\\$2');
  }
  return text;
}

/**
 * Whether text written after `markdown` starts a line: the current line holds only
 * container markers (`> `, `- `, `1. `, `[^label]: `) and indentation.
 */
function atLineStart(markdown: string): boolean {
  const line = markdown.slice(markdown.lastIndexOf('\n') + 1);
  return /^(?:[ \t]*(?:>|[-+*]|\d{1,9}[.)]|\[\^[^\]]*\]:)(?=[ \t]|$))*[ \t]*$/.test(line);
}
