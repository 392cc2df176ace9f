/**
 * Search a PDF as Firefox's viewer does: pdf.js's own find controller
 * (`PDFFindController` of `pdfjs-dist`), with its text extraction and its normalisation
 * (which joins a word across a hyphen at a line's end), run in Node. The viewer module
 * reads `document` and `window` once when it loads, for parts of the viewer that the
 * find controller does not use; two small stand-ins let it load without a browser.
 */
import { readFile } from 'node:fs/promises';

/** What a search of one PDF answers: whether a query is found, as the find bar says. */
export interface PdfSearch {
  find: (query: string) => Promise<boolean>;
  close: () => Promise<void>;
}

interface FindEvent {
  state: number;
}
interface EventBus {
  on: (name: string, listener: (event: FindEvent) => void) => void;
  off: (name: string, listener: (event: FindEvent) => void) => void;
  dispatch: (name: string, data: Record<string, unknown>) => void;
}

/** Open the PDF in `file` for searching with pdf.js's find controller. */
export async function searchPdf(file: string): Promise<PdfSearch> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const scope = globalThis as Record<string, unknown>;
  scope.pdfjsLib ??= pdfjs;
  scope.document ??= { createElement: () => ({ style: {} }), documentElement: { style: {} } };
  scope.window ??= { requestAnimationFrame: (callback: () => void) => setTimeout(callback, 0) };
  const viewer = await import('pdfjs-dist/legacy/web/pdf_viewer.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0 }).promise;
  const eventBus = new viewer.EventBus() as unknown as EventBus;
  // The link service as far as the find controller asks it: pages, and where the reader is.
  const linkService = { pagesCount: document.numPages, page: 1, rotation: 0 };
  const controller = new viewer.PDFFindController({
    linkService: linkService as never,
    eventBus: eventBus as never,
  });
  controller.setDocument(document);
  const { FOUND, WRAPPED, PENDING } = viewer.FindState;
  return {
    find: (query) =>
      new Promise((resolve) => {
        const listener = ({ state }: FindEvent): void => {
          if (state === PENDING) return;
          eventBus.off('updatefindcontrolstate', listener);
          resolve(state === FOUND || state === WRAPPED);
        };
        eventBus.on('updatefindcontrolstate', listener);
        // As the find bar sends it, with Firefox's defaults; 'again' searches at once
        // rather than after the find bar's typing delay.
        eventBus.dispatch('find', {
          source: null,
          type: 'again',
          query,
          caseSensitive: false,
          entireWord: false,
          highlightAll: false,
          findPrevious: false,
          matchDiacritics: false,
        });
      }),
    close: () => document.destroy(),
  };
}
