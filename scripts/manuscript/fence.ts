/**
 * The one description of a `:::` fence line outside the parser, as
 * micromark-extension-directive reads it: at most three spaces of indentation, three or
 * more colons, and a name that starts with a letter (opening) or nothing but spaces and
 * tabs (closing).
 *
 * Only what must look at lines before or after parsing uses these (cutting a large file
 * into chunks, telling a closed block from an unclosed one); everything else reads the
 * tree.
 */

/** A line that opens a container directive: `:::en{#id}`, `::::note`. */
export const openingFence = /^ {0,3}:{3,}[A-Za-z]/;

/** A line that closes a container directive: `:::`. */
export const closingFence = /^ {0,3}:{3,}[ \t]*$/;

/** A line that opens a fenced code block, with its fence in group 1: inside it, `:::` is text. */
export const codeFence = /^ {0,3}(`{3,}|~{3,})/;

const srcAttribute = /(\ssrc=)("[^"]*"|'[^']*'|[^\s}"']*)/;

/**
 * An opening fence line with `src=<hash>`: replaced where present, else added last.
 *
 * @param fence the line as written, without its line ending.
 * @param hash the new `src` value.
 * @returns the line; unchanged when it has no `{…}`.
 */
export function withSrc(fence: string, hash: string): string {
  const open = fence.lastIndexOf('{');
  const close = fence.lastIndexOf('}');
  if (open < 0 || close < open) return fence;
  const attributes = fence.slice(open, close);
  const updated = srcAttribute.test(attributes)
    ? attributes.replace(srcAttribute, `$1${hash}`)
    : `${attributes} src=${hash}`;
  return fence.slice(0, open) + updated + fence.slice(close);
}

/**
 * An opening fence line without `src=`: a translation never confirmed.
 *
 * @param fence the line as written, without its line ending.
 * @returns the line; unchanged when it has no `{…}` or no `src`.
 */
export function withoutSrc(fence: string): string {
  const open = fence.lastIndexOf('{');
  const close = fence.lastIndexOf('}');
  if (open < 0 || close < open) return fence;
  return fence.slice(0, open) + fence.slice(open, close).replace(srcAttribute, '') + fence.slice(close);
}

/** A line of a file as written: its text and its own ending (`''` for a last line without one). */
export interface Line {
  text: string;
  end: string;
}

/**
 * What stands in the place of one line of a manuscript: the lines made from it (none
 * removes it), each with its ending.
 *
 * @param line the line as it is.
 * @param context.newline the file's first line ending (LF when it has none), for new lines.
 * @param context.at the 1-based number, in the new text, of the first line returned.
 */
export type LineRewrite = (line: Line, context: { newline: string; at: number }) => Line[];

/**
 * Rewrite some lines of a manuscript and keep every other byte: the byte order mark,
 * each line's own ending (LF, CRLF or CR), the lines not named.
 *
 * @param raw the file as it is on disk.
 * @param rewrites 1-based line number (in `raw`) → what stands in its place.
 * @returns the new text.
 */
export function rewriteLines(raw: string, rewrites: ReadonlyMap<number, LineRewrite>): string {
  // Split keeping each line's own ending, so the file is put back together unchanged.
  const parts = raw.split(/(\r\n|\r|\n)/);
  const newline = parts[1] ?? '\n';
  const lines: Line[] = [];
  for (let index = 0; index < parts.length; index += 2) {
    const line = { text: parts[index] ?? '', end: parts[index + 1] ?? '' };
    const rewrite = rewrites.get(index / 2 + 1);
    if (!rewrite) lines.push(line);
    else for (const made of rewrite(line, { newline, at: lines.length + 1 })) lines.push(made);
  }
  return lines.map((line) => line.text + line.end).join('');
}
