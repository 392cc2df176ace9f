/**
 * The text of a document as it streams into the XML parser, by stream offset (UTF-16
 * code units from the start of the text): the last 64 Ki characters before the current
 * chunk, to find the `<` or `&` an event or error is about, and the line and column of
 * any offset so far (vfile-location, over the text so far).
 */
import { location } from 'vfile-location';
import type { Location } from 'vfile-location';

/** How much text before the current chunk is kept to find where an error began. */
const windowHistory = 64 * 1024;

export class DocumentText {
  /** How many characters have come. */
  length = 0;
  /** The current chunk and the text before it (up to `windowHistory`), and the stream offset of its first character. */
  private window = '';
  private windowStart = 0;
  /** Every chunk so far, joined when a place is asked for. */
  private chunks: string[] = [];
  private places: { length: number; location: Location } | undefined;

  /** Add the next chunk. */
  append(text: string): void {
    const kept = this.window.slice(Math.max(0, this.window.length - windowHistory));
    this.window = kept + text;
    this.windowStart = this.length - kept.length;
    this.length += text.length;
    this.chunks.push(text);
  }

  /**
   * The line and column (1-based; the column counts UTF-16 code units, as an editor's
   * index) of stream offset `offset`, from 0 to `length`.
   */
  pointAt(offset: number): { line: number; column: number } {
    if (this.places?.length !== this.length) {
      const text = this.chunks.join('');
      this.chunks = [text];
      this.places = { length: this.length, location: location(text) };
    }
    const { line, column } = this.places.location.toPoint(offset) ?? { line: 1, column: 1 };
    return { line, column };
  }

  /** The stream offset of the last `needle` that starts at or before `offset`, if still in the window. */
  lastIndexOf(needle: string, offset: number): number | undefined {
    if (offset < this.windowStart) return undefined;
    const at = this.window.lastIndexOf(needle, offset - this.windowStart);
    return at < 0 ? undefined : at + this.windowStart;
  }

  /** Up to `length` characters of the window from stream offset `from`. */
  textFrom(from: number, length: number): string {
    return this.window.slice(from - this.windowStart, from - this.windowStart + length);
  }

  /** The text from stream offset `from` (or the start of the window, if later) to `to`, and the offset it starts at. */
  since(from: number, to: number): { start: number; text: string } {
    const start = Math.max(from, this.windowStart);
    return { start, text: this.window.slice(start - this.windowStart, to - this.windowStart) };
  }

  /** The code point at stream offset `offset`, if in the window. */
  codePointAt(offset: number): number | undefined {
    return this.window.codePointAt(offset - this.windowStart);
  }
}
