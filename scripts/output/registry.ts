/**
 * The registry of format writers: the one module that knows them all (Pandoc's
 * `Writers.hs`). A writer is a leaf: it imports the shared types, never another writer.
 */
import { writeEpub } from './epub.js';
import type { Format } from './file-names.js';
import { writeHtml } from './html.js';
import { writePdf } from './pdf.js';
import type { FormatWriter } from './types.js';

/** One writer per format, in the order they are built (PDF and EPUB link from HTML). */
export const writers: Partial<Record<Format, FormatWriter>> = {
  html: writeHtml,
  epub: writeEpub,
  pdf: writePdf,
};

/** The formats this version of the pipeline can build, in build order. */
export const buildableFormats = Object.keys(writers) as Format[];
